package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tipx.api.format.FormatFixtures.LABELS;
import static org.tipx.api.format.FormatFixtures.parse;
import static org.tipx.api.format.FormatFixtures.RELEASE;
import static org.tipx.api.format.FormatFixtures.RELEASE_WITH_PSTAY;
import static org.tipx.api.format.FormatFixtures.row;
import static org.tipx.api.format.FormatFixtures.v;
import static org.tipx.api.format.FormatFixtures.withheld;
import static org.tipx.api.format.FormatFixtures.write;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;

class JsonStatTableWriterTest {

    private final JsonStatTableWriter writer = new JsonStatTableWriter(LABELS);

    @Test
    void write_byYearWithoutLabels_exactDocument() {
        String json = write(writer, new PublishedTable(FormatFixtures.byYear(), RELEASE, false));
        String protection = "{\"method\":\"cell key\",\"threshold\":10,\"D\":5,\"V\":3.0,\"js\":2}";
        assertEquals("{\"version\":\"2.0\",\"class\":\"dataset\","
                + "\"source\":\"tipx: anonymised statistics on trafficking in persons\","
                + "\"updated\":\"2026-11-23T10:00:00Z\","
                + "\"note\":[\"" + PublishedTable.PERTURBATION_NOTE + "\",\"" + PublishedTable.VICTIMS_NOTE + "\"],"
                + "\"id\":[\"measure\",\"year\"],\"size\":[1,2],"
                + "\"role\":{\"time\":[\"year\"],\"metric\":[\"measure\"]},"
                + "\"dimension\":{"
                + "\"measure\":{\"category\":{\"index\":[\"victims\"],\"unit\":{\"victims\":{\"decimals\":0}}}},"
                + "\"year\":{\"category\":{\"index\":[\"2020\",\"2021\"]}}},"
                + "\"value\":[12,null],\"status\":[\"A\",\"Q\"],"
                + "\"extension\":{\"status\":{\"label\":{\"A\":\"Normal value\",\"Q\":\"Missing value; suppressed\"}},"
                + "\"release\":{\"id\":\"r-20261123-1\",\"created\":\"2026-11-23T10:00:00Z\"},"
                + "\"measure\":\"victims\",\"by\":[\"year\"],\"filters\":{},\"protection\":" + protection + ","
                + "\"conf_status\":[\"F\",\"A\"],"
                + "\"conf_status_labels\":{\"F\":\"Free\",\"A\":\"Primary confidentiality\"}}}", json);
    }

    @Test
    void write_withLabels_datasetDimensionAndCategoryLabels() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true)));
        assertEquals("Victims (distinct persons) by year, sex", json.getString("label"));
        JsonObject sex = json.getJsonObject("dimension").getJsonObject("sex");
        assertEquals("Sex", sex.getString("label"));
        assertEquals("[\"female\",\"male\",\"_T\"]", sex.getJsonObject("category").getJsonArray("index").toString());
        assertEquals("{\"female\":\"Female (HTCDS: Feminine)\",\"male\":\"Male (HTCDS: Masculine)\",\"_T\":\"Total\"}",
                sex.getJsonObject("category").getJsonObject("label").toString());
        assertEquals("persons", json.getJsonObject("dimension").getJsonObject("measure").getJsonObject("category")
                .getJsonObject("unit").getJsonObject("victims").getString("label"));
    }

    @Test
    void write_withoutLabels_hasNoLabelsButTheStatusCodeLabels() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false)));
        assertFalse(json.containsKey("label"));
        assertFalse(json.getJsonObject("dimension").toString().contains("label"));
    }

    @Test
    void write_valueAndStatusInRowMajorOrderOfId() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false)));
        assertEquals("[1,2,3]", json.getJsonArray("size").toString());
        assertEquals("[12,null,15,20,11,33]", json.getJsonArray("value").toString());
        assertEquals("[\"A\",\"Q\",\"A\",\"A\",\"A\",\"A\"]", json.getJsonArray("status").toString());
        assertEquals("[\"F\",\"A\",\"F\",\"F\",\"F\",\"F\"]",
                json.getJsonObject("extension").getJsonArray("conf_status").toString());
    }

    @Test
    void write_rowsInAnyOrder_sameBytes_categoriesInTheOrderOfDimensions() {
        ProtectedTable table = FormatFixtures.exploitationByAgeBySex();
        List<ProtectedTable.Row> shuffled = new ArrayList<>(table.rows());
        Collections.reverse(shuffled);
        PublishedTable reversed = new PublishedTable(new ProtectedTable(table.query(), shuffled), RELEASE, false);
        assertArrayEquals(writer.bytes(new PublishedTable(table, RELEASE, false)), writer.bytes(reversed));
        // As /v1/dimensions lists them, not as strings sort ("18-20" < "9-17").
        assertEquals("[\"9-17\",\"18-20\",\"unknown\",\"_T\"]", parse(write(writer, reversed)).getJsonObject("dimension")
                .getJsonObject("age_band").getJsonObject("category").getJsonArray("index").toString());
    }

    @Test
    void write_filterOutsideBy_isADimensionOfSizeOne_andTheYearHoldsNoTotal() {
        JsonObject json = parse(write(writer,
                new PublishedTable(FormatFixtures.citizenshipByYearOfFemales(), RELEASE, true)));
        assertEquals("[\"measure\",\"sex\",\"citizenship\",\"year\"]", json.getJsonArray("id").toString());
        assertEquals("[1,1,4,1]", json.getJsonArray("size").toString());
        JsonObject sex = json.getJsonObject("dimension").getJsonObject("sex");
        assertEquals("{\"label\":\"Sex\",\"category\":{\"index\":[\"female\"],\"label\":{\"female\":\"Female (HTCDS: Feminine)\"}}}",
                sex.toString());
        assertEquals("[\"2021\"]", json.getJsonObject("dimension").getJsonObject("year").getJsonObject("category")
                .getJsonArray("index").toString());
        assertEquals("[13,40,null,58]", json.getJsonArray("value").toString());
    }

    @Test
    void write_notByYear_statesThePeriodAsAYearDimensionOfSizeOne() {
        JsonObject json = parse(write(writer,
                new PublishedTable(FormatFixtures.byExploitation(), RELEASE, true, List.of("2021", "2020"))));
        assertEquals("[\"measure\",\"year\",\"exploitation\"]", json.getJsonArray("id").toString());
        assertEquals("{\"time\":[\"year\"],\"metric\":[\"measure\"]}", json.getJsonObject("role").toString());
        assertEquals("{\"label\":\"Year\",\"category\":{\"index\":[\"2020+2021\"],\"label\":{\"2020+2021\":\"2020 + 2021\"}}}",
                json.getJsonObject("dimension").getJsonObject("year").toString());
    }

    @Test
    void write_updated_atMostThreeFractionalDigits() {
        PublishedRelease precise = new PublishedRelease("r-1", Instant.parse("2026-11-23T10:30:00.123456Z"),
                RELEASE.protection());
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.byYear(), precise, false)));
        assertEquals("2026-11-23T10:30:00.123Z", json.getString("updated"));
        assertEquals("2026-11-23T10:30:00.123456Z", json.getJsonObject("extension").getJsonObject("release").getString("created"));
    }

    @Test
    void write_geoAndTimeRoles_filtersAndProtectionInExtension() {
        JsonObject json = parse(write(writer,
                new PublishedTable(FormatFixtures.citizenshipByYearOfFemales(), RELEASE_WITH_PSTAY, true)));
        assertEquals("{\"time\":[\"year\"],\"geo\":[\"citizenship\"],\"metric\":[\"measure\"]}",
                json.getJsonObject("role").toString());
        JsonObject extension = json.getJsonObject("extension");
        assertEquals("{\"sex\":[\"female\"]}", extension.getJsonObject("filters").toString());
        assertEquals(0.5, extension.getJsonObject("protection").getJsonNumber("pstay").doubleValue());
        assertEquals("r-20261123-2", extension.getJsonObject("release").getString("id"));
        assertEquals("2026-11-23T10:30:00.250Z", json.getString("updated"));
        assertEquals("Republic of Moldova", json.getJsonObject("dimension").getJsonObject("citizenship")
                .getJsonObject("category").getJsonObject("label").getString("MD"));
    }

    @Test
    void write_threeCountryDimensions_allGeo() {
        TableQuery query = TableQuery.of(Measure.REGISTRATIONS, Dimension.COUNTRY_OF_EXPLOITATION,
                Dimension.COUNTRY_OF_IDENTIFICATION);
        ProtectedTable table = new ProtectedTable(query, List.of(
                row(v(20), "UA", "PL"), row(v(20), "UA", "_T"), row(v(20), "_T", "PL"), row(v(21), "_T", "_T")));
        JsonObject json = parse(write(writer, new PublishedTable(table, RELEASE, false)));
        assertEquals("{\"geo\":[\"country_of_exploitation\",\"country_of_identification\"],\"metric\":[\"measure\"]}",
                json.getJsonObject("role").toString());
    }

    @Test
    void write_emptyBy_aCubeOfOneCellAlongTheMetric() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.withheldTotal(), RELEASE, true)));
        assertEquals("[\"measure\"]", json.getJsonArray("id").toString());
        assertEquals("[1]", json.getJsonArray("size").toString());
        assertEquals("[null]", json.getJsonArray("value").toString());
        assertEquals("[\"Q\"]", json.getJsonArray("status").toString());
        assertEquals("Registrations (case records)", json.getString("label"));
    }

    @Test
    void write_incompleteCube_isRefusedBeforeAnythingIsWritten() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX),
                List.of(row(v(12), "2020", "female"), row(withheld(), "2021", "male")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.write(new PublishedTable(table, RELEASE, false), out));
        assertEquals("the table has 2 rows but its codes span 4 combinations; a cube needs exactly one row each",
                e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void write_duplicateRow_isRefused() {
        ProtectedTable table = new ProtectedTable(TableQuery.of(Measure.VICTIMS, Dimension.YEAR),
                List.of(row(v(12), "2020"), row(v(13), "2020"), row(v(12), "_T")));
        assertThrows(IllegalArgumentException.class,
                () -> writer.bytes(new PublishedTable(table, RELEASE, false)));
    }

    @Test
    void write_sameTable_sameBytes_evenFromAnEqualCopy() {
        PublishedTable table = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        PublishedTable copy = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        assertArrayEquals(writer.bytes(table), writer.bytes(table));
        assertArrayEquals(writer.bytes(table), writer.bytes(copy));
    }
}
