package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;

/**
 * Every kind of refusal of a query parameter, on every operation of the spec that takes query parameters
 * (the upload, the statistics and its alias, the comparisons), against a running server: problem+json with
 * the {@code parameter} member naming the parameter, no class name or exception text, and the client's
 * value not quoted back.
 */
class ParameterRefusalsTest {

    @TempDir
    static Path dir;
    static RunningTipx server;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        InMemoryReleases releases = ComparisonFixture.releases();
        server = RunningTipx.publishing(dir, releases, new ScanningTableSource(releases, TablePublisher.withDefaults()));
        token = server.agency("refusals", "UA");
    }

    @AfterAll
    static void stop() {
        server.close();
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
    }

    /**
     * @param value the client's text that must not come back, when it is not a known code (empty: none)
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // POST /v1/extracts: missing, empty, malformed, not yet started, repeated, not a boolean, undefined
            "POST|/v1/extracts|400|period|",
            "POST|/v1/extracts?period=|400|period|",
            "POST|/v1/extracts?period=2026-Q5|400|period|2026-Q5",
            "POST|/v1/extracts?period=Q3-2026|400|period|Q3-2026",
            "POST|/v1/extracts?period=2999-Q1|400|period|",
            "POST|/v1/extracts?period=2026-Q3&period=2026-Q2|400|period|",
            "POST|/v1/extracts?period=2026-Q3&no_cases=yes|400|no_cases|yes",
            "POST|/v1/extracts?period=2026-Q3&nocases=true|400|nocases|",
            // GET /v1/statistics and its alias: an undefined filter, each kind of bad value, a repeat
            "GET|/v1/statistics?gender=female|400|gender|female",
            "GET|/v1/tables?gender=female|400|gender|female",
            "GET|/v1/statistics?format=xml|400|format|xml",
            "GET|/v1/statistics?release=r1999|404|release|r1999",
            "GET|/v1/statistics?release=no%20such|400|release|no such",
            "GET|/v1/statistics?by=gender|400|by|gender",
            "GET|/v1/statistics?by=sex,sex|400|by|",
            "GET|/v1/statistics?sex=F|400|sex|",
            "GET|/v1/statistics?year=20x0|400|year|20x0",
            "GET|/v1/statistics?measure=persons|400|measure|persons",
            "GET|/v1/statistics?labels=maybe|400|labels|maybe",
            "GET|/v1/statistics?sex=female&sex=male|400|sex|",
            // GET /v1/comparisons
            "GET|/v1/comparisons?countries=UA|400|indicator|",
            "GET|/v1/comparisons?indicator=victims_per_capita&countries=UA|400|indicator|victims_per_capita",
            "GET|/v1/comparisons?indicator=victims|400|countries|",
            "GET|/v1/comparisons?indicator=victims&countries=UA,ZZ|400|countries|ZZ",
            "GET|/v1/comparisons?indicator=victims&countries=UA&from=20x5|400|from|20x5",
            "GET|/v1/comparisons?indicator=victims&countries=UA&to=1800|400|to|",
            "GET|/v1/comparisons?indicator=victims&countries=UA&from=2024&to=2015|400|to|",
            "GET|/v1/comparisons?indicator=victims&countries=UA&by=citizenship|400|by|citizenship",
            "GET|/v1/comparisons?indicator=victims&countries=UA&format=xml|400|format|xml",
            "GET|/v1/comparisons?indicator=victims&countries=UA&release=r1999|404|release|r1999",
            "GET|/v1/comparisons?indicator=victims&countries=UA&gender=female|400|gender|female",
    })
    void aRefusedParameterIsNamed_withoutAClassNameOrTheValue(String method, String pathAndQuery, int status,
                                                              String parameter, String value) throws Exception {
        HttpRequest.Builder request = server.request(pathAndQuery);
        if (method.equals("POST")) {
            request.header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(Extracts.csv(1, "refused")));
        }
        HttpResponse<String> response = server.send(request);

        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(parameter, problem.getString("parameter", null), response.body());
        String body = response.body();
        assertFalse(body.contains("org.tipx") || body.contains("class ") || body.contains("Validator")
                || body.contains("Exception") || body.contains("FATAL"), body);
        if (value != null) {
            assertFalse(problem.getString("detail").contains(value), body);
        }
    }
}
