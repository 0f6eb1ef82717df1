package org.tipx.api.server;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.tipx.api.http.AccessControl;
import org.tipx.api.http.AccessLog;
import org.tipx.api.http.AgenciesServiceImpl;
import org.tipx.api.http.ComparisonsServiceImpl;
import org.tipx.api.http.ExtractsServiceImpl;
import org.tipx.api.http.Problems;
import org.tipx.api.http.Tokens;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.NoPublishedReleases;
import org.tipx.api.release.PublishedReleases;
import org.tipx.api.statistics.ProtectedTableBuilder;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.store.TipxStore;
import org.tipx.api.upload.ExtractUploads;

/**
 * The tipx application: one store, one pseudonymiser, one validator, wired into the HTTP API. The CLI,
 * the demo and the integration tests all start the server through here, so they run the same routes.
 */
public final class Tipx implements AutoCloseable {

    /** Default upload limit: 50 MiB, about 250,000 CSV rows. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final TipxStore store;
    private final Optional<String> adminTokenHash;
    private final ExtractUploads uploads;
    private final ExtractsServiceImpl extracts;
    private final AgenciesServiceImpl agencies;
    private final ComparisonsServiceImpl comparisons;

    /**
     * @param adminToken     the administrator's bearer token ({@code TIPX_ADMIN_TOKEN}); only its hash is kept.
     *                       Empty disables the admin endpoints.
     * @param maxUploadBytes largest accepted extract body
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes, Clock clock) {
        this(store, secret, adminToken, maxUploadBytes, clock, new NoPublishedReleases(),
                new ScanningTableSource(new NoPublishedReleases(), ProtectedTableBuilder.withDefaults()));
    }

    /**
     * @param releases the published releases the public statistics answer from
     * @param tables   their protected tables
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes, Clock clock,
                PublishedReleases releases, TableSource tables) {
        this.store = Objects.requireNonNull(store, "store");
        this.adminTokenHash = adminToken.filter(token -> !token.isBlank()).map(Tokens::hash);
        Objects.requireNonNull(clock, "clock");
        ExtractValidator validator = new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), clock);
        this.uploads = new ExtractUploads(store, new ExtractIngestor(validator, maxUploadBytes),
                new HmacPseudonymiser(secret), clock);
        this.extracts = new ExtractsServiceImpl(store, uploads, maxUploadBytes, clock);
        this.agencies = new AgenciesServiceImpl(store, agencyCountry(), clock);
        this.comparisons = new ComparisonsServiceImpl(releases, tables, ReferenceData.load());
    }

    public TipxStore store() {
        return store;
    }

    public ExtractUploads uploads() {
        return uploads;
    }

    /** Registers every API route, its access control and its error mapping on {@code routing}. */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(new AccessLog())
                .addFilter(new AccessControl(store, adminTokenHash));
        routes(routing);
        Problems.register(routing);
    }

    /** The API's routes, all generated from the spec; apart so that a test can hold them against the spec. */
    public void routes(HttpRules rules) {
        rules.register("/v1/extracts", extracts)
                .register("/v1/agencies", agencies)
                .register("/v1/comparisons", comparisons);
    }

    /** Starts the server on {@code port} (0 picks a free one); stop it with {@link WebServer#stop()}. */
    public WebServer start(String host, int port) {
        return WebServer.builder()
                .host(host)
                .port(port)
                // Helidon 4.3 leaves Nagle's algorithm on; small answers then wait for delayed ACKs.
                .connectionOptions(options -> options.tcpNoDelay(true))
                // The upload handler enforces its own limit with a problem+json answer.
                .maxPayloadSize(-1)
                .addFeature(ObserveFeature.builder()
                        .endpoint("/")
                        .addObserver(HealthObserver.builder()
                                .details(true)
                                .addCheck(() -> HealthCheckResponse.builder().status(store.ping()).build(),
                                        HealthCheckType.READINESS, "store")
                                .build())
                        .addObserver(MetricsObserver.create())
                        .build())
                .addFeature(OpenApiFeature.builder().staticFile("META-INF/tipx-v1.yaml").build())
                .routing(this::routing)
                .build()
                .start();
    }

    /** An agency is based in a real country: the ISO codes minus the contract's XX (unknown) and XS (stateless). */
    private static Predicate<String> agencyCountry() {
        Predicate<String> iso = ExtractValidator.jdkCountries();
        return code -> iso.test(code) && !code.equals("XX") && !code.equals("XS");
    }

    @Override
    public void close() {
        store.close();
    }
}
