package org.tipx.api.release;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.ReleaseJob;
import org.tipx.api.store.StoreUnavailableException;
import org.tipx.api.store.TipxStore;

/**
 * Release builds as jobs, one at a time per store. A job is a row of the store ({@link ReleaseJob}):
 * queueing one fails while another is queued or running, in this process or any other sharing the
 * store, so the server and {@code tipx release} never build at once. The server {@link #submit submits}
 * jobs to its one background thread; the command line {@link #runHere runs} one in its own thread.
 *
 * <p>A stop during a build leaves its row under way; the next server start marks it abandoned
 * ({@link #abandonInterrupted}). Nothing of the build itself is left behind: a release is written in one
 * transaction at its very end. Thread-safe.
 */
public final class ReleaseJobs implements AutoCloseable {

    /** How long {@link #close} lets a running build finish before abandoning its job. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(ReleaseJobs.class.getName());

    /**
     * What a submission gave.
     *
     * @param queued true for a new job, false when {@code job} is one already under way
     */
    public record Submission(ReleaseJob job, boolean queued) {
        public Submission {
            Objects.requireNonNull(job, "job");
        }
    }

    private final TipxStore store;
    private final ReleaseBuilder builder;
    private final Clock clock;
    private final Duration stopWait;
    /** One thread, created with the first submission, so that the command line starts none. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tipx-release-builder").daemon(true).factory());
    /** The job the worker runs, for {@link #close}. */
    private volatile Optional<String> running = Optional.empty();

    public ReleaseJobs(TipxStore store, ReleaseBuilder builder, Clock clock) {
        this(store, builder, clock, STOP_WAIT);
    }

    /** @param stopWait how long {@link #close} lets a running build finish before abandoning its job */
    ReleaseJobs(TipxStore store, ReleaseBuilder builder, Clock clock, Duration stopWait) {
        this.store = Objects.requireNonNull(store, "store");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stopWait = Objects.requireNonNull(stopWait, "stopWait");
    }

    /**
     * Marks abandoned every job that a stop left queued or running, so that a new one can start; for a
     * server starting. It assumes no other process is building at that moment: a {@code tipx release}
     * running against the same store would have its job abandoned (its release is still written).
     *
     * @return how many were abandoned
     */
    public int abandonInterrupted() {
        int abandoned = store.abandonReleaseJobs();
        if (abandoned > 0) {
            LOG.log(System.Logger.Level.WARNING, abandoned + " release job(s) interrupted by a stop marked abandoned");
        }
        return abandoned;
    }

    /**
     * Queues a build on the background thread, or, when a job is under way, gives that job.
     *
     * @param requestedBy who asks, {@code admin} for the API
     */
    public Submission submit(String requestedBy) {
        Objects.requireNonNull(requestedBy, "requestedBy");
        while (true) {
            Optional<ReleaseJob> queued = store.queueReleaseJob(requestedBy);
            if (queued.isPresent()) {
                ReleaseJob job = queued.get();
                try {
                    worker.execute(() -> runInBackground(job));
                } catch (RejectedExecutionException e) {
                    store.abandonReleaseJob(job.id());
                    throw new IllegalStateException("the server is stopping; the release job was not started", e);
                }
                return new Submission(job, true);
            }
            Optional<ReleaseJob> underWay = store.activeReleaseJob();
            if (underWay.isPresent()) {
                return new Submission(underWay.get(), false);
            }
            // The job under way ended between the two reads: queue again.
        }
    }

    /**
     * Builds a release in the calling thread as a job of its own, for the command line.
     *
     * @return the release's manifest
     * @throws ReleaseException if nothing was released, {@link ReleaseException.Reason#ANOTHER_BUILD_UNDER_WAY}
     *                          included
     */
    public ReleaseManifest runHere(String requestedBy) {
        Objects.requireNonNull(requestedBy, "requestedBy");
        ReleaseJob job = store.queueReleaseJob(requestedBy).orElseThrow(() -> {
            String other = store.activeReleaseJob().map(j -> "job " + j.id() + ", " + j.state().id()
                    + " since " + j.started().orElse(j.queued()) + ", requested by " + j.requestedBy())
                    .orElse("a job that has just ended");
            return new ReleaseException(ReleaseException.Reason.ANOTHER_BUILD_UNDER_WAY,
                    "another release build is under way (" + other + "); nothing was released", null);
        });
        return execute(job);
    }

    public Optional<ReleaseJob> job(String id) {
        return store.releaseJob(id);
    }

    private void runInBackground(ReleaseJob job) {
        running = Optional.of(job.id());
        try {
            execute(job);
        } catch (ReleaseException e) {
            // The job row holds the problem; the administrator reads it there.
            LOG.log(System.Logger.Level.INFO, "release job " + job.id() + " failed: " + e.reason());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "release job " + job.id() + " failed: " + e.getClass().getName());
        } finally {
            running = Optional.empty();
        }
    }

    /** Runs the job: its row says running, then how it ended; the release itself is all or nothing. */
    private ReleaseManifest execute(ReleaseJob job) {
        if (!store.startReleaseJob(job.id())) {
            throw new ReleaseException(ReleaseException.Reason.ANOTHER_BUILD_UNDER_WAY,
                    "release job " + job.id() + " was abandoned before it started; nothing was released", null);
        }
        ReleaseManifest manifest;
        try {
            manifest = builder.build();
        } catch (ReleaseException e) {
            failQuietly(job, problemOf(e));
            throw e;
        } catch (StoreUnavailableException e) {
            // Its own log line is the store's, once per outage; the row may not be writable either.
            failQuietly(job, new ReleaseJob.Problem("unavailable",
                    "The database went out of reach during the build; nothing was released."));
            throw e;
        } catch (RuntimeException e) {
            // Store and build failures carry no record contents (StoreFailures, ReleaseException).
            LOG.log(System.Logger.Level.ERROR, "release job " + job.id() + " failed", e);
            failQuietly(job, new ReleaseJob.Problem("internal",
                    "The build failed; the server log has the cause under job " + job.id() + "."));
            throw e;
        }
        store.audit(new AuditEvent(clock.instant(), job.requestedBy(), "release.create", manifest.id(),
                String.format(Locale.ROOT, "%d extracts, %d registrations, %d victims, %d suppressed; job %s",
                        manifest.extracts().size(), manifest.counts().registrations(), manifest.counts().victims(),
                        manifest.microdata().suppressedRecords(), job.id())));
        if (!store.succeedReleaseJob(job.id(), manifest.id())) {
            LOG.log(System.Logger.Level.WARNING, "release " + manifest.id() + " was made by job " + job.id()
                    + ", which had been marked abandoned meanwhile");
        }
        return manifest;
    }

    /** Records the failure; when the store cannot, the job stays under way until the next start abandons it. */
    private void failQuietly(ReleaseJob job, ReleaseJob.Problem problem) {
        try {
            store.failReleaseJob(job.id(), problem);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not record the failure of release job " + job.id() + ": "
                    + e.getClass().getName());
        }
    }

    /** The problem a job reports for a build that stopped; the texts quote no record contents. */
    static ReleaseJob.Problem problemOf(ReleaseException e) {
        return switch (e.reason()) {
            case NO_CURRENT_EXTRACTS -> new ReleaseJob.Problem("conflict",
                    "There are no current extracts to release; agencies must upload first.");
            case CANNOT_ANONYMISE -> new ReleaseJob.Problem("conflict",
                    "The current extracts hold too few persons for k-anonymous microdata; nothing was released.");
            case ID_CONFLICT -> new ReleaseJob.Problem("conflict",
                    "Other releases were created at the same time; try again.");
            case ANOTHER_BUILD_UNDER_WAY -> new ReleaseJob.Problem("conflict", e.getMessage() + ".");
            // The verifier's findings quote no cell value, so they may go to the client.
            case UNSAFE_OUTPUT -> new ReleaseJob.Problem("release-unsafe", "Nothing was released: " + e.getMessage() + ".");
        };
    }

    /**
     * Stops the background thread: lets a running build finish for a while (30 s), then marks its job
     * abandoned, so that the store does not show it running. The thread is not interrupted: H2 may close
     * its database file under an interrupted thread, and the build does not stop early anyway. A build
     * still running then fails at its next use of the store, which the server closes next; its release,
     * written in one transaction at the very end, is then never stored.
     */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the release build did not end within " + stopWait.toSeconds()
                        + " s of the stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.ifPresent(this::abandonQuietly);
    }

    /** Marks a job of this process abandoned; when the store cannot, the next start does. */
    private void abandonQuietly(String id) {
        try {
            if (store.abandonReleaseJob(id)) {
                LOG.log(System.Logger.Level.WARNING, "release job " + id + " abandoned: the server stopped");
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not mark release job " + id + " abandoned: "
                    + e.getClass().getName());
        }
    }
}
