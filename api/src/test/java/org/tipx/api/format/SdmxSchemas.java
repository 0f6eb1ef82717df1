package org.tipx.api.format;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.tipx.api.sdmx.ThbStructure;

/**
 * Validates messages against the official SDMX-ML 2.1 schemas (test resources {@code sdmx-ml-2.1/schemas},
 * copied from the SDMX TWG) and, for structure-specific data, the schema SDMX-ML derives from
 * {@code TIPX:DSD_THB}, written here as the SDMX-ML 2.1 "structure specific schema" rules have it.
 */
public final class SdmxSchemas {

    private SdmxSchemas() {
    }

    /** Throws with the validator's message when {@code xml} is not a valid SDMX-ML 2.1 message. */
    public static void validate(byte[] xml, boolean allDimensions) throws Exception {
        schema(allDimensions).newValidator().validate(new StreamSource(new java.io.ByteArrayInputStream(xml)));
    }

    private static Schema schema(boolean allDimensions) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        List<Source> sources = new ArrayList<>();
        sources.add(new StreamSource(resource("SDMXMessage.xsd").toExternalForm()));
        StreamSource dsd = new StreamSource(new StringReader(dsdSchema(allDimensions)));
        dsd.setSystemId(resource("SDMXMessage.xsd").toExternalForm().replace("SDMXMessage.xsd", "tipx-dsd.xsd"));
        sources.add(dsd);
        return factory.newSchema(sources.toArray(Source[]::new));
    }

    private static URL resource(String name) {
        URL url = SdmxSchemas.class.getResource("/sdmx-ml-2.1/schemas/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource sdmx-ml-2.1/schemas/" + name);
        }
        return url;
    }

    /** The DSD-specific schema of structure-specific data, series by TIME_PERIOD or flat. */
    static String dsdSchema(boolean allDimensions) {
        String ns = SdmxMlDataWriter.dsdNamespace(allDimensions);
        StringBuilder x = new StringBuilder();
        x.append("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='").append(ns)
                .append("' xmlns='").append(ns).append("' xmlns:dsd='").append(SdmxXml.STRUCTURE_SPECIFIC)
                .append("' xmlns:common='").append(SdmxXml.COMMON)
                .append("' elementFormDefault='qualified' attributeFormDefault='unqualified'>");
        x.append("<xs:import namespace='").append(SdmxXml.STRUCTURE_SPECIFIC).append("' schemaLocation='SDMXDataStructureSpecific.xsd'/>");
        x.append("<xs:import namespace='").append(SdmxXml.COMMON).append("' schemaLocation='SDMXCommon.xsd'/>");
        x.append("<xs:complexType name='DataSetType'><xs:complexContent><xs:restriction base='dsd:DataSetType'><xs:sequence>")
                .append("<xs:element ref='common:Annotations' minOccurs='0'/>")
                .append("<xs:element name='DataProvider' type='common:DataProviderReferenceType' form='unqualified' minOccurs='0'/>")
                .append("<xs:choice minOccurs='0'>")
                .append(allDimensions ? "<xs:element name='Obs' type='ObsType' form='unqualified' maxOccurs='unbounded'/>"
                        : "<xs:element name='Series' type='SeriesType' form='unqualified' maxOccurs='unbounded'/>")
                .append("</xs:choice></xs:sequence>")
                .append("<xs:attribute name='UNIT_MEASURE' type='xs:string' use='optional'/>")
                .append("<xs:attribute name='UNIT_MULT' type='xs:string' use='optional'/>")
                .append("<xs:attribute name='REPORTING_YEAR_START_DAY' type='xs:gMonthDay' use='prohibited'/>")
                .append("</xs:restriction></xs:complexContent></xs:complexType>");
        if (!allDimensions) {
            x.append("<xs:complexType name='SeriesType'><xs:complexContent><xs:restriction base='dsd:SeriesType'><xs:sequence>")
                    .append("<xs:element ref='common:Annotations' minOccurs='0'/>")
                    .append("<xs:element name='Obs' type='ObsType' form='unqualified' minOccurs='0' maxOccurs='unbounded'/>")
                    .append("</xs:sequence>");
            keyAttributes(x);
            x.append("<xs:attribute name='TIME_PERIOD' type='common:ObservationalTimePeriodType' use='prohibited'/>")
                    .append("<xs:attribute name='REPORTING_YEAR_START_DAY' type='xs:gMonthDay' use='prohibited'/>")
                    .append("</xs:restriction></xs:complexContent></xs:complexType>");
        }
        x.append("<xs:complexType name='ObsType'><xs:complexContent><xs:restriction base='dsd:ObsType'><xs:sequence>")
                .append("<xs:element ref='common:Annotations' minOccurs='0'/></xs:sequence>")
                .append("<xs:attribute name='type' type='common:IDType' use='prohibited'/>");
        if (allDimensions) {
            keyAttributes(x);
        }
        x.append("<xs:attribute name='TIME_PERIOD' type='common:ObservationalTimePeriodType' use='required'/>")
                .append("<xs:attribute name='REPORTING_YEAR_START_DAY' type='xs:gMonthDay' use='prohibited'/>")
                .append("<xs:attribute name='OBS_VALUE' type='xs:double' use='optional'/>")
                .append("<xs:attribute name='OBS_STATUS' type='xs:string' use='optional'/>")
                .append("<xs:attribute name='CONF_STATUS' type='xs:string' use='optional'/>")
                .append("</xs:restriction></xs:complexContent></xs:complexType>");
        x.append("</xs:schema>");
        return x.toString();
    }

    private static void keyAttributes(StringBuilder x) {
        for (String id : ThbStructure.KEY) {
            x.append("<xs:attribute name='").append(id).append("' type='common:IDType' use='required'/>");
        }
    }
}
