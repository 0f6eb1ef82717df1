package org.tipx.api.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.json.stream.JsonGenerator;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.sdmx.Code;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.DataAttribute;
import org.tipx.api.sdmx.Detail;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.SeriesDimension;
import org.tipx.api.sdmx.ThbStructure;

/**
 * An SDMX-JSON 2.0.0 data message ({@value #MEDIA_TYPE}) of a data set of {@code TIPX:DF_THB}: the
 * structure of the answer (each dimension with the codes that occur, in codelist order, named), then
 * one data set whose observations point into it by index, as the SDMX-JSON data message specification
 * has it (sdmx-twg/sdmx-json, tag v2.0.0, {@code data-message/docs/sdmx-json-data-message.md}).
 *
 * <p>In the time series view (the default) the series dimensions key the series and {@code TIME_PERIOD}
 * is the only observation dimension; with {@code dimensionAtObservation=AllDimensions} every dimension is
 * at the observation level and the observations are flat. An observation is
 * {@code [OBS_VALUE, OBS_STATUS index, CONF_STATUS index]}: a withheld cell has a {@code null} value,
 * {@code OBS_STATUS} {@code Q} and {@code CONF_STATUS} {@code A}, as in every other format.
 * {@code UNIT_MEASURE} and {@code UNIT_MULT} are data set attributes. {@code detail=dataonly} leaves the
 * attributes out, {@code serieskeysonly} and {@code nodata} the observations.
 *
 * <p>The cells are the data set's as they are: this writer computes no value. The message is a function
 * of the data set: {@code prepared} is the release's creation instant, so the same query on the same
 * release gives the same bytes. Immutable and thread-safe.
 */
public final class SdmxJsonDataWriter {

    public static final String MEDIA_TYPE = "application/vnd.sdmx.data+json;version=2.0.0";
    /** Where the schema of this format is published, named in every message's {@code meta.schema}. */
    public static final String SCHEMA =
            "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";

    private final ThbStructure structure;

    public SdmxJsonDataWriter(ThbStructure structure) {
        this.structure = Objects.requireNonNull(structure, "structure");
    }

    /** The whole message as bytes. */
    public byte[] bytes(SdmxDataSet set) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(set, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Streams the message to {@code out}, flushing but not closing it. */
    public void write(SdmxDataSet set, OutputStream out) throws IOException {
        Detail detail = set.query().detail();
        boolean flat = set.query().allDimensionsAtObservation();
        List<SeriesDimension> dimensions = structure.dimensions();
        List<List<String>> keyValues = keyValues(set, dimensions);
        List<String> years = years(set);
        List<DataAttribute> observationAttributes = detail.attributes() && detail.observations()
                ? structure.attributes().stream().filter(DataAttribute::observation).toList() : List.of();
        List<List<String>> attributeValues = new ArrayList<>();
        for (DataAttribute attribute : observationAttributes) {
            attributeValues.add(attributeValues(set, attribute));
        }
        List<DataAttribute> dataSetAttributes = detail.attributes()
                ? structure.attributes().stream().filter(a -> !a.observation()).toList() : List.of();

        try (JsonGenerator json = JsonParts.generator(out)) {
            json.writeStartObject();
            meta(json, set);
            json.writeStartObject("data");
            json.writeStartArray("structures").writeStartObject();
            links(json);
            json.writeStartObject("dimensions");
            json.writeStartArray("dataSet").writeEnd();
            json.writeStartArray("series");
            if (!flat) {
                for (int d = 0; d < dimensions.size(); d++) {
                    keyDimension(json, dimensions.get(d), keyValues.get(d));
                }
            }
            json.writeEnd();
            json.writeStartArray("observation");
            if (flat) {
                for (int d = 0; d < dimensions.size(); d++) {
                    keyDimension(json, dimensions.get(d), keyValues.get(d));
                }
            }
            if (!years.isEmpty()) {
                timeDimension(json, years);
            }
            json.writeEnd();
            json.writeEnd();
            if (detail.observations()) {
                json.writeStartObject("measures").writeStartArray("observation").writeStartObject()
                        .write("id", ThbStructure.OBS_VALUE)
                        .write("name", conceptName(ThbStructure.OBS_VALUE))
                        .writeStartObject("names").write("en", conceptName(ThbStructure.OBS_VALUE)).writeEnd()
                        .writeEnd().writeEnd().writeEnd();
            }
            json.writeStartObject("attributes");
            json.writeStartArray("dataSet");
            for (DataAttribute attribute : dataSetAttributes) {
                Codelist codelist = structure.codelist(attribute.codelist());
                attribute(json, attribute, codelist.codes().stream().map(Code::id).toList(), false);
            }
            json.writeEnd();
            json.writeStartArray("series").writeEnd();
            json.writeStartArray("observation");
            for (int a = 0; a < observationAttributes.size(); a++) {
                attribute(json, observationAttributes.get(a), attributeValues.get(a), true);
            }
            json.writeEnd();
            json.writeEnd();
            json.writeStartArray("dataSets").write(0).writeEnd();
            json.writeEnd().writeEnd();

            json.writeStartArray("dataSets").writeStartObject();
            json.write("structure", 0);
            // The schema requires a data set's links: the dataflow it belongs to.
            json.writeStartArray("links").writeStartObject().write("rel", "dataflow")
                    .write("urn", ThbStructure.DATAFLOW.urn("datastructure.Dataflow")).writeEnd().writeEnd();
            json.write("action", "Information");
            if (!dataSetAttributes.isEmpty()) {
                // Every data set attribute has exactly the one value its codelist lists.
                json.writeStartArray("attributes");
                dataSetAttributes.forEach(a -> json.write(0));
                json.writeEnd();
            }
            if (flat) {
                json.writeStartObject("observations");
                for (SdmxDataSet.Series series : set.series()) {
                    String key = keyIndices(series, keyValues);
                    for (SdmxDataSet.Observation observation : series.observations()) {
                        observation(json, key + ":" + years.indexOf(observation.timePeriod()), observation.cell(),
                                observationAttributes, attributeValues);
                    }
                }
                json.writeEnd();
            } else {
                json.writeStartObject("series");
                for (SdmxDataSet.Series series : set.series()) {
                    json.writeStartObject(keyIndices(series, keyValues));
                    if (detail.observations()) {
                        json.writeStartObject("observations");
                        for (SdmxDataSet.Observation observation : series.observations()) {
                            observation(json, String.valueOf(years.indexOf(observation.timePeriod())), observation.cell(),
                                    observationAttributes, attributeValues);
                        }
                        json.writeEnd();
                    }
                    json.writeEnd();
                }
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
            json.writeEnd();
            json.writeEnd();
        }
    }

    /** {@code meta}: the message's identity, its sender and when it was prepared (the release's creation). */
    static void meta(JsonGenerator json, SdmxDataSet set) {
        json.writeStartObject("meta")
                .write("schema", SCHEMA)
                .write("id", messageId(set.release().id()))
                .write("test", false)
                .write("prepared", set.release().created().toString())
                .writeStartArray("contentLanguages").write("en").writeEnd();
        sender(json);
        json.writeEnd();
    }

    /** {@code "sender": {"id": "TIPX", ...}}. */
    static void sender(JsonGenerator json) {
        json.writeStartObject("sender").write("id", ThbStructure.AGENCY).write("name", "tipx")
                .writeStartObject("names").write("en", "tipx").writeEnd().writeEnd();
    }

    /** A message id matching SDMX-JSON's {@code ^[A-Za-z0-9_@$-]+$}: the release id with its dots as {@code _}. */
    static String messageId(String releaseId) {
        return "TIPX-" + releaseId.replaceAll("[^A-Za-z0-9_@$-]", "_");
    }

    private void links(JsonGenerator json) {
        json.writeStartArray("links")
                .writeStartObject().write("rel", "dataflow")
                .write("urn", ThbStructure.DATAFLOW.urn("datastructure.Dataflow")).writeEnd()
                .writeStartObject().write("rel", "datastructure")
                .write("urn", ThbStructure.DSD.urn("datastructure.DataStructure")).writeEnd()
                .writeEnd();
    }

    private void keyDimension(JsonGenerator json, SeriesDimension dimension, List<String> codes) {
        Codelist codelist = structure.codelist(dimension.codelist());
        String name = conceptName(dimension.id());
        json.writeStartObject()
                .write("id", dimension.id())
                .write("name", name)
                .writeStartObject("names").write("en", name).writeEnd()
                .write("keyPosition", dimension.position() - 1);
        if (dimension.id().equals(ThbStructure.FREQ)) {
            json.writeStartArray("roles").write(ThbStructure.FREQ).writeEnd();
        }
        json.writeStartArray("values");
        for (String code : codes) {
            String codeName = codelist.code(code).map(Code::name).orElse(code);
            json.writeStartObject().write("id", code).write("name", codeName)
                    .writeStartObject("names").write("en", codeName).writeEnd().writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    private void timeDimension(JsonGenerator json, List<String> years) {
        String name = conceptName(ThbStructure.TIME_PERIOD);
        json.writeStartObject()
                .write("id", ThbStructure.TIME_PERIOD)
                .write("name", name)
                .writeStartObject("names").write("en", name).writeEnd()
                .write("keyPosition", structure.dimensions().size())
                .writeStartArray("roles").write(ThbStructure.TIME_PERIOD).writeEnd()
                .writeStartArray("values");
        for (String year : years) {
            json.writeStartObject().write("id", year).write("name", year)
                    .writeStartObject("names").write("en", year).writeEnd()
                    .write("start", year + "-01-01T00:00:00Z")
                    .write("end", year + "-12-31T23:59:59Z")
                    .writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    private void attribute(JsonGenerator json, DataAttribute attribute, List<String> codes, boolean observation) {
        Codelist codelist = structure.codelist(attribute.codelist());
        String name = conceptName(attribute.id());
        json.writeStartObject()
                .write("id", attribute.id())
                .write("name", name)
                .writeStartObject("names").write("en", name).writeEnd()
                .write("isMandatory", attribute.mandatory())
                .writeStartArray("roles").write(attribute.id()).writeEnd();
        json.writeStartObject("relationship");
        if (observation) {
            json.writeStartObject("observation").writeEnd();
        } else {
            json.writeStartObject("dataflow").writeEnd();
        }
        json.writeEnd();
        json.writeStartArray("values");
        for (String code : codes) {
            String codeName = codelist.code(code).map(Code::name).orElse(code);
            json.writeStartObject().write("id", code).write("name", codeName)
                    .writeStartObject("names").write("en", codeName).writeEnd().writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    private static void observation(JsonGenerator json, String key, ProtectedCell cell,
                                    List<DataAttribute> attributes, List<List<String>> attributeValues) {
        json.writeStartArray(key);
        if (cell.value().isPresent()) {
            json.write(cell.value().getAsLong());
        } else {
            json.writeNull();
        }
        for (int a = 0; a < attributes.size(); a++) {
            json.write(attributeValues.get(a).indexOf(attributeCode(attributes.get(a), cell)));
        }
        json.writeEnd();
    }

    /** The code of an observation attribute for a cell: its OBS_STATUS or CONF_STATUS. */
    private static String attributeCode(DataAttribute attribute, ProtectedCell cell) {
        return switch (attribute.id()) {
            case "OBS_STATUS" -> cell.obsStatus().code();
            case "CONF_STATUS" -> cell.confStatus().code();
            default -> throw new IllegalArgumentException("no observation attribute " + attribute.id());
        };
    }

    /** Per series dimension, the codes the data set's series use, in codelist order. */
    private List<List<String>> keyValues(SdmxDataSet set, List<SeriesDimension> dimensions) {
        List<List<String>> values = new ArrayList<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Map<String, Boolean> used = new LinkedHashMap<>();
            for (SdmxDataSet.Series series : set.series()) {
                used.put(series.key().get(d), true);
            }
            values.add(inCodelistOrder(structure.codelist(dimensions.get(d).codelist()), used.keySet()));
        }
        return values;
    }

    /** The codes of an observation attribute that occur in the data set, in codelist order. */
    private List<String> attributeValues(SdmxDataSet set, DataAttribute attribute) {
        Map<String, Boolean> used = new LinkedHashMap<>();
        for (SdmxDataSet.Series series : set.series()) {
            for (SdmxDataSet.Observation observation : series.observations()) {
                used.put(attributeCode(attribute, observation.cell()), true);
            }
        }
        return inCodelistOrder(structure.codelist(attribute.codelist()), used.keySet());
    }

    private static List<String> inCodelistOrder(Codelist codelist, java.util.Set<String> used) {
        List<String> ordered = new ArrayList<>();
        for (Code code : codelist.codes()) {
            if (used.contains(code.id())) {
                ordered.add(code.id());
            }
        }
        // A code the codelist lacks cannot come from the model; kept (sorted, after the listed ones) rather than lost.
        for (String code : new TreeSet<>(used)) {
            if (!ordered.contains(code)) {
                ordered.add(code);
            }
        }
        return ordered;
    }

    private static List<String> years(SdmxDataSet set) {
        TreeSet<String> years = new TreeSet<>();
        for (SdmxDataSet.Series series : set.series()) {
            for (SdmxDataSet.Observation observation : series.observations()) {
                years.add(observation.timePeriod());
            }
        }
        return List.copyOf(years);
    }

    private static String keyIndices(SdmxDataSet.Series series, List<List<String>> keyValues) {
        StringBuilder key = new StringBuilder();
        for (int d = 0; d < keyValues.size(); d++) {
            if (d > 0) {
                key.append(':');
            }
            key.append(keyValues.get(d).indexOf(series.key().get(d)));
        }
        return key.toString();
    }

    private String conceptName(String id) {
        return structure.conceptScheme().concepts().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(org.tipx.api.sdmx.Concept::name).orElse(id);
    }
}
