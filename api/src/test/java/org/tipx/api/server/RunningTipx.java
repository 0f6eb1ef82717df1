package org.tipx.api.server;

import io.helidon.webserver.WebServer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.http.HttpLimits;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.ReleaseCatalog;
import org.tipx.api.release.ReleaseSettings;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TestStores;
import org.tipx.api.store.TipxStores;
import org.tipx.client.ApiClient;
import org.tipx.client.ApiException;
import org.tipx.client.ApiResponse;
import org.tipx.client.api.AgenciesApi;
import org.tipx.client.api.ExtractsApi;
import org.tipx.client.model.AgencyRegistration;
import org.tipx.client.model.Extract;

/** A real tipx server on a free port, driven through the generated client. */
final class RunningTipx implements AutoCloseable {

    static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    private final Tipx tipx;
    private final WebServer server;
    private final URI base;

    private RunningTipx(Tipx tipx) {
        this.tipx = tipx;
        this.server = tipx.start("127.0.0.1", 0);
        this.base = URI.create("http://127.0.0.1:" + server.port());
    }

    /** The embedded default store in {@code dataDir} (tipx runs its PostgreSQL), a fresh secret, the upload limit. */
    static RunningTipx embedded(Path dataDir, long maxUploadBytes) {
        return on(TipxStores.embedded(dataDir), dataDir, maxUploadBytes);
    }

    /** A new database of the tests' shared PostgreSQL, a fresh secret in {@code dataDir}, the upload limit. */
    static RunningTipx fresh(Path dataDir, long maxUploadBytes) {
        return on(TestStores.fresh(), dataDir, maxUploadBytes);
    }

    /**
     * The store's releases answer the public statistics. The rate limit is off: every test client
     * shares 127.0.0.1, so a suite would otherwise trip it depending on test order; the limiter has
     * its own tests (RateLimiterTest, StatisticsApiTest).
     */
    static RunningTipx on(TipxStore store, Path secretDir, long maxUploadBytes) {
        return on(store, secretDir, maxUploadBytes, HttpLimits.DEFAULTS);
    }

    /** As {@link #on(TipxStore, Path, long)}, with these body, upload and JSON limits. */
    static RunningTipx on(TipxStore store, Path secretDir, long maxUploadBytes, HttpLimits limits) {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(secretDir.resolve("pseudonym.secret"));
        return new RunningTipx(new Tipx(store, secret, Optional.of(ADMIN_TOKEN), maxUploadBytes, ReleaseSettings.DEFAULTS,
                Clock.systemUTC(), StatisticsApi.over(new ReleaseCatalog(store)).withRateLimit(Optional.empty()), limits));
    }

    /** A fresh test database, answering the public statistics from {@code releases} and {@code tables}. */
    static RunningTipx publishing(Path dataDir, PublishedReleases releases, TableSource tables) {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dataDir.resolve("pseudonym.secret"));
        return new RunningTipx(new Tipx(TestStores.fresh(), secret, Optional.of(ADMIN_TOKEN), 1 << 20,
                Clock.systemUTC(), StatisticsApi.over(releases).withTables(tables).withRateLimit(Optional.empty())));
    }

    URI base() {
        return base;
    }

    Tipx tipx() {
        return tipx;
    }

    /** A generated-client configuration that sends {@code token} (none when null). */
    ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString());
        if (token != null) {
            client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token));
        }
        return client;
    }

    AgenciesApi admin() {
        return new AgenciesApi(client(ADMIN_TOKEN));
    }

    ExtractsApi extracts(String token) {
        return new ExtractsApi(client(token));
    }

    /** Registers an agency and returns its token. */
    String agency(String id, String country) throws ApiException {
        return admin().createAgency(new AgencyRegistration().id(id).name("Agency " + id).country(country)
                .type(AgencyRegistration.TypeEnum.POLICE)).getToken();
    }

    /**
     * Uploads through the generated client. Its {@code native} library serialises a {@code File} body as
     * JSON (a generator limitation for binary bodies), so the interceptor sends the real bytes and type.
     */
    ApiResponse<Extract> upload(String token, String period, String mediaType, String body) throws ApiException {
        ApiClient client = client(token);
        client.setRequestInterceptor(request -> {
            request.setHeader("Authorization", "Bearer " + token);
            request.setHeader("Content-Type", mediaType);
            request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        });
        return new ExtractsApi(client).uploadExtractWithHttpInfo(period, new File("extract"), null);
    }

    ApiResponse<Extract> uploadCsv(String token, String period, String csv) throws ApiException {
        return upload(token, period, "text/csv", csv);
    }

    /** A plain HTTP exchange, for what the generated client hides (status, headers, problem documents). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(base.resolve(pathAndQuery));
    }

    @Override
    public void close() {
        server.stop();
        tipx.close();
    }
}
