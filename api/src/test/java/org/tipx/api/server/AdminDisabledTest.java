package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.TestStores;
import org.tipx.api.pseudonym.PseudonymSecret;

/** Without TIPX_ADMIN_TOKEN the administration endpoints are closed to every token. */
class AdminDisabledTest {

    @TempDir
    Path dir;

    @Test
    void adminEndpointsAnswer403WhenNoAdminTokenIsConfigured() throws Exception {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        try (Tipx tipx = new Tipx(TestStores.fresh(), secret, Optional.empty(), 1024, Clock.systemUTC());
             HttpClient http = HttpClient.newHttpClient()) {
            WebServer server = tipx.start("127.0.0.1", 0);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/v1/agencies"))
                        .header("Authorization", "Bearer anything").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, response.statusCode());
                assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));

                URI releases = URI.create("http://127.0.0.1:" + server.port() + "/v1/releases");
                HttpResponse<String> create = http.send(HttpRequest.newBuilder(releases)
                        .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, create.statusCode(), "creating a release is administration");
                HttpResponse<String> job = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + server.port() + "/v1/release-jobs/job-x")).header("Authorization", "Bearer anything")
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, job.statusCode(), "release jobs are administration");
                HttpResponse<String> list = http.send(HttpRequest.newBuilder(releases).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, list.statusCode(), "reading releases is public");
            } finally {
                server.stop();
            }
        }
    }
}
