package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipx.api.sdmx.ContentConstraint;
import org.tipx.api.sdmx.DataQuery;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.Structures;
import org.tipx.api.sdmx.ThbStructure;
import org.xml.sax.SAXException;

/** tipx's SDMX-ML messages are valid against the official SDMX-ML 2.1 schemas. */
class SdmxMlSchemaTest {

    static final ThbStructure STRUCTURE = ThbStructure.of(FormatFixtures.LABELS);

    /** Two series: one with a published and a withheld year, one with a published year. */
    static SdmxDataSet dataSet(DataQuery query) {
        List<String> females = List.of("A", "VICTIMS", "UA", "_T", "_T", "F", "_T", "_T", "_T", "_T", "_T", "_T");
        List<String> minors = List.of("A", "VICTIMS", "UA", "_T", "_T", "_T", "Y9T17", "_T", "_T", "_T", "_T", "_T");
        return new SdmxDataSet(FormatFixtures.RELEASE, query, List.of(
                new SdmxDataSet.Series(females, List.of(new SdmxDataSet.Observation("2020", FormatFixtures.v(15)),
                        new SdmxDataSet.Observation("2021", FormatFixtures.withheld()))),
                new SdmxDataSet.Series(minors, List.of(new SdmxDataSet.Observation("2021", FormatFixtures.v(30))))));
    }

    @Test
    void structureSpecificDataValidateAsSeriesAndFlat() throws Exception {
        for (String detail : List.of("full", "dataonly", "serieskeysonly", "nodata")) {
            byte[] series = SdmxMlDataWriter.structureSpecific().bytes(dataSet(DataQuery.parse("all", Map.of("detail", detail))));
            SdmxSchemas.validate(series, false);
        }
        byte[] flat = SdmxMlDataWriter.structureSpecific()
                .bytes(dataSet(DataQuery.parse("all", Map.of("dimensionAtObservation", "AllDimensions"))));
        SdmxSchemas.validate(flat, true);
        String text = new String(flat, StandardCharsets.UTF_8);
        assertTrue(text.contains("TIME_PERIOD=\"2020\" OBS_VALUE=\"15\" OBS_STATUS=\"A\" CONF_STATUS=\"F\""), text);
        assertTrue(text.contains("TIME_PERIOD=\"2021\" OBS_VALUE=\"NaN\" OBS_STATUS=\"Q\" CONF_STATUS=\"A\""), text);
    }

    @Test
    void genericDataValidateAsSeriesAndFlat() throws Exception {
        for (String detail : List.of("full", "dataonly", "serieskeysonly", "nodata")) {
            SdmxSchemas.validate(SdmxMlDataWriter.generic().bytes(dataSet(DataQuery.parse("all", Map.of("detail", detail)))), false);
        }
        byte[] flat = SdmxMlDataWriter.generic()
                .bytes(dataSet(DataQuery.parse("all", Map.of("dimensionAtObservation", "AllDimensions"))));
        SdmxSchemas.validate(flat, true);
        String text = new String(SdmxMlDataWriter.generic().bytes(dataSet(DataQuery.all())), StandardCharsets.UTF_8);
        // The withheld year's value is NaN, SDMX's missing value, with its flags.
        int withheld = text.indexOf("<generic:ObsDimension value=\"2021\"/>");
        assertTrue(withheld > 0, text);
        String after = text.substring(withheld, text.indexOf("</generic:Obs>", withheld));
        assertTrue(after.contains("<generic:ObsValue value=\"NaN\"/>"), after);
        assertTrue(after.contains("id=\"OBS_STATUS\" value=\"Q\""), after);
    }

    @Test
    void theSameDataSetGivesTheSameBytes() {
        assertEquals(new String(SdmxMlDataWriter.generic().bytes(dataSet(DataQuery.all())), StandardCharsets.UTF_8),
                new String(SdmxMlDataWriter.generic().bytes(dataSet(DataQuery.all())), StandardCharsets.UTF_8));
    }

    @Test
    void structuresAndConstraintsValidate() throws Exception {
        ContentConstraint constraint = new ContentConstraint(new org.tipx.api.sdmx.ArtefactRef("TIPX", "CC_THB", "1.0"),
                "Codes with data", Map.of("REF_AREA", List.of("UA", "_T"), "TIME_PERIOD", List.of("2020", "2021")));
        Structures all = new Structures(true, true, true, STRUCTURE.codelists(), List.of(constraint));
        byte[] xml = new SdmxMlStructureWriter(STRUCTURE).bytes(all, FormatFixtures.RELEASE.created());
        SdmxSchemas.validate(xml, false);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("id=\"CL_SEX\""), "the cross-domain sex codelist");
        assertTrue(text.contains("agencyID=\"SDMX\""));
        assertTrue(text.contains("<structure:Dimension id=\"VICTIM_STATUS\""));
        assertTrue(text.contains("<structure:TimeDimension id=\"TIME_PERIOD\""));
    }

    @Test
    void errorMessagesValidate() throws Exception {
        SdmxSchemas.validate(SdmxMlErrorWriter.bytes(100, "No results found", "Nothing for this key."), false);
    }

    @Test
    void theValidatorRejectsAnInvalidMessage() {
        byte[] xml = SdmxMlDataWriter.generic().bytes(dataSet(DataQuery.all()));
        String broken = new String(xml, StandardCharsets.UTF_8).replace("generic:SeriesKey", "generic:Key");
        assertThrows(SAXException.class, () -> SdmxSchemas.validate(broken.getBytes(StandardCharsets.UTF_8), false));
        byte[] ss = SdmxMlDataWriter.structureSpecific().bytes(dataSet(DataQuery.all()));
        String noFreq = new String(ss, StandardCharsets.UTF_8).replace("FREQ=\"A\" ", "");
        assertThrows(SAXException.class, () -> SdmxSchemas.validate(noFreq.getBytes(StandardCharsets.UTF_8), false),
                "a series without its FREQ");
    }
}
