package org.tipx.api.sdmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.Labels;
import org.tipx.api.statistics.ProtectedTable;

/**
 * The SDMX structure of tipx's statistics: dataflow {@code TIPX:DF_THB(1.0)}, its data structure
 * definition {@code TIPX:DSD_THB(1.0)}, the concept scheme {@code TIPX:CS_THB(1.0)} and the codelists
 * (the SDMX cross-domain ones where they exist, partial as tipx uses them, and tipx's own).
 *
 * <p>The series key, in order: {@code FREQ}, {@code MEASURE}, {@code REF_AREA} (country of identification),
 * {@code CITIZENSHIP}, {@code COUNTRY_EXPLOIT}, {@code SEX}, {@code AGE}, {@code MINOR},
 * {@code EXPLOITATION}, {@code IDENTIFIED_BY}, {@code VICTIM_STATUS}, {@code ASSISTANCE}; then the time dimension
 * {@code TIME_PERIOD} (the registration year). Attributes: {@code OBS_STATUS} and {@code CONF_STATUS}
 * on each observation, {@code UNIT_MEASURE} ({@code PS}, persons) and {@code UNIT_MULT} ({@code 0})
 * on the data set. Names come from {@link Labels} (codes of tipx dimensions) or are SDMX's own (the
 * cross-domain codes tipx adds nothing to). Immutable.
 */
public final class ThbStructure {

    /** tipx's maintenance agency. */
    public static final String AGENCY = "TIPX";
    /** The SDMX maintenance agency of the cross-domain codelists. */
    public static final String SDMX_AGENCY = "SDMX";
    public static final ArtefactRef DATAFLOW = new ArtefactRef(AGENCY, "DF_THB", "1.0");
    public static final ArtefactRef DSD = new ArtefactRef(AGENCY, "DSD_THB", "1.0");
    public static final ArtefactRef CONCEPTS = new ArtefactRef(AGENCY, "CS_THB", "1.0");

    // Cross-domain codelists, at the versions of the SDMX Global Registry's cross-domain code lists.
    public static final ArtefactRef CL_FREQ = new ArtefactRef(SDMX_AGENCY, "CL_FREQ", "2.1");
    public static final ArtefactRef CL_AREA = new ArtefactRef(SDMX_AGENCY, "CL_AREA", "2.0");
    public static final ArtefactRef CL_SEX = new ArtefactRef(SDMX_AGENCY, "CL_SEX", "2.1");
    public static final ArtefactRef CL_OBS_STATUS = new ArtefactRef(SDMX_AGENCY, "CL_OBS_STATUS", "2.2");
    public static final ArtefactRef CL_CONF_STATUS = new ArtefactRef(SDMX_AGENCY, "CL_CONF_STATUS", "1.3");
    public static final ArtefactRef CL_UNIT_MULT = new ArtefactRef(SDMX_AGENCY, "CL_UNIT_MULT", "1.1");
    public static final ArtefactRef CL_UNIT_MEASURE = new ArtefactRef(SDMX_AGENCY, "CL_UNIT_MEASURE", "1.0");
    // tipx's own.
    public static final ArtefactRef CL_THB_MEASURE = new ArtefactRef(AGENCY, "CL_THB_MEASURE", "1.0");
    public static final ArtefactRef CL_THB_CITIZENSHIP = new ArtefactRef(AGENCY, "CL_THB_CITIZENSHIP", "1.0");
    public static final ArtefactRef CL_THB_AGE = new ArtefactRef(AGENCY, "CL_THB_AGE", "1.0");
    public static final ArtefactRef CL_THB_MINOR = new ArtefactRef(AGENCY, "CL_THB_MINOR", "1.0");
    public static final ArtefactRef CL_THB_EXPLOITATION = new ArtefactRef(AGENCY, "CL_THB_EXPLOITATION", "1.0");
    public static final ArtefactRef CL_THB_IDENTIFIED_BY = new ArtefactRef(AGENCY, "CL_THB_IDENTIFIED_BY", "1.0");
    public static final ArtefactRef CL_THB_STATUS = new ArtefactRef(AGENCY, "CL_THB_STATUS", "1.0");
    public static final ArtefactRef CL_THB_ASSISTANCE = new ArtefactRef(AGENCY, "CL_THB_ASSISTANCE", "1.0");

    public static final String TIME_PERIOD = "TIME_PERIOD";
    public static final String OBS_VALUE = "OBS_VALUE";
    public static final String FREQ = "FREQ";
    public static final String MEASURE = "MEASURE";
    /** The only frequency: tipx counts by registration year. */
    public static final String ANNUAL = "A";
    /** {@code UNIT_MEASURE}: persons (victims) or case records of persons (registrations). */
    public static final String PERSONS = "PS";
    /** {@code UNIT_MULT}: values are units. */
    public static final String UNITS = "0";

    /** The series dimensions in key order: the {@code FREQ} and {@code MEASURE} first, then one per tipx dimension but the year. */
    public static final List<String> KEY = List.of(FREQ, MEASURE, "REF_AREA", "CITIZENSHIP", "COUNTRY_EXPLOIT",
            "SEX", "AGE", "MINOR", "EXPLOITATION", "IDENTIFIED_BY", "VICTIM_STATUS", "ASSISTANCE");

    private final Labels labels;
    private final SdmxCodes codes;
    private final List<SeriesDimension> dimensions;
    private final List<DataAttribute> attributes;
    private final Map<ArtefactRef, Codelist> codelists;
    private final ConceptScheme conceptScheme;

    private ThbStructure(Labels labels) {
        this.labels = labels;
        this.codes = SdmxCodes.of(labels);
        List<SeriesDimension> key = new ArrayList<>();
        for (String id : KEY) {
            Optional<Dimension> tipx = tipxDimension(id);
            key.add(new SeriesDimension(id, key.size() + 1, codelistOf(id), tipx));
        }
        this.dimensions = List.copyOf(key);
        this.attributes = List.of(
                new DataAttribute("OBS_STATUS", CL_OBS_STATUS, true, true),
                new DataAttribute("CONF_STATUS", CL_CONF_STATUS, true, false),
                new DataAttribute("UNIT_MEASURE", CL_UNIT_MEASURE, false, true),
                new DataAttribute("UNIT_MULT", CL_UNIT_MULT, false, true));
        this.codelists = buildCodelists();
        this.conceptScheme = buildConcepts();
    }

    /** The structure, named by these labels. */
    public static ThbStructure of(Labels labels) {
        return new ThbStructure(Objects.requireNonNull(labels, "labels"));
    }

    /** The codes mapping that the structure's codelists are built from. */
    public SdmxCodes codes() {
        return codes;
    }

    /** The labels the names come from. */
    public Labels labels() {
        return labels;
    }

    /** The series dimensions, in key order. */
    public List<SeriesDimension> dimensions() {
        return dimensions;
    }

    /** The dimension with this id ({@code TIME_PERIOD} is not one). */
    public Optional<SeriesDimension> dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The series dimension standing for a tipx dimension (any but the year). */
    public SeriesDimension dimension(Dimension tipx) {
        return dimensions.stream().filter(d -> d.tipx().equals(Optional.of(tipx))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no series dimension for " + tipx.id()));
    }

    public List<DataAttribute> attributes() {
        return attributes;
    }

    /** Every codelist the DSD uses, in the order of the components that use them. */
    public List<Codelist> codelists() {
        return List.copyOf(codelists.values());
    }

    public Codelist codelist(ArtefactRef ref) {
        Codelist list = codelists.get(ref);
        if (list == null) {
            throw new IllegalArgumentException("no codelist " + ref);
        }
        return list;
    }

    public ConceptScheme conceptScheme() {
        return conceptScheme;
    }

    public String dataflowName() {
        return "Identified victims of trafficking in human beings";
    }

    public String dsdName() {
        return "Identified victims of trafficking in human beings: data structure";
    }

    /** The English name of a measure. */
    public static String measureName(Measure measure) {
        return switch (measure) {
            case VICTIMS -> "Victims (distinct persons)";
            case REGISTRATIONS -> "Registrations (case records)";
        };
    }

    private static Optional<Dimension> tipxDimension(String id) {
        return Optional.ofNullable(switch (id) {
            case "REF_AREA" -> Dimension.COUNTRY_OF_IDENTIFICATION;
            case "CITIZENSHIP" -> Dimension.CITIZENSHIP;
            case "COUNTRY_EXPLOIT" -> Dimension.COUNTRY_OF_EXPLOITATION;
            case "SEX" -> Dimension.SEX;
            case "AGE" -> Dimension.AGE_BAND;
            case "MINOR" -> Dimension.MINOR_AT_EXPLOITATION;
            case "EXPLOITATION" -> Dimension.EXPLOITATION;
            case "IDENTIFIED_BY" -> Dimension.IDENTIFIED_BY;
            case "VICTIM_STATUS" -> Dimension.STATUS;
            case "ASSISTANCE" -> Dimension.ASSISTANCE;
            default -> null;
        });
    }

    private static ArtefactRef codelistOf(String id) {
        return switch (id) {
            case FREQ -> CL_FREQ;
            case MEASURE -> CL_THB_MEASURE;
            case "REF_AREA", "COUNTRY_EXPLOIT" -> CL_AREA;
            case "CITIZENSHIP" -> CL_THB_CITIZENSHIP;
            case "SEX" -> CL_SEX;
            case "AGE" -> CL_THB_AGE;
            case "MINOR" -> CL_THB_MINOR;
            case "EXPLOITATION" -> CL_THB_EXPLOITATION;
            case "IDENTIFIED_BY" -> CL_THB_IDENTIFIED_BY;
            case "VICTIM_STATUS" -> CL_THB_STATUS;
            case "ASSISTANCE" -> CL_THB_ASSISTANCE;
            default -> throw new IllegalArgumentException(id);
        };
    }

    private Map<ArtefactRef, Codelist> buildCodelists() {
        Map<ArtefactRef, Codelist> lists = new LinkedHashMap<>();
        lists.put(CL_FREQ, new Codelist(CL_FREQ, "Frequency", true, List.of(new Code(ANNUAL, "Annual"))));
        List<Code> measures = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            measures.add(new Code(SdmxCodes.toSdmx(measure), measureName(measure)));
        }
        lists.put(CL_THB_MEASURE, new Codelist(CL_THB_MEASURE, "Measure", false, measures));
        for (SeriesDimension dimension : dimensions) {
            if (dimension.tipx().isEmpty() || lists.containsKey(dimension.codelist())) {
                continue;
            }
            Dimension tipx = dimension.tipx().get();
            List<Code> listed = new ArrayList<>();
            for (String tipxCode : SdmxCodes.tipxCodes(labels.dimension(tipx))) {
                listed.add(new Code(codes.toSdmx(tipx, tipxCode), codeName(tipx, tipxCode)));
            }
            listed.add(new Code(SdmxCodes.TOTAL, labels.label(tipx, ProtectedTable.TOTAL)));
            ArtefactRef ref = dimension.codelist();
            String name = ref.equals(CL_AREA) ? "Geographical areas" : labels.label(tipx);
            lists.put(ref, new Codelist(ref, name, ref.agencyId().equals(SDMX_AGENCY), listed));
        }
        lists.put(CL_OBS_STATUS, new Codelist(CL_OBS_STATUS, "Observation status", true, List.of(
                new Code("A", "Normal value"), new Code("Q", "Missing value; suppressed"))));
        lists.put(CL_CONF_STATUS, new Codelist(CL_CONF_STATUS, "Confidentiality status", true, List.of(
                new Code("F", "Free"), new Code("A", "Primary confidentiality due to small counts"))));
        lists.put(CL_UNIT_MEASURE, new Codelist(CL_UNIT_MEASURE, "Unit of measure", true, List.of(
                new Code(PERSONS, "Persons"))));
        lists.put(CL_UNIT_MULT, new Codelist(CL_UNIT_MULT, "Unit multiplier", true, List.of(
                new Code(UNITS, "Units"))));
        return java.util.Collections.unmodifiableMap(lists);
    }

    private String codeName(Dimension tipx, String tipxCode) {
        return switch (tipxCode) {
            case "XX" -> "Unknown country";
            case "XS" -> "Stateless";
            default -> labels.label(tipx, tipxCode);
        };
    }

    private ConceptScheme buildConcepts() {
        List<Concept> concepts = new ArrayList<>();
        for (SeriesDimension dimension : dimensions) {
            String name = switch (dimension.id()) {
                case FREQ -> "Frequency";
                case MEASURE -> "Measure";
                default -> labels.label(dimension.tipx().orElseThrow());
            };
            concepts.add(new Concept(dimension.id(), name));
        }
        concepts.add(new Concept(TIME_PERIOD, "Registration year"));
        concepts.add(new Concept(OBS_VALUE, "Observation value"));
        concepts.add(new Concept("OBS_STATUS", "Observation status"));
        concepts.add(new Concept("CONF_STATUS", "Confidentiality status"));
        concepts.add(new Concept("UNIT_MEASURE", "Unit of measure"));
        concepts.add(new Concept("UNIT_MULT", "Unit multiplier"));
        return new ConceptScheme(CONCEPTS, "Concepts of trafficking in human beings statistics", concepts);
    }
}
