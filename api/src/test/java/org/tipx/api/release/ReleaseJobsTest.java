package org.tipx.api.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.api.domain.Period;
import org.tipx.api.store.Agency;
import org.tipx.api.store.ReleaseJob;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/** Release jobs on the embedded store: one build at a time, failures recorded, interrupted builds abandoned. */
class ReleaseJobsTest {

    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path dir;
    private TipxStore store;

    /** Lets a test hold a build inside its anonymisation step. */
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private final ReleaseBuilder.AnonymizationStep held = (table, config) -> {
        entered.countDown();
        try {
            proceed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while held", e);
        }
        return Anonymizer.anonymize(table, config);
    };

    @BeforeEach
    void openStore() {
        store = TipxStores.embedded(dir);
        store.createAgency(new Agency("ua-police", "UA police", "UA", "police", CLOCK.instant(), true), "hash-ua");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void submit_whileABuildRuns_givesThatJob_andAfterItQueuesANewOne() throws Exception {
        writeExtract();
        try (ReleaseJobs jobs = jobs(held)) {
            ReleaseJobs.Submission first = jobs.submit("admin");
            assertTrue(entered.await(30, TimeUnit.SECONDS));

            ReleaseJobs.Submission second = jobs.submit("admin");

            assertTrue(first.queued());
            assertFalse(second.queued());
            assertEquals(first.job().id(), second.job().id());
            assertEquals(ReleaseJob.State.RUNNING, second.job().state());
            assertTrue(second.job().started().isPresent());
            ReleaseException refused = assertThrows(ReleaseException.class, () -> jobs.runHere("cli"));
            assertEquals(ReleaseException.Reason.ANOTHER_BUILD_UNDER_WAY, refused.reason());
            assertTrue(refused.getMessage().contains(first.job().id()), refused.getMessage());

            proceed.countDown();
            ReleaseJob done = awaitEnd(jobs, first.job().id());
            assertEquals(ReleaseJob.State.SUCCEEDED, done.state());
            assertEquals(store.latestRelease().orElseThrow().id(), done.releaseId().orElseThrow());
            assertTrue(done.finished().orElseThrow().compareTo(done.started().orElseThrow()) >= 0);
            assertEquals("release.create", store.auditLog(1).getFirst().action());
            assertEquals("admin", store.auditLog(1).getFirst().actor());

            ReleaseJobs.Submission third = jobs.submit("admin");
            assertTrue(third.queued());
            assertEquals(ReleaseJob.State.SUCCEEDED, awaitEnd(jobs, third.job().id()).state());
            assertEquals(2, store.releases().size());
        }
    }

    @Test
    void buildWithoutExtracts_failsWithAConflictProblem_andStoresNoRelease() throws Exception {
        try (ReleaseJobs jobs = jobs(Anonymizer::anonymize)) {
            ReleaseJob failed = awaitEnd(jobs, jobs.submit("admin").job().id());

            assertEquals(ReleaseJob.State.FAILED, failed.state());
            assertEquals(new ReleaseJob.Problem("conflict",
                    "There are no current extracts to release; agencies must upload first."), failed.problem().orElseThrow());
            assertTrue(failed.releaseId().isEmpty());
            assertTrue(store.releases().isEmpty());
            assertTrue(store.activeReleaseJob().isEmpty(), "a failed job no longer blocks the next");
        }
    }

    @Test
    void buildInterruptedByACrash_isAbandonedAtTheNextStart_andANewOneSucceeds() throws Exception {
        writeExtract();
        // What a process that died during a build leaves: a running job and no release.
        ReleaseJob interrupted = store.queueReleaseJob("admin").orElseThrow();
        assertTrue(store.startReleaseJob(interrupted.id()));
        try (ReleaseJobs jobs = jobs(Anonymizer::anonymize)) {
            assertEquals(interrupted.id(), jobs.submit("admin").job().id(), "under way until the start abandons it");

            assertEquals(1, jobs.abandonInterrupted());

            ReleaseJob abandoned = store.releaseJob(interrupted.id()).orElseThrow();
            assertEquals(ReleaseJob.State.ABANDONED, abandoned.state());
            assertTrue(abandoned.finished().isPresent());
            assertTrue(store.releases().isEmpty(), "no half release");
            ReleaseJobs.Submission next = jobs.submit("admin");
            assertTrue(next.queued());
            assertEquals(ReleaseJob.State.SUCCEEDED, awaitEnd(jobs, next.job().id()).state());
            assertEquals(1, store.releases().size());
        }
    }

    @Test
    void close_duringABuildThatOutlastsTheStopWait_abandonsItsJob() throws Exception {
        writeExtract();
        ReleaseJobs jobs = new ReleaseJobs(store, new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, CLOCK, held),
                CLOCK, Duration.ofMillis(100));
        String id = jobs.submit("admin").job().id();
        assertTrue(entered.await(30, TimeUnit.SECONDS));

        jobs.close();

        assertEquals(ReleaseJob.State.ABANDONED, store.releaseJob(id).orElseThrow().state());
        assertTrue(store.activeReleaseJob().isEmpty());
        // As the server does next: the store closes, so the late build cannot write its release.
        store.close();
        proceed.countDown();
        store = TipxStores.embedded(dir);
        assertTrue(store.releases().isEmpty());
        assertEquals(ReleaseJob.State.ABANDONED, store.releaseJob(id).orElseThrow().state());
    }

    private ReleaseJobs jobs(ReleaseBuilder.AnonymizationStep step) {
        return new ReleaseJobs(store, new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, CLOCK, step), CLOCK);
    }

    private void writeExtract() {
        Random random = new Random(3);
        try (TipxStore.ExtractWrite write = store.beginExtract("ua-police", new Period(2025, 1), "text/csv")) {
            for (int i = 0; i < 200; i++) {
                write.add(People.record("p" + i, 2025, "UA", random));
            }
            write.commit("sha");
        }
    }

    private static ReleaseJob awaitEnd(ReleaseJobs jobs, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ReleaseJob job = jobs.job(id).orElseThrow();
            if (!job.state().underWay()) {
                return job;
            }
            assertTrue(Instant.now().isBefore(deadline), "job " + id + " still " + job.state());
            Thread.sleep(10);
        }
    }
}
