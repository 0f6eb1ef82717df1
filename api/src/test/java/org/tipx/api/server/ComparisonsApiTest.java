package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ComparisonFixture;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TableQuery;
import org.tipx.client.ApiException;
import org.tipx.client.ApiResponse;
import org.tipx.client.api.ComparisonsApi;
import org.tipx.client.model.Comparison;
import org.tipx.client.model.ComparisonPoint;
import org.tipx.client.model.ComparisonSeries;
import org.tipx.client.model.CountryComparison;

/** {@code GET /v1/comparisons} on a running server, through the generated client and plain HTTP. */
class ComparisonsApiTest extends ComparisonFixtureServer {

    /** A release older than the fixture's, so never the latest, with every cell withheld. */
    private static final String SPARSE = "r2024-sparse";

    /** After the fixture server started: the release is read per request, so adding it now is as good as before. */
    @BeforeAll
    static void addTheSparseRelease() {
        // Two persons a year in Ukraine (thirty in Moldova, so the years are rows): every Ukrainian
        // cell is withheld, so the sparsity rule refuses Ukraine's table.
        List<CaseRecord> sparse = new ArrayList<>();
        for (int year = 2015; year <= 2024; year++) {
            for (int p = 0; p < 2; p++) {
                sparse.add(ComparisonFixture.record("sparse-" + year + "-" + p, (year * 31 + p) % 4096, year, "female",
                        "UA", List.of("labour")));
            }
            for (int p = 0; p < 30; p++) {
                sparse.add(ComparisonFixture.record("md-" + year + "-" + p, (year * 17 + p * 5) % 4096, year, "female",
                        "MD", List.of("labour")));
            }
        }
        releases.add(new PublishedRelease(SPARSE, Instant.parse("2024-01-01T00:00:00Z"), ProtectionParameters.DEFAULTS), sparse);
    }

    private static ComparisonsApi api() {
        return new ComparisonsApi(server.client(null));
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return server.send(server.request("/v1/comparisons?" + query));
    }

    private static ComparisonSeries total(Comparison comparison, String country) {
        return comparison.getCountries().stream().filter(c -> c.getCountry().equals(country)).findFirst().orElseThrow()
                .getSeries().getFirst();
    }

    private static ComparisonPoint point(ComparisonSeries series, int year) {
        return series.getPoints().stream().filter(p -> p.getYear() == year).findFirst().orElseThrow();
    }

    private static Map<List<String>, ProtectedCell> cells(String release) {
        ProtectedTable table = tables.table(releases.find(release).orElseThrow(),
                TableQuery.of(Measure.VICTIMS, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR));
        return table.rows().stream().collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));
    }

    @Test
    void theJsonAnswerNamesItsReleaseAndCarriesProtectedCountsRatesFlagsAndTrends() throws Exception {
        ApiResponse<Comparison> response = api().getComparisonWithHttpInfo("victims_per_100k", "UA,MD,BY", "2015", "2024",
                null, null, null, null, null);
        Comparison comparison = response.getData();

        assertEquals(200, response.getStatusCode());
        assertEquals(ComparisonFixture.NEW, comparison.getRelease(), "the latest release by default");
        assertEquals(List.of(ComparisonFixture.NEW), response.getHeaders().get("tipx-release"));
        assertEquals(List.of("UA", "MD", "BY"), comparison.getCountries().stream().map(CountryComparison::getCountry).toList());
        assertEquals("Ukraine", comparison.getCountries().getFirst().getName());
        assertEquals(10, comparison.getProtection().getThreshold());
        assertEquals(5, comparison.getProtection().getMaxPerturbation());
        Map<List<String>, ProtectedCell> cells = cells(ComparisonFixture.NEW);
        for (CountryComparison country : comparison.getCountries()) {
            assertEquals(1, country.getSeries().size());
            for (ComparisonPoint point : country.getSeries().getFirst().getPoints()) {
                ProtectedCell cell = cells.get(List.of(country.getCountry(), Integer.toString(point.getYear())));
                assertEquals(cell.value().isPresent() ? cell.value().getAsLong() : null, point.getCount());
                assertEquals(cell.obsStatus().code(), point.getObsStatus());
            }
        }
        ComparisonPoint withheld = point(total(comparison, "MD"), ComparisonFixture.WITHHELD_YEAR);
        assertNull(withheld.getCount(), "withheld, not zero");
        assertNull(withheld.getRatePer100k());
        assertEquals(List.of(ComparisonPoint.FlagsEnum.WITHHELD), withheld.getFlags());
        assertEquals("Q", withheld.getObsStatus());
        assertEquals("A", withheld.getConfStatus());
        ComparisonPoint changed = point(total(comparison, "UA"), ComparisonFixture.COVERAGE_CHANGE_YEAR);
        assertEquals(List.of(ComparisonPoint.FlagsEnum.COVERAGE_CHANGED), changed.getFlags());
        assertEquals(2, changed.getReportingAgencies());
        ComparisonPoint ua2024 = point(total(comparison, "UA"), 2024);
        assertEquals(ua2024.getCount() / (double) ua2024.getPopulation() * 100_000, ua2024.getRatePer100k(), 1e-12);
        var trend = total(comparison, "UA").getTrend();
        assertEquals(10, trend.getYears());
        assertTrue(trend.getLower95() < trend.getAnnualChange() && trend.getAnnualChange() < trend.getUpper95());
        assertTrue(trend.getCoverageChanged());
        assertEquals(9, total(comparison, "UA").getChanges().size());
        assertTrue(comparison.getNotes().stream().anyMatch(n -> n.contains("perturbed")), comparison.getNotes().toString());
        assertTrue(comparison.getNotes().stream().anyMatch(n -> n.contains("COVERAGE_CHANGED")));
    }

    @Test
    void theAnswerHoldsNoPseudonymAndNoAgencyId() throws Exception {
        for (String format : List.of("json", "csv")) {
            String body = get("indicator=victims_per_100k&countries=UA,MD,BY&by=exploitation&format=" + format).body();
            for (CaseRecord record : ComparisonFixture.latestRecords()) {
                assertFalse(body.contains(record.pseudonym()), format);
            }
            assertFalse(body.contains("ua-police") || body.contains("ua-ngo") || body.contains("md-police"), format);
        }
    }

    @Test
    void csvHasOneRowPerCountryYearAndCategoryWithStatusAndFlagColumns() throws Exception {
        HttpResponse<String> response = get("indicator=victims_per_100k&countries=UA,MD,BY&from=2015&to=2024&by=sex&format=csv");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals(ComparisonFixture.NEW, response.headers().firstValue("Tipx-Release").orElseThrow());
        List<String> lines = response.body().lines().toList();
        assertEquals("country_of_identification,year,sex,OBS_VALUE,POPULATION,RATE_PER_100K,RATE_LOWER95,RATE_UPPER95,"
                + "SHARE,SHARE_LOWER95,SHARE_UPPER95,OBS_STATUS,CONF_STATUS,"
                + "NO_DENOMINATOR,WITHHELD,COVERAGE_CHANGED,PARTIAL_PERIOD,POPULATION_CARRIED_FORWARD,POPULATION_PROJECTED,"
                + "TREND_ANNUAL_CHANGE,TREND_LOWER95,TREND_UPPER95,TREND_DISPERSION", lines.getFirst());
        assertEquals(1 + 3 * 10 * 3, lines.size(), "countries × years × (total, female, male)");
        String md2018 = lines.stream().filter(l -> l.startsWith("MD,2018,_T,")).findFirst().orElseThrow();
        List<String> fields = Arrays.asList(md2018.split(",", -1));
        assertEquals("", fields.get(3), "withheld: empty OBS_VALUE, never 0");
        assertEquals(List.of("", "", ""), fields.subList(5, 8), "no rate, no interval");
        assertEquals(List.of("Q", "A", "false", "true", "false", "false", "false", "false"), fields.subList(11, 19));
        String ua2020 = lines.stream().filter(l -> l.startsWith("UA,2020,female,")).findFirst().orElseThrow();
        List<String> ua = Arrays.asList(ua2020.split(",", -1));
        assertFalse(ua.get(3).isEmpty());
        assertTrue(ua.get(8).matches("[0-9]+\\.[0-9]{6}"), "a share with six decimals: " + ua.get(8));
        double share = Double.parseDouble(ua.get(8));
        assertTrue(Double.parseDouble(ua.get(9)) < share && share < Double.parseDouble(ua.get(10)), "share interval " + ua2020);
        double rate = Double.parseDouble(ua.get(5));
        assertTrue(Double.parseDouble(ua.get(6)) < rate && rate < Double.parseDouble(ua.get(7)), "rate interval " + ua2020);
        assertEquals("true", ua.get(15), "coverage changed in 2020");
        for (int trendColumn = 19; trendColumn <= 22; trendColumn++) {
            assertTrue(ua.get(trendColumn).matches("-?[0-9]+\\.[0-9]{6}"), "the series' trend on every row: " + ua2020);
        }
        assertTrue(Double.parseDouble(ua.get(22)) >= 1, "the dispersion used is at least 1");
    }

    @Test
    void anEtagRevalidationIsAnswered304_andPinnedAnswersCacheLonger() throws Exception {
        String query = "indicator=victims&countries=UA,MD&from=2016&to=2020";
        HttpResponse<String> first = get(query);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, get(query).headers().firstValue("ETag").orElseThrow(), "the same answer, the same tag");
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> revalidated = server.send(server.request("/v1/comparisons?" + query).header("If-None-Match", etag));
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.body());
        assertEquals(etag, revalidated.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> other = get(query + "&format=csv");
        assertNotEquals(etag, other.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> pinned = get(query + "&release=" + ComparisonFixture.NEW);
        assertEquals("public, max-age=31536000, immutable", pinned.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void aPinnedReleaseAnswersFromThatRelease() throws Exception {
        Comparison old = api().getComparison("victims", "UA,MD", null, null, null, ComparisonFixture.OLD, null, null, null);

        assertEquals(ComparisonFixture.OLD, old.getRelease());
        assertEquals(2015, old.getFrom());
        assertEquals(2020, old.getTo(), "the old release ends in 2020");
        Map<List<String>, ProtectedCell> cells = cells(ComparisonFixture.OLD);
        for (ComparisonPoint point : total(old, "MD").getPoints()) {
            assertEquals(cells.get(List.of("MD", Integer.toString(point.getYear()))).value().getAsLong(), point.getCount());
        }
        Comparison latest = api().getComparison("victims", "UA,MD", null, null, null, "latest", null, null, null);
        assertEquals(ComparisonFixture.NEW, latest.getRelease());
        assertEquals(2024, latest.getTo());
    }

    @Test
    void anUnknownReleaseIs404() throws Exception {
        HttpResponse<String> response = get("indicator=victims&countries=UA&release=r1999");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(problem(response).getString("detail").contains("release"), response.body());
    }

    @Test
    void aMissingRequiredParameterIs400NamingIt_withoutAClassName() throws Exception {
        HttpResponse<String> response = get("countries=UA");

        assertEquals(400, response.statusCode(), response.body());
        JsonObject problem = problem(response);
        assertEquals("indicator", problem.getString("parameter"), response.body());
        assertEquals("Parameter indicator is required.", problem.getString("detail"));
        assertFalse(response.body().contains("org.tipx") || response.body().contains("Validator"), response.body());
    }

    @Test
    void anUnknownOrRepeatedParameterIs400_namingIt_withoutQuotingItsValue() throws Exception {
        HttpResponse<String> misspelt = get("indicator=victims&countries=UA&form=2020&gender=female");
        assertEquals(400, misspelt.statusCode(), misspelt.body());
        JsonObject problem = problem(misspelt);
        assertEquals("urn:tipx:problem:bad-request", problem.getString("type"));
        assertTrue(problem.getString("detail").startsWith("Unknown query parameter"), problem.getString("detail"));
        assertTrue(List.of("form", "gender").contains(problem.getString("parameter")), misspelt.body());
        assertFalse(misspelt.body().contains("female") || misspelt.body().contains("2020"), misspelt.body());

        // A name that does not look like a parameter's is not echoed at all.
        HttpResponse<String> odd = get("indicator=victims&countries=UA&%3Cb%3E=1");
        assertEquals(400, odd.statusCode(), odd.body());
        assertFalse(problem(odd).containsKey("parameter") || odd.body().contains("<b>"), odd.body());

        HttpResponse<String> twice = get("indicator=victims&countries=UA&from=2020&from=2021");
        assertEquals(400, twice.statusCode(), twice.body());
        assertEquals("from", problem(twice).getString("parameter"), twice.body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "indicator=victims_per_capita&countries=UA|indicator",
            "countries=UA|indicator",
            "indicator=victims|countries",
            "indicator=victims&countries=UA,ZZ|countries",
            "indicator=victims&countries=UA,,MD|countries",
            "indicator=victims&countries=UKR|countries",
            "indicator=victims&countries=AD,AE,AF,AG,AI,AL,AM,AO,AQ,AR,AS,AT,AU,AW,AX,AZ,BA,BB,BD,BE,BF|countries",
            "indicator=victims&countries=UA&from=2024&to=2015|from and to",
            "indicator=victims&countries=UA&from=1900&to=2024|from and to",
            "indicator=victims&countries=UA&from=20x5|from",
            "indicator=victims&countries=UA&to=1800|to",
            "indicator=victims&countries=UA&by=citizenship|by",
            "indicator=victims&countries=UA&format=xml|format",
    })
    void aBadParameterIs400NamingIt(String query, String parameter) throws Exception {
        HttpResponse<String> response = get(query);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonObject problem = problem(response);
        assertEquals("urn:tipx:problem:bad-request", problem.getString("type"));
        assertTrue(problem.getString("detail").contains(parameter), problem.getString("detail"));
    }

    @Test
    void aTableTheQueryRulesRefuseIs400SayingWhichRule() throws Exception {
        HttpResponse<String> response = get("indicator=victims&countries=UA&release=" + SPARSE);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(problem(response).getString("detail").contains("too-sparse"), response.body());
    }

    @Test
    void theGeneratedClientSeesA400AsAnApiException() {
        ApiException e = assertThrows(ApiException.class,
                () -> api().getComparison("victims", "UA", "2020", "2010", null, null, null, null, null));
        assertEquals(400, e.getCode());
    }

    @Test
    void withoutAnyPublishedReleaseTheAnswerIs404(@TempDir Path empty) throws Exception {
        try (RunningTipx bare = RunningTipx.fresh(empty, 1024)) {
            HttpResponse<String> response = bare.send(bare.request("/v1/comparisons?indicator=victims&countries=UA"));
            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.body().contains("No release"), response.body());
        }
    }

    @Test
    void everyAnswerHasEveryMemberTheSpecRequires() throws Exception {
        Map<String, Object> schemas = specSchemas();
        int checked = 0;
        for (String query : List.of("indicator=victims_per_100k&countries=UA,MD,BY",
                "indicator=victims&countries=UA,MD,PL&from=2014&to=2025&by=sex",
                "indicator=registrations_per_100k&countries=MD&by=exploitation&release=" + ComparisonFixture.OLD)) {
            HttpResponse<String> response = get(query);
            assertEquals(200, response.statusCode(), response.body());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                checked += conforms(reader.readValue(), "Comparison", schemas, query);
            }
        }
        assertTrue(checked > 300, "objects checked: " + checked);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> specSchemas() throws Exception {
        try (var in = ComparisonsApiTest.class.getResourceAsStream("/META-INF/tipx-v1.yaml")) {
            Map<String, Object> spec = new org.yaml.snakeyaml.Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas");
        }
    }

    /** Checks an object against a named schema: required members present, nested objects too; returns objects checked. */
    @SuppressWarnings("unchecked")
    private static int conforms(jakarta.json.JsonValue value, String schemaName, Map<String, Object> schemas, String where) {
        Map<String, Object> schema = (Map<String, Object>) schemas.get(schemaName);
        JsonObject object = value.asJsonObject();
        for (String required : (List<String>) schema.getOrDefault("required", List.of())) {
            assertTrue(object.containsKey(required), schemaName + " lacks required '" + required + "' in " + where);
        }
        int checked = 1;
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) schema.get("properties");
        for (var member : object.entrySet()) {
            Map<String, Object> property = properties.get(member.getKey());
            assertTrue(property != null, schemaName + " has no member '" + member.getKey() + "' in the spec");
            String ref = (String) property.get("$ref");
            Map<String, Object> items = (Map<String, Object>) property.get("items");
            if (ref != null) {
                checked += conforms(member.getValue(), ref.substring(ref.lastIndexOf('/') + 1), schemas, where);
            } else if (items != null && items.get("$ref") != null) {
                String itemRef = (String) items.get("$ref");
                for (jakarta.json.JsonValue item : member.getValue().asJsonArray()) {
                    checked += conforms(item, itemRef.substring(itemRef.lastIndexOf('/') + 1), schemas, where);
                }
            }
        }
        return checked;
    }

    private static JsonObject problem(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
