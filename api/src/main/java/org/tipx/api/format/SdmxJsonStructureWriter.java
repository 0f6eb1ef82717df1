package org.tipx.api.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

import jakarta.json.stream.JsonGenerator;

import org.tipx.api.sdmx.ArtefactRef;
import org.tipx.api.sdmx.Code;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.Concept;
import org.tipx.api.sdmx.ConceptScheme;
import org.tipx.api.sdmx.DataAttribute;
import org.tipx.api.sdmx.SeriesDimension;
import org.tipx.api.sdmx.Structures;
import org.tipx.api.sdmx.ThbStructure;

/**
 * An SDMX-JSON 2.0.0 structure message ({@value #MEDIA_TYPE}) with the artefacts of {@link ThbStructure}
 * a structure query asks for: the dataflow, the data structure definition, codelists, the concept
 * scheme. Shapes as in the SDMX-JSON structure message specification (sdmx-twg/sdmx-json, tag v2.0.0):
 * maintainables with {@code agencyID}, {@code version}, {@code name}/{@code names} and a {@code self}
 * link by URN; components refer to concepts and codelists by URN; the time dimension is
 * {@code TIME_PERIOD} and the one measure {@code OBS_VALUE}. Immutable and thread-safe.
 */
public final class SdmxJsonStructureWriter {

    public static final String MEDIA_TYPE = "application/vnd.sdmx.structure+json;version=2.0.0";
    /** Where the schema of this format is published, named in every message's {@code meta.schema}. */
    public static final String SCHEMA =
            "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";

    private final ThbStructure structure;

    public SdmxJsonStructureWriter(ThbStructure structure) {
        this.structure = Objects.requireNonNull(structure, "structure");
    }

    /** The whole message as bytes. */
    public byte[] bytes(Structures contents, Instant prepared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(contents, prepared, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * Streams the message to {@code out}, flushing but not closing it. Content constraints are left out:
     * SDMX-JSON 2.0 describes SDMX 3.0's data constraints, not SDMX 2.1's; SDMX-ML structures carry them.
     *
     * @param prepared when the message was prepared (the caller's, so that the same structures give the same bytes)
     */
    public void write(Structures contents, Instant prepared, OutputStream out) throws IOException {
        try (JsonGenerator json = JsonParts.generator(out)) {
            json.writeStartObject();
            json.writeStartObject("meta")
                    .write("schema", SCHEMA)
                    .write("id", "TIPX-STRUCTURE")
                    .write("test", false)
                    .write("prepared", prepared.toString())
                    .writeStartArray("contentLanguages").write("en").writeEnd();
            SdmxJsonDataWriter.sender(json);
            json.writeEnd();
            json.writeStartObject("data");
            if (contents.dataStructure()) {
                json.writeStartArray("dataStructures");
                dataStructure(json);
                json.writeEnd();
            }
            if (contents.dataflow()) {
                json.writeStartArray("dataflows").writeStartObject();
                maintainable(json, ThbStructure.DATAFLOW, "datastructure.Dataflow", structure.dataflowName());
                json.write("structure", dsdUrn());
                json.writeEnd().writeEnd();
            }
            if (!contents.codelists().isEmpty()) {
                json.writeStartArray("codelists");
                for (Codelist codelist : contents.codelists()) {
                    codelist(json, codelist);
                }
                json.writeEnd();
            }
            if (contents.conceptScheme()) {
                json.writeStartArray("conceptSchemes");
                conceptScheme(json, structure.conceptScheme());
                json.writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    private void dataStructure(JsonGenerator json) {
        json.writeStartObject();
        maintainable(json, ThbStructure.DSD, "datastructure.DataStructure", structure.dsdName());
        json.writeStartObject("dataStructureComponents");

        json.writeStartObject("attributeList").write("id", "AttributeDescriptor");
        selfLink(json, component("AttributeDescriptor", "AttributeDescriptor"));
        json.writeStartArray("attributes");
        for (DataAttribute attribute : structure.attributes()) {
            json.writeStartObject().write("id", attribute.id());
            selfLink(json, component("DataAttribute", attribute.id()));
            json.write("usage", attribute.mandatory() ? "mandatory" : "optional");
            json.writeStartObject("attributeRelationship");
            if (attribute.observation()) {
                json.writeStartObject("observation").writeEnd();
            } else {
                json.writeStartObject("dataflow").writeEnd();
            }
            json.writeEnd();
            json.write("conceptIdentity", conceptUrn(attribute.id()));
            enumeration(json, attribute.codelist());
            json.writeEnd();
        }
        json.writeEnd().writeEnd();

        json.writeStartObject("dimensionList").write("id", "DimensionDescriptor");
        selfLink(json, component("DimensionDescriptor", "DimensionDescriptor"));
        json.writeStartArray("dimensions");
        for (SeriesDimension dimension : structure.dimensions()) {
            json.writeStartObject().write("id", dimension.id());
            selfLink(json, component("Dimension", dimension.id()));
            json.write("position", dimension.position() - 1)
                    .write("type", "Dimension")
                    .write("conceptIdentity", conceptUrn(dimension.id()));
            enumeration(json, dimension.codelist());
            json.writeEnd();
        }
        json.writeEnd();
        json.writeStartArray("timeDimensions").writeStartObject().write("id", ThbStructure.TIME_PERIOD);
        selfLink(json, component("TimeDimension", ThbStructure.TIME_PERIOD));
        json.write("position", structure.dimensions().size())
                .write("type", "TimeDimension")
                .write("conceptIdentity", conceptUrn(ThbStructure.TIME_PERIOD))
                .writeStartObject("localRepresentation").writeStartObject("format")
                .write("textType", "GregorianYear").writeEnd().writeEnd()
                .writeEnd().writeEnd();
        json.writeEnd();

        json.writeStartObject("measureList").write("id", "MeasureDescriptor");
        selfLink(json, component("MeasureDescriptor", "MeasureDescriptor"));
        json.writeStartArray("measures").writeStartObject().write("id", ThbStructure.OBS_VALUE);
        selfLink(json, component("Measure", ThbStructure.OBS_VALUE));
        // Double as in the SDMX-ML structure, whose data mark a withheld cell NaN (here: null).
        json.write("conceptIdentity", conceptUrn(ThbStructure.OBS_VALUE))
                .write("usage", "optional")
                .writeStartObject("localRepresentation").writeStartObject("format")
                .write("textType", "Double").writeEnd().writeEnd()
                .writeEnd().writeEnd();
        json.writeEnd();

        json.writeEnd();
        json.writeEnd();
    }

    private static void codelist(JsonGenerator json, Codelist codelist) {
        json.writeStartObject();
        maintainable(json, codelist.ref(), "codelist.Codelist", codelist.name());
        json.write("isPartial", codelist.partial());
        json.writeStartArray("codes");
        for (Code code : codelist.codes()) {
            json.writeStartObject().write("id", code.id()).write("name", code.name())
                    .writeStartObject("names").write("en", code.name()).writeEnd();
            selfLink(json, codelist.ref().urn("codelist.Code") + "." + code.id());
            json.writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    private static void conceptScheme(JsonGenerator json, ConceptScheme scheme) {
        json.writeStartObject();
        maintainable(json, scheme.ref(), "conceptscheme.ConceptScheme", scheme.name());
        json.write("isPartial", false);
        json.writeStartArray("concepts");
        for (Concept concept : scheme.concepts()) {
            json.writeStartObject().write("id", concept.id()).write("name", concept.name())
                    .writeStartObject("names").write("en", concept.name()).writeEnd();
            selfLink(json, scheme.ref().urn("conceptscheme.Concept") + "." + concept.id());
            json.writeEnd();
        }
        json.writeEnd().writeEnd();
    }

    /** The fields every maintainable artefact has, its object left open. */
    private static void maintainable(JsonGenerator json, ArtefactRef ref, String packageAndClass, String name) {
        json.write("id", ref.id())
                .write("version", ref.version())
                .write("agencyID", ref.agencyId())
                .write("isExternalReference", false)
                .write("name", name)
                .writeStartObject("names").write("en", name).writeEnd();
        selfLink(json, ref.urn(packageAndClass));
    }

    private static void selfLink(JsonGenerator json, String urn) {
        json.writeStartArray("links").writeStartObject().write("rel", "self").write("urn", urn).writeEnd().writeEnd();
    }

    private static void enumeration(JsonGenerator json, ArtefactRef codelist) {
        json.writeStartObject("localRepresentation").write("enumeration", codelist.urn("codelist.Codelist")).writeEnd();
    }

    private static String component(String packageClass, String id) {
        return ThbStructure.DSD.urn("datastructure." + packageClass) + "." + id;
    }

    private static String dsdUrn() {
        return ThbStructure.DSD.urn("datastructure.DataStructure");
    }

    private static String conceptUrn(String id) {
        return ThbStructure.CONCEPTS.urn("conceptscheme.Concept") + "." + id;
    }
}
