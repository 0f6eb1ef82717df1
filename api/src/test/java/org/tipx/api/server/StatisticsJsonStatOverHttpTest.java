package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import org.tipx.api.format.JsonStatToolkit;

/**
 * JSON-stat answers of {@code /v1/statistics}, fetched over HTTP, read back by a real client
 * (npm {@code jsonstat-toolkit}, through {@code src/test/js/check-jsonstat.mjs}) and held against the
 * CSV answer of the same query: the two representations must publish the same cells and labels.
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
                String measure = queries.get(i).contains("registrations") ? "registrations" : "victims";
                Files.writeString(dir.resolve("answer-" + i + ".expected.json"),
                        expectedFromCsv(server.get(query + "&format=csv").body(), measure), StandardCharsets.UTF_8);
                files.add(file);
            }
        }
        JsonStatToolkit.Result result = JsonStatToolkit.check(files);
        String output = result.output();
        assertEquals(0, result.exitCode(), output);
        assertEquals(files.size(), output.lines().filter(line -> line.contains(": ok (")).count(), output);
    }

    /**
     * What check-jsonstat.mjs expects, from a labelled CSV answer: the ids (the measure, then the
     * {@code by} dimensions), one cell per row with its codes, value and OBS_STATUS, and the labels.
     */
    private static String expectedFromCsv(String csv, String measure) {
        List<List<String>> rows = StatisticsApiTest.csvRows(csv);
        List<String> header = rows.get(0);
        int dimensions = header.indexOf("OBS_VALUE") / 2;
        JsonArrayBuilder ids = Json.createArrayBuilder().add("measure");
        for (int d = 0; d < dimensions; d++) {
            ids.add(header.get(2 * d));
        }
        JsonArrayBuilder cells = Json.createArrayBuilder();
        List<JsonObjectBuilder> labels = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            labels.add(Json.createObjectBuilder());
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            JsonObjectBuilder coordinates = Json.createObjectBuilder().add("measure", measure);
            for (int d = 0; d < dimensions; d++) {
                coordinates.add(header.get(2 * d), row.get(2 * d));
                labels.get(d).add(row.get(2 * d), row.get(2 * d + 1));
            }
            JsonObjectBuilder cell = Json.createObjectBuilder().add("coordinates", coordinates);
            String value = row.get(2 * dimensions);
            if (value.isEmpty()) {
                cell.addNull("value");
            } else {
                cell.add("value", Long.parseLong(value));
            }
            cells.add(cell.add("status", row.get(2 * dimensions + 1)));
        }
        JsonObjectBuilder labelsById = Json.createObjectBuilder();
        for (int d = 0; d < dimensions; d++) {
            labelsById.add(header.get(2 * d), labels.get(d));
        }
        return Json.createObjectBuilder().add("id", ids).add("cells", cells).add("labels", labelsById).build().toString();
    }

}
