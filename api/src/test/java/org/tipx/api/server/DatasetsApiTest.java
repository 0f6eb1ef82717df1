package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.http.RateLimitPolicy;

/** {@code GET /v1/datasets}: the catalogue of what can be asked, over a real socket. */
class DatasetsApiTest {

    @TempDir
    Path dir;

    private RunningStatistics server(Optional<RateLimitPolicy> rateLimit) {
        return new RunningStatistics(dir, StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(rateLimit));
    }

    @Test
    void catalogue_listsOneDatasetPerMeasure_withReleasesYearsAndLinks() throws Exception {
        try (RunningStatistics server = server(Optional.empty())) {
            HttpResponse<String> response = server.get("/v1/datasets");
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(Optional.of("en"), response.headers().firstValue("Content-Language"));
            JsonObject body = StatisticsLanguagesApiTest.object(response.body());
            assertEquals("en", body.getString("language"));
            List<JsonObject> items = body.getJsonArray("items").getValuesAs(JsonObject.class);
            assertEquals(List.of("victims", "registrations"), items.stream().map(d -> d.getString("id")).toList());
            JsonObject victims = items.getFirst();
            assertEquals("Identified victims of trafficking in persons", victims.getString("title"));
            assertEquals("persons", victims.getJsonObject("measure").getString("unit"));
            assertEquals(11, victims.getJsonArray("dimensions").size());
            List<JsonObject> releases = victims.getJsonArray("releases").getValuesAs(JsonObject.class);
            assertEquals(List.of(StatisticsApiTest.NEW, StatisticsApiTest.OLD),
                    releases.stream().map(r -> r.getString("id")).toList(), "newest first");
            assertEquals("[2020,2021,2022]", releases.getFirst().getJsonArray("years").toString());
            Map<String, String> links = victims.getJsonArray("links").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(l -> l.getString("rel"), l -> l.getString("href")));
            assertEquals("/sdmx/2.1/dataflow/TIPX/DF_THB", links.get("sdmx-dataflow"));
            assertEquals("/openapi", links.get("describedby"));
            HttpResponse<String> table = server.get(links.get("statistics"));
            assertEquals(200, table.statusCode(), "the statistics link answers: " + table.body());
            assertEquals(200, server.get(links.get("dimensions")).statusCode());
        }
    }

    @Test
    void catalogue_inRussian_hasItsOwnTag_andRevalidates() throws Exception {
        try (RunningStatistics server = server(Optional.empty())) {
            HttpResponse<String> ru = server.send(server.request("/v1/datasets").header("Accept-Language", "ru-MD"));
            assertEquals(Optional.of("ru"), ru.headers().firstValue("Content-Language"));
            assertEquals(Optional.of("Accept-Language"), ru.headers().firstValue("Vary"));
            JsonObject victims = StatisticsLanguagesApiTest.object(ru.body()).getJsonArray("items").getJsonObject(0);
            assertEquals("Выявленные жертвы торговли людьми", victims.getString("title"));
            assertTrue(victims.getJsonArray("links").getJsonObject(0).getString("href").endsWith("&lang=ru"));
            String tag = ru.headers().firstValue("ETag").orElseThrow();
            assertNotEquals(server.get("/v1/datasets").headers().firstValue("ETag").orElseThrow(), tag);
            HttpResponse<String> again = server.send(server.request("/v1/datasets?lang=ru").header("If-None-Match", tag));
            assertEquals(304, again.statusCode());
            assertEquals("", again.body());
            assertEquals(Optional.of("public, max-age=60"), ru.headers().firstValue("Cache-Control"));
        }
    }

    @Test
    void catalogue_isAPublicRead_corsHeadAndRateLimited() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy("anonymous", 3, Duration.ofHours(1));
        try (RunningStatistics server = server(Optional.of(policy))) {
            HttpResponse<String> response = server.send(server.request("/v1/datasets").header("Origin", "https://example.org"));
            assertEquals(200, response.statusCode());
            assertEquals(Optional.of("*"), response.headers().firstValue("Access-Control-Allow-Origin"));
            assertTrue(response.headers().firstValue("RateLimit-Policy").isPresent());
            HttpResponse<String> head = server.send(server.request("/v1/datasets")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            server.get("/v1/datasets");
            assertEquals(429, server.get("/v1/datasets").statusCode());
        }
    }
}
