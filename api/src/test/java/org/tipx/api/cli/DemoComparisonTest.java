package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webserver.WebServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.server.Tipx;
import org.tipx.api.store.TestStores;

/**
 * The comparison URL {@code tipx demo} prints, asked over HTTP of a server holding the demo's sample and
 * its first release: every country has rates (on the WPP 2024 projected population, flagged), and
 * 2026, of which the agencies reported two quarters, is flagged PARTIAL_PERIOD with no change from 2025.
 */
class DemoComparisonTest {

    @TempDir
    Path dir;

    @Test
    void thePrintedComparisonShowsRatesAndFlagsThePartialYear() throws Exception {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        try (Tipx tipx = new Tipx(TestStores.fresh(), secret, Optional.empty(), Tipx.DEFAULT_MAX_UPLOAD_BYTES,
                Clock.systemUTC())) {
            DemoCommand.loadSample(tipx, dir, new PrintWriter(new StringWriter()));
            tipx.releaseJobs().runHere("demo");
            WebServer server = tipx.start("127.0.0.1", 0);
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + DemoCommand.COMPARISON)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, response.statusCode(), response.body());
                JsonObject answer;
                try (var reader = Json.createReader(new StringReader(response.body()))) {
                    answer = reader.readObject();
                }
                assertEquals(2025, answer.getInt("from"));
                assertEquals(2026, answer.getInt("to"));
                List<JsonObject> countries = answer.getJsonArray("countries").getValuesAs(JsonObject.class);
                assertEquals(List.of("UA", "MD", "PL"), countries.stream().map(c -> c.getString("country")).toList());
                for (JsonObject country : countries) {
                    JsonObject total = country.getJsonArray("series").getJsonObject(0);
                    List<JsonObject> points = total.getJsonArray("points").getValuesAs(JsonObject.class);
                    assertEquals(2, points.size(), country.toString());
                    for (JsonObject point : points) {
                        List<String> flags = flags(point);
                        assertTrue(point.containsKey("ratePer100k"), "a rate: " + point);
                        assertFalse(flags.contains("NO_DENOMINATOR"), point.toString());
                        assertTrue(flags.contains("POPULATION_PROJECTED"), point.toString());
                        assertFalse(flags.contains("POPULATION_CARRIED_FORWARD"), point.toString());
                        double rate = point.getJsonNumber("ratePer100k").doubleValue();
                        assertTrue(point.getJsonNumber("rateLower95").doubleValue() < rate
                                && rate < point.getJsonNumber("rateUpper95").doubleValue(), point.toString());
                        assertEquals(point.getInt("year") == 2026, flags.contains("PARTIAL_PERIOD"), point.toString());
                    }
                    JsonObject change = total.getJsonArray("changes").getJsonObject(0);
                    assertEquals(2026, change.getInt("toYear"));
                    assertTrue(change.getBoolean("partialPeriod"), change.toString());
                    assertFalse(change.containsKey("relative") || change.containsKey("absolute"),
                            "half a year is not compared with a whole one: " + change);
                }
            } finally {
                server.stop();
            }
        }
    }

    private static List<String> flags(JsonObject point) {
        return point.getJsonArray("flags").stream().map(v -> ((JsonString) v).getString()).toList();
    }

}
