package org.tipx.api.cli;

import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tipx.api.http.HttpLimits;
import org.tipx.api.http.RateLimitPolicy;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.ReleaseCatalog;
import org.tipx.api.release.ReleaseSettings;
import org.tipx.api.server.StatisticsApi;
import org.tipx.api.server.Tipx;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the tipx HTTP API until stopped.",
                "The admin token comes from TIPX_ADMIN_TOKEN (without it the admin endpoints answer 403); the "
                        + "pseudonymisation secret from TIPX_PSEUDONYM_SECRET or --secret-file."})
final class ServeCommand implements Callable<Integer> {

    private static final System.Logger LOG = System.getLogger(ServeCommand.class.getName());

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "File holding the pseudonymisation secret (default: DATA/pseudonym.secret). "
                    + "TIPX_PSEUDONYM_SECRET, when set, takes precedence.")
    Path secretFile;

    @Option(names = "--max-upload-bytes", paramLabel = "N", defaultValue = "" + Tipx.DEFAULT_MAX_UPLOAD_BYTES,
            description = "Largest extract accepted, in bytes (default: ${DEFAULT-VALUE}).")
    long maxUploadBytes;

    @Option(names = "--rate-limit", paramLabel = "QUOTA/SECONDS|off",
            description = "Requests per client address on the public endpoints, e.g. 120/60, or off (benchmarks). "
                    + "Default: TIPX_RATE_LIMIT, else 120/60.")
    String rateLimit;

    @Option(names = "--release-k", paramLabel = "K", defaultValue = "11",
            description = "k of the microdata of releases built by POST /v1/releases (default: ${DEFAULT-VALUE}).")
    int releaseK;

    @Option(names = "--body-read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "30s", description = "Longest wait for the next bytes of a request body, and the time an "
                    + "upload gets before its rate is checked; beyond it 408 (default: ${DEFAULT-VALUE}).")
    Duration bodyReadTimeout;

    @Option(names = "--min-upload-rate", paramLabel = "BYTES_PER_SECOND", defaultValue = "1024",
            description = "Average rate an upload must keep once the body read timeout has passed; slower ones "
                    + "are cut off with 408, 0 turns the check off (default: ${DEFAULT-VALUE}).")
    long minUploadRate;

    @Option(names = "--uploads-per-agency", paramLabel = "N", defaultValue = "2",
            description = "Uploads one agency may run at once; more answer 429 (default: ${DEFAULT-VALUE}).")
    int uploadsPerAgency;

    @Option(names = "--uploads-in-all", paramLabel = "N", defaultValue = "5",
            description = "Uploads the server runs at once, each holding a database connection; below the pool of "
                    + TipxStores.POOL_SIZE + " so reads and /health always find one; more answer 429 "
                    + "(default: ${DEFAULT-VALUE}).")
    int uploadsInAll;

    @Option(names = "--max-json-bytes", paramLabel = "N", defaultValue = "65536",
            description = "Largest JSON request body (agency registrations); larger ones answer 413 "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxJsonBytes;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, String> env = System.getenv();
        Optional<PseudonymSecret> found = secret(env);
        if (found.isEmpty()) {
            // A usage error (exit 2) in one line: the usage text would bury what to do.
            spec.commandLine().getErr().println("tipx serve: No pseudonymisation secret: set TIPX_PSEUDONYM_SECRET "
                    + "or create " + secretPath() + " (see docs/pseudonymisation.md; the demo command generates one)");
            return 2;
        }
        PseudonymSecret secret = found.get();
        Optional<RateLimitPolicy> limit = rateLimit(env);
        HttpLimits httpLimits = httpLimits();
        Ports.requireFree(host, port);
        TipxStore store = storeOptions.open(env);
        StatisticsApi statisticsApi = StatisticsApi.over(new ReleaseCatalog(store)).withRateLimit(limit);
        Tipx tipx = new Tipx(store, secret, Optional.ofNullable(env.get("TIPX_ADMIN_TOKEN")), maxUploadBytes,
                ReleaseSettings.DEFAULTS.withK(releaseK), Clock.systemUTC(), statisticsApi, httpLimits);
        WebServer server = startOrClose(tipx, host, port);
        Thread.ofVirtual().name("tipx-warm-up").start(() -> warm(statisticsApi));
        // The fingerprint tells operators which secret is in use (e.g. after a rotation) without revealing it.
        LOG.log(System.Logger.Level.INFO, "tipx listening on port " + server.port() + ", store: " + storeOptions.describe()
                + ", pseudonym secret " + secret.fingerprint());
        spec.commandLine().getOut().println("tipx listening on http://localhost:" + server.port() + "/ (store: "
                + storeOptions.describe() + ")");
        spec.commandLine().getOut().flush();
        awaitShutdown(server, tipx);
        return 0;
    }

    /** Reads the latest release ahead of the first request; a failure only costs that request the wait. */
    private static void warm(StatisticsApi statisticsApi) {
        try {
            if (statisticsApi.warmLatest()) {
                LOG.log(System.Logger.Level.INFO, "latest release read for statistics");
            }
        } catch (RuntimeException e) {
            // The class only: a message could quote data of the release.
            LOG.log(System.Logger.Level.WARNING, "reading the latest release ahead failed: " + e.getClass().getName());
        }
    }

    private HttpLimits httpLimits() {
        if (uploadsInAll >= TipxStores.POOL_SIZE) {
            throw new ParameterException(spec.commandLine(), "--uploads-in-all must stay below the store's "
                    + TipxStores.POOL_SIZE + " connections, not " + uploadsInAll);
        }
        try {
            return new HttpLimits(bodyReadTimeout, minUploadRate, uploadsPerAgency, uploadsInAll, maxJsonBytes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code --rate-limit}, else {@code TIPX_RATE_LIMIT}, else the default policy. */
    private Optional<RateLimitPolicy> rateLimit(Map<String, String> env) {
        String text = rateLimit != null ? rateLimit : env.get("TIPX_RATE_LIMIT");
        if (text == null) {
            return Optional.of(RateLimitPolicy.DEFAULT);
        }
        try {
            return RateLimitPolicy.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** From {@code TIPX_PSEUDONYM_SECRET}, else the secret file; empty when neither is there. */
    private Optional<PseudonymSecret> secret(Map<String, String> env) {
        Optional<PseudonymSecret> fromEnv = PseudonymSecret.fromEnvironment(env);
        if (fromEnv.isPresent()) {
            return fromEnv;
        }
        Path file = secretPath();
        return Files.exists(file) ? Optional.of(PseudonymSecret.fromFile(file)) : Optional.empty();
    }

    private Path secretPath() {
        return secretFile != null ? secretFile : storeOptions.dataDir.resolve("pseudonym.secret");
    }

    /** Starts the server; if it cannot listen, closes tipx (and the database it started) before failing. */
    static WebServer startOrClose(Tipx tipx, String host, int port) {
        try {
            return tipx.start(host, port);
        } catch (RuntimeException e) {
            tipx.close();
            throw e;
        }
    }

    /** Blocks until the JVM is asked to stop, then stops the server before closing the store. */
    static void awaitShutdown(WebServer server, Tipx tipx) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            tipx.close();
            stopped.countDown();
        }, "tipx-shutdown"));
        stopped.await();
    }
}
