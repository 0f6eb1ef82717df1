package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;

/** {@code GET /v1/indicators} and a share indicator of {@code /v1/comparisons} on a running server. */
class IndicatorsApiTest extends ComparisonFixtureServer {

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static JsonObject item(JsonObject catalogue, String id) {
        return catalogue.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(item -> item.getString("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theCatalogue_listsEveryIndicatorAndTheFlows_withDefinitionsInTheLanguageAsked() throws Exception {
        HttpResponse<String> english = server.send(server.request("/v1/indicators"));
        assertEquals(200, english.statusCode(), english.body());
        assertEquals(Optional.of("*"), english.headers().firstValue("Access-Control-Allow-Origin"));
        List<String> ids = new ArrayList<>();
        for (JsonValue value : json(english).getJsonArray("items")) {
            JsonObject item = value.asJsonObject();
            ids.add(item.getString("id"));
            assertFalse(item.getString("definition").isBlank());
            assertFalse(item.getJsonArray("sources").isEmpty(), item.getString("id"));
            assertTrue(item.getString("href").startsWith("/v1/"), item.getString("href"));
        }
        List<String> expected = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            expected.add(indicator.id());
        }
        expected.add("flows");
        assertEquals(expected, ids);
        JsonObject assistance = item(json(english), Indicator.SHARE_ASSISTANCE.id());
        assertEquals("share", assistance.getString("unit"));
        assertEquals(List.of("assistance"), assistance.getJsonArray("breakdowns").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("any", assistance.getJsonArray("categories").getString(0));

        HttpResponse<String> russian = server.send(server.request("/v1/indicators?lang=ru"));
        assertEquals(Optional.of("ru"), russian.headers().firstValue("Content-Language"));
        assertEquals("Доля иностранных граждан", item(json(russian), Indicator.SHARE_FOREIGN_NATIONALS.id())
                .getString("name"));
    }

    @Test
    void aShareIndicator_overHttp_isTheProtectedCategoryCellOverTheProtectedTotal() throws Exception {
        HttpResponse<String> response = server.send(server.request(
                "/v1/comparisons?indicator=share_status&countries=UA,MD&from=2019&to=2022"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals("status", body.getString("by"));
        ProtectedTable table = tables.table(releases.find(ComparisonFixture.NEW).orElseThrow(),
                TableQuery.of(Measure.VICTIMS, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR, Dimension.STATUS));
        Map<List<String>, ProtectedCell> cells = table.rows().stream()
                .collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));
        int shares = 0;
        for (JsonValue country : body.getJsonArray("countries")) {
            String iso2 = country.asJsonObject().getString("country");
            for (JsonValue series : country.asJsonObject().getJsonArray("series")) {
                String category = series.asJsonObject().getString("category");
                if (category.equals(ProtectedTable.TOTAL)) {
                    continue;
                }
                for (JsonValue p : series.asJsonObject().getJsonArray("points")) {
                    JsonObject point = p.asJsonObject();
                    if (!point.containsKey("share")) {
                        continue;
                    }
                    String year = Integer.toString(point.getInt("year"));
                    long part = cells.get(List.of(iso2, year, category)).value().getAsLong();
                    long total = cells.get(List.of(iso2, year, ProtectedTable.TOTAL)).value().getAsLong();
                    assertEquals((double) part / total, point.getJsonNumber("share").doubleValue(), 1e-9);
                    assertTrue(point.getJsonNumber("shareLower95").doubleValue() <= (double) part / total);
                    shares++;
                }
            }
        }
        assertTrue(shares > 0, "the fixture publishes shares");
    }

    @Test
    void aShareIndicator_refusesAnotherBreakdown() throws Exception {
        HttpResponse<String> refused = server.send(server.request(
                "/v1/comparisons?indicator=share_status&countries=UA&by=sex"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Parameter by"), refused.body());
    }
}
