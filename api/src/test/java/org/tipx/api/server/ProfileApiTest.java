package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;

/**
 * {@code GET /v1/countries/{iso2}/profile} on a running server with {@link ComparisonFixture}'s releases:
 * UA, MD and BY have records (all three in UN M49 Eastern Europe, 151), UA and MD report agencies.
 */
class ProfileApiTest extends ComparisonFixtureServer {

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
        int shares = 0;
        for (Indicator indicator : Indicator.values()) {
            HttpResponse<String> answer = get("/v1/comparisons?countries=UA&indicator=" + indicator.id());
            JsonObject own = indicator(profile, indicator.id());
            if (answer.statusCode() != 200) {
                // What the comparisons refuse, the profile leaves out with the rule in its notes.
                assertFalse(own.containsKey("country"), indicator.id());
                assertTrue(own.getJsonArray("notes").toString().contains("country: "), own.toString());
                continue;
            }
            JsonValue expected = json(answer).getJsonArray("countries").getJsonObject(0).getJsonArray("series");
            assertEquals(expected, own.get("country"), indicator.id());
            if (indicator.share() && own.getJsonArray("country").size() > 1) {
                shares++;
            }
        }
        assertTrue(shares >= 3, "share indicators come with their categories: " + shares);
        JsonObject rate = indicator(profile, "victims_per_100k").getJsonArray("country").getJsonObject(0);
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
        List<JsonObject> points = indicator(profile, "victims_per_100k").getJsonArray("region").getJsonObject(0)
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
            for (JsonObject point : indicator(profile, id).getJsonArray("region").getJsonObject(0)
                    .getJsonArray("points").getValuesAs(JsonObject.class)) {
                String year = Integer.toString(point.getInt("year"));
                assertEquals(statistics.get(List.of(ProtectedTable.TOTAL, year)),
                        point.containsKey("count") ? point.get("count").toString() : "", id + " " + year);
                compared++;
            }
        }
        assertEquals(20, compared);
        JsonObject withheld = indicator(profile, "victims").getJsonArray("country").getJsonObject(0).getJsonArray("points")
                .getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getInt("year") == ComparisonFixture.WITHHELD_YEAR).findFirst().orElseThrow();
        assertFalse(withheld.containsKey("count"), "MD's own small year stays withheld in its profile");
    }

    @Test
    void theRegionsShareReceivingAnyAssistanceIsOneCellOfTheFilteredTable_notASum() throws Exception {
        // The group "any" for a region: the total row of one table filtered to the region's countries and to
        // every form of assistance received, exactly what /v1/statistics publishes for that filter.
        String forms = String.join(",", Indicator.Group.FORMS_OF_ASSISTANCE);
        Map<List<String>, String> statistics = StatisticsApiTest.jsonValues(get(
                "/v1/statistics?by=country_of_identification,year&country_of_identification=MD,UA&assistance="
                        + forms + "&format=json").body());
        JsonObject indicator = indicator(json(get("/v1/countries/UA/profile")), "share_assistance");
        JsonObject any = indicator.getJsonArray("region").getValuesAs(JsonObject.class).stream()
                .filter(series -> series.getString("category").equals("any")).findFirst().orElseThrow();
        int published = 0;
        for (JsonObject point : any.getJsonArray("points").getValuesAs(JsonObject.class)) {
            String year = Integer.toString(point.getInt("year"));
            assertEquals(statistics.get(List.of(ProtectedTable.TOTAL, year)),
                    point.containsKey("count") ? point.get("count").toString() : "", year);
            if (point.containsKey("share")) {
                published++;
            }
        }
        assertEquals(10, published, "about a third of the fixture's persons were assisted: every year has a share");
        assertTrue(indicator.getJsonArray("notes").isEmpty(), indicator.toString());
        JsonObject foreign = indicator(json(get("/v1/countries/UA/profile")), "share_foreign_nationals");
        assertEquals(1, foreign.getJsonArray("region").size(), "the region's total only");
        assertTrue(foreign.getJsonArray("notes").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(note -> note.getString().startsWith("region: no share 'foreign'")), foreign.toString());
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
    void csvHasOneRowPerIndicatorAreaCategoryAndYear_theJsonsFigures() throws Exception {
        HttpResponse<String> response = get("/v1/countries/UA/profile?format=csv");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> lines = response.body().lines().toList();
        List<String> header = Arrays.asList(lines.getFirst().split(","));
        assertEquals(List.of("indicator", "area", "area_code", "category", "year", "OBS_VALUE"), header.subList(0, 6));
        JsonObject profile = json(get("/v1/countries/UA/profile"));
        // Every point of the JSON is one row of the CSV, in the same order, with the same count and share.
        List<List<String>> expected = new ArrayList<>();
        for (JsonObject indicator : profile.getJsonArray("indicators").getValuesAs(JsonObject.class)) {
            for (String area : List.of("country", "region")) {
                if (!indicator.containsKey(area)) {
                    continue;
                }
                for (JsonObject series : indicator.getJsonArray(area).getValuesAs(JsonObject.class)) {
                    for (JsonObject point : series.getJsonArray("points").getValuesAs(JsonObject.class)) {
                        expected.add(List.of(indicator.getString("indicator"), area,
                                area.equals("country") ? "UA" : "151", series.getString("category"),
                                Integer.toString(point.getInt("year")),
                                point.containsKey("count") ? point.get("count").toString() : "",
                                point.containsKey("share")
                                        ? String.format(Locale.ROOT, "%.6f", point.getJsonNumber("share").doubleValue())
                                        : ""));
                    }
                }
            }
        }
        int share = header.indexOf("SHARE");
        List<List<String>> actual = lines.subList(1, lines.size()).stream()
                .map(line -> Arrays.asList(line.split(",", -1)))
                .map(fields -> {
                    List<String> picked = new ArrayList<>(fields.subList(0, 6));
                    picked.add(fields.get(share));
                    return picked;
                })
                .toList();
        assertEquals(expected, actual);
        assertTrue(actual.stream().anyMatch(r -> r.get(0).equals("share_assistance") && r.get(1).equals("region")
                && r.get(3).equals("any")), "the region has the share receiving any assistance");
        assertTrue(actual.stream().noneMatch(r -> r.get(0).equals("share_foreign_nationals") && r.get(1).equals("region")
                && !r.get(3).equals(ProtectedTable.TOTAL)), "but no share of foreign nationals: foreign to which country?");
    }

    @Test
    void htmlIsAPrintablePage_withTheJsonsFigures_inTheAnswersLanguage_underItsOwnPolicy() throws Exception {
        HttpResponse<String> response = get("/v1/countries/UA/profile?format=html&lang=uk");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertEquals("uk", response.headers().firstValue("Content-Language").orElseThrow());
        String page = response.body();
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<html lang=\"uk\">"));
        assertTrue(page.contains("<h1>Україна</h1>"), "the country's name in Ukrainian");
        assertTrue(page.contains("Профіль країни"), "headings in Ukrainian");
        assertFalse(page.contains("<script") || page.contains("src=") || page.contains("href="), "nothing to load");
        // One policy, this page's: nothing may load, and only the inline stylesheet applies, by its hash.
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), policies.toString());
        String style = page.substring(page.indexOf("<style>") + 7, page.indexOf("</style>"));
        String hash = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + hash + "'; frame-ancestors 'none'", policies.getFirst());

        // Every point of the JSON is one cell of the page, in the same order, with the same published count.
        List<List<String>> expected = new ArrayList<>();
        for (JsonObject indicator : json(get("/v1/countries/UA/profile")).getJsonArray("indicators")
                .getValuesAs(JsonObject.class)) {
            for (String area : List.of("country", "region")) {
                if (indicator.containsKey(area)) {
                    for (JsonObject series : indicator.getJsonArray(area).getValuesAs(JsonObject.class)) {
                        for (JsonObject point : series.getJsonArray("points").getValuesAs(JsonObject.class)) {
                            expected.add(List.of(indicator.getString("indicator"), area, series.getString("category"),
                                    Integer.toString(point.getInt("year")),
                                    point.containsKey("count") ? point.get("count").toString() : ""));
                        }
                    }
                }
            }
        }
        java.util.regex.Matcher cell = java.util.regex.Pattern.compile("<td data-indicator=\"([^\"]*)\" data-area=\"([^\"]*)\" "
                + "data-category=\"([^\"]*)\" data-year=\"([^\"]*)\" data-count=\"([^\"]*)\">").matcher(page);
        List<List<String>> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(List.of(cell.group(1), cell.group(2), cell.group(3), cell.group(4), cell.group(5)));
        }
        assertEquals(expected, cells);
        assertTrue(page.contains("c</sup>"), "UA's coverage change of " + ComparisonFixture.COVERAGE_CHANGE_YEAR
                + " is marked");
        assertEquals(400, get("/v1/countries/UA/profile?format=pdf").statusCode());
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
