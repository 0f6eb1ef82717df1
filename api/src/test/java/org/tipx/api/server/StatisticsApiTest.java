package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipx.api.http.RateLimitPolicy;
import org.tipx.api.release.InMemoryReleases;

/** {@code /v1/statistics} and its neighbours over a real socket, on releases held in memory. */
class StatisticsApiTest {

    static final String OLD = "2025-12-31.1";
    static final String NEW = "2026-06-30.1";

    @TempDir
    Path dir;

    private RunningStatistics server;

    static InMemoryReleases releases() {
        return new InMemoryReleases()
                .add(StatisticsFixture.release(OLD, Instant.parse("2025-12-31T12:00:00Z")), StatisticsFixture.records(7, 2000))
                .add(StatisticsFixture.release(NEW, Instant.parse("2026-06-30T12:00:00Z")), StatisticsFixture.records(11, 3000));
    }

    @BeforeEach
    void start() {
        server = new RunningStatistics(dir, StatisticsApi.over(releases()).withRateLimit(Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sameQueryTwice_givesIdenticalBytesAndEtag() throws Exception {
        for (String format : List.of("json", "csv", "jsonstat")) {
            String query = "/v1/statistics?by=citizenship,year&sex=female&year=2020,2021&format=" + format;
            HttpResponse<byte[]> first = server.bytes(query);
            HttpResponse<byte[]> second = server.bytes(query);
            assertEquals(200, first.statusCode(), format);
            assertArrayEquals(first.body(), second.body(), format);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
            assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong ETag: " + etag);
        }
        // Filter codes are a set: their order changes neither the table nor its tag.
        assertEquals(server.get("/v1/statistics?by=sex&year=2020,2021").headers().firstValue("ETag"),
                server.get("/v1/statistics?by=sex&year=2021,2020").headers().firstValue("ETag"));
        assertNotEquals(server.get("/v1/statistics?by=sex&format=csv").headers().firstValue("ETag"),
                server.get("/v1/statistics?by=sex&format=json").headers().firstValue("ETag"));
    }

    @Test
    void ifNoneMatch_withTheCurrentEtag_answers304WithoutBody() throws Exception {
        String query = "/v1/statistics?by=sex,year&format=csv&release=" + NEW;
        HttpResponse<String> first = server.get(query);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = server.send(server.request(query).header("If-None-Match", etag));
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.body());
        assertEquals(Optional.of(etag), revalidated.headers().firstValue("ETag"));
        assertEquals(first.headers().firstValue("Cache-Control"), revalidated.headers().firstValue("Cache-Control"));
        HttpResponse<String> changed = server.send(server.request(query).header("If-None-Match", "\"other\", W/" + etag));
        assertEquals(304, changed.statusCode(), "If-None-Match compares weakly and reads lists");
        HttpResponse<String> stale = server.send(server.request(query).header("If-None-Match", "\"stale\""));
        assertEquals(200, stale.statusCode());
        assertEquals(first.body(), stale.body());
    }

    @Test
    void release_pinnedAnswersAreImmutable_latestNamesTheNewestAndRevalidates() throws Exception {
        HttpResponse<String> latest = server.get("/v1/statistics?by=sex");
        assertEquals(Optional.of(NEW), latest.headers().firstValue("Tipx-Release"));
        assertEquals(Optional.of("public, max-age=60"), latest.headers().firstValue("Cache-Control"));
        assertEquals(Optional.of("Accept, Accept-Language"), latest.headers().firstValue("Vary"));
        assertTrue(latest.body().contains(NEW), "the JSON body names its release");

        HttpResponse<String> pinned = server.get("/v1/statistics?by=sex&release=" + OLD);
        assertEquals(Optional.of(OLD), pinned.headers().firstValue("Tipx-Release"));
        assertEquals(Optional.of("public, max-age=31536000, immutable"), pinned.headers().firstValue("Cache-Control"));
        assertTrue(pinned.body().contains(OLD));
        assertNotEquals(latest.body(), pinned.body());

        HttpResponse<String> explicitNew = server.get("/v1/statistics?by=sex&release=" + NEW);
        assertEquals(latest.body(), explicitNew.body(), "latest is the newest release");

        HttpResponse<String> missing = server.get("/v1/statistics?by=sex&release=1999-01-01.1");
        assertEquals(404, missing.statusCode());
        assertEquals("release", problem(missing).getString("parameter"));
    }

    @Test
    void aNewRelease_movesLatest_butNoPinnedAnswer() throws Exception {
        InMemoryReleases growing = releases();
        try (RunningStatistics live = new RunningStatistics(dir.resolve("live"),
                StatisticsApi.over(growing).withRateLimit(Optional.empty()))) {
            String query = "/v1/statistics?by=sex&format=csv";
            HttpResponse<String> latestBefore = live.get(query);
            HttpResponse<String> pinnedBefore = live.get(query + "&release=" + NEW);
            growing.add(StatisticsFixture.release("2026-12-31.1", Instant.parse("2026-12-31T12:00:00Z")),
                    StatisticsFixture.records(13, 4000));
            HttpResponse<String> latestAfter = live.send(live.request(query)
                    .header("If-None-Match", latestBefore.headers().firstValue("ETag").orElseThrow()));
            assertEquals(200, latestAfter.statusCode(), "the old tag of latest no longer matches");
            assertEquals(Optional.of("2026-12-31.1"), latestAfter.headers().firstValue("Tipx-Release"));
            assertNotEquals(latestBefore.body(), latestAfter.body());
            HttpResponse<String> pinnedAfter = live.send(live.request(query + "&release=" + NEW)
                    .header("If-None-Match", pinnedBefore.headers().firstValue("ETag").orElseThrow()));
            assertEquals(304, pinnedAfter.statusCode(), "a pinned answer never changes");
            assertEquals(pinnedBefore.body(), live.get(query + "&release=" + NEW).body());
        }
    }

    @Test
    void noRelease_answers404NoReleasePublishedYet() throws Exception {
        try (RunningStatistics empty = new RunningStatistics(dir.resolve("empty"), StatisticsApi.none())) {
            HttpResponse<String> response = empty.get("/v1/statistics?by=sex");
            assertEquals(404, response.statusCode());
            assertTrue(problem(response).getString("detail").contains("No release published yet"), response.body());
            assertEquals(200, empty.get("/v1/dimensions").statusCode(), "the rest of the API still answers");
        }
    }

    @Test
    void sameCell_throughTwoDifferentTables_isPublishedIdentically() throws Exception {
        // by=sex and by=sex,year at year=_T count the same persons; so does by=country_of_identification,sex at _T.
        Map<List<String>, String> bySex = csvValues(server.get("/v1/statistics?by=sex&format=csv").body());
        Map<List<String>, String> bySexYear = csvValues(server.get("/v1/statistics?by=sex,year&format=csv").body());
        Map<List<String>, String> byCountrySex = csvValues(
                server.get("/v1/statistics?by=country_of_identification,sex&format=csv").body());
        int compared = 0;
        for (String sex : List.of("female", "male", "_T")) {
            String value = bySex.get(List.of(sex));
            assertFalse(value.isEmpty(), "large cells are published");
            assertEquals(value, bySexYear.get(List.of(sex, "_T")), sex);
            assertEquals(value, byCountrySex.get(List.of("_T", sex)), sex);
            compared++;
        }
        // A filter on the by dimension itself keeps the same persons in the cell.
        Map<List<String>, String> filtered = csvValues(server.get("/v1/statistics?by=sex&sex=female&format=csv").body());
        assertEquals(bySex.get(List.of("female")), filtered.get(List.of("female")));
        assertEquals(3, compared);
    }

    @Test
    void measure_registrationsCountRecords_victimsCountPersonsOnce() throws Exception {
        // The newest release holds 3,000 persons, about 10 % of them reported twice: ~300 more records
        // than persons, far more than the perturbation (at most 5) could hide.
        long victims = Long.parseLong(csvValues(server.get("/v1/statistics?format=csv").body()).get(List.of()));
        long registrations = Long.parseLong(csvValues(
                server.get("/v1/statistics?format=csv&measure=registrations").body()).get(List.of()));
        assertTrue(Math.abs(victims - 3000) <= 5, "victims " + victims);
        assertTrue(registrations > victims + 200, registrations + " registrations, " + victims + " victims");
        assertEquals(victims, Long.parseLong(csvValues(server.get("/v1/statistics?format=csv&measure=victims").body())
                .get(List.of())), "victims is the default measure");
    }

    @Test
    void noPublishedValue_liesBetweenOneAndTheThresholdMinusOne() throws Exception {
        // About 12 persons per inner cell: some above the threshold, some below.
        String csv = server.get("/v1/statistics?by=country_of_identification,year,sex,age_band"
                + "&citizenship=UA,MD,RO&format=csv").body();
        List<List<String>> rows = csvRows(csv);
        int withheld = 0;
        int published = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            String value = row.get(4);
            if (value.isEmpty()) {
                assertEquals(List.of("Q", "A"), row.subList(5, 7), row.toString());
                withheld++;
            } else {
                long v = Long.parseLong(value);
                assertTrue(v >= 10, "published " + v + " in " + row);
                assertEquals(List.of("A", "F"), row.subList(5, 7), row.toString());
                published++;
            }
        }
        assertTrue(withheld > 0 && published > 0, withheld + " withheld, " + published + " published");
    }

    @Test
    void csv_hasTheIssuesColumns_andLabelColumnsWithLabelsTrue() throws Exception {
        HttpResponse<String> plain = server.get("/v1/statistics?by=citizenship,year&sex=female&year=2020,2021&format=csv");
        assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals("citizenship,year,OBS_VALUE,OBS_STATUS,CONF_STATUS", csvRows(plain.body()).get(0).stream()
                .reduce((a, b) -> a + "," + b).orElseThrow());
        HttpResponse<String> labelled = server.get(
                "/v1/statistics?by=citizenship,year&sex=female&year=2020,2021&format=csv&labels=true");
        List<List<String>> rows = csvRows(labelled.body());
        assertEquals(List.of("citizenship", "citizenship_label", "year", "year_label", "OBS_VALUE", "OBS_STATUS",
                "CONF_STATUS"), rows.get(0));
        assertTrue(rows.stream().anyMatch(row -> row.get(0).equals("UA") && row.get(1).equals("Ukraine")), labelled.body());
        assertTrue(labelled.body().contains("Total"));
    }

    @ParameterizedTest(name = "Accept {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "text/csv|text/csv",
            "application/json|application/json",
            "application/json-stat+json|jsonstat",
            "'text/csv;q=0.5, application/json'|application/json",
            "'application/xml, text/*;q=0.3'|text/csv",
            "*/*|application/json"})
    void contentNegotiation_withoutFormat_followsAccept(String accept, String expected) throws Exception {
        HttpResponse<String> response = server.send(server.request("/v1/statistics?by=sex").header("Accept", accept));
        assertEquals(200, response.statusCode());
        String type = response.headers().firstValue("Content-Type").orElseThrow();
        if (expected.equals("jsonstat")) {
            assertTrue(response.body().contains("\"version\":\"2.0\"") && response.body().contains("\"class\":\"dataset\""),
                    response.body());
        } else {
            assertTrue(type.startsWith(expected), type);
            assertFalse(response.body().contains("\"class\":\"dataset\""));
        }
        assertEquals(Optional.of("Accept, Accept-Language"), response.headers().firstValue("Vary"));
    }

    @Test
    void contentNegotiation_unsupportedAccept_answers406_andFormatWinsOverAccept() throws Exception {
        HttpResponse<String> refused = server.send(server.request("/v1/statistics?by=sex").header("Accept", "application/xml"));
        assertEquals(406, refused.statusCode());
        assertEquals("urn:tipx:problem:not-acceptable", problem(refused).getString("type"));
        HttpResponse<String> csv = server.send(server.request("/v1/statistics?by=sex&format=csv")
                .header("Accept", "application/xml"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            "by=nationality|bad-request|by",
            "by=sex,|bad-request|by",
            "sex=femme|bad-request|sex",
            "year=20x0|bad-request|year",
            "citizenship=XS,ZZ|bad-request|citizenship",
            "country_of_identification=XS|bad-request|country_of_identification",
            "measure=people|bad-request|measure",
            "format=xml|bad-request|format",
            "labels=maybe|bad-request|labels",
            "release=..|bad-request|release",
            "by=sex&by=year|bad-request|by",
            "by=sex,sex|duplicate-dimension|by",
            "by=sex,age_band,citizenship,exploitation,identified_by|too-many-dimensions|by",
            "by=citizenship,age_band,exploitation,sex,year,country_of_identification|too-many-cells|",
            "by=age_band,sex&citizenship=VN&country_of_identification=MD&year=2020|too-sparse|"})
    void badInput_answers400ProblemNamingTheParameterOrRule(String query, String type, String parameter)
            throws Exception {
        HttpResponse<String> response = server.get("/v1/statistics?" + query);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        JsonObject problem = problem(response);
        assertEquals("urn:tipx:problem:" + type, problem.getString("type"));
        assertFalse(problem.getString("detail").isBlank());
        if (parameter != null) {
            assertEquals(parameter, problem.getString("parameter"), response.body());
        }
        assertTrue(response.headers().firstValue("ETag").isEmpty(), "an error carries no validator");
        assertTrue(response.headers().firstValue("Cache-Control").isEmpty(), "an error is not cached for a year");
    }

    @Test
    void unknownQueryParameter_isRefusedWithoutEchoingIt() throws Exception {
        HttpResponse<String> response = server.get("/v1/statistics?by=sex&gender=female");
        assertEquals(400, response.statusCode());
        assertFalse(response.body().contains("gender"), response.body());
    }

    @Test
    void plantedPseudonym_andRecordInternals_neverAppearInAnyAnswer() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (String format : List.of("json", "csv", "jsonstat")) {
            for (String labels : List.of("true", "false")) {
                bodies.add(server.get("/v1/statistics?by=country_of_identification,sex,citizenship&format=" + format
                        + "&labels=" + labels).body());
                bodies.add(server.get("/v1/tables?by=exploitation&format=" + format + "&labels=" + labels).body());
            }
        }
        bodies.add(server.get("/v1/dimensions").body());
        bodies.add(server.get("/v1/config").body());
        bodies.add(server.get("/v1/statistics?by=sex,sex").body());
        bodies.add(server.get("/v1/statistics?by=age_band,sex&citizenship=VN&country_of_identification=MD&year=2020").body());
        for (String body : bodies) {
            assertFalse(body.contains(StatisticsFixture.PLANTED_PSEUDONYM), body);
            assertFalse(body.contains("planted0pseudonym"), body);
            String lower = body.toLowerCase(java.util.Locale.ROOT);
            for (String internal : List.of("pseudonym", "record_key", "recordkey", "cell_key", "cellkey", "true_count",
                    "truecount")) {
                assertFalse(lower.contains(internal), internal + " in " + body);
            }
        }
    }

    @Test
    void deprecatedAlias_answersLikeTheSuccessor_withDeprecationSunsetAndLink() throws Exception {
        String query = "?by=sex,year&format=csv&release=" + NEW;
        HttpResponse<String> current = server.get("/v1/statistics" + query);
        HttpResponse<String> alias = server.get("/v1/tables" + query);
        assertEquals(200, alias.statusCode());
        assertEquals(current.body(), alias.body());
        assertEquals(current.headers().firstValue("ETag"), alias.headers().firstValue("ETag"));
        assertEquals(Optional.of("@1793491200"), alias.headers().firstValue("Deprecation"), "RFC 9745: @epoch seconds");
        assertEquals(Optional.of("Wed, 30 Jun 2027 00:00:00 GMT"), alias.headers().firstValue("Sunset"), "RFC 8594 HTTP-date");
        assertEquals(Optional.of("</v1/statistics>; rel=\"successor-version\""), alias.headers().firstValue("Link"));
        assertTrue(current.headers().firstValue("Deprecation").isEmpty(), "the successor is not deprecated");
        String etag = alias.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revalidated = server.send(server.request("/v1/tables" + query).header("If-None-Match", etag));
        assertEquals(304, revalidated.statusCode());
        assertEquals(Optional.of("@1793491200"), revalidated.headers().firstValue("Deprecation"));
    }

    @Test
    void deprecatedAlias_afterItsSunset_answers410WithTheSameHeaders() throws Exception {
        Clock afterSunset = Clock.fixed(Instant.parse("2027-07-01T00:00:00Z"), ZoneOffset.UTC);
        try (RunningStatistics later = new RunningStatistics(dir.resolve("later"),
                StatisticsApi.over(releases()).withRateLimit(Optional.empty()), afterSunset)) {
            HttpResponse<String> gone = later.get("/v1/tables?by=sex");
            assertEquals(410, gone.statusCode());
            assertEquals("urn:tipx:problem:gone", problem(gone).getString("type"));
            assertTrue(gone.headers().firstValue("Sunset").isPresent());
            assertEquals(Optional.of("</v1/statistics>; rel=\"successor-version\""), gone.headers().firstValue("Link"));
            assertEquals(200, later.get("/v1/statistics?by=sex").statusCode());
        }
    }

    @Test
    void dimensionsAndConfig_areTaggedAndRevalidate() throws Exception {
        for (String path : List.of("/v1/dimensions", "/v1/config")) {
            HttpResponse<String> first = server.get(path);
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, server.send(server.request(path).header("If-None-Match", etag)).statusCode());
        }
        JsonObject config = Json.createReader(new StringReader(server.get("/v1/config").body())).readObject();
        JsonObject protection = config.getJsonObject("protection");
        assertEquals(10, protection.getInt("threshold"));
        assertEquals(5, protection.getInt("maxPerturbation"));
        assertEquals(3.0, protection.getJsonNumber("variance").doubleValue());
        assertEquals(2, protection.getInt("smallestPublishedNonZero"));
        assertEquals(11, protection.getInt("k"));
        assertEquals(4, config.getJsonObject("limits").getInt("maxDimensions"));
        assertEquals(10_000, config.getJsonObject("limits").getInt("maxCells"));
        assertFalse(config.getJsonObject("rateLimit").getBoolean("enabled"));

        JsonObject exploitation = Json.createReader(new StringReader(server.get("/v1/dimensions").body())).readObject()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("id").equals("exploitation")).findFirst().orElseThrow();
        assertTrue(exploitation.getBoolean("multiValued"));
        assertEquals("sexual", exploitation.getJsonArray("codes").getJsonObject(0).getString("code"));
    }

    @Test
    void rateLimit_refusesTheRequestBeyondTheQuota_with429RetryAfterAndRateLimitHeaders() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy("anonymous", 3, java.time.Duration.ofHours(1));
        try (RunningStatistics limited = new RunningStatistics(dir.resolve("limited"),
                StatisticsApi.over(releases()).withRateLimit(Optional.of(policy)))) {
            List<HttpResponse<String>> answers = new ArrayList<>();
            answers.add(limited.get("/v1/config"));
            answers.add(limited.get("/v1/statistics?by=sex"));
            answers.add(limited.get("/v1/dimensions"));
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i);
                assertEquals(200, answer.statusCode());
                assertEquals(Optional.of("\"anonymous\";q=3;w=3600"), answer.headers().firstValue("RateLimit-Policy"));
                String rateLimit = answer.headers().firstValue("RateLimit").orElseThrow();
                assertTrue(rateLimit.startsWith("\"anonymous\";r=" + (2 - i) + ";t="), rateLimit);
            }
            HttpResponse<String> refused = limited.get("/v1/statistics?by=sex");
            assertEquals(429, refused.statusCode());
            assertEquals("urn:tipx:problem:too-many-requests", problem(refused).getString("type"));
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 1200, "one request refills in 1200 s: " + retryAfter);
            assertTrue(refused.headers().firstValue("RateLimit").orElseThrow().startsWith("\"anonymous\";r=0;t="));
            // Agencies' uploads and reads are not public: no limit, no headers (they answer 401 without a token).
            HttpResponse<String> extracts = limited.get("/v1/extracts");
            assertEquals(401, extracts.statusCode());
            assertTrue(extracts.headers().firstValue("RateLimit").isEmpty());
        }
    }

    private static JsonObject problem(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** CSV rows split on commas (the codes and statuses used here hold none), header first. */
    static List<List<String>> csvRows(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            if (!line.isEmpty()) {
                rows.add(List.of(line.split(",", -1)));
            }
        }
        return rows;
    }

    /** The OBS_VALUE of each row by its codes. */
    static Map<List<String>, String> csvValues(String csv) {
        List<List<String>> rows = csvRows(csv);
        int codes = rows.get(0).indexOf("OBS_VALUE");
        Map<List<String>, String> values = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            values.put(row.subList(0, codes), row.get(codes));
        }
        return values;
    }
}
