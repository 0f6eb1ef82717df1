package org.tipx.api.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tipx.api.domain.Dimension;
import org.tipx.api.ingest.CodeList;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.reference.Countries;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.ProtectedTable;

/**
 * English labels of the statistics dimensions and their codes, taken from the code lists and the
 * country table shipped in the jar ({@code datasets/code-lists/}, {@code datasets/geo/countries.csv}).
 *
 * <p>Two codes exist beyond the lists: {@link ProtectedTable#TOTAL} ({@value #TOTAL_LABEL}) in
 * every dimension, and {@link Dimension#UNKNOWN}, which {@link Dimension} gives a record whose
 * field was left empty. Where the code list has an {@code unknown} code of its own and the field is
 * optional, both meanings fall into the same cell, so the label says so
 * ({@value #UNKNOWN_OR_NOT_RECORDED_LABEL}); where the field is optional and the list has no such
 * code the label is {@value #NOT_RECORDED_LABEL}; a required field keeps its list's label.
 *
 * <p>A code that is in no list (a year, or a code a later contract version adds) is its own label,
 * so labelling never fails on data. Immutable and thread-safe; load once and share.
 */
public final class Labels {

    /** The label of the total code {@code _T}. */
    public static final String TOTAL_LABEL = "Total";
    /** The label of {@link Dimension#UNKNOWN} in an optional field whose list has no such code. */
    public static final String NOT_RECORDED_LABEL = "Not recorded";
    /** The label of {@link Dimension#UNKNOWN} in an optional field whose list has its own {@code unknown}. */
    public static final String UNKNOWN_OR_NOT_RECORDED_LABEL = "Unknown or not recorded";

    private final Map<Dimension, DimensionInfo> infos;
    private final Map<Dimension, Map<String, String>> codeLabels;

    private Labels(Map<Dimension, DimensionInfo> infos) {
        Map<Dimension, DimensionInfo> copy = new EnumMap<>(Dimension.class);
        Map<Dimension, Map<String, String>> labels = new EnumMap<>(Dimension.class);
        for (DimensionInfo info : infos.values()) {
            copy.put(info.dimension(), info);
            Map<String, String> byCode = new LinkedHashMap<>();
            info.codes().forEach(code -> byCode.put(code.code(), code.label()));
            labels.put(info.dimension(), Collections.unmodifiableMap(byCode));
        }
        this.infos = Collections.unmodifiableMap(copy);
        this.codeLabels = Collections.unmodifiableMap(labels);
    }

    /** Labels from the code lists and countries on the classpath. */
    public static Labels load() {
        return of(CodeLists.load(), ReferenceData.load().countries());
    }

    /** Labels from the given code lists and countries (each list named as its dimension's field). */
    public static Labels of(CodeLists codeLists, Countries countries) {
        Objects.requireNonNull(codeLists, "codeLists");
        Objects.requireNonNull(countries, "countries");
        Map<String, String> countryLabels = new LinkedHashMap<>();
        for (Country country : countries.all()) {
            countryLabels.put(country.iso2(), country.name());
        }
        Map<Dimension, DimensionInfo> infos = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<String, String> listed = switch (dimension) {
                case YEAR -> Map.of();
                case CITIZENSHIP, COUNTRY_OF_IDENTIFICATION, COUNTRY_OF_EXPLOITATION -> countryLabels;
                case SEX, AGE_BAND, MINOR_AT_EXPLOITATION, EXPLOITATION, IDENTIFIED_BY, STATUS ->
                        codeLists.get(dimension.id()).labels();
            };
            infos.put(dimension, new DimensionInfo(dimension, dimensionLabel(dimension), codes(dimension, listed)));
        }
        return new Labels(infos);
    }

    private static List<DimensionInfo.Code> codes(Dimension dimension, Map<String, String> listed) {
        List<DimensionInfo.Code> codes = new ArrayList<>();
        if (dimension == Dimension.YEAR) {
            return codes;
        }
        listed.forEach((code, label) -> {
            if (!code.equals(Dimension.UNKNOWN)) {
                codes.add(new DimensionInfo.Code(code, label));
            }
        });
        String unknown;
        if (!optional(dimension)) {
            unknown = listed.getOrDefault(Dimension.UNKNOWN, NOT_RECORDED_LABEL);
        } else {
            unknown = listed.containsKey(Dimension.UNKNOWN) ? UNKNOWN_OR_NOT_RECORDED_LABEL : NOT_RECORDED_LABEL;
        }
        codes.add(new DimensionInfo.Code(Dimension.UNKNOWN, unknown));
        return codes;
    }

    /** True where the extract contract lets an agency leave the field empty. */
    private static boolean optional(Dimension dimension) {
        return switch (dimension) {
            case YEAR, SEX, COUNTRY_OF_IDENTIFICATION, STATUS -> false;
            case AGE_BAND, MINOR_AT_EXPLOITATION, CITIZENSHIP, COUNTRY_OF_EXPLOITATION, EXPLOITATION, IDENTIFIED_BY -> true;
        };
    }

    private static String dimensionLabel(Dimension dimension) {
        return switch (dimension) {
            case YEAR -> "Year";
            case SEX -> "Sex";
            case AGE_BAND -> "Age band";
            case MINOR_AT_EXPLOITATION -> "Minor at exploitation";
            case CITIZENSHIP -> "Citizenship";
            case COUNTRY_OF_IDENTIFICATION -> "Country of identification";
            case COUNTRY_OF_EXPLOITATION -> "Country of exploitation";
            case EXPLOITATION -> "Form of exploitation";
            case IDENTIFIED_BY -> "Identified by";
            case STATUS -> "Victim status";
        };
    }

    /** The English label of a dimension, e.g. {@code "Age band"}. */
    public String label(Dimension dimension) {
        return infos.get(dimension).label();
    }

    /**
     * The English label of a code in a dimension: {@value #TOTAL_LABEL} for {@code _T}, the code
     * list's label, or the code itself where no list names it (a year).
     */
    public String label(Dimension dimension, String code) {
        Objects.requireNonNull(code, "code");
        if (code.equals(ProtectedTable.TOTAL)) {
            return TOTAL_LABEL;
        }
        return codeLabels.get(dimension).getOrDefault(code, code);
    }

    /** Every dimension with its label and codes, in {@link Dimension}'s order. */
    public List<DimensionInfo> dimensions() {
        return List.copyOf(infos.values());
    }

    /** One dimension with its label and codes. */
    public DimensionInfo dimension(Dimension dimension) {
        return infos.get(Objects.requireNonNull(dimension, "dimension"));
    }
}
