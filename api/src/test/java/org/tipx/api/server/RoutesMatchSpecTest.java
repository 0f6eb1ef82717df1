package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.http.KnownRoutes;
import org.yaml.snakeyaml.Yaml;

/** The running server and {@code spec/tipx-v1.yaml} describe the same API: no route without an operation, and back. */
class RoutesMatchSpecTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @TempDir
    Path dir;

    @Test
    void everyRouteIsASpecOperationAndEveryOperationIsServed() throws Exception {
        Set<String> observe = new TreeSet<>();
        Set<String> generated = new TreeSet<>();
        for (Map.Entry<String, List<String>> op : specOperations().entrySet()) {
            (op.getValue().contains("Observe") ? observe : generated).add(op.getKey());
        }
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            Set<String> routed = new TreeSet<>(KnownRoutes.operations(server.tipx()::routes));
            assertEquals(generated, routed, "API routes against the spec's operations (all but Observe)");
            // Observe operations are served by Helidon's features, not by routes: they must answer.
            assertFalse(observe.isEmpty());
            for (String operation : observe) {
                String path = operation.substring(operation.indexOf(' ') + 1);
                HttpResponse<String> response = server.send(server.request(path));
                assertEquals(200, response.statusCode(), operation);
            }
        }
    }

    /**
     * The spec's account of the HTTP edge: a GET operation declares the CORS headers on its 200 exactly when
     * the server sends them on that path (checked with a preflight, which needs no token and reads nothing),
     * and every operation refers to the shared 405 answer, which the edge gives as problem+json with Allow.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theEdgeIsAsTheSpecSaysOnEveryPath() throws Exception {
        Map<String, Object> paths;
        Map<String, Object> sharedResponses;
        try (InputStream in = RoutesMatchSpecTest.class.getResourceAsStream("/META-INF/tipx-v1.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            paths = (Map<String, Object>) spec.get("paths");
            sharedResponses = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("responses");
        }
        int crossOrigin = 0;
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            for (Map.Entry<String, Object> entry : paths.entrySet()) {
                String path = entry.getKey().replaceAll("\\{[^}]+}", "x");
                Map<String, Object> item = (Map<String, Object>) entry.getValue();
                for (Map.Entry<String, Object> op : item.entrySet()) {
                    Map<String, Object> responses = (Map<String, Object>) ((Map<String, Object>) op.getValue()).get("responses");
                    assertEquals(Map.of("$ref", "#/components/responses/MethodNotAllowed"), responses.get("405"),
                            op.getKey() + " " + entry.getKey());
                }
                if (item.containsKey("get")) {
                    Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) item.get("get"))
                            .get("responses")).get("200");
                    if (ok.get("$ref") instanceof String ref) {
                        // A shared response (the SDMX ones): its headers are where it is defined.
                        ok = (Map<String, Object>) sharedResponses.get(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    boolean declared = ((Map<String, Object>) ok.getOrDefault("headers", Map.of()))
                            .containsKey("Access-Control-Allow-Origin");
                    HttpResponse<String> preflight = server.send(server.request(path)
                            .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
                    assertEquals(204, preflight.statusCode(), path);
                    assertTrue(preflight.headers().firstValue("Allow").orElse("").contains("HEAD"), path);
                    assertEquals(declared, preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                            "CORS on " + path + " as the spec declares it");
                    crossOrigin += declared ? 1 : 0;
                }
                HttpResponse<String> put = server.send(server.request(path).method("PUT", HttpRequest.BodyPublishers.noBody()));
                assertEquals(405, put.statusCode(), path);
                assertEquals("application/problem+json", put.headers().firstValue("Content-Type").orElse(""), path);
                assertTrue(put.headers().firstValue("Allow").isPresent(), path);
            }
        }
        assertEquals(33, crossOrigin, "the public reads: statistics, tables, dimensions, indicators, datasets, config, "
                + "comparisons, the country profile, two of releases, and the 23 SDMX paths");
    }

    @Test
    void healthReportsTheStore() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            HttpResponse<String> health = server.send(server.request("/health"));
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("store"), health.body());
        }
    }

    @Test
    void healthIsDownWhenTheStoreDoesNotAnswer() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            server.tipx().store().close();
            HttpResponse<String> health = server.send(server.request("/health"));
            assertEquals(503, health.statusCode(), health.body());
        }
    }

    /** "METHOD /path" of every operation in the spec, with its tags. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> specOperations() throws IOException {
        Map<String, List<String>> operations = new java.util.TreeMap<>();
        try (InputStream in = RoutesMatchSpecTest.class.getResourceAsStream("/META-INF/tipx-v1.yaml")) {
            Map<String, Object> spec = new Yaml().load(in);
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
            paths.forEach((path, item) -> item.forEach((method, op) -> {
                if (HTTP_METHODS.contains(method)) {
                    operations.put(method.toUpperCase(Locale.ROOT) + " " + path,
                            (List<String>) ((Map<String, Object>) op).getOrDefault("tags", List.of()));
                }
            }));
        }
        return operations;
    }
}
