package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing a client sends reaches the log: names planted in bodies, a real bearer token, header values and
 * query strings, sent as valid uploads and as every malformed request below over a raw socket, appear in no
 * log record of the server (message or exception chain, as text or as a hex dump), captured at level ALL
 * on every logger; and every record's message is one line. Beside {@link PlantedIdentifiersTest}, which
 * follows identifiers of well-formed uploads into the database, the files and the responses.
 */
class LogPrivacyTest {

    /** Planted in bodies, header values and query strings; never in paths, which the access log shows. */
    private static final String GIVEN = "Zorvalisk" + 482913;
    private static final String FAMILY = "Quenthardo" + 771204;
    private static final String CYRILLIC = "Жовтоблакитенко";
    private static final String DOCUMENT = "PX40718823";

    @TempDir
    Path dir;

    /** One raw request of the corpus and what it must answer: an exact status, or any 4xx. */
    private record Case(String name, byte[] request, int expected) {
        static final int ANY_CLIENT_ERROR = 4;

        static Case of(String name, String request, int expected) {
            return new Case(name, request.getBytes(StandardCharsets.UTF_8), expected);
        }

        boolean answeredAsExpected(int status) {
            return expected == ANY_CLIENT_ERROR ? status >= 400 && status < 500 : status == expected;
        }
    }

    @Test
    void malformedAndValidRequests_plantedData_neverReachTheLog() throws Exception {
        List<String> unexpected = new ArrayList<>();
        List<LogRecord> records;
        String token;
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 1 << 20);
             LogCapture capture = new LogCapture("", "io.helidon", "org.tipx", "org.tipx.access", "org.postgresql", "org.flywaydb")) {
            token = server.agency("log-privacy", "UA");
            for (Case c : corpus(token, server.base().getPort())) {
                int status = RawHttp.exchange(server.base().getPort(), c.request());
                if (!c.answeredAsExpected(status)) {
                    unexpected.add(c.name() + ": " + status);
                }
            }
            records = capture.records();
        }
        assertEquals(List.of(), unexpected, "requests answered otherwise than the catalogue says");
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().startsWith("io.helidon")),
                "the capture sees the server library's records");
        // At FINE, Helidon's connection listener logs every byte received: the capture ran at that level.
        assertTrue(records.stream().anyMatch(r -> r.getLoggerName().contains("Http1LoggingConnectionListener")),
                "the capture sees the server's byte-level records");
        List<String> forged = records.stream().map(LogPrivacyTest::message)
                .filter(m -> m.contains("/v1/extracts/\\n2026-01-01T00:00:00Z")).toList();
        assertFalse(forged.isEmpty(), "the access log shows the %0a path, escaped");

        List<String> secrets = List.of(GIVEN, FAMILY, CYRILLIC, DOCUMENT, token, BODY_FRAGMENT);
        for (LogRecord record : records) {
            String message = message(record);
            assertTrue(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f),
                    "one line, no control characters: " + record.getLoggerName() + " " + message);
            String text = (message + "\n" + exceptionTexts(record.getThrown())).toLowerCase(Locale.ROOT);
            for (String secret : secrets) {
                for (String form : forms(secret)) {
                    assertFalse(text.contains(form), record.getLoggerName() + " logs " + secret + " (as '" + form
                            + "'): " + text);
                }
            }
        }
    }

    /** A fragment of every planted body, as a hex dump or a quoted line would show it. */
    private static final String BODY_FRAGMENT = "confirmed,female,31,UA,sexual";

    private static String message(LogRecord record) {
        String message = new SimpleFormatter().formatMessage(record);
        return message == null ? "" : message;
    }

    /** Every exception of the chain as its trace prints it (class and message), causes and suppressed included. */
    private static String exceptionTexts(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The secret as plain text, its first six characters, and those as a hex dump writes them. */
    private static List<String> forms(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        String prefix = lower.substring(0, 6);
        byte[] bytes = secret.substring(0, 6).getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, 6));
        return List.of(lower, prefix, hex);
    }

    /**
     * The catalogue of what is covered. Each request carries planted names (body, header or query) and most
     * the agency's real token; each must answer without a 5xx.
     */
    private static List<Case> corpus(String token, int port) {
        String auth = "Authorization: Bearer " + token + "\r\n";
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String upload = "POST /v1/extracts?period=2026-Q3 HTTP/1.1\r\n" + host + auth + "Content-Type: text/csv\r\n";
        String csv = Extracts.HEADER + "\n" + "p-1,2026-07-03,confirmed,female,31,UA,sexual," + GIVEN + "," + FAMILY
                + ",1931-02-11," + DOCUMENT + "\n" + "p-2,2026-07-04,confirmed,female,31,UA,sexual,," + CYRILLIC
                + ",1931-02-11,\n";
        int length = csv.getBytes(StandardCharsets.UTF_8).length;
        String chunk = Integer.toHexString(length) + "\r\n" + csv + "\r\n";
        return List.of(
                Case.of("valid upload, Content-Length", upload + "Content-Length: " + length + "\r\n\r\n" + csv, 201),
                Case.of("valid upload, chunked (same bytes: unchanged)",
                        upload + "Transfer-Encoding: chunked\r\n\r\n" + chunk + "0\r\n\r\n", 200),
                Case.of("chunked, chunk size not hex", upload + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + csv + "\r\n0\r\n\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("chunked, negative chunk size", upload + "Transfer-Encoding: chunked\r\n\r\n-5\r\n" + csv + "\r\n0\r\n\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("chunked, unframed body (no chunk sizes)", upload + "Transfer-Encoding: chunked\r\n\r\n" + csv,
                        Case.ANY_CLIENT_ERROR),
                // Helidon reads a chunk by its size and does not check the CRLF after it; the extract in it was
                // whole (and the same as the first), so it is answered as one.
                Case.of("chunked, chunk without its CRLF", upload + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(length) + "\r\n" + csv + "XX0\r\n\r\n", 200),
                Case.of("chunked, truncated inside a chunk", upload + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(length * 2) + "\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("chunked, huge chunk size", upload + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n" + csv,
                        Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length: -1", upload + "Content-Length: -1\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length not a number", upload + "Content-Length: " + GIVEN + "\r\n\r\n" + csv,
                        Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length twice, same value", upload + "Content-Length: " + length + "\r\nContent-Length: "
                        + length + "\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length twice, conflicting", upload + "Content-Length: " + length + "\r\nContent-Length: 5\r\n\r\n"
                        + csv, Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length and Transfer-Encoding: chunked", upload + "Content-Length: " + length
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("Transfer-Encoding: gzip, chunked", upload + "Transfer-Encoding: gzip, chunked\r\n\r\n" + chunk
                        + "0\r\n\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("Transfer-Encoding unknown", upload + "Transfer-Encoding: " + GIVEN + "\r\n\r\n" + csv,
                        Case.ANY_CLIENT_ERROR),
                Case.of("Content-Length larger than the body, then EOF", upload + "Content-Length: " + (length * 2) + "\r\n\r\n"
                        + csv, Case.ANY_CLIENT_ERROR),
                Case.of("header with a NUL byte", upload + "X-Note: " + GIVEN + "\0" + FAMILY + "\r\nContent-Length: " + length
                        + "\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("header line without a colon", upload + GIVEN + " " + FAMILY + "\r\nContent-Length: " + length
                        + "\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("header ended by a bare LF", upload + "X-Note: " + GIVEN + "\nContent-Length: " + length + "\r\n\r\n"
                        + csv, Case.ANY_CLIENT_ERROR),
                Case.of("header folded onto a second line", upload + "X-Note: a\r\n " + GIVEN + "\r\nContent-Length: " + length
                        + "\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("header value with raw UTF-8", "GET /health HTTP/1.1\r\n" + host + "X-Note: " + CYRILLIC + "\r\n\r\n", 200),
                Case.of("oversize header", "GET /health HTTP/1.1\r\n" + host + "X-Note: " + (GIVEN + " ").repeat(2000)
                        + "\r\n\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("invalid token carrying a name", "GET /v1/extracts HTTP/1.1\r\n" + host + "Authorization: Bearer "
                        + GIVEN + "\r\n\r\n", 401),
                Case.of("NUL in the path", "GET /v1/ext\0racts?" + GIVEN + " HTTP/1.1\r\n" + host + auth + "\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("raw CR in the path", "GET /v1/ext\rracts?q=" + GIVEN + " HTTP/1.1\r\n" + host + auth + "\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("raw LF in the path", "GET /health\nX-Forged: " + GIVEN + " HTTP/1.1\r\n" + host + "\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("%0a in the path (forged log line)", "GET /v1/extracts/%0a2026-01-01T00:00:00Z%20INFO%20org.tipx.access:"
                        + "%20GET%20/admin%20200 HTTP/1.1\r\n" + host + auth + "\r\n", 404),
                Case.of("%0d%0a in the path", "GET /health%0d%0aforged HTTP/1.1\r\n" + host + "\r\n", 404),
                Case.of("%00 in the path", "GET /health%00 HTTP/1.1\r\n" + host + "\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("%0a in the query", "GET /v1/statistics?by=sex%0a" + GIVEN + " HTTP/1.1\r\n" + host + "\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("raw control characters in the query", "GET /v1/statistics?by=" + GIVEN + "\u0007\u001b[2J HTTP/1.1\r\n"
                        + host + "\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("no Host header", "POST /v1/extracts?period=2026-Q3&n=" + GIVEN + " HTTP/1.1\r\n" + auth
                        + "Content-Length: " + length + "\r\n\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("Host header with a name for a port", "GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + GIVEN + "\r\n\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("HTTP/0.9 request", "GET /v1/extracts?" + GIVEN + "\r\n\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("unknown protocol version", "GET /health?" + GIVEN + " HTTP/7.1\r\n" + host + "\r\n",
                        Case.ANY_CLIENT_ERROR),
                Case.of("garbage", GIVEN + "\r\n" + FAMILY + "\u0001\u0002\u00ff\r\n\r\n", Case.ANY_CLIENT_ERROR),
                Case.of("Expect: 100-continue, then a broken body", upload + "Expect: 100-continue\r\nTransfer-Encoding: chunked"
                        + "\r\n\r\nq\r\n" + csv, Case.ANY_CLIENT_ERROR),
                Case.of("admin JSON, chunked and malformed", "POST /v1/agencies HTTP/1.1\r\n" + host + "Authorization: Bearer "
                        + RunningTipx.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "{\"id\":\"x\",\"name\":\"" + GIVEN + "\"}", Case.ANY_CLIENT_ERROR),
                Case.of("admin JSON, not JSON", "POST /v1/agencies HTTP/1.1\r\n" + host + "Authorization: Bearer "
                        + RunningTipx.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n"
                        + "{\"name\":\"" + GIVEN, 400));
    }
}
