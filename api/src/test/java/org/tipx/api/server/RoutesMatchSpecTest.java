package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
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
