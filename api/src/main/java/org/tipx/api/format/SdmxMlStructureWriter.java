package org.tipx.api.format;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.tipx.api.sdmx.ArtefactRef;
import org.tipx.api.sdmx.Code;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.Concept;
import org.tipx.api.sdmx.ContentConstraint;
import org.tipx.api.sdmx.DataAttribute;
import org.tipx.api.sdmx.SeriesDimension;
import org.tipx.api.sdmx.Structures;
import org.tipx.api.sdmx.ThbStructure;

/**
 * An SDMX-ML 2.1 structure message: dataflow, codelists, concept scheme, data structure definition and
 * content constraints, each final, in English. Immutable and thread-safe.
 */
public final class SdmxMlStructureWriter {

    private final ThbStructure structure;

    public SdmxMlStructureWriter(ThbStructure structure) {
        this.structure = java.util.Objects.requireNonNull(structure, "structure");
    }

    /**
     * The message holding {@code selected}.
     *
     * @param prepared the header's Prepared: the time the artefacts describe (the release's creation), so
     *                 the same selection always has the same bytes
     */
    public byte[] bytes(Structures selected, Instant prepared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = SdmxXml.open(out);
            w.writeStartElement("message", "Structure", SdmxXml.MESSAGE);
            w.writeNamespace("message", SdmxXml.MESSAGE);
            w.writeNamespace("structure", SdmxXml.STRUCTURE);
            w.writeNamespace("common", SdmxXml.COMMON);
            SdmxXml.headerStart(w, "TIPX-STRUCTURE", prepared);
            w.writeEndElement();
            w.writeStartElement("message", "Structures", SdmxXml.MESSAGE);
            if (selected.dataflow()) {
                w.writeStartElement("structure", "Dataflows", SdmxXml.STRUCTURE);
                maintainable(w, "Dataflow", ThbStructure.DATAFLOW, "datastructure.Dataflow", structure.dataflowName());
                w.writeStartElement("structure", "Structure", SdmxXml.STRUCTURE);
                SdmxXml.ref(w, ThbStructure.DSD, "DataStructure", "datastructure");
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            if (!selected.codelists().isEmpty()) {
                w.writeStartElement("structure", "Codelists", SdmxXml.STRUCTURE);
                for (Codelist list : selected.codelists()) {
                    codelist(w, list);
                }
                w.writeEndElement();
            }
            if (selected.conceptScheme()) {
                w.writeStartElement("structure", "Concepts", SdmxXml.STRUCTURE);
                ArtefactRef ref = structure.conceptScheme().ref();
                maintainable(w, "ConceptScheme", ref, "conceptscheme.ConceptScheme", structure.conceptScheme().name());
                for (Concept concept : structure.conceptScheme().concepts()) {
                    w.writeStartElement("structure", "Concept", SdmxXml.STRUCTURE);
                    w.writeAttribute("id", concept.id());
                    w.writeAttribute("urn", ref.urn("conceptscheme.Concept") + "." + concept.id());
                    SdmxXml.name(w, concept.name());
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            if (selected.dataStructure()) {
                dataStructure(w);
            }
            if (!selected.constraints().isEmpty()) {
                w.writeStartElement("structure", "Constraints", SdmxXml.STRUCTURE);
                for (ContentConstraint constraint : selected.constraints()) {
                    constraint(w, constraint);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void maintainable(XMLStreamWriter w, String element, ArtefactRef ref, String urnClass, String name)
            throws XMLStreamException {
        w.writeStartElement("structure", element, SdmxXml.STRUCTURE);
        w.writeAttribute("id", ref.id());
        w.writeAttribute("urn", ref.urn(urnClass));
        w.writeAttribute("agencyID", ref.agencyId());
        w.writeAttribute("version", ref.version());
        w.writeAttribute("isFinal", "true");
        SdmxXml.name(w, name);
    }

    private static void codelist(XMLStreamWriter w, Codelist list) throws XMLStreamException {
        w.writeStartElement("structure", "Codelist", SdmxXml.STRUCTURE);
        w.writeAttribute("id", list.ref().id());
        w.writeAttribute("urn", list.ref().urn("codelist.Codelist"));
        w.writeAttribute("agencyID", list.ref().agencyId());
        w.writeAttribute("version", list.ref().version());
        w.writeAttribute("isFinal", "true");
        w.writeAttribute("isPartial", Boolean.toString(list.partial()));
        SdmxXml.name(w, list.name());
        for (Code code : list.codes()) {
            w.writeStartElement("structure", "Code", SdmxXml.STRUCTURE);
            w.writeAttribute("id", code.id());
            w.writeAttribute("urn", list.ref().urn("codelist.Code") + "." + code.id());
            SdmxXml.name(w, code.name());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void dataStructure(XMLStreamWriter w) throws XMLStreamException {
        ArtefactRef dsd = ThbStructure.DSD;
        w.writeStartElement("structure", "DataStructures", SdmxXml.STRUCTURE);
        maintainable(w, "DataStructure", dsd, "datastructure.DataStructure", structure.dsdName());
        w.writeStartElement("structure", "DataStructureComponents", SdmxXml.STRUCTURE);
        w.writeStartElement("structure", "DimensionList", SdmxXml.STRUCTURE);
        w.writeAttribute("id", "DimensionDescriptor");
        w.writeAttribute("urn", dsd.urn("datastructure.DimensionDescriptor") + ".DimensionDescriptor");
        for (SeriesDimension dimension : structure.dimensions()) {
            w.writeStartElement("structure", "Dimension", SdmxXml.STRUCTURE);
            component(w, dimension.id(), "datastructure.Dimension");
            w.writeAttribute("position", Integer.toString(dimension.position()));
            conceptIdentity(w, dimension.id());
            enumeration(w, dimension.codelist());
            w.writeEndElement();
        }
        w.writeStartElement("structure", "TimeDimension", SdmxXml.STRUCTURE);
        component(w, ThbStructure.TIME_PERIOD, "datastructure.TimeDimension");
        w.writeAttribute("position", Integer.toString(structure.dimensions().size() + 1));
        conceptIdentity(w, ThbStructure.TIME_PERIOD);
        w.writeStartElement("structure", "LocalRepresentation", SdmxXml.STRUCTURE);
        w.writeEmptyElement("structure", "TextFormat", SdmxXml.STRUCTURE);
        w.writeAttribute("textType", "ObservationalTimePeriod");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("structure", "AttributeList", SdmxXml.STRUCTURE);
        w.writeAttribute("id", "AttributeDescriptor");
        w.writeAttribute("urn", dsd.urn("datastructure.AttributeDescriptor") + ".AttributeDescriptor");
        for (DataAttribute attribute : structure.attributes()) {
            w.writeStartElement("structure", "Attribute", SdmxXml.STRUCTURE);
            component(w, attribute.id(), "datastructure.DataAttribute");
            w.writeAttribute("assignmentStatus", attribute.mandatory() ? "Mandatory" : "Conditional");
            conceptIdentity(w, attribute.id());
            enumeration(w, attribute.codelist());
            w.writeStartElement("structure", "AttributeRelationship", SdmxXml.STRUCTURE);
            if (attribute.observation()) {
                w.writeStartElement("structure", "PrimaryMeasure", SdmxXml.STRUCTURE);
                w.writeEmptyElement("Ref");
                w.writeAttribute("id", ThbStructure.OBS_VALUE);
                w.writeEndElement();
            } else {
                w.writeEmptyElement("structure", "None", SdmxXml.STRUCTURE);
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement("structure", "MeasureList", SdmxXml.STRUCTURE);
        w.writeAttribute("id", "MeasureDescriptor");
        w.writeAttribute("urn", dsd.urn("datastructure.MeasureDescriptor") + ".MeasureDescriptor");
        w.writeStartElement("structure", "PrimaryMeasure", SdmxXml.STRUCTURE);
        component(w, ThbStructure.OBS_VALUE, "datastructure.PrimaryMeasure");
        conceptIdentity(w, ThbStructure.OBS_VALUE);
        // Double, not Integer: a withheld cell's value is NaN (see SdmxMlDataWriter), which only xs:double admits.
        w.writeStartElement("structure", "LocalRepresentation", SdmxXml.STRUCTURE);
        w.writeEmptyElement("structure", "TextFormat", SdmxXml.STRUCTURE);
        w.writeAttribute("textType", "Double");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void component(XMLStreamWriter w, String id, String urnClass) throws XMLStreamException {
        w.writeAttribute("id", id);
        w.writeAttribute("urn", ThbStructure.DSD.urn(urnClass) + "." + id);
    }

    private static void conceptIdentity(XMLStreamWriter w, String conceptId) throws XMLStreamException {
        ArtefactRef scheme = ThbStructure.CONCEPTS;
        w.writeStartElement("structure", "ConceptIdentity", SdmxXml.STRUCTURE);
        w.writeEmptyElement("Ref");
        w.writeAttribute("agencyID", scheme.agencyId());
        w.writeAttribute("maintainableParentID", scheme.id());
        w.writeAttribute("maintainableParentVersion", scheme.version());
        w.writeAttribute("id", conceptId);
        w.writeAttribute("class", "Concept");
        w.writeAttribute("package", "conceptscheme");
        w.writeEndElement();
    }

    private static void enumeration(XMLStreamWriter w, ArtefactRef codelist) throws XMLStreamException {
        w.writeStartElement("structure", "LocalRepresentation", SdmxXml.STRUCTURE);
        w.writeStartElement("structure", "Enumeration", SdmxXml.STRUCTURE);
        SdmxXml.ref(w, codelist, "Codelist", "codelist");
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void constraint(XMLStreamWriter w, ContentConstraint constraint) throws XMLStreamException {
        w.writeStartElement("structure", "ContentConstraint", SdmxXml.STRUCTURE);
        w.writeAttribute("id", constraint.ref().id());
        w.writeAttribute("urn", constraint.ref().urn("registry.ContentConstraint"));
        w.writeAttribute("agencyID", constraint.ref().agencyId());
        w.writeAttribute("version", constraint.ref().version());
        w.writeAttribute("isFinal", "true");
        w.writeAttribute("type", "Actual");
        SdmxXml.name(w, constraint.name());
        w.writeStartElement("structure", "ConstraintAttachment", SdmxXml.STRUCTURE);
        w.writeStartElement("structure", "Dataflow", SdmxXml.STRUCTURE);
        SdmxXml.ref(w, ThbStructure.DATAFLOW, "Dataflow", "datastructure");
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("structure", "CubeRegion", SdmxXml.STRUCTURE);
        w.writeAttribute("include", "true");
        for (Map.Entry<String, List<String>> entry : constraint.cubeRegion().entrySet()) {
            w.writeStartElement("common", "KeyValue", SdmxXml.COMMON);
            w.writeAttribute("id", entry.getKey());
            for (String code : entry.getValue()) {
                SdmxXml.text(w, "common", "Value", SdmxXml.COMMON, code);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }
}
