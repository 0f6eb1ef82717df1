package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.format.FormatFixtures.LABELS;
import static org.tipx.api.format.FormatFixtures.parse;
import static org.tipx.api.format.FormatFixtures.RELEASE;
import static org.tipx.api.format.FormatFixtures.RELEASE_WITH_PSTAY;
import static org.tipx.api.format.FormatFixtures.write;

import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class JsonTableWriterTest {

    private final JsonTableWriter writer = new JsonTableWriter(LABELS);

    @Test
    void write_byYear_exactDocument_withheldValueIsNull() {
        String json = write(writer, new PublishedTable(FormatFixtures.byYear(), RELEASE, false));
        assertEquals("{\"release\":{\"id\":\"r-20261123-1\",\"created\":\"2026-11-23T10:00:00Z\"},"
                + "\"measure\":\"victims\",\"by\":[\"year\"],\"filters\":{},"
                + "\"notes\":[\"" + PublishedTable.PERTURBATION_NOTE + "\",\"" + PublishedTable.VICTIMS_NOTE + "\"],"
                + "\"protection\":{\"method\":\"cell key\",\"threshold\":10,\"D\":5,\"V\":3.0,\"js\":2},"
                + "\"observations\":["
                + "{\"codes\":{\"year\":\"2020\"},\"value\":12,\"OBS_STATUS\":\"A\",\"CONF_STATUS\":\"F\"},"
                + "{\"codes\":{\"year\":\"2021\"},\"value\":null,\"OBS_STATUS\":\"Q\",\"CONF_STATUS\":\"A\"},"
                + "{\"codes\":{\"year\":\"_T\"},\"value\":15,\"OBS_STATUS\":\"A\",\"CONF_STATUS\":\"F\"}]}", json);
    }

    @Test
    void write_withLabels_labelsPerObservation_andForTheDimensionsAndMeasure() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, true)));
        assertEquals("Victims (distinct persons)", json.getString("measure_label"));
        assertEquals("Sex", json.getJsonObject("dimension_labels").getString("sex"));
        assertEquals(9, json.getJsonArray("observations").size());
        JsonObject withheld = json.getJsonArray("observations").getJsonObject(1);
        assertEquals("{\"year\":\"2020\",\"sex\":\"male\"}", withheld.getJsonObject("codes").toString());
        assertEquals("{\"year\":\"2020\",\"sex\":\"Male (HTCDS: Masculine)\"}", withheld.getJsonObject("labels").toString());
        assertEquals(JsonValue.NULL, withheld.get("value"));
        assertEquals("Q", withheld.getString("OBS_STATUS"));
        assertEquals("A", withheld.getString("CONF_STATUS"));
        JsonObject grandTotal = json.getJsonArray("observations").getJsonObject(8);
        assertEquals("{\"year\":\"Total\",\"sex\":\"Total\"}", grandTotal.getJsonObject("labels").toString());
        assertEquals(47, grandTotal.getInt("value"));
    }

    @Test
    void write_withoutLabels_hasNoLabelKeys() {
        String json = write(writer, new PublishedTable(FormatFixtures.yearBySex(), RELEASE, false));
        assertFalse(json.contains("label"), json);
    }

    @Test
    void write_exploitation_notesSayOnceThatAPersonCountsInEachForm() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.byExploitation(), RELEASE, true)));
        assertEquals(List.of(PublishedTable.PERTURBATION_NOTE, PublishedTable.VICTIMS_NOTE, PublishedTable.EXPLOITATION_NOTE),
                json.getJsonArray("notes").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        // In the code list's order, as /v1/dimensions lists it: sexual, forced_labour, servitude, unknown, _T.
        assertEquals(List.of("sexual", "forced_labour", "servitude", "unknown", "_T"), json.getJsonArray("observations")
                .getValuesAs(JsonObject.class).stream().map(o -> o.getJsonObject("codes").getString("exploitation")).toList());
        JsonObject servitude = json.getJsonArray("observations").getJsonObject(2);
        assertEquals("Slavery and similar practices, servitude", servitude.getJsonObject("labels").getString("exploitation"));
        // Perturbation is stated once for the dataset, never per cell.
        for (JsonValue observation : json.getJsonArray("observations")) {
            assertEquals(List.of("codes", "labels", "value", "OBS_STATUS", "CONF_STATUS"),
                    List.copyOf(observation.asJsonObject().keySet()));
        }
    }

    @Test
    void write_filtersAndPstay_arePublished() {
        JsonObject json = parse(write(writer,
                new PublishedTable(FormatFixtures.citizenshipByYearOfFemales(), RELEASE_WITH_PSTAY, true)));
        assertEquals("{\"sex\":[\"female\"]}", json.getJsonObject("filters").toString());
        assertEquals("{\"method\":\"cell key\",\"threshold\":10,\"D\":5,\"V\":3.0,\"js\":2,\"pstay\":0.5}",
                json.getJsonObject("protection").toString());
        assertEquals("{\"id\":\"r-20261123-2\",\"created\":\"2026-11-23T10:30:00.250Z\"}",
                json.getJsonObject("release").toString());
        assertEquals("Republic of Moldova",
                json.getJsonArray("observations").getJsonObject(0).getJsonObject("labels").getString("citizenship"));
    }

    @Test
    void write_emptyBy_oneObservationWithNoCodes_registrationsNote() {
        JsonObject json = parse(write(writer, new PublishedTable(FormatFixtures.total(), RELEASE, true)));
        assertEquals("registrations", json.getString("measure"));
        assertTrue(json.getJsonArray("notes").toString().contains("counts case records"));
        assertEquals("[{\"codes\":{},\"labels\":{},\"value\":47,\"OBS_STATUS\":\"A\",\"CONF_STATUS\":\"F\"}]",
                json.getJsonArray("observations").toString());
    }

    @Test
    void write_sameTable_sameBytes_evenFromAnEqualCopy() {
        PublishedTable table = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        PublishedTable copy = new PublishedTable(FormatFixtures.exploitationByAgeBySex(), RELEASE, true);
        assertArrayEquals(writer.bytes(table), writer.bytes(table));
        assertArrayEquals(writer.bytes(table), writer.bytes(copy));
    }
}
