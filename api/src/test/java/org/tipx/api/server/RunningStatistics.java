package org.tipx.api.server;

import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tipx.api.store.TestStores;
import org.tipx.api.pseudonym.PseudonymSecret;

/** A real tipx server on a free port answering statistics from the given releases, with one reused HTTP client. */
final class RunningStatistics implements AutoCloseable {

    private final Tipx tipx;
    private final WebServer server;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    RunningStatistics(Path dir, StatisticsApi api, Clock clock) {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        this.tipx = new Tipx(TestStores.fresh(), secret, Optional.of(RunningTipx.ADMIN_TOKEN), 1024, clock, api);
        this.server = tipx.start("127.0.0.1", 0);
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    RunningStatistics(Path dir, StatisticsApi api) {
        this(dir, api, Clock.systemUTC());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> http(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> bytes(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        http.close();
        server.stop();
        tipx.close();
    }
}
