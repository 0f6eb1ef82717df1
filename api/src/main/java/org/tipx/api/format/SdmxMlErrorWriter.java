package org.tipx.api.format;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An SDMX-ML 2.1 {@code Error} message: the SDMX error code and a text that quotes nothing of the request. */
public final class SdmxMlErrorWriter {

    private SdmxMlErrorWriter() {
    }

    /** The message's bytes, UTF-8. */
    public static byte[] bytes(int code, String title, String detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = SdmxXml.open(out);
            w.writeStartElement("message", "Error", SdmxXml.MESSAGE);
            w.writeNamespace("message", SdmxXml.MESSAGE);
            w.writeNamespace("common", SdmxXml.COMMON);
            w.writeStartElement("message", "ErrorMessage", SdmxXml.MESSAGE);
            w.writeAttribute("code", Integer.toString(code));
            for (String text : new String[] {title, detail}) {
                w.writeStartElement("common", "Text", SdmxXml.COMMON);
                w.writeAttribute("xml", SdmxXml.XML, "lang", "en");
                w.writeCharacters(text);
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
}
