package org.tipx.api.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The entry to fault drills for the bench command, which lives in another package. */
public final class FaultDrills {

    private FaultDrills() {
    }

    /**
     * Runs a drill of {@code trials} random trials on {@code store} ({@code embedded} or {@code postgres}) in
     * {@code workDir}, printing each trial and the summary; true when nothing was torn, lost or half-written.
     */
    public static boolean run(String store, Path workDir, int trials, long seed, long rows, PrintStream out)
            throws Exception {
        try (DrillStore drillStore = switch (store) {
            case "embedded" -> EmbeddedDrillStore.in(workDir.resolve("data"));
            case "postgres" -> PostgresDrillStore.start(workDir);
            default -> throw new IllegalArgumentException("store must be embedded or postgres, was " + store);
        }) {
            DrillSummary summary = new FaultDrill(drillStore, workDir, seed, rows, List.of(), out).run(trials);
            return summary.aborted().isEmpty() && summary.torn() == 0 && summary.lostAfterAck() == 0
                    && summary.halfReleases() == 0 && summary.restartFailures() == 0;
        }
    }
}
