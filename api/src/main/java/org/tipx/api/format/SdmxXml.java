package org.tipx.api.format;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.tipx.api.sdmx.ArtefactRef;
import org.tipx.api.sdmx.ThbStructure;

/** What the SDMX-ML 2.1 writers share: namespaces, the StAX writer, the message header. */
final class SdmxXml {

    static final String MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message";
    static final String COMMON = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common";
    static final String STRUCTURE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure";
    static final String GENERIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic";
    static final String STRUCTURE_SPECIFIC = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private SdmxXml() {
    }

    static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        XMLStreamWriter writer = FACTORY.createXMLStreamWriter(new NonClosingOutputStream(out), "UTF-8");
        writer.writeStartDocument("UTF-8", "1.0");
        return writer;
    }

    /**
     * The header's ID, Test, Prepared and Sender. Prepared is the release's creation, so the same answer
     * always has the same bytes (its ETag names them); the ID is derived from what the message holds.
     */
    static void headerStart(XMLStreamWriter w, String id, Instant prepared) throws XMLStreamException {
        w.writeStartElement("message", "Header", MESSAGE);
        text(w, "message", "ID", MESSAGE, id);
        text(w, "message", "Test", MESSAGE, "false");
        text(w, "message", "Prepared", MESSAGE,
                DateTimeFormatter.ISO_INSTANT.format(prepared.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        w.writeEmptyElement("message", "Sender", MESSAGE);
        w.writeAttribute("id", ThbStructure.AGENCY);
    }

    /** An SDMX IDType from free text: letters, digits and {@code _@$-}. */
    static String id(String text) {
        return text.replaceAll("[^A-Za-z0-9_@$\\-]", "_");
    }

    static void text(XMLStreamWriter w, String prefix, String local, String ns, String value) throws XMLStreamException {
        w.writeStartElement(prefix, local, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** A {@code common:Name} in English. */
    static void name(XMLStreamWriter w, String value) throws XMLStreamException {
        w.writeStartElement("common", "Name", COMMON);
        w.writeAttribute("xml", XML, "lang", "en");
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** An unqualified {@code Ref} to a maintainable artefact. */
    static void ref(XMLStreamWriter w, ArtefactRef ref, String cls, String pkg) throws XMLStreamException {
        w.writeEmptyElement("Ref");
        w.writeAttribute("agencyID", ref.agencyId());
        w.writeAttribute("id", ref.id());
        w.writeAttribute("version", ref.version());
        w.writeAttribute("class", cls);
        w.writeAttribute("package", pkg);
    }

    /** The structure id of the data messages' header, used by their data sets. */
    static String structureId() {
        return id(ThbStructure.DSD.agencyId() + "_" + ThbStructure.DSD.id() + "_" + ThbStructure.DSD.version());
    }
}
