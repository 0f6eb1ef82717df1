package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.TipxStores;

/**
 * A PostgreSQL outage while serving: the database is stopped under a running server, then started again
 * on the same data directory and port. Every endpoint that needs the store answers 503 with Retry-After
 * meanwhile, the log gets one line per change of state, and the server answers again without a restart.
 */
class StoreOutageTest {

    @TempDir
    Path dir;

    @Test
    void databaseStopped_answers503WithRetryAfter_logsOneLinePerChange_andRecoversWithoutRestart() throws Exception {
        Path data = dir.resolve("pg");
        int port = freePort();
        EmbeddedPostgres postgres = postgres(data, port);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        CapturedLog log = null;
        try (RunningTipx server = RunningTipx.on(TipxStores.jdbc(url, "postgres", "postgres"), dir, 1 << 20)) {
            String token = server.agency("outage-ua", "UA");
            assertEquals(201, server.uploadCsv(token, "2026-Q3",
                    ReleasesApiContract.persons("outage", 20, 0)).getStatusCode());
            assertEquals(200, server.send(server.request("/health")).statusCode());

            // After the server's start: Helidon's start-up may reset the logging configuration.
            log = CapturedLog.start();
            postgres.close();

            for (HttpResponse<String> response : List.of(
                    server.send(server.request("/v1/releases")),
                    server.send(server.request("/v1/extracts?period=2026-Q3").header("Authorization", "Bearer " + token)
                            .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                                    ReleasesApiContract.persons("lost", 5, 0), StandardCharsets.UTF_8))),
                    server.send(server.request("/v1/agencies")
                            .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN)),
                    server.send(server.request("/v1/releases")
                            .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN)
                            .POST(HttpRequest.BodyPublishers.noBody())))) {
                String what = response.request().method() + " " + response.request().uri().getPath();
                assertEquals(503, response.statusCode(), what + ": " + response.body());
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""), what);
                assertTrue(response.body().contains("\"type\":\"urn:tipx:problem:unavailable\""), response.body());
                assertEquals("5", response.headers().firstValue("retry-after").orElse(""), what);
            }
            HttpResponse<String> health = server.send(server.request("/health"));
            assertEquals(503, health.statusCode(), health.body());
            assertEquals("5", health.headers().firstValue("retry-after").orElse(""), "/health");
            for (int i = 0; i < 20; i++) {
                assertEquals(503, server.send(server.request("/v1/releases")).statusCode());
            }

            assertEquals(List.of(), log.withStackTrace(), "no stack trace per request");
            List<String> down = log.messagesStartingWith("store unavailable: ");
            assertEquals(1, down.size(), log.messages().toString());
            assertTrue(down.getFirst().matches("store unavailable: [\\w.]+ \\(SQLState \\w+\\)"), down.getFirst());

            postgres = postgres(data, port);
            long back = System.nanoTime();
            HttpResponse<String> again = server.send(server.request("/v1/releases"));
            while (again.statusCode() != 200 && System.nanoTime() - back < 30_000_000_000L) {
                Thread.sleep(10);
                again = server.send(server.request("/v1/releases"));
            }
            double recovery = (System.nanoTime() - back) / 1e9;
            // The figure in docs/operations.md comes from this line.
            System.out.printf(Locale.ROOT, "store outage: first 200 %.3f s after PostgreSQL accepted connections "
                    + "again (%s)%n", recovery, log.messagesStartingWith("store available again").getFirst());

            assertEquals(200, again.statusCode(), again.body());
            assertEquals(200, server.send(server.request("/health")).statusCode());
            assertEquals(201, server.uploadCsv(token, "2026-Q3",
                    ReleasesApiContract.persons("after", 5, 0)).getStatusCode(), "writes work again too");
            assertEquals(1, log.messagesStartingWith("store available again after ").size(), log.messages().toString());
            assertEquals(1, log.messagesStartingWith("store unavailable: ").size(), log.messages().toString());
        } finally {
            if (log != null) {
                log.stop();
            }
            postgres.close();
        }
    }

    /** A fixed data directory and port, kept when the database stops, so that it can start again as it was. */
    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Every java.util.logging record of the process while started, as the server's log would get them. */
    private static final class CapturedLog extends Handler {

        private final Logger root = Logger.getLogger("");
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        static CapturedLog start() {
            CapturedLog log = new CapturedLog();
            log.setLevel(Level.ALL);
            log.root.addHandler(log);
            return log;
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        List<String> messages() {
            synchronized (records) {
                return records.stream().map(LogRecord::getMessage).toList();
            }
        }

        List<String> messagesStartingWith(String prefix) {
            return messages().stream().filter(m -> m != null && m.startsWith(prefix)).toList();
        }

        List<String> withStackTrace() {
            synchronized (records) {
                return records.stream().filter(r -> r.getThrown() != null)
                        .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
            }
        }

        void stop() {
            root.removeHandler(this);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
