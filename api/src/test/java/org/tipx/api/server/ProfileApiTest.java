package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/**
 * {@code GET /v1/countries/{iso2}/profile} on a running server with {@link ComparisonFixture}'s releases:
 * UA, MD and BY have records (all three in UN M49 Eastern Europe, 151), UA and MD report agencies.
 */
class ProfileApiTest {

    @TempDir
    static Path dir;
    static RunningTipx server;
    static InMemoryReleases releases;
    static TableSource tables;

    @BeforeAll
    static void start() {
        releases = ComparisonFixture.releases();
        tables = new ScanningTableSource(releases, TablePublisher.withDefaults());
        server = RunningTipx.publishing(dir, releases, tables);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return server.send(server.request(path));
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static JsonObject indicator(JsonObject profile, String id) {
        return profile.getJsonArray("indicators").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("indicator").equals(id)).findFirst().orElseThrow();
    }

    private static List<String> strings(JsonObject object, String member) {
        return object.getJsonArray(member).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void everyIndicatorOfTheCountryIsTheComparisonsOwnSeries() throws Exception {
        HttpResponse<String> response = get("/v1/countries/ua/profile");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject profile = json(response);

        assertEquals(ComparisonFixture.NEW, profile.getString("release"));
        assertEquals(List.of(ComparisonFixture.NEW), response.headers().allValues("Tipx-Release"));
        assertEquals("UA", profile.getString("country"));
        assertEquals("Ukraine", profile.getString("name"));
        assertEquals(List.of("MD", "UA"), strings(profile, "reportingCountries"));
        assertEquals(Arrays.stream(Indicator.values()).map(Indicator::id).toList(),
                profile.getJsonArray("indicators").getValuesAs(JsonObject.class).stream()
                        .map(i -> i.getString("indicator")).toList(), "every indicator the comparisons know");
        for (Indicator indicator : Indicator.values()) {
            JsonObject comparison = json(get("/v1/comparisons?countries=UA&indicator=" + indicator.id()));
            JsonValue expected = comparison.getJsonArray("countries").getJsonObject(0).getJsonArray("series").get(0);
            assertEquals(expected, indicator(profile, indicator.id()).get("country"), indicator.id());
        }
        JsonObject rate = indicator(profile, "victims_per_100k").getJsonObject("country");
        assertTrue(rate.containsKey("trend"), "the trend comes along");
        assertTrue(rate.getJsonArray("points").getJsonObject(0).containsKey("obsStatus"));
    }

    @Test
    void theRegionIsTheTotalRowOfOneProtectedTableFilteredToItsReportingCountries() throws Exception {
        JsonObject profile = json(get("/v1/countries/UA/profile"));
        JsonObject region = profile.getJsonObject("region");
        assertEquals("151", region.getString("m49"));
        assertEquals("Eastern Europe", region.getString("name"));
        assertEquals(List.of("MD", "UA"), strings(region, "reportingCountries"), "BY has records but no agency");

        ProtectedTable table = tables.table(releases.find(ComparisonFixture.NEW).orElseThrow(), new TableQuery(
                List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR),
                Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("UA", "MD")), Measure.VICTIMS));
        Map<List<String>, ProtectedCell> cells = table.rows().stream()
                .collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));
        ReferenceData reference = ReferenceData.load();
        List<JsonObject> points = indicator(profile, "victims_per_100k").getJsonObject("region")
                .getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(10, points.size(), "2015-2024, the country's years");
        int notTheSum = 0;
        for (JsonObject point : points) {
            int year = point.getInt("year");
            ProtectedCell cell = cells.get(List.of(ProtectedTable.TOTAL, Integer.toString(year)));
            assertEquals(cell.value().getAsLong(), point.getJsonNumber("count").longValue(), "year " + year);
            ProtectedCell ua = cells.get(List.of("UA", Integer.toString(year)));
            ProtectedCell md = cells.get(List.of("MD", Integer.toString(year)));
            if (ua.value().isEmpty() || md.value().isEmpty()
                    || ua.value().getAsLong() + md.value().getAsLong() != cell.value().getAsLong()) {
                notTheSum++;
            }
            var uaPopulation = reference.population().denominator("UA", year);
            var mdPopulation = reference.population().denominator("MD", year);
            if (uaPopulation.isPresent() && mdPopulation.isPresent()) {
                assertEquals(uaPopulation.get().population() + mdPopulation.get().population(),
                        point.getJsonNumber("population").longValue(), "year " + year);
            } else {
                assertFalse(point.containsKey("population"), "year " + year);
            }
        }
        assertTrue(notTheSum > 0, "the region's cells are perturbed on their own, not summed");
        JsonObject md2018 = points.stream().filter(p -> p.getInt("year") == ComparisonFixture.WITHHELD_YEAR)
                .findFirst().orElseThrow();
        assertEquals("A", md2018.getString("obsStatus"), "MD's withheld year is still published for the region");
    }

    @Test
    void theRegionPublishesNoCellThatStatisticsDoesNotAlready() throws Exception {
        // The same filter on /v1/statistics publishes the region's totals and each country's cells together, so
        // region minus country is a subtraction the public API already allowed (docs/profile.md).
        Map<List<String>, String> statistics = StatisticsApiTest.jsonValues(get(
                "/v1/statistics?by=country_of_identification,year&country_of_identification=MD,UA&format=json").body());
        JsonObject profile = json(get("/v1/countries/MD/profile"));
        int compared = 0;
        for (String id : List.of("victims", "victims_per_100k")) {
            for (JsonObject point : indicator(profile, id).getJsonObject("region").getJsonArray("points")
                    .getValuesAs(JsonObject.class)) {
                String year = Integer.toString(point.getInt("year"));
                assertEquals(statistics.get(List.of(ProtectedTable.TOTAL, year)),
                        point.containsKey("count") ? point.get("count").toString() : "", id + " " + year);
                compared++;
            }
        }
        assertEquals(20, compared);
        JsonObject withheld = indicator(profile, "victims").getJsonObject("country").getJsonArray("points")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getInt("year") == ComparisonFixture.WITHHELD_YEAR).findFirst().orElseThrow();
        assertFalse(withheld.containsKey("count"), "MD's own small year stays withheld in its profile");
    }

    @Test
    void aCountryWithoutRecordsAnswersItsRegionAndNoInventedZeros() throws Exception {
        HttpResponse<String> response = get("/v1/countries/PL/profile");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject profile = json(response);
        for (JsonObject indicator : profile.getJsonArray("indicators").getValuesAs(JsonObject.class)) {
            assertFalse(indicator.containsKey("country"), indicator.toString());
            assertTrue(indicator.containsKey("region"), "Poland is in Eastern Europe too");
        }
        assertTrue(profile.getJsonArray("notes").toString().contains("no figure for this country"));

        JsonObject france = json(get("/v1/countries/FR/profile"));
        assertEquals(List.of(), strings(france.getJsonObject("region"), "reportingCountries"));
        for (JsonObject indicator : france.getJsonArray("indicators").getValuesAs(JsonObject.class)) {
            assertFalse(indicator.containsKey("country") || indicator.containsKey("region"), "nothing shown");
        }
    }

    @Test
    void anUnknownCountryIs404NamingTheParameter() throws Exception {
        for (String code : List.of("ZZ", "U1", "UKR")) {
            HttpResponse<String> response = get("/v1/countries/" + code + "/profile");
            assertEquals(404, response.statusCode(), response.body());
            assertEquals("iso2", json(response).getString("parameter"), response.body());
            assertFalse(json(response).getString("detail").contains(code), "client text is not echoed");
        }
        HttpResponse<String> noRelease = get("/v1/countries/UA/profile?release=r1999");
        assertEquals(404, noRelease.statusCode());
        assertEquals("release", json(noRelease).getString("parameter"));
        assertEquals(400, get("/v1/countries/UA/profile?format=xml").statusCode());
        assertEquals(400, get("/v1/countries/UA/profile?indicator=victims").statusCode(), "unknown parameter");
    }

    @Test
    void csvHasOneRowPerIndicatorAreaAndYear() throws Exception {
        HttpResponse<String> response = get("/v1/countries/UA/profile?format=csv");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> lines = response.body().lines().toList();
        assertTrue(lines.getFirst().startsWith("indicator,area,area_code,year,OBS_VALUE,POPULATION,RATE_PER_100K"));
        assertEquals(1 + Indicator.values().length * 2 * 10, lines.size(), "country and region, 2015-2024");
        JsonObject profile = json(get("/v1/countries/UA/profile"));
        JsonObject first = indicator(profile, Indicator.values()[0].id()).getJsonObject("country")
                .getJsonArray("points").getJsonObject(0);
        List<String> row = Arrays.asList(lines.get(1).split(",", -1));
        assertEquals(List.of(Indicator.values()[0].id(), "country", "UA", Integer.toString(first.getInt("year")),
                first.getJsonNumber("count").toString()), row.subList(0, 5));
        List<String> region = new ArrayList<>(lines.stream().filter(l -> l.contains(",region,151,")).toList());
        assertEquals(Indicator.values().length * 10, region.size());
    }

    @Test
    void cachedPublicAndInTheRequestedLanguage() throws Exception {
        HttpResponse<String> first = get("/v1/countries/UA/profile");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        HttpResponse<String> revalidated = server.send(server.request("/v1/countries/UA/profile")
                .header("If-None-Match", etag));
        assertEquals(304, revalidated.statusCode());
        HttpResponse<String> russian = get("/v1/countries/UA/profile?lang=ru");
        assertEquals("ru", russian.headers().firstValue("Content-Language").orElseThrow());
        assertEquals("Украина", json(russian).getString("name"));
        assertNotEquals(etag, russian.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> pinned = get("/v1/countries/UA/profile?release=" + ComparisonFixture.OLD);
        assertEquals(ComparisonFixture.OLD, json(pinned).getString("release"));
        assertEquals("public, max-age=31536000, immutable", pinned.headers().firstValue("Cache-Control").orElseThrow());
    }
}
