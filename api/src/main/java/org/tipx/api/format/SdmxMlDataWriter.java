package org.tipx.api.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.sdmx.DataQuery;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.ThbStructure;

/**
 * SDMX-ML 2.1 data messages, generic ({@code GenericData}) or structure-specific
 * ({@code StructureSpecificData}), of one {@link SdmxDataSet}: series keyed by the DSD's dimensions with
 * their observations by {@code TIME_PERIOD}, or, for {@code dimensionAtObservation=AllDimensions}, flat
 * observations. A withheld cell has {@code OBS_VALUE} {@code NaN} (SDMX's missing value, as the ECB and
 * Eurostat publish it) and {@code OBS_STATUS=Q}, {@code CONF_STATUS=A}: SDMX clients (sdmx-dl) drop an
 * observation without a value, flags and all, so it must have one to be seen as withheld; {@code UNIT_MEASURE} and {@code UNIT_MULT} are written once, on the data set. The
 * header's Prepared is the release's creation, so the same data set always gives the same bytes.
 * Immutable and thread-safe.
 */
public final class SdmxMlDataWriter {

    private final boolean structureSpecific;

    private SdmxMlDataWriter(boolean structureSpecific) {
        this.structureSpecific = structureSpecific;
    }

    /** The generic data message writer. */
    public static SdmxMlDataWriter generic() {
        return new SdmxMlDataWriter(false);
    }

    /** The structure-specific data message writer. */
    public static SdmxMlDataWriter structureSpecific() {
        return new SdmxMlDataWriter(true);
    }

    /** The namespace of the DSD-specific types of a structure-specific message (SDMX-ML 2.1 schema rules). */
    public static String dsdNamespace(boolean allDimensions) {
        return ThbStructure.DSD.urn("datastructure.DataStructure") + ":ObsLevelDim:"
                + (allDimensions ? "AllDimensions" : ThbStructure.TIME_PERIOD);
    }

    public SdmxFormat format() {
        return structureSpecific ? SdmxFormat.STRUCTURE_SPECIFIC_DATA : SdmxFormat.GENERIC_DATA;
    }

    public byte[] bytes(SdmxDataSet dataSet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(dataSet, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams the message to {@code out}, flushing but not closing it. */
    public void write(SdmxDataSet dataSet, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = SdmxXml.open(out);
            DataQuery query = dataSet.query();
            boolean flat = query.allDimensionsAtObservation();
            String root = structureSpecific ? "StructureSpecificData" : "GenericData";
            w.writeStartElement("message", root, SdmxXml.MESSAGE);
            w.writeNamespace("message", SdmxXml.MESSAGE);
            w.writeNamespace("common", SdmxXml.COMMON);
            w.writeNamespace("xsi", SdmxXml.XSI);
            if (structureSpecific) {
                w.writeNamespace("ss", SdmxXml.STRUCTURE_SPECIFIC);
                w.writeNamespace("ns1", dsdNamespace(flat));
            } else {
                w.writeNamespace("generic", SdmxXml.GENERIC);
            }
            SdmxXml.headerStart(w, SdmxXml.id("TIPX-DF_THB-" + dataSet.release().id()), dataSet.release().created());
            w.writeStartElement("message", "Structure", SdmxXml.MESSAGE);
            w.writeAttribute("structureID", SdmxXml.structureId());
            if (structureSpecific) {
                w.writeAttribute("namespace", dsdNamespace(flat));
            }
            w.writeAttribute("dimensionAtObservation", flat ? "AllDimensions" : ThbStructure.TIME_PERIOD);
            w.writeStartElement("common", "StructureUsage", SdmxXml.COMMON);
            SdmxXml.ref(w, ThbStructure.DATAFLOW, "Dataflow", "datastructure");
            w.writeEndElement();
            w.writeEndElement();
            SdmxXml.text(w, "message", "DataSetID", SdmxXml.MESSAGE, SdmxXml.id(dataSet.release().id()));
            w.writeEndElement();
            if (structureSpecific) {
                structureSpecificDataSet(w, dataSet, flat);
            } else {
                genericDataSet(w, dataSet, flat);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing SDMX-ML failed", e);
        }
        out.flush();
    }

    private static void structureSpecificDataSet(XMLStreamWriter w, SdmxDataSet dataSet, boolean flat)
            throws XMLStreamException {
        DataQuery query = dataSet.query();
        w.writeStartElement("message", "DataSet", SdmxXml.MESSAGE);
        w.writeAttribute("ss", SdmxXml.STRUCTURE_SPECIFIC, "structureRef", SdmxXml.structureId());
        w.writeAttribute("xsi", SdmxXml.XSI, "type", "ns1:DataSetType");
        w.writeAttribute("ss", SdmxXml.STRUCTURE_SPECIFIC, "dataScope", "DataStructure");
        if (query.detail().attributes()) {
            w.writeAttribute("UNIT_MEASURE", ThbStructure.PERSONS);
            w.writeAttribute("UNIT_MULT", ThbStructure.UNITS);
        }
        for (SdmxDataSet.Series series : dataSet.series()) {
            if (!flat) {
                w.writeStartElement("Series");
                keyAttributes(w, series.key());
            }
            for (SdmxDataSet.Observation obs : series.observations()) {
                w.writeEmptyElement("Obs");
                if (flat) {
                    keyAttributes(w, series.key());
                }
                w.writeAttribute(ThbStructure.TIME_PERIOD, obs.timePeriod());
                ProtectedCell cell = obs.cell();
                w.writeAttribute(ThbStructure.OBS_VALUE, obsValue(cell));
                if (query.detail().attributes()) {
                    w.writeAttribute("OBS_STATUS", cell.obsStatus().code());
                    w.writeAttribute("CONF_STATUS", cell.confStatus().code());
                }
            }
            if (!flat) {
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    /** The published value, or {@code NaN} for a withheld cell (never a true count). */
    static String obsValue(ProtectedCell cell) {
        return cell.value().isPresent() ? Long.toString(cell.value().getAsLong()) : "NaN";
    }

    private static void keyAttributes(XMLStreamWriter w, List<String> key) throws XMLStreamException {
        for (int i = 0; i < key.size(); i++) {
            w.writeAttribute(ThbStructure.KEY.get(i), key.get(i));
        }
    }

    private static void genericDataSet(XMLStreamWriter w, SdmxDataSet dataSet, boolean flat) throws XMLStreamException {
        DataQuery query = dataSet.query();
        w.writeStartElement("message", "DataSet", SdmxXml.MESSAGE);
        w.writeAttribute("structureRef", SdmxXml.structureId());
        if (query.detail().attributes()) {
            w.writeStartElement("generic", "Attributes", SdmxXml.GENERIC);
            value(w, "UNIT_MEASURE", ThbStructure.PERSONS);
            value(w, "UNIT_MULT", ThbStructure.UNITS);
            w.writeEndElement();
        }
        for (SdmxDataSet.Series series : dataSet.series()) {
            if (!flat) {
                w.writeStartElement("generic", "Series", SdmxXml.GENERIC);
                w.writeStartElement("generic", "SeriesKey", SdmxXml.GENERIC);
                keyValues(w, series.key());
                w.writeEndElement();
            }
            for (SdmxDataSet.Observation obs : series.observations()) {
                w.writeStartElement("generic", "Obs", SdmxXml.GENERIC);
                if (flat) {
                    w.writeStartElement("generic", "ObsKey", SdmxXml.GENERIC);
                    keyValues(w, series.key());
                    value(w, ThbStructure.TIME_PERIOD, obs.timePeriod());
                    w.writeEndElement();
                } else {
                    w.writeEmptyElement("generic", "ObsDimension", SdmxXml.GENERIC);
                    w.writeAttribute("value", obs.timePeriod());
                }
                ProtectedCell cell = obs.cell();
                w.writeEmptyElement("generic", "ObsValue", SdmxXml.GENERIC);
                w.writeAttribute("value", obsValue(cell));
                if (query.detail().attributes()) {
                    w.writeStartElement("generic", "Attributes", SdmxXml.GENERIC);
                    value(w, "OBS_STATUS", cell.obsStatus().code());
                    value(w, "CONF_STATUS", cell.confStatus().code());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            if (!flat) {
                w.writeEndElement();
            }
        }
        w.writeEndElement();
    }

    private static void keyValues(XMLStreamWriter w, List<String> key) throws XMLStreamException {
        for (int i = 0; i < key.size(); i++) {
            value(w, ThbStructure.KEY.get(i), key.get(i));
        }
    }

    private static void value(XMLStreamWriter w, String id, String value) throws XMLStreamException {
        w.writeEmptyElement("generic", "Value", SdmxXml.GENERIC);
        w.writeAttribute("id", id);
        w.writeAttribute("value", value);
    }
}
