package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.NodeTools;
import org.tipx.api.domain.Dimension;
import org.tipx.api.format.JsonStatToolkit;

/**
 * JSON-stat answers of {@code /v1/statistics}, fetched over HTTP, read back by a real client
 * (npm {@code jsonstat-toolkit}, through {@code src/test/js/check-jsonstat.mjs}) and held against the
 * tipx JSON answer of the same query: the two representations must publish the same cells and labels.
 * Skipped without Node.js and the toolkit, unless {@code TIPX_REQUIRE_NODE_TOOLS=1} (as in {@code .ci/run}).
 */
class StatisticsJsonStatOverHttpTest {

    @TempDir
    Path dir;

    @BeforeEach
    void nodeToolsInstalled() {
        JsonStatToolkit.requireInstalled();
    }

    @Test
    void jsonstatAnswers_readByJsonstatToolkit_publishTheCellsOfTheCsvAnswer() throws Exception {
        List<String> queries = List.of(
                "by=citizenship,year&sex=female&year=2020,2021",
                "by=exploitation,sex",
                "by=country_of_identification,age_band&citizenship=UA,MD",
                "measure=registrations");
        List<Path> files = new ArrayList<>();
        try (RunningStatistics server = new RunningStatistics(dir.resolve("server"),
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()))) {
            for (int i = 0; i < queries.size(); i++) {
                String query = "/v1/statistics?" + queries.get(i) + "&labels=true";
                HttpResponse<String> negotiated = server.send(server.request(query)
                        .header("Accept", "application/json-stat+json"));
                assertEquals(200, negotiated.statusCode(), negotiated.body());
                assertEquals(negotiated.body(), server.get(query + "&format=jsonstat").body(), "format=jsonstat is the same answer");
                Path file = dir.resolve("answer-" + i + ".json");
                Files.writeString(file, negotiated.body(), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("answer-" + i + ".expected.json"),
                        expectedFromJson(server.get(query + "&format=json").body()), StandardCharsets.UTF_8);
                files.add(file);
            }
        }
        NodeTools.Result result = JsonStatToolkit.check(files);
        String output = result.output();
        assertEquals(0, result.exitCode(), output);
        assertEquals(files.size(), output.lines().filter(line -> line.contains(": ok (")).count(), output);
    }

    @Test
    void filteredAnswer_readOverHttpByTheToolkit_asATable_keepsTheFilterAndTheOrderOfDimensions() throws Exception {
        JsonObject seen;
        JsonObject dimensions;
        try (RunningStatistics server = new RunningStatistics(dir.resolve("server"),
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()))) {
            String url = server.uri("/v1/statistics?by=age_band,citizenship&sex=female&format=jsonstat&labels=true").toString();
            NodeTools.Result result = JsonStatToolkit.run("read-over-http.mjs", List.of(url));
            assertEquals(0, result.exitCode(), result.output());
            seen = Json.createReader(new java.io.StringReader(result.output())).readObject();
            dimensions = Json.createReader(new java.io.StringReader(server.get("/v1/dimensions").body())).readObject();
        }
        assertEquals("[\"measure\",\"year\",\"sex\",\"age_band\",\"citizenship\"]", seen.getJsonArray("id").toString());
        assertEquals("[\"year\"]", seen.getJsonObject("roles").getJsonArray("time").toString());
        List<JsonObject> rows = seen.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertEquals(java.util.Set.of("measure", "year", "sex", "age_band", "citizenship", "status", "value"),
                java.util.Set.copyOf(seen.getJsonArray("columns").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()));
        assertTrue(rows.size() > 10, seen.toString());
        for (JsonObject row : rows) {
            assertEquals("female", row.getString("sex"), "the filter is a column of the converted table");
            assertEquals("2020+2021+2022", row.getString("year"), "the period covered");
        }
        for (String id : List.of("age_band", "citizenship")) {
            List<String> published = seen.getJsonObject("categories").getJsonArray(id).getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList();
            List<String> listed = new ArrayList<>();
            for (JsonObject dimension : dimensions.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (dimension.getString("id").equals(id)) {
                    dimension.getJsonArray("codes").getValuesAs(JsonObject.class).forEach(code -> {
                        if (published.contains(code.getString("code"))) {
                            listed.add(code.getString("code"));
                        }
                    });
                }
            }
            listed.add("_T");
            assertEquals(listed, published, id + " in the order of /v1/dimensions");
            assertTrue(published.size() > 3, published.toString());
        }
        JsonObject statusLabels = seen.getJsonObject("statusLabels");
        assertEquals("Normal value", statusLabels.getString("A"), "jsonstat-euro's getStatusLabel finds our labels");
        statusLabels.forEach((status, label) -> assertTrue(
                label.toString().equals("\"Normal value\"") || label.toString().equals("\"Missing value; suppressed\""),
                status + " -> " + label));
    }

    /**
     * What check-jsonstat.mjs expects, from the tipx JSON answer of the same query: the ids (the
     * measure, each filter outside {@code by} and the period when neither breaks down nor filters by
     * year, in the API's dimension order, then the {@code by} dimensions), one cell per observation
     * with its codes, value and OBS_STATUS (the total over years left out: the time axis holds
     * years), and the labels. Dimensions of size one need no coordinate: the toolkit takes their
     * one category.
     */
    private static String expectedFromJson(String body) {
        JsonObject answer = Json.createReader(new java.io.StringReader(body)).readObject();
        List<String> by = answer.getJsonArray("by").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        JsonObject filters = answer.getJsonObject("filters");
        JsonArrayBuilder ids = Json.createArrayBuilder().add("measure");
        for (Dimension dimension : Dimension.values()) {
            boolean context = filters.containsKey(dimension.id()) || dimension == Dimension.YEAR;
            if (context && !by.contains(dimension.id())) {
                ids.add(dimension.id());
            }
        }
        by.forEach(ids::add);
        JsonArrayBuilder cells = Json.createArrayBuilder();
        java.util.Map<String, JsonObjectBuilder> labels = new java.util.LinkedHashMap<>();
        by.forEach(id -> labels.put(id, Json.createObjectBuilder()));
        for (JsonObject observation : answer.getJsonArray("observations").getValuesAs(JsonObject.class)) {
            JsonObject codes = observation.getJsonObject("codes");
            if (by.contains("year") && codes.getString("year").equals("_T")) {
                continue;
            }
            JsonObjectBuilder coordinates = Json.createObjectBuilder().add("measure", answer.getString("measure"));
            for (String id : by) {
                coordinates.add(id, codes.getString(id));
                labels.get(id).add(codes.getString(id), observation.getJsonObject("labels").getString(id));
            }
            JsonObjectBuilder cell = Json.createObjectBuilder().add("coordinates", coordinates)
                    .add("value", observation.get("value")).add("status", observation.getString("OBS_STATUS"));
            cells.add(cell);
        }
        JsonObjectBuilder labelsById = Json.createObjectBuilder();
        labels.forEach(labelsById::add);
        return Json.createObjectBuilder().add("id", ids).add("cells", cells).add("labels", labelsById).build().toString();
    }
}
