package org.tipx.api.server;

import io.helidon.health.HealthCheckResponse;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import io.helidon.health.HealthCheckType;
import io.helidon.openapi.OpenApiFeature;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.http.AccessControl;
import org.tipx.api.http.AccessLog;
import org.tipx.api.http.AgenciesServiceImpl;
import org.tipx.api.http.BodyFraming;
import org.tipx.api.http.ComparisonsServiceImpl;
import org.tipx.api.http.ProfilesServiceImpl;
import org.tipx.api.http.ExplorerService;
import org.tipx.api.http.ExtractsServiceImpl;
import org.tipx.api.http.ReleaseJobsServiceImpl;
import org.tipx.api.http.GzipEncoding;
import org.tipx.api.http.HttpEdge;
import org.tipx.api.http.HttpLimits;
import org.tipx.api.http.KnownRoutes;
import org.tipx.api.http.ReleasesServiceImpl;
import org.tipx.api.http.Problems;
import org.tipx.api.http.RateLimitFilter;
import org.tipx.api.http.RateLimiter;
import org.tipx.api.http.SdmxServiceImpl;
import org.tipx.api.http.SdmxTrailingSlash;
import org.tipx.api.http.StatisticsServiceImpl;
import org.tipx.api.http.StoreOutage;
import org.tipx.api.http.Sunsetting;
import org.tipx.api.http.Tokens;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.logging.LogPrivacy;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.ReleaseBuilder;
import org.tipx.api.release.ReleaseCatalog;
import org.tipx.api.release.ReleaseJobs;
import org.tipx.api.release.ReleaseSettings;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.format.Labels;
import org.tipx.api.format.Language;
import org.tipx.api.sdmx.ThbStructure;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
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
    private final StatisticsServiceImpl statistics;
    private final SdmxServiceImpl sdmx;
    private final Optional<RateLimitFilter> rateLimit;
    private final ReleaseJobs releaseJobs;
    private final ReleasesServiceImpl releases;
    private final ReleaseJobsServiceImpl releaseJobsService;
    private final PublishedReleases published;
    /** The statistics sources, dropped on {@link #close()}: see {@link DetachableStatistics} for why. */
    private final DetachableStatistics statisticsSources;
    private final ComparisonsServiceImpl comparisons;
    private final ProfilesServiceImpl profiles;
    private final ExplorerService explorer;
    private final HttpLimits limits;

    /**
     * The public statistics answer from the store's releases, with the default limits and rate limit.
     *
     * @param adminToken     the administrator's bearer token ({@code TIPX_ADMIN_TOKEN}); only its hash is kept.
     *                       Empty disables the admin endpoints.
     * @param maxUploadBytes largest accepted extract body
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes, Clock clock) {
        this(store, secret, adminToken, maxUploadBytes, ReleaseSettings.DEFAULTS, clock);
    }

    /**
     * The public statistics answer from the store's releases ({@link ReleaseCatalog}), read by scanning,
     * with the default limits and rate limit.
     *
     * @param releaseSettings k, suppression limit and cell key parameters of new releases
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes,
                ReleaseSettings releaseSettings, Clock clock) {
        this(store, secret, adminToken, maxUploadBytes, releaseSettings, clock,
                StatisticsApi.over(new ReleaseCatalog(store)));
    }

    /**
     * A server answering statistics from these releases and tables, with the default limits and rate limit.
     *
     * @param releases the published releases the public statistics answer from (the Releases endpoints
     *                 always serve the store's own)
     * @param tables   their protected tables
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes, Clock clock,
                PublishedReleases releases, TableSource tables) {
        this(store, secret, adminToken, maxUploadBytes, ReleaseSettings.DEFAULTS, clock,
                StatisticsApi.over(releases).withTables(tables));
    }

    /**
     * @param statisticsApi the releases and tables the public statistics endpoints answer from, and their rate limit
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes, Clock clock,
                StatisticsApi statisticsApi) {
        this(store, secret, adminToken, maxUploadBytes, ReleaseSettings.DEFAULTS, clock, statisticsApi);
    }

    /** With the default {@link HttpLimits}. */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes,
                ReleaseSettings releaseSettings, Clock clock, StatisticsApi statisticsApi) {
        this(store, secret, adminToken, maxUploadBytes, releaseSettings, clock, statisticsApi, HttpLimits.DEFAULTS);
    }

    /**
     * @param adminToken      the administrator's bearer token ({@code TIPX_ADMIN_TOKEN}); only its hash is kept.
     *                        Empty disables the admin endpoints.
     * @param maxUploadBytes  largest accepted extract body
     * @param releaseSettings k, suppression limit and cell key parameters of new releases
     * @param statisticsApi   the releases and tables the public statistics endpoints answer from (the Releases
     *                        endpoints always serve the store's own), and the rate limit of the public endpoints
     * @param limits          body read timeout, minimum upload rate, concurrent uploads and the JSON body limit;
     *                        the uploads in all must stay below the store's pool of connections
     */
    public Tipx(TipxStore store, PseudonymSecret secret, Optional<String> adminToken, long maxUploadBytes,
                ReleaseSettings releaseSettings, Clock clock, StatisticsApi statisticsApi, HttpLimits limits) {
        if (limits.uploadsInAll() >= TipxStores.POOL_SIZE) {
            throw new IllegalArgumentException("uploads in all (" + limits.uploadsInAll() + ") must stay below the "
                    + "store's " + TipxStores.POOL_SIZE + " connections, or they can hold all of them");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.adminTokenHash = adminToken.filter(token -> !token.isBlank()).map(Tokens::hash);
        Objects.requireNonNull(clock, "clock");
        ExtractValidator validator = new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), clock);
        this.uploads = new ExtractUploads(store, new ExtractIngestor(validator, maxUploadBytes),
                new HmacPseudonymiser(secret), clock);
        this.extracts = new ExtractsServiceImpl(store, uploads, maxUploadBytes, clock, limits);
        this.agencies = new AgenciesServiceImpl(store, agencyCountry(), clock, limits);
        this.releaseJobs = new ReleaseJobs(store, new ReleaseBuilder(store, releaseSettings, clock), clock);
        // A build that a stop interrupted is found here and abandoned, so that a new one can start.
        releaseJobs.abandonInterrupted();
        this.releases = new ReleasesServiceImpl(store, releaseJobs, new ReleaseCatalog(store));
        this.releaseJobsService = new ReleaseJobsServiceImpl(releaseJobs);
        this.statisticsSources = new DetachableStatistics(statisticsApi.releases(), statisticsApi.tables());
        this.published = statisticsSources.releases();
        Map<Language, Labels> labels = Labels.loadAll();
        this.statistics = new StatisticsServiceImpl(statisticsSources.releases(), statisticsSources.tables(), labels,
                statisticsApi.limits(), statisticsApi.rateLimit(), releaseSettings.protection(), releaseSettings.k(),
                Sunsetting.TABLES, clock);
        this.sdmx = new SdmxServiceImpl(statisticsSources.releases(), statisticsSources.tables(), ThbStructure.of(labels.get(Language.DEFAULT)));
        this.rateLimit = statisticsApi.rateLimit().map(policy -> new RateLimitFilter(RateLimiter.of(policy)));
        ReferenceData reference = ReferenceData.load();
        this.comparisons = new ComparisonsServiceImpl(statisticsSources.releases(), statisticsSources.tables(), reference, labels);
        this.profiles = new ProfilesServiceImpl(statisticsSources.releases(), statisticsSources.tables(), reference, labels);
        this.explorer = ExplorerService.load();
    }

    public TipxStore store() {
        return store;
    }

    public ExtractUploads uploads() {
        return uploads;
    }

    /** Release builds, one at a time per store: {@code POST /v1/releases} submits them to its background thread. */
    public ReleaseJobs releaseJobs() {
        return releaseJobs;
    }

    /** The releases the public statistics answer from (by default the store's, through {@link ReleaseCatalog}). */
    public PublishedReleases releases() {
        return published;
    }

    /** Registers every API route, its access control and its error mapping on {@code routing}. */
    public void routing(HttpRouting.Builder routing) {
        routing.addFilter(new AccessLog());
        routing.addFilter(HttpEdge.headers());
        routing.addFilter(new StoreOutage(store::ping));
        routing.addFilter(new BodyFraming(limits.maxJsonBytes()));
        // Before access control, so a flood of anonymous requests is stopped before any token lookup.
        rateLimit.ifPresent(routing::addFilter);
        // After the rate limit, so that unknown paths and methods count like any other request.
        routing.addFilter(new SdmxTrailingSlash());
        routing.addFilter(HttpEdge.routes(KnownRoutes.record(this::routes)));
        routing.addFilter(new AccessControl(store, adminTokenHash));
        routes(routing);
        Problems.register(routing);
    }

    /**
     * The API's routes, generated from the spec (SDMX's written by hand, documented there), and the explorer's
     * pages (described in the spec too); apart so that a test can hold them against the spec.
     */
    public void routes(HttpRules rules) {
        rules.register(explorer)
                .register("/v1/extracts", extracts)
                .register("/v1/agencies", agencies)
                .register("/v1/releases", releases)
                .register("/v1/release-jobs/{id}", releaseJobsService)
                .register("/v1/comparisons", comparisons)
                .register("/v1/countries/{iso2}/profile", profiles)
                .register("/v1", statistics)
                .register(SdmxServiceImpl.PREFIX, sdmx);
    }

    /**
     * Starts the server on {@code port} (0 picks a free one); stop it with {@link WebServer#stop()}. Then routes
     * the server's and tipx's log records through {@link LogPrivacy}.
     *
     * @throws PortUnavailableException when the port is taken (or not allowed); nothing is left listening
     */
    public WebServer start(String host, int port) {
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                // Helidon 4.3 leaves Nagle's algorithm on; small answers then wait for delayed ACKs.
                .connectionOptions(options -> options.tcpNoDelay(true))
                // Unlimited here: the upload handler enforces its own limit with a problem+json answer, and
                // JSON bodies are refused above HttpLimits.maxJsonBytes (BodyFraming, PacedBody.readJson).
                // A body no handler reads is discarded as it streams in, never held.
                .maxPayloadSize(-1)
                // gzip for clients that accept it (Accept-Encoding), answers only.
                .contentEncoding(GzipEncoding.context())
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
        // Helidon logs a listener that cannot bind and carries on with port -1, serving nothing: stop here instead.
        if (server.port() < 0) {
            server.stop();
            throw new PortUnavailableException(host, port);
        }
        // After the start, when Helidon has read logging.properties; LogPrivacy reinstalls itself on any later read.
        LogPrivacy.install();
        return server;
    }

    /** An agency is based in a real country: the ISO codes minus the contract's XX (unknown) and XS (stateless). */
    private static Predicate<String> agencyCountry() {
        Predicate<String> iso = ExtractValidator.jdkCountries();
        return code -> iso.test(code) && !code.equals("XX") && !code.equals("XS");
    }

    /**
     * Stops the release builder (abandoning a build under way), closes the store and lets go of the statistics
     * sources (which a stopped Helidon 4.3.0 server would otherwise keep reachable).
     */
    @Override
    public void close() {
        try {
            releaseJobs.close();
        } finally {
            try {
                store.close();
            } finally {
                statisticsSources.detach();
            }
        }
    }
}
