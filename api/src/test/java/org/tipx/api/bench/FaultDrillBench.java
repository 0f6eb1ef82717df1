package org.tipx.api.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tipx.api.drill.FaultDrills;

/**
 * Fault drills at scale: kills {@code tipx serve} (a separate process) with SIGKILL at random moments of
 * uploads, releases and start-ups, restarts it and checks the store; one line per trial and a summary
 * table. Exit status 0 when nothing acknowledged was lost and nothing was torn or half-written, 1 otherwise.
 *
 * <p>Usage: {@code FaultDrillBench embedded|postgres TRIALS SEED [ROWS] [WORK-DIR]}; see docs/benchmarks.md.
 */
public final class FaultDrillBench {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("org.tipx.api.store"));

    private FaultDrillBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: FaultDrillBench embedded|postgres TRIALS SEED [ROWS] [WORK-DIR]");
            System.exit(2);
        }
        String store = args[0];
        int trials = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        long rows = args.length > 3 ? Long.parseLong(args[3]) : 50_000;
        Path workDir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("tipx-drill");
        // The checks open the store in this JVM; their migration and pool messages would bury the trial lines.
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        boolean clean = FaultDrills.run(store, workDir, trials, seed, rows, System.out);
        System.exit(clean ? 0 : 1);
    }
}
