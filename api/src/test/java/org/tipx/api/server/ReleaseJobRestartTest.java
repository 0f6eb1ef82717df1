package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.ReleaseJob;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/** A server starting on a store where a stop interrupted a build finds its job and abandons it. */
class ReleaseJobRestartTest {

    @TempDir
    Path dir;

    @Test
    void start_afterACrashDuringABuild_abandonsItsJob_andAcceptsANewOne() throws Exception {
        String interrupted;
        try (TipxStore crashed = TipxStores.embedded(dir)) {
            // What a server killed during a build leaves behind: a running job, and no release.
            interrupted = crashed.queueReleaseJob("admin").orElseThrow().id();
            assertTrue(crashed.startReleaseJob(interrupted));
        }

        try (RunningTipx server = RunningTipx.embedded(dir, 1024)) {
            JsonObject abandoned = job(server, "/v1/release-jobs/" + interrupted);
            assertEquals("abandoned", abandoned.getString("state"));
            assertTrue(abandoned.containsKey("finished"));
            assertEquals("{\"items\":[]}", server.send(server.request("/v1/releases")).body(), "no half release");

            HttpResponse<String> accepted = server.send(server.request("/v1/releases")
                    .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));

            assertEquals(202, accepted.statusCode(), accepted.body());
            String location = accepted.headers().firstValue("location").orElseThrow();
            assertNotEquals("/v1/release-jobs/" + interrupted, location, "a new job, not the abandoned one");
            assertEquals(ReleaseJob.State.QUEUED.id(), parse(accepted.body()).getString("state"));
        }
    }

    private static JsonObject job(RunningTipx server, String path) throws Exception {
        HttpResponse<String> response = server.send(server.request(path)
                .header("Authorization", "Bearer " + RunningTipx.ADMIN_TOKEN));
        assertEquals(200, response.statusCode(), response.body());
        return parse(response.body());
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
