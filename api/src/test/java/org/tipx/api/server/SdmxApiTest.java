package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.Labels;
import org.tipx.api.format.SdmxSchemas;
import org.tipx.api.http.StatisticsLimits;
import org.tipx.api.sdmx.DataQuery;
import org.tipx.api.sdmx.SdmxData;
import org.tipx.api.sdmx.ThbStructure;
import org.tipx.api.statistics.CachingTableSource;
import org.tipx.api.statistics.IndexedTableSource;
import org.tipx.api.statistics.TableQuery;

/**
 * SDMX over HTTP on a running server: every SDMX value and flag is the {@code /v1/statistics} cell of the
 * same query, a query {@code /v1/statistics} refuses is refused, and the SDMX-ML answers validate against
 * the official SDMX-ML 2.1 schemas.
 */
class SdmxApiTest {

    private static final ThbStructure STRUCTURE = ThbStructure.of(Labels.load());
    /** Small enough that a wide key is refused for its cells (413), as /v1/statistics refuses it (400). */
    private static final StatisticsLimits LIMITS = new StatisticsLimits(300, 0.8);

    @TempDir
    Path dir;

    private RunningStatistics server;

    @BeforeEach
    void start() {
        var releases = StatisticsApiTest.releases();
        var tables = new CachingTableSource(new IndexedTableSource(releases, LIMITS.publisher()), 100);
        server = new RunningStatistics(dir, new StatisticsApi(releases, tables, LIMITS, Optional.empty()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A key with these codes (dimension id to SDMX codes) and {@code _T} elsewhere; "" is a wildcard. */
    private static String key(Map<String, String> codes) {
        Map<String, String> all = new HashMap<>(Map.of("FREQ", "A", "MEASURE", "VICTIMS"));
        all.putAll(codes);
        return ThbStructure.KEY.stream().map(id -> all.getOrDefault(id, "_T")).collect(Collectors.joining("."));
    }

    private static final List<String> KEYS = List.of(
            key(Map.of("FREQ", "A", "MEASURE", "VICTIMS", "REF_AREA", "", "SEX", "")),
            key(Map.of("FREQ", "", "MEASURE", "REGISTRATIONS", "REF_AREA", "UA", "SEX", "F+M", "AGE", "")),
            key(Map.of("FREQ", "A", "MEASURE", "VICTIMS", "REF_AREA", "MD", "CITIZENSHIP", "UA+MD+_T", "EXPLOITATION", "")),
            key(Map.of("FREQ", "A", "MEASURE", "", "REF_AREA", "RO", "CITIZENSHIP", "VN", "AGE", "Y9T17+_U")));

    @Test
    void everyValueAndFlagIsTheStatisticsCell() throws Exception {
        int observations = 0;
        int withheld = 0;
        for (String key : KEYS) {
            HttpResponse<String> sdmx = server.get("/sdmx/2.1/data/DF_THB/" + key + "?format=csv");
            assertEquals(200, sdmx.statusCode(), key + ": " + sdmx.body());
            assertEquals("application/vnd.sdmx.data+csv;version=2.0.0;charset=utf-8",
                    sdmx.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(StatisticsApiTest.NEW, sdmx.headers().firstValue("Tipx-Release").orElseThrow());
            List<Map<String, String>> rows = csv(sdmx.body());
            assertFalse(rows.isEmpty(), key);
            SdmxData.Plan plan = new SdmxData((r, q) -> null, STRUCTURE).plan(DataQuery.parse(key, Map.of()));
            Map<Measure, Map<List<String>, List<String>>> cells = new HashMap<>();
            for (Map.Entry<Measure, TableQuery> table : plan.tables().entrySet()) {
                HttpResponse<String> statistics = server.get(statisticsUrl(table.getValue()));
                assertEquals(200, statistics.statusCode(), statistics.body());
                Map<List<String>, List<String>> byCodes = new HashMap<>();
                for (Map<String, String> row : SdmxClientCases.statisticsRows(statistics.body())) {
                    List<String> codes = table.getValue().by().stream().map(d -> row.get(d.id())).toList();
                    byCodes.put(codes, List.of(row.get("OBS_VALUE"), row.get("OBS_STATUS"), row.get("CONF_STATUS")));
                }
                cells.put(table.getKey(), byCodes);
            }
            for (Map<String, String> row : rows) {
                Measure measure = Measure.valueOf(row.get("MEASURE"));
                TableQuery query = plan.tables().get(measure);
                List<String> codes = new ArrayList<>();
                for (Dimension dimension : query.by()) {
                    codes.add(dimension == Dimension.YEAR ? row.get("TIME_PERIOD")
                            : STRUCTURE.codes().toTipx(dimension, row.get(STRUCTURE.dimension(dimension).id())).orElseThrow());
                }
                List<String> cell = cells.get(measure).get(codes);
                assertEquals(cell, List.of(row.get("OBS_VALUE"), row.get("OBS_STATUS"), row.get("CONF_STATUS")),
                        key + " " + codes);
                observations++;
                if (row.get("OBS_STATUS").equals("Q")) {
                    withheld++;
                    assertEquals("", row.get("OBS_VALUE"));
                    assertEquals("A", row.get("CONF_STATUS"));
                }
            }
        }
        assertTrue(observations > 50, observations + " observations compared");
        assertTrue(withheld > 0, "withheld cells among them");
    }

    /** The /v1/statistics URL of a table query, as tipx JSON (whose codes are the API's, as SDMX maps them). */
    private static String statisticsUrl(TableQuery query) {
        StringBuilder url = new StringBuilder("/v1/statistics?format=json&measure=")
                .append(query.measure().name().toLowerCase(Locale.ROOT));
        if (!query.by().isEmpty()) {
            url.append("&by=").append(query.by().stream().map(Dimension::id).collect(Collectors.joining(",")));
        }
        query.filters().forEach((dimension, codes) -> url.append('&').append(dimension.id()).append('=')
                .append(URLEncoder.encode(String.join(",", new TreeSet<>(codes)), StandardCharsets.UTF_8)));
        return url.toString();
    }

    private static List<Map<String, String>> csv(String body) {
        String[] lines = body.split("\r\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int f = 0; f < header.length; f++) {
                row.put(header[f], fields[f]);
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void whatStatisticsRefusesSdmxRefuses() throws Exception {
        // Five dimensions besides country and year: a rule (SDMX semantic error, 403).
        String tooManyDimensions = key(Map.of("SEX", "", "AGE", "", "CITIZENSHIP", "", "VICTIM_STATUS", "", "IDENTIFIED_BY", ""));
        assertEquals(400, server.get("/v1/statistics?by=sex,age_band,citizenship,status,identified_by&measure=victims")
                .statusCode());
        HttpResponse<byte[]> refused = server.bytes("/sdmx/2.1/data/DF_THB/" + tooManyDimensions);
        assertEquals(403, refused.statusCode());
        SdmxSchemas.validate(refused.body(), false);
        assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("code=\"150\""));
        // More cells than the limit (300): 413, SDMX's response too large.
        String tooLarge = key(Map.of("MEASURE", "VICTIMS", "AGE", "", "CITIZENSHIP", "", "EXPLOITATION", ""));
        SdmxData.Plan plan = new SdmxData((r, q) -> null, STRUCTURE).plan(DataQuery.parse(tooLarge, Map.of()));
        HttpResponse<String> statistics = server.get(statisticsUrl(plan.tables().get(Measure.VICTIMS)));
        assertEquals(400, statistics.statusCode());
        assertTrue(statistics.body().contains("too-many-cells"), statistics.body());
        HttpResponse<byte[]> large = server.bytes("/sdmx/2.1/data/DF_THB/" + tooLarge);
        assertEquals(413, large.statusCode());
        SdmxSchemas.validate(large.body(), false);
        // Whatever each refuses, the other refuses, over keys breaking down two dimensions by country and year.
        List<String> ids = List.of("SEX", "AGE", "CITIZENSHIP", "EXPLOITATION", "IDENTIFIED_BY", "MINOR", "COUNTRY_EXPLOIT");
        int refusals = 0;
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                Map<String, String> codes = new HashMap<>(Map.of("MEASURE", "VICTIMS", "REF_AREA", ""));
                codes.put(ids.get(a), "");
                codes.put(ids.get(b), "");
                String key = key(codes);
                TableQuery query = new SdmxData((r, q) -> null, STRUCTURE).plan(DataQuery.parse(key, Map.of()))
                        .tables().get(Measure.VICTIMS);
                boolean statisticsAnswers = server.get(statisticsUrl(query)).statusCode() == 200;
                int sdmx = server.get("/sdmx/2.1/data/DF_THB/" + key + "?format=csv").statusCode();
                assertEquals(statisticsAnswers, sdmx == 200, key + ": " + sdmx);
                refusals += statisticsAnswers ? 0 : 1;
            }
        }
        assertTrue(refusals > 0, "some pairs are refused, so the comparison can fail");
    }

    @Test
    void sdmxMlDataValidateAndNegotiate() throws Exception {
        String key = KEYS.get(1);
        HttpResponse<byte[]> generic = server.bytes("/sdmx/2.1/data/TIPX,DF_THB,1.0/" + key + "/TIPX");
        assertEquals(200, generic.statusCode());
        assertEquals("application/vnd.sdmx.genericdata+xml;version=2.1", generic.headers().firstValue("Content-Type").orElseThrow());
        SdmxSchemas.validate(generic.body(), false);
        HttpResponse<byte[]> specific = server.http(server.request("/sdmx/2.1/data/TIPX,DF_THB/" + key)
                .header("Accept", "application/vnd.sdmx.structurespecificdata+xml;version=2.1"));
        assertEquals(200, specific.statusCode());
        assertEquals("application/vnd.sdmx.structurespecificdata+xml;version=2.1",
                specific.headers().firstValue("Content-Type").orElseThrow());
        SdmxSchemas.validate(specific.body(), false);
        HttpResponse<byte[]> flat = server.bytes("/sdmx/2.1/data/DF_THB/" + key
                + "?format=structurespecificdata&dimensionAtObservation=AllDimensions");
        SdmxSchemas.validate(flat.body(), true);
        HttpResponse<byte[]> csv1 = server.http(server.request("/sdmx/2.1/data/DF_THB/" + key)
                .header("Accept", "application/vnd.sdmx.data+csv;version=1.0.0"));
        assertTrue(new String(csv1.body(), StandardCharsets.UTF_8).startsWith("DATAFLOW,FREQ,MEASURE,"));
        HttpResponse<byte[]> json = server.http(server.request("/sdmx/2.1/data/DF_THB/" + key).header("Accept", "application/json"));
        assertEquals(406, json.statusCode());
        SdmxSchemas.validate(json.body(), false);
    }

    @Test
    void errorsAreSdmxMessages() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/sdmx/2.1/data/DF_THB/A.VICTIMS", 400);
        expected.put("/sdmx/2.1/data/DF_THB/" + key(Map.of("SEX", "female")), 400);
        expected.put("/sdmx/2.1/data/DF_THB/all?detail=everything", 400);
        expected.put("/sdmx/2.1/data/DF_THB/all?gender=F", 400);
        expected.put("/sdmx/2.1/data/DF_THB/" + key(Map.of("FREQ", "M")), 404);
        expected.put("/sdmx/2.1/data/DF_OTHER/all", 404);
        expected.put("/sdmx/2.1/data/DF_THB/" + key(Map.of()) + "?startPeriod=2099", 404);
        expected.put("/sdmx/2.1/data/DF_THB/all?release=2000-01-01.1", 404);
        expected.put("/sdmx/2.1/data/DF_THB/all?dimensionAtObservation=SEX", 501);
        expected.put("/sdmx/2.1/data/DF_THB/all?updatedAfter=2026-01-01T00:00:00Z", 501);
        expected.put("/sdmx/2.1/dataflow/TIPX/DF_OTHER", 404);
        expected.put("/sdmx/2.1/codelist/all/all/latest?detail=allstubs", 501);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            HttpResponse<byte[]> answer = server.bytes(e.getKey());
            assertEquals(e.getValue(), answer.statusCode(), e.getKey());
            assertTrue(answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"), e.getKey());
            SdmxSchemas.validate(answer.body(), false);
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            assertFalse(text.contains("female") || text.contains("gender") || text.contains("everything"), "no echo: " + text);
        }
    }

    @Test
    void dataAreTaggedAndRevalidatedLikeStatistics() throws Exception {
        String path = "/sdmx/2.1/data/DF_THB/" + KEYS.get(0);
        HttpResponse<String> first = server.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> again = server.send(server.request(path).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        HttpResponse<String> pinned = server.get(path + "?release=" + StatisticsApiTest.OLD);
        assertEquals(StatisticsApiTest.OLD, pinned.headers().firstValue("Tipx-Release").orElseThrow());
        assertTrue(pinned.headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertNotEquals(etag, pinned.headers().firstValue("ETag").orElseThrow());
        assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(), "CORS like the public reads");
        assertEquals(first.body(), server.get(path).body(), "the same bytes");
    }

    @Test
    void structuresValidateAndTheConstraintListsOnlyPublishedCodes() throws Exception {
        HttpResponse<byte[]> all = server.bytes("/sdmx/2.1/dataflow/TIPX/DF_THB/latest?references=all");
        assertEquals(200, all.statusCode());
        assertEquals("application/vnd.sdmx.structure+xml;version=2.1", all.headers().firstValue("Content-Type").orElseThrow());
        SdmxSchemas.validate(all.body(), false);
        String text = new String(all.body(), StandardCharsets.UTF_8);
        for (String artefact : List.of("<structure:Dataflow id=\"DF_THB\"", "<structure:DataStructure id=\"DSD_THB\"",
                "<structure:ConceptScheme id=\"CS_THB\"", "<structure:Codelist id=\"CL_SEX\"", "<structure:ContentConstraint id=\"CC_THB\"")) {
            assertTrue(text.contains(artefact), artefact);
        }
        // The constraint's REF_AREA codes: exactly the countries whose release-wide cell is published.
        Set<String> published = new TreeSet<>();
        String byCountry = server.get("/v1/statistics?by=country_of_identification&format=json").body();
        for (Map<String, String> row : SdmxClientCases.statisticsRows(byCountry)) {
            if (!row.get("OBS_VALUE").isEmpty() && !row.get("country_of_identification").equals("_T")) {
                published.add(row.get("country_of_identification"));
            }
        }
        published.add("_T");
        assertEquals(published, constraintCodes(text, "REF_AREA"));
        SdmxSchemas.validate(server.bytes("/sdmx/2.1/codelist/SDMX/CL_SEX/2.1").body(), false);
        SdmxSchemas.validate(server.bytes("/sdmx/2.1/datastructure/all/all/all?references=children").body(), false);
        SdmxSchemas.validate(server.bytes("/sdmx/2.1/conceptscheme").body(), false);
        HttpResponse<byte[]> available = server.bytes("/sdmx/2.1/availableconstraint/DF_THB/"
                + key(Map.of("REF_AREA", "UA+MD")) + "/all/REF_AREA");
        assertEquals(200, available.statusCode());
        SdmxSchemas.validate(available.body(), false);
        Set<String> asked = new TreeSet<>(Set.of("UA", "MD"));
        asked.retainAll(published);
        assertEquals(asked, constraintCodes(new String(available.body(), StandardCharsets.UTF_8), "REF_AREA"));
    }

    private static Set<String> constraintCodes(String xml, String component) {
        int at = xml.indexOf("<common:KeyValue id=\"" + component + "\">");
        assertTrue(at > 0, component);
        String values = xml.substring(at, xml.indexOf("</common:KeyValue>", at));
        Set<String> codes = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<common:Value>([^<]*)</common:Value>").matcher(values);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
