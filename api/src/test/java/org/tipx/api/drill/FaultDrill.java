package org.tipx.api.drill;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tipx.api.domain.Period;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.store.TipxStore;

/**
 * Kills {@code tipx serve} with SIGKILL at random moments of its work, restarts it, and checks with the
 * store API that nothing acknowledged was lost and nothing half-written was kept ({@link StoreCheck}).
 * Each trial launches the server on the drill's store, does one thing (upload an extract, request a
 * release, or only start), kills it at a moment drawn from the seeded generator, relaunches it and times
 * {@code /health}, stops it as an operator would, and checks the store. The store carries over from trial
 * to trial, so later trials also prove that earlier kills left nothing behind that grows or breaks.
 *
 * <p>One agency uploads synthetic extracts of {@code rows} rows to two periods in turn, so uploads
 * replace each other and a release reads at most two extracts. Not thread-safe.
 */
final class FaultDrill {

    /** A restart slower than this counts as a failure to recover. */
    static final Duration RESTART_LIMIT = Duration.ofSeconds(60);
    private static final Duration STARTUP_KILL_WINDOW = Duration.ofSeconds(3);
    private static final Duration AFTER_ACK_MIN = Duration.ofMillis(1);
    private static final Duration AFTER_ACK_MAX = Duration.ofSeconds(2);
    private static final Duration ANSWER_AFTER_KILL = Duration.ofSeconds(30);
    /** A server that no longer answers is a finding, not something to wait out for hundreds of trials. */
    private static final int HUNG_TRIALS_TO_GIVE_UP = 3;
    private static final String AGENCY = "drill-agency";
    private static final List<Period> PERIODS = List.of(new Period(2026, 1), new Period(2026, 2));

    private final DrillStore store;
    private final Path workDir;
    private final long seed;
    private final long rows;
    private final PrintStream out;
    private final List<String> serverJvmOptions;
    private final SplittableRandom random;
    private final Map<String, String> environment;
    private final DrillHttp http;
    private final DrillLedger ledger = new DrillLedger();
    private String agencyToken;
    private Duration uploadEstimate = Duration.ofSeconds(1);
    private Duration releaseEstimate = Duration.ofSeconds(1);

    /**
     * @param seed             draws the kill points, moments, scopes and extracts; printed with the results
     * @param rows             rows of each uploaded extract
     * @param serverJvmOptions further options of the server's JVM
     */
    FaultDrill(DrillStore store, Path workDir, long seed, long rows, List<String> serverJvmOptions, PrintStream out) {
        this.store = store;
        this.workDir = workDir;
        this.seed = seed;
        this.rows = rows;
        this.serverJvmOptions = List.copyOf(serverJvmOptions);
        this.out = out;
        this.random = new SplittableRandom(seed);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] admin = new byte[24];
        new SecureRandom().nextBytes(admin);
        String adminToken = "drill-" + Base64.getUrlEncoder().withoutPadding().encodeToString(admin);
        this.environment = Map.of("TIPX_ADMIN_TOKEN", adminToken,
                "TIPX_PSEUDONYM_SECRET", Base64.getEncoder().encodeToString(secret));
        this.http = new DrillHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build(), adminToken);
    }

    /** Runs {@code trials} trials at kill points drawn at random (weighted by {@link KillPoint#weight}). */
    DrillSummary run(int trials) throws Exception {
        List<KillPoint> plan = new ArrayList<>();
        int total = 0;
        for (KillPoint point : KillPoint.values()) {
            total += point.weight();
        }
        for (int i = 0; i < trials; i++) {
            int pick = random.nextInt(total);
            for (KillPoint point : KillPoint.values()) {
                pick -= point.weight();
                if (pick < 0) {
                    plan.add(point);
                    break;
                }
            }
        }
        return run(plan);
    }

    /** Runs one trial per kill point of {@code plan}, in order; moments and kill scopes are still drawn at random. */
    DrillSummary run(List<KillPoint> plan) throws Exception {
        out.printf(Locale.ROOT, "fault drill: store %s, seed %d, %,d rows per extract, %d trials, server log %s%n",
                store.name(), seed, rows, plan.size(), log());
        long initialSize = setUp();
        List<TrialResult> results = new ArrayList<>();
        Optional<String> aborted = Optional.empty();
        for (int i = 0; i < plan.size(); i++) {
            KillScope scope = random.nextBoolean() ? KillScope.PROCESS_TREE : KillScope.SERVER_ONLY;
            TrialResult result;
            try {
                result = trial(i + 1, plan.get(i), scope);
            } catch (StoreUnusableException e) {
                aborted = Optional.of("trial " + (i + 1) + ": " + e.getMessage());
                out.println("ABORTED " + aborted.get());
                break;
            }
            results.add(result);
            print(result);
            if (results.size() >= HUNG_TRIALS_TO_GIVE_UP
                    && results.subList(results.size() - HUNG_TRIALS_TO_GIVE_UP, results.size()).stream()
                            .allMatch(TrialResult::unanswered)) {
                aborted = Optional.of("trial " + (i + 1) + ": " + HUNG_TRIALS_TO_GIVE_UP
                        + " trials in a row got no answer within " + DrillHttp.ANSWER_LIMIT.toSeconds() + " s");
                out.println("ABORTED " + aborted.get());
                break;
            }
        }
        DrillSummary summary = new DrillSummary(store.name(), seed, rows, results, initialSize, aborted);
        out.print(summary.table());
        return summary;
    }

    /** Registers the agency, uploads a first extract and releases it, with nothing killed; returns the size then. */
    private long setUp() throws Exception {
        Files.createDirectories(workDir);
        TipxServerProcess server = launchHealthy(store);
        try {
            agencyToken = http.registerAgency(server.base(), AGENCY);
            Path file = extract(0, PERIODS.get(0));
            long start = System.nanoTime();
            DrillHttp.AcknowledgedExtract first = http.upload(server.base(), agencyToken, PERIODS.get(0), file).get()
                    .acknowledged().orElseThrow(() -> new IllegalStateException("the first upload was not stored; see " + log()));
            uploadEstimate = Duration.ofNanos(System.nanoTime() - start);
            Files.delete(file);
            ledger.acknowledged(new DrillLedger.Extract(first.id(), AGENCY, PERIODS.get(0), rows, 0, true));
            start = System.nanoTime();
            DrillHttp.Answer<DrillHttp.AcknowledgedRelease> answer = http.requestRelease(server.base()).get();
            Optional<DrillHttp.AcknowledgedRelease> release = answer.acknowledged();
            releaseEstimate = Duration.ofNanos(System.nanoTime() - start);
            if (release.isPresent()) {
                ledger.acknowledged(new DrillLedger.Release(release.get().id(), release.get().manifest(),
                        Optional.empty(), 0, true));
            } else {
                // Not a kill's doing: the release trials will meet the same answer, which is what tipx gives.
                out.println("set-up: the first release was answered " + answer.outcome() + ", nothing killed; see "
                        + log());
            }
        } finally {
            server.stop();
        }
        CheckFindings findings = check(0);
        if (!findings.clean()) {
            throw new IllegalStateException("the store is wrong before any kill: " + findings.notes());
        }
        out.printf(Locale.ROOT, "set-up: upload %.2f s, release %.2f s, store %,d bytes%n",
                seconds(uploadEstimate), seconds(releaseEstimate), store.sizeBytes());
        return store.sizeBytes();
    }

    private TrialResult trial(int trial, KillPoint point, KillScope scope) throws Exception {
        return switch (point) {
            case UPLOAD_DURING, UPLOAD_AFTER_ACK -> uploadTrial(trial, point, scope);
            case RELEASE_DURING, RELEASE_AFTER_ACK -> releaseTrial(trial, point, scope);
            case STARTUP_EXISTING -> startupTrial(trial, point, scope, store);
            case STARTUP_FRESH -> scratchStartupTrial(trial, point, scope, DrillStore.SchemaState.FRESH);
            case STARTUP_MIGRATING -> scratchStartupTrial(trial, point, scope, DrillStore.SchemaState.FIRST_MIGRATION_ONLY);
        };
    }

    private TrialResult uploadTrial(int trial, KillPoint point, KillScope scope) throws Exception {
        Period period = PERIODS.get(random.nextInt(PERIODS.size()));
        Path file = extract(trial, period);
        TipxServerProcess server = launchHealthy(store);
        int descendants;
        Duration delay;
        DrillHttp.Answer<DrillHttp.AcknowledgedExtract> answer;
        try {
            long start = System.nanoTime();
            CompletableFuture<DrillHttp.Answer<DrillHttp.AcknowledgedExtract>> upload =
                    http.upload(server.base(), agencyToken, period, file);
            CompletableFuture<Long> answeredAt = upload.thenApply(received -> System.nanoTime());
            if (point == KillPoint.UPLOAD_DURING) {
                delay = uniform(Duration.ZERO, uploadEstimate.multipliedBy(6).dividedBy(5));
                descendants = killAt(server, scope, upload, start + delay.toNanos());
                answer = upload.get(ANSWER_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                if (answer.acknowledged().isPresent()) {
                    // Only an upload that finished says how long uploads take.
                    uploadEstimate = Duration.ofNanos(answeredAt.join() - start);
                }
            } else {
                answer = upload.get();
                if (answer.acknowledged().isPresent()) {
                    uploadEstimate = Duration.ofNanos(System.nanoTime() - start);
                }
                delay = logUniform(AFTER_ACK_MIN, AFTER_ACK_MAX);
                descendants = killAt(server, scope, upload, System.nanoTime() + delay.toNanos());
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        Files.delete(file);
        Optional<DrillHttp.AcknowledgedExtract> ack = answer.acknowledged();
        if (ack.isPresent()) {
            ledger.acknowledged(new DrillLedger.Extract(ack.get().id(), AGENCY, period, ack.get().rows(), trial, true));
        } else {
            ledger.unacknowledged(new DrillLedger.UploadAttempt(AGENCY, period, rows, trial));
        }
        return finish(trial, point, scope, delay, answer.outcome(), answer.timedOut(), server, descendants, store);
    }

    private TrialResult releaseTrial(int trial, KillPoint point, KillScope scope) throws Exception {
        TipxServerProcess server = launchHealthy(store);
        int descendants;
        Duration delay;
        DrillHttp.Answer<DrillHttp.AcknowledgedRelease> answer;
        Optional<String> microdataSha = Optional.empty();
        try {
            long start = System.nanoTime();
            CompletableFuture<DrillHttp.Answer<DrillHttp.AcknowledgedRelease>> release = http.requestRelease(server.base());
            CompletableFuture<Long> answeredAt = release.thenApply(received -> System.nanoTime());
            if (point == KillPoint.RELEASE_DURING) {
                delay = uniform(Duration.ZERO, releaseEstimate.multipliedBy(6).dividedBy(5));
                descendants = killAt(server, scope, release, start + delay.toNanos());
                answer = release.get(ANSWER_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                if (answer.acknowledged().isPresent()) {
                    releaseEstimate = Duration.ofNanos(answeredAt.join() - start);
                }
            } else {
                answer = release.get();
                long acknowledged = System.nanoTime();
                if (answer.acknowledged().isPresent()) {
                    releaseEstimate = Duration.ofNanos(acknowledged - start);
                }
                delay = logUniform(AFTER_ACK_MIN, AFTER_ACK_MAX);
                // Read the microdata while the kill approaches: when the whole answer arrives first, the store
                // must keep exactly those bytes.
                CompletableFuture<Optional<String>> microdata = answer.acknowledged().isPresent()
                        ? http.microdata(server.base(), answer.acknowledged().get().id())
                        : CompletableFuture.completedFuture(Optional.empty());
                descendants = killAt(server, scope, microdata, acknowledged + delay.toNanos());
                microdataSha = microdata.get(ANSWER_AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS)
                        .map(StoreCheck::sha256);
            }
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        Optional<String> served = microdataSha;
        answer.acknowledged().ifPresent(a -> ledger.acknowledged(
                new DrillLedger.Release(a.id(), a.manifest(), served, trial, true)));
        return finish(trial, point, scope, delay, answer.outcome(), answer.timedOut(), server, descendants, store);
    }

    private TrialResult startupTrial(int trial, KillPoint point, KillScope scope, DrillStore target) throws Exception {
        Duration delay = uniform(Duration.ZERO, STARTUP_KILL_WINDOW);
        TipxServerProcess server = TipxServerProcess.launch(target, environment, workDir, serverJvmOptions);
        int descendants;
        try {
            Thread.sleep(delay);
            descendants = server.kill(scope);
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return finish(trial, point, scope, delay, "-", false, server, descendants, target);
    }

    private TrialResult scratchStartupTrial(int trial, KillPoint point, KillScope scope, DrillStore.SchemaState state)
            throws Exception {
        try (DrillStore scratch = store.scratch("startup-" + trial, state)) {
            return startupTrial(trial, point, scope, scratch);
        }
    }

    /**
     * Relaunches tipx on {@code target} and times {@code /health}, stops it and what the kill left running,
     * and checks the drill's store (a scratch store is only opened: it holds nothing acknowledged).
     */
    @SuppressWarnings("ReferenceEquality") // the drill's own store or a scratch one, told apart by instance
    private TrialResult finish(int trial, KillPoint point, KillScope scope, Duration delay, String answer,
                               boolean unanswered, TipxServerProcess killed, int descendants, DrillStore target)
            throws Exception {
        TipxServerProcess restarted = TipxServerProcess.launch(target, environment, workDir, serverJvmOptions);
        Optional<Duration> restart;
        try {
            restart = restarted.awaitHealthy(http.client(), RESTART_LIMIT);
        } finally {
            restarted.stop();
            killed.close();
        }
        CheckFindings findings;
        if (target == store) {
            findings = check(trial);
        } else {
            try (TipxStore opened = target.openForCheck()) {
                findings = opened.ping() ? new CheckFindings(0, 0, 0, 0, 0, 0, List.of())
                        : new CheckFindings(0, 0, 0, 0, 0, 0, List.of("scratch store does not answer"));
            } catch (RuntimeException e) {
                throw new StoreUnusableException("the scratch store does not open: " + e);
            }
        }
        return new TrialResult(trial, point, scope, delay, answer, unanswered, restart, findings, store.sizeBytes(),
                descendants);
    }

    private CheckFindings check(int trial) {
        TipxStore opened;
        try {
            opened = store.openForCheck();
        } catch (RuntimeException e) {
            throw new StoreUnusableException("the store does not open: " + e);
        }
        try (opened) {
            return StoreCheck.check(opened, ledger, trial, Set.of(AGENCY));
        } catch (RuntimeException e) {
            // Store exceptions name what failed and the SQLState, never row values.
            throw new StoreUnusableException("the store cannot be read: " + e);
        }
    }

    /** Waits until {@code deadlineNanos} (or less, if nothing is left to wait for), then kills the server. */
    private static int killAt(TipxServerProcess server, KillScope scope, CompletableFuture<?> answer,
                              long deadlineNanos) throws InterruptedException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining > 0) {
            try {
                answer.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                // The kill comes at the deadline either way.
            }
            remaining = deadlineNanos - System.nanoTime();
            if (remaining > 0) {
                Thread.sleep(Duration.ofNanos(remaining));
            }
        }
        return server.kill(scope);
    }

    private TipxServerProcess launchHealthy(DrillStore target) throws InterruptedException {
        TipxServerProcess server = TipxServerProcess.launch(target, environment, workDir, serverJvmOptions);
        if (server.awaitHealthy(http.client(), RESTART_LIMIT).isEmpty()) {
            server.close();
            throw new StoreUnusableException("tipx did not start within " + RESTART_LIMIT.toSeconds() + " s");
        }
        return server;
    }

    private Path extract(int trial, Period period) {
        Path file = workDir.resolve("extract-" + trial + ".csv");
        SyntheticExtracts.writeLargeExtract(file, rows, random.nextLong(), period, false);
        return file;
    }

    private Path log() {
        return TipxServerProcess.log(workDir);
    }

    private Duration uniform(Duration from, Duration to) {
        return Duration.ofNanos(from.toNanos() + (long) (random.nextDouble() * (to.toNanos() - from.toNanos())));
    }

    /** Small delays as often as large ones: a commit that reaches the disk late is found by the first. */
    private Duration logUniform(Duration from, Duration to) {
        double low = Math.log((double) from.toNanos());
        double high = Math.log((double) to.toNanos());
        return Duration.ofNanos((long) Math.exp(low + random.nextDouble() * (high - low)));
    }

    private void print(TrialResult r) {
        CheckFindings f = r.findings();
        out.printf(Locale.ROOT, "trial %3d %-18s kill=%-6s at %6d ms  answer=%-9s restart=%s  torn=%d lost=%d"
                        + " half=%d kept-unacked=%d  store %,d bytes%s%n",
                r.trial(), r.killPoint().label(), r.scope().label(), r.killDelay().toMillis(), r.answer(),
                r.restart().map(d -> String.format(Locale.ROOT, "%.2fs", seconds(d))).orElse("FAILED"),
                f.torn(), f.lostAfterAck(), f.halfReleases(), f.extractsKeptWithoutAck() + f.releasesKeptWithoutAck(),
                r.sizeBytes(), r.descendants() > 0 ? ", " + r.descendants() + " child process(es)" : "");
        f.notes().forEach(note -> out.println("    " + note));
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** The store cannot be opened or served any more: the drill cannot go on. */
    private static final class StoreUnusableException extends RuntimeException {
        StoreUnusableException(String message) {
            super(message);
        }
    }
}
