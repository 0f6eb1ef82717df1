package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.http.HttpLimits;
import org.tipx.api.store.TestStores;
import org.tipx.api.store.TipxStores;

/**
 * Slow and concurrent uploads cannot take the server: trickling bodies are cut off with 408, uploads beyond
 * the per-agency and overall limits are refused with 429, and while the store's whole pool's worth of uploads
 * trickles in, {@code /health} and reads still answer at once. Nothing of a refused upload is stored.
 */
class UploadLimitsTest {

    /** Short enough for a test: a body may stall 2 s, and must then average 1 KiB/s. */
    private static final HttpLimits LIMITS = HttpLimits.DEFAULTS.withBodyReadTimeout(Duration.ofSeconds(2))
            .withUploads(2, 4);
    private static final Duration TRICKLE = Duration.ofMillis(300);
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    /** One server for the class; each test uses agencies of its own and waits for its uploads to end. */
    private static RunningTipx server;

    @BeforeAll
    static void start() {
        server = RunningTipx.on(TestStores.fresh(), dir, 1 << 20, LIMITS);
    }

    @AfterAll
    static void stop() {
        server.close();
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
    }

    @Test
    void tricklingUploads_moreThanThePool_healthAndReadsAnswerAndNothingIsStored() throws Exception {
        assertTrue(12 > TipxStores.POOL_SIZE);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tokens.add(server.agency("slow-" + i, "UA"));
        }
        String reader = server.agency("reader", "UA");
        List<RawHttp.TricklingUpload> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                uploads.add(new RawHttp.TricklingUpload(server.base().getPort(), tokens.get(i / 2), TRICKLE));
            }
            Thread.sleep(500);
            assertPrompt(200, server.request("/health"));
            assertPrompt(200, server.request("/v1/extracts").header("Authorization", "Bearer " + reader));
            assertPrompt(200, server.request("/v1/releases"));

            Map<Integer, Integer> statuses = new TreeMap<>();
            for (RawHttp.TricklingUpload upload : uploads) {
                statuses.merge(upload.status(), 1, Integer::sum);
            }
            assertEquals(Map.of(408, 4, 429, 8), statuses, "4 admitted and cut off, 8 refused at once");
        } finally {
            for (RawHttp.TricklingUpload upload : uploads) {
                upload.close();
            }
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(List.of(), server.tipx().store().extracts("slow-" + i), "nothing stored for slow-" + i);
        }
        // The slots are free again.
        assertEquals(201, server.uploadCsv(tokens.getFirst(), "2026-Q3", Extracts.csv(3, "after")).getStatusCode());
    }

    @Test
    void thirdUploadOfAnAgency_refusedWith429AndRetryAfter_otherAgenciesStillUpload() throws Exception {
        String busy = server.agency("busy", "UA");
        String other = server.agency("other", "UA");
        try (RawHttp.TricklingUpload first = new RawHttp.TricklingUpload(server.base().getPort(), busy, TRICKLE);
             RawHttp.TricklingUpload second = new RawHttp.TricklingUpload(server.base().getPort(), busy, TRICKLE)) {
            Thread.sleep(500);
            HttpResponse<String> third = server.send(server.request("/v1/extracts?period=2026-Q3")
                    .header("Authorization", "Bearer " + busy).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(Extracts.csv(3, "third"))));
            assertEquals(429, third.statusCode(), third.body());
            assertTrue(third.body().contains("urn:tipx:problem:too-many-requests"), third.body());
            assertEquals("5", third.headers().firstValue("retry-after").orElse(""));
            assertEquals(201, server.uploadCsv(other, "2026-Q3", Extracts.csv(3, "other")).getStatusCode());
            assertEquals(408, first.status());
            assertEquals(408, second.status());
        }
        assertEquals(List.of(), server.tipx().store().extracts("busy"));
    }

    @Test
    void silentUploads_stoppedAfterTheReadTimeout_slotsFreedAndNothingStored() throws Exception {
        String quiet = server.agency("quiet", "UA");
        Duration never = Duration.ofHours(1);
        try (RawHttp.TricklingUpload first = new RawHttp.TricklingUpload(server.base().getPort(), quiet, never);
             RawHttp.TricklingUpload second = new RawHttp.TricklingUpload(server.base().getPort(), quiet, never)) {
            // A read blocked beyond the timeout is interrupted, which closes the socket: no answer can follow.
            int firstStatus = first.status();
            int secondStatus = second.status();
            assertTrue(List.of(0, 408).contains(firstStatus) && List.of(0, 408).contains(secondStatus),
                    firstStatus + " " + secondStatus);
        }
        assertEquals(List.of(), server.tipx().store().extracts("quiet"));
        // The client sees the socket close a moment before the handler has rolled back and freed its slot.
        assertEquals(201, uploadWithin(Duration.ofSeconds(2), quiet, Extracts.csv(3, "later")),
                "both slots of the agency are free again");
    }

    @Test
    void jsonBodyOverTheLimit_refusedWith413UnreadOrCutOff() throws Exception {
        String big = "{\"id\":\"big\",\"name\":\"" + "x".repeat(LIMITS.maxJsonBytes()) + "\",\"country\":\"UA\",\"type\":\"ngo\"}";
        HttpRequest.Builder declared = server.request("/v1/agencies").header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(big));
        HttpResponse<String> refused = server.send(declared);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("urn:tipx:problem:payload-too-large"), refused.body());
        // Chunked, so no length is declared: the reader stops at the limit.
        HttpRequest.Builder chunked = server.request("/v1/agencies").header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        HttpResponse<String> cut = server.send(chunked);
        assertEquals(413, cut.statusCode(), cut.body());
        assertTrue(server.tipx().store().agency("big").isEmpty());
    }

    /** Uploads, retrying while the answer is 429, for at most {@code patience}; the last status. */
    private static int uploadWithin(Duration patience, String token, String csv) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            HttpResponse<String> response = server.send(server.request("/v1/extracts?period=2026-Q3")
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv)));
            if (response.statusCode() != 429 || System.nanoTime() > deadline) {
                return response.statusCode();
            }
            Thread.sleep(50);
        }
    }

    private static void assertPrompt(int status, HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = server.send(request.timeout(PROMPTLY));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(took.compareTo(PROMPTLY) < 0, "answered in " + took);
    }
}
