package org.tipx.api.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short fault drill per store: tipx serve in its own process, killed with SIGKILL after an upload was
 * acknowledged, during one, after a release was acknowledged and while it migrates a store, restarted and
 * checked each time. FaultDrillBench runs the same drill at scale (docs/benchmarks.md, "Fault drills").
 */
class FaultDrillTest {

    private static final long SEED = 20261204L;
    private static final long ROWS = 2_000;
    /**
     * Each trial starts tipx twice; on this 2-core machine the optimising compiler's threads cost each start
     * over a second, and trials this short gain nothing from it. The bench keeps the default.
     */
    private static final List<String> SERVER_JVM = List.of("-XX:TieredStopAtLevel=1");
    private static final List<KillPoint> PLAN = List.of(KillPoint.UPLOAD_AFTER_ACK, KillPoint.UPLOAD_DURING,
            KillPoint.RELEASE_AFTER_ACK, KillPoint.STARTUP_MIGRATING);

    @TempDir
    Path workDir;

    @Test
    @Disabled("H2 fails the drill. FaultDrillBench embedded, 80 trials (seeds 1 and 2, 50,000 rows, 2026-12-04):"
            + " of 16 acknowledged, 4 extracts torn (records unreadable after kills 1 ms to 1.9 s after their 201) and"
            + " 6 releases gone (kills 3 to 31 ms after their 201), then uploads answered 500 or hung 120 s; this"
            + " test's 4 trials lost an acknowledged extract and an acknowledged release. Remove once the embedded"
            + " default is the PostgreSQL that tipx runs.")
    void embeddedStore_killedAtRandomMoments_losesNothingAcknowledgedAndKeepsNothingTorn() throws Exception {
        try (DrillStore store = EmbeddedDrillStore.in(workDir.resolve("data"))) {
            assertDrillClean(store);
        }
    }

    @Test
    void postgres_killedAtRandomMoments_losesNothingAcknowledgedAndKeepsNothingTorn() throws Exception {
        try (DrillStore store = PostgresDrillStore.start(workDir)) {
            assertDrillClean(store);
        }
    }

    private void assertDrillClean(DrillStore store) throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        DrillSummary summary;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            summary = new FaultDrill(store, workDir, SEED, ROWS, SERVER_JVM, out).run(PLAN);
        }
        String trials = report.toString(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), summary.aborted(), trials);
        assertEquals(PLAN.size(), summary.trials().size(), trials);
        // The after-acknowledgement kill points always have something acknowledged to lose.
        assertTrue(summary.acknowledged() >= 2, trials);
        assertEquals(0, summary.torn(), trials);
        assertEquals(0, summary.lostAfterAck(), trials);
        assertEquals(0, summary.halfReleases(), trials);
        assertEquals(0, summary.restartFailures(), trials);
    }
}
