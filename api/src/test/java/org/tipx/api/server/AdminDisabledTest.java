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
import org.tipx.api.http.Tokens;
import org.tipx.api.store.Agency;
import org.tipx.api.store.TestStores;
import org.tipx.api.pseudonym.PseudonymSecret;

/**
 * Without TIPX_ADMIN_TOKEN the administration endpoints are closed to every token; the release reads still
 * take agency tokens, and answer any other token 401 (not 403: it is the token that is wrong).
 */
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

                String agencyToken = Tokens.newToken();
                tipx.store().createAgency(new Agency("ua-police", "UA police", "UA", "police",
                        java.time.Instant.now(), true), Tokens.hash(agencyToken));
                URI microdata = URI.create("http://127.0.0.1:" + server.port() + "/v1/releases/latest/microdata");
                HttpResponse<String> asAgency = http.send(HttpRequest.newBuilder(microdata)
                        .header("Authorization", "Bearer " + agencyToken).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, asAgency.statusCode(), "past access control: there is no release yet");
                HttpResponse<String> listAsAgency = http.send(HttpRequest.newBuilder(releases)
                        .header("Authorization", "Bearer " + agencyToken).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, listAsAgency.statusCode());
                for (URI read : java.util.List.of(releases, microdata)) {
                    HttpResponse<String> other = http.send(HttpRequest.newBuilder(read)
                            .header("Authorization", "Bearer anything").build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(401, other.statusCode(), read.getPath());
                }
                assertEquals(401, http.send(HttpRequest.newBuilder(microdata).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), "no token, no microdata");
            } finally {
                server.stop();
            }
        }
    }
}
