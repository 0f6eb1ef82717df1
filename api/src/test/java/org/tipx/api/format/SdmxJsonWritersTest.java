package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.sdmx.DataQuery;
import org.tipx.api.sdmx.SdmxData;
import org.tipx.api.sdmx.SdmxDataSet;
import org.tipx.api.sdmx.Structures;
import org.tipx.api.sdmx.ThbStructure;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;

/**
 * SDMX-JSON 2.0 messages: valid against the official schemas for every view and detail, and saying
 * what the data set says (each observation's value and statuses found again by following the indices
 * into the structure, as a reader does).
 */
class SdmxJsonWritersTest {

    private static final ThbStructure STRUCTURE = ThbStructure.of(FormatFixtures.LABELS);
    private static final PublishedRelease RELEASE = FormatFixtures.RELEASE;
    private static final SdmxData DATA = new SdmxData(
            new ScanningTableSource(new InMemoryReleases().add(RELEASE, records()), TablePublisher.withDefaults()),
            STRUCTURE);

    private final SdmxJsonDataWriter dataWriter = new SdmxJsonDataWriter(STRUCTURE);
    private final SdmxJsonStructureWriter structureWriter = new SdmxJsonStructureWriter(STRUCTURE);

    @Test
    void dataMessages_areValid_andSayWhatTheDataSetSays_inEveryViewAndDetail() {
        List<String> keys = List.of(key("A", "VICTIMS", "", "_T", "_T", "F+M", "_T", "_T", "_T", "_T", "_T", "_T"),
                key("A", "VICTIMS+REGISTRATIONS", "UA", "_T", "_T", "", "_T", "_T", "_T", "_T", "_T", "_T"),
                key("A", "VICTIMS", "", "", "", "_T", "_T", "_T", "", "_T", "_T", "_T"),
                key("", "REGISTRATIONS", "UA+MD", "_T", "_T", "_T", "_T", "_T", "_T", "_T", "_T", "_T"));
        List<Map<String, String>> parameters = List.of(Map.of(), Map.of("dimensionAtObservation", "AllDimensions"),
                Map.of("detail", "dataonly"), Map.of("detail", "serieskeysonly"), Map.of("detail", "nodata"),
                Map.of("startPeriod", "2021", "lastNObservations", "1"));
        int checked = 0;
        long withheld = 0;
        for (String key : keys) {
            for (Map<String, String> parameter : parameters) {
                SdmxDataSet set = DATA.dataSet(RELEASE, DataQuery.parse(key, parameter));
                String json = new String(dataWriter.bytes(set), StandardCharsets.UTF_8);
                assertEquals(List.of(), SdmxJsonSchemas.DATA.problems(json), key + " " + parameter);
                assertEquals(expected(set), SdmxJsonReader.observations(json), key + " " + parameter);
                withheld += set.series().stream().flatMap(series -> series.observations().stream())
                        .filter(observation -> observation.cell().value().isEmpty()).count();
                checked++;
            }
        }
        assertEquals(keys.size() * parameters.size(), checked);
        assertNotEquals(0, withheld, "the queries meet withheld cells too");
    }

    @Test
    void aWithheldCell_isNullWithStatusQAndConfidentialityA() {
        SdmxDataSet set = new SdmxDataSet(RELEASE, DataQuery.all(), List.of(
                new SdmxDataSet.Series(List.of("A", "VICTIMS", "UA", "_T", "_T", "F", "_T", "_T", "_T", "_T", "_T", "_T"),
                        List.of(new SdmxDataSet.Observation("2020", ProtectedCell.published(12)),
                                new SdmxDataSet.Observation("2021", ProtectedCell.withheld())))));
        String json = new String(dataWriter.bytes(set), StandardCharsets.UTF_8);
        assertEquals(List.of(), SdmxJsonSchemas.DATA.problems(json));
        JsonObject message = parse(json);
        JsonObject series = message.getJsonObject("data").getJsonArray("dataSets").getJsonObject(0)
                .getJsonObject("series");
        assertEquals(List.of("0:0:0:0:0:0:0:0:0:0:0:0"), List.copyOf(series.keySet()));
        JsonObject observations = series.getJsonObject("0:0:0:0:0:0:0:0:0:0:0:0").getJsonObject("observations");
        assertEquals("[12,0,0]", observations.getJsonArray("0").toString());
        assertEquals("[null,1,1]", observations.getJsonArray("1").toString());
        Map<String, Map<String, String>> read = SdmxJsonReader.observations(json);
        assertEquals(Map.of("OBS_VALUE", "", "OBS_STATUS", "Q", "CONF_STATUS", "A"),
                read.get("A.VICTIMS.UA._T._T.F._T._T._T._T._T._T|2021"));
        assertEquals(Map.of("OBS_VALUE", "12", "OBS_STATUS", "A", "CONF_STATUS", "F"),
                read.get("A.VICTIMS.UA._T._T.F._T._T._T._T._T._T|2020"));
        assertEquals("2026-11-23T10:00:00Z", message.getJsonObject("meta").getString("prepared"));
        assertEquals("TIPX-r-20261123-1", message.getJsonObject("meta").getString("id"));
    }

    @Test
    void theSameDataSet_givesTheSameBytes() {
        DataQuery query = DataQuery.parse(key("A", "VICTIMS", "", "_T", "_T", "F+M", "_T", "_T", "_T", "_T", "_T", "_T"), Map.of());
        assertEquals(new String(dataWriter.bytes(DATA.dataSet(RELEASE, query)), StandardCharsets.UTF_8),
                new String(dataWriter.bytes(DATA.dataSet(RELEASE, query)), StandardCharsets.UTF_8));
    }

    @Test
    void structureMessages_areValid_andListTheDsdInKeyOrder() {
        Instant prepared = Instant.parse("2026-12-05T03:00:00Z");
        List<Structures> contents = List.of(
                Structures.all(STRUCTURE),
                new Structures(true, false, false, List.of(), List.of()),
                new Structures(false, true, false, List.of(), List.of()),
                new Structures(false, false, false, List.of(STRUCTURE.codelist(ThbStructure.CL_SEX)), List.of()),
                new Structures(false, false, true, List.of(), List.of()));
        for (Structures content : contents) {
            String json = new String(structureWriter.bytes(content, prepared), StandardCharsets.UTF_8);
            assertEquals(List.of(), SdmxJsonSchemas.STRUCTURE.problems(json), content.toString());
        }
        JsonObject data = parse(new String(structureWriter.bytes(Structures.all(STRUCTURE), prepared),
                StandardCharsets.UTF_8)).getJsonObject("data");
        JsonObject dsd = data.getJsonArray("dataStructures").getJsonObject(0);
        assertEquals("DSD_THB", dsd.getString("id"));
        assertEquals("TIPX", dsd.getString("agencyID"));
        JsonArray dimensions = dsd.getJsonObject("dataStructureComponents").getJsonObject("dimensionList")
                .getJsonArray("dimensions");
        List<String> ids = dimensions.getValuesAs(JsonObject.class).stream().map(d -> d.getString("id")).toList();
        assertEquals(ThbStructure.KEY, ids);
        assertEquals("urn:sdmx:org.sdmx.infomodel.codelist.Codelist=SDMX:CL_SEX(2.1)",
                dimensions.getJsonObject(5).getJsonObject("localRepresentation").getString("enumeration"));
        assertEquals(STRUCTURE.codelists().size(), data.getJsonArray("codelists").size());
        assertEquals("urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=TIPX:DSD_THB(1.0)",
                data.getJsonArray("dataflows").getJsonObject(0).getString("structure"));
    }

    @Test
    void aMessageMissingItsSender_isRefusedByTheSchema() {
        SdmxDataSet set = DATA.dataSet(RELEASE, DataQuery.parse(key("A", "VICTIMS", "", "_T", "_T", "F+M", "_T", "_T", "_T", "_T", "_T", "_T"), Map.of()));
        String json = new String(dataWriter.bytes(set), StandardCharsets.UTF_8).replace("\"sender\":", "\"sendr\":");
        assertFalse(SdmxJsonSchemas.DATA.problems(json).isEmpty());
    }

    /** Per observation ("FREQ.MEASURE...|year"), its value (empty when withheld) and attributes, from the data set. */
    private static Map<String, Map<String, String>> expected(SdmxDataSet set) {
        Map<String, Map<String, String>> cells = new HashMap<>();
        boolean attributes = set.query().detail().attributes();
        for (SdmxDataSet.Series series : set.series()) {
            String key = String.join(".", series.key());
            if (series.observations().isEmpty()) {
                cells.put(key, Map.of());
            }
            for (SdmxDataSet.Observation observation : series.observations()) {
                ProtectedCell cell = observation.cell();
                Map<String, String> values = new HashMap<>();
                values.put("OBS_VALUE", cell.value().isPresent() ? String.valueOf(cell.value().getAsLong()) : "");
                if (attributes) {
                    values.put("OBS_STATUS", cell.obsStatus().code());
                    values.put("CONF_STATUS", cell.confStatus().code());
                }
                cells.put(key + "|" + observation.timePeriod(), values);
            }
        }
        return cells;
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** 600 persons in two countries over three years: enough for published cells and for withheld ones. */
    private static List<CaseRecord> records() {
        Random random = new Random(20261205);
        List<CaseRecord> records = new ArrayList<>();
        for (int person = 0; person < 600; person++) {
            records.add(new CaseRecord("p" + person, true, random.nextInt(PTable.KEY_SPACE),
                    2020 + random.nextInt(3), Optional.empty(), random.nextBoolean() ? "presumed" : "confirmed",
                    Optional.of("police"), random.nextBoolean() ? "female" : "male", OptionalInt.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(random.nextInt(6) == 0 ? "MD" : "UA"),
                    random.nextInt(8) == 0 ? "MD" : "UA", Optional.empty(), List.of("sexual"), List.of(), List.of(),
                    List.of(), List.of(), List.of()));
        }
        return records;
    }

    /** A key from its eleven parts, in {@link ThbStructure#KEY} order. */
    private static String key(String... parts) {
        assertEquals(ThbStructure.KEY.size(), parts.length);
        return String.join(".", parts);
    }
}
