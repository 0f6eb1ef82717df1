package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.client.ApiClient;
import org.tipx.client.model.StatisticsTable;
import org.tipx.client.model.TableObservation;

/**
 * A table answer read through the Java client generated from spec/tipx-v1.yaml: the typed
 * {@code StatisticsTable} model must take every member {@code JsonTableWriter} writes, so a client
 * reads cells as numbers and flags as enums instead of digging in an untyped map.
 */
class GeneratedClientStatisticsTest {

    @TempDir
    Path dir;

    @Test
    void statisticsTable_readThroughTheGeneratedModel_hasTheCellsOfTheJsonAnswer() throws Exception {
        try (RunningStatistics server = new RunningStatistics(dir, StatisticsApi.over(StatisticsApiTest.releases())
                .withRateLimit(Optional.empty()))) {
            ApiClient client = new ApiClient();
            client.updateBaseUri(server.base().toString());
            StatisticsTable table = new org.tipx.client.api.StatisticsApi(client).getStatistics("sex", "victims", "json",
                    true, null, null, null, null, null, "UA,MD", null, null, null, null, null, null, null, null, null, null,
                    null, null);
            JsonObject raw = Json.createReader(new StringReader(server.get(
                    "/v1/statistics?by=sex&citizenship=UA,MD&format=json&labels=true").body())).readObject();

            assertEquals(StatisticsApiTest.NEW, table.getRelease().getId());
            assertEquals(StatisticsTable.MeasureEnum.VICTIMS, table.getMeasure());
            assertEquals(List.of("sex"), table.getBy());
            assertEquals(Map.of("citizenship", List.of("MD", "UA")), table.getFilters());
            assertEquals("Sex", table.getDimensionLabels().get("sex"));
            assertEquals(5, table.getProtection().getD());
            assertNull(table.getProtection().getPstay());
            assertEquals(raw.getJsonArray("notes").size(), table.getNotes().size());
            assertEquals(3, table.getObservations().size());
            JsonObject rawFemale = raw.getJsonArray("observations").getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getJsonObject("codes").getString("sex").equals("female")).findFirst().orElseThrow();
            TableObservation female = table.getObservations().stream()
                    .filter(o -> "female".equals(o.getCodes().get("sex"))).findFirst().orElseThrow();
            assertNotNull(female.getValue(), "a large cell is published");
            assertEquals(rawFemale.getJsonNumber("value").longValueExact(), female.getValue());
            assertEquals(TableObservation.OBSSTATUSEnum.A, female.getOBSSTATUS());
            assertEquals(TableObservation.CONFSTATUSEnum.F, female.getCONFSTATUS());
            assertEquals("Female (HTCDS: Feminine)", female.getLabels().get("sex"));
        }
    }
}
