package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.http.RateLimitPolicy;

/**
 * The edge of the HTTP API, against a running server: unknown paths and methods answer 404 / 405 problem+json
 * without a trace in the log, {@code HEAD} and {@code OPTIONS} are answered, CORS covers the public reads and
 * nothing else, gzip for clients that accept it, every answer carries the security headers, and the rate limit covers paths outside {@code /v1}.
 */
class HttpEdgeTest {

    @TempDir
    Path dir;

    @Test
    void unknownPathsAndMethods_answer404And405ProblemJson_withoutAStackTraceInTheLog() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024);
             LogCapture log = new LogCapture("")) {
            for (String path : List.of("/explore/nothing.js", "/explore/", "/favicon.ico", "/v2/statistics", "/v1/nothing-here")) {
                HttpResponse<String> answer = server.send(server.request(path));
                assertEquals(404, answer.statusCode(), path);
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), path);
                assertEquals("urn:tipx:problem:not-found", problem(answer).getString("type"), path);
            }
            for (String method : List.of("TRACE", "POST", "DELETE")) {
                HttpResponse<String> answer = server.send(server.request("/v1/statistics")
                        .method(method, HttpRequest.BodyPublishers.noBody()));
                assertEquals(405, answer.statusCode(), method);
                assertEquals("urn:tipx:problem:method-not-allowed", problem(answer).getString("type"), method);
                assertEquals(Optional.of("GET, HEAD, OPTIONS"), answer.headers().firstValue("Allow"), method);
            }
            HttpResponse<String> deleteExtracts = server.send(server.request("/v1/extracts")
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()));
            assertEquals(405, deleteExtracts.statusCode());
            String allow = deleteExtracts.headers().firstValue("Allow").orElseThrow();
            assertTrue(allow.contains("POST") && allow.contains("GET"), allow);
            // What an operator sees (INFO and above): no trace, no warning. Helidon's own debug records may carry
            // exceptions (a connection the client closed); they are not printed at the default levels.
            for (LogRecord record : log.records()) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    assertNull(record.getThrown(), () -> record.getLoggerName() + " logged a trace");
                    assertTrue(record.getLevel().intValue() < Level.WARNING.intValue(),
                            () -> record.getLoggerName() + " at " + record.getLevel());
                }
            }
        }
    }

    @Test
    void head_answersLikeGetWithoutABody_andTheConnectionServesTheNextRequest() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            for (String path : List.of("/v1/releases", "/v1/config", "/health", "/openapi")) {
                HttpResponse<String> get = server.send(server.request(path));
                HttpResponse<String> head = server.send(server.request(path)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
                assertEquals(get.statusCode(), head.statusCode(), path);
                assertEquals("", head.body(), path);
                assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
            }
            HttpResponse<String> headUnknown = server.send(server.request("/nothing")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(404, headUnknown.statusCode());

            // On one connection, HEAD then GET: the HEAD answer's framing must leave the GET answer intact.
            String host = "Host: 127.0.0.1\r\n";
            String exchange = rawExchange(server.base().getPort(), "HEAD /v1/config HTTP/1.1\r\n" + host + "\r\n"
                    + "GET /v1/config HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
            int second = exchange.indexOf("HTTP/1.1 200", 1);
            assertTrue(exchange.startsWith("HTTP/1.1 200") && second > 0, exchange);
            assertFalse(exchange.substring(0, second).contains("{"), "the HEAD answer has no body: " + exchange);
            assertTrue(exchange.substring(second).contains("{"), "the GET answer has its body: " + exchange);
        }
    }

    @Test
    void connectionClose_announced_endsTheConnection() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            int port = server.base().getPort();
            String host = "Host: 127.0.0.1\r\n";
            // Asked by the client.
            String asked = rawExchange(port, "GET /v1/config HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
            assertTrue(asked.startsWith("HTTP/1.1 200") && asked.contains("Connection: close"), asked);
            assertFalse(asked.endsWith(SILENT), "the server kept the connection open: " + asked);
            // Announced by the server: an upload refused before its body was read (no token), half the body sent.
            String refused = rawExchange(port, "POST /v1/extracts?period=2026-Q1 HTTP/1.1\r\n" + host
                    + "Content-Type: text/csv\r\nContent-Length: 1000\r\n\r\nrecord_id,sex\r\n");
            assertTrue(refused.startsWith("HTTP/1.1 401") && refused.contains("Connection: close"), refused);
            assertFalse(refused.endsWith(SILENT), "the server kept the connection open: " + refused);
            // Announced on a refusal by a filter: conflicting framing.
            String framing = rawExchange(port, "POST /v1/agencies HTTP/1.1\r\n" + host
                    + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
            assertTrue(framing.startsWith("HTTP/1.1 400") && framing.contains("Connection: close"), framing);
            assertFalse(framing.endsWith(SILENT), "the server kept the connection open: " + framing);
        }
    }

    /** What {@link #rawExchange} appends when the server neither answered more nor closed for 3 s. */
    private static final String SILENT = "<silent>";

    /**
     * Everything the server sends back until it closes the connection, or until it stays silent for 3 s (then
     * {@link #SILENT} ends the text), so that a server that keeps the socket open fails a test instead of hanging it.
     */
    private static String rawExchange(int port, String requests) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(requests.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) != -1; ) {
                    got.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                got.write(SILENT.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            return got.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void options_answersAllow_andPreflightOnlyForThePublicReads() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            HttpResponse<String> preflight = server.send(server.request("/v1/statistics?by=sex")
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "if-none-match")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, preflight.statusCode());
            assertEquals(Optional.of("GET, HEAD, OPTIONS"), preflight.headers().firstValue("Allow"));
            assertEquals(Optional.of("*"), preflight.headers().firstValue("Access-Control-Allow-Origin"));
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("GET"));
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")
                    .contains("If-None-Match"));

            HttpResponse<String> extracts = server.send(server.request("/v1/extracts")
                    .header("Origin", "https://example.org").header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, extracts.statusCode());
            assertTrue(extracts.headers().firstValue("Allow").orElse("").contains("POST"));
            assertFalse(extracts.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                    "an agency's upload is not for pages of other origins");
            assertFalse(extracts.headers().firstValue("Access-Control-Allow-Methods").isPresent());
        }
    }

    @Test
    void cors_labelsThePublicReads_andNotTheAgencyOrAdminEndpoints() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            for (String path : List.of("/v1/releases", "/v1/config", "/v1/dimensions")) {
                HttpResponse<String> answer = server.send(server.request(path).header("Origin", "https://example.org"));
                assertEquals(200, answer.statusCode(), path);
                assertEquals(Optional.of("*"), answer.headers().firstValue("Access-Control-Allow-Origin"), path);
                String exposed = answer.headers().firstValue("Access-Control-Expose-Headers").orElse("");
                for (String header : List.of("ETag", "Tipx-Release", "RateLimit", "RateLimit-Policy")) {
                    assertTrue(exposed.contains(header), path + ": " + exposed);
                }
            }
            for (String path : List.of("/v1/extracts", "/v1/agencies", "/v1/release-jobs/job-x",
                    "/v1/releases/latest/microdata")) {
                HttpResponse<String> answer = server.send(server.request(path).header("Origin", "https://example.org"));
                assertEquals(401, answer.statusCode(), path);
                assertFalse(answer.headers().firstValue("Access-Control-Allow-Origin").isPresent(), path);
            }
            HttpResponse<String> create = server.send(server.request("/v1/releases")
                    .header("Origin", "https://example.org").POST(HttpRequest.BodyPublishers.noBody()));
            assertFalse(create.headers().firstValue("Access-Control-Allow-Origin").isPresent(), "creating a release");
        }
    }

    @Test
    void gzip_forClientsThatAcceptIt_only() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024);
             HttpClient http = HttpClient.newHttpClient()) {
            for (String path : List.of("/openapi", "/v1/dimensions", "/v1/releases")) {
                HttpResponse<byte[]> plain = http.send(server.request(path).build(), BodyHandlers.ofByteArray());
                assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), path);
                HttpResponse<byte[]> zipped = http.send(server.request(path).header("Accept-Encoding", "gzip").build(),
                        BodyHandlers.ofByteArray());
                assertEquals(plain.statusCode(), zipped.statusCode(), path);
                assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"), path);
                assertTrue(String.join(",", zipped.headers().allValues("Vary")).contains("Accept-Encoding"), path);
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                    assertArrayEquals(plain.body(), in.readAllBytes(), path);
                }
                if (path.equals("/openapi")) {
                    assertTrue(zipped.body().length * 3 < plain.body().length,
                            "the spec compresses: " + zipped.body().length + " of " + plain.body().length);
                }
            }
            HttpResponse<byte[]> other = http.send(server.request("/openapi").header("Accept-Encoding", "br").build(),
                    BodyHandlers.ofByteArray());
            assertFalse(other.headers().firstValue("Content-Encoding").isPresent(), "no encoding it cannot give");
        }
    }

    @Test
    void securityHeaders_onEveryAnswer() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir, 1024)) {
            for (String path : List.of("/v1/releases", "/v1/extracts", "/favicon.ico", "/health", "/openapi")) {
                HttpResponse<String> answer = server.send(server.request(path));
                assertEquals(Optional.of("nosniff"), answer.headers().firstValue("X-Content-Type-Options"), path);
                assertEquals(Optional.of("no-referrer"), answer.headers().firstValue("Referrer-Policy"), path);
                assertEquals(Optional.of("default-src 'none'; frame-ancestors 'none'"),
                        answer.headers().firstValue("Content-Security-Policy"), path);
            }
        }
    }

    @Test
    void rateLimit_coversPathsOutsideV1AndUnknownOnes() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy("anonymous", 2, Duration.ofHours(1));
        try (RunningStatistics limited = new RunningStatistics(dir,
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.of(policy)))) {
            assertEquals(404, limited.get("/favicon.ico").statusCode());
            HttpResponse<String> health = limited.get("/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.headers().firstValue("RateLimit").orElse("").startsWith("\"anonymous\";r=0;"));
            HttpResponse<String> refused = limited.get("/");
            assertEquals(429, refused.statusCode());
            assertEquals("urn:tipx:problem:too-many-requests", problem(refused).getString("type"));
            assertEquals(Optional.of("nosniff"), refused.headers().firstValue("X-Content-Type-Options"));
            HttpResponse<String> post = limited.send(limited.request("/v1/statistics")
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(429, post.statusCode(), "an anonymous write counts too");
        }
    }

    private static JsonObject problem(HttpResponse<String> answer) {
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }
}
