package org.tipx.api.drill;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The outcome of a drill: the trials, the store's size before the first, and why it stopped early, if it did.
 */
record DrillSummary(String store, long seed, long rows, List<TrialResult> trials, long initialSizeBytes,
                    Optional<String> aborted) {
    DrillSummary {
        trials = List.copyOf(trials);
    }

    int acknowledged() {
        return (int) trials.stream().filter(TrialResult::acknowledged).count();
    }

    int torn() {
        return sum(t -> t.findings().torn());
    }

    int lostAfterAck() {
        return sum(t -> t.findings().lostAfterAck());
    }

    int halfReleases() {
        return sum(t -> t.findings().halfReleases());
    }

    int keptWithoutAck() {
        return sum(t -> t.findings().extractsKeptWithoutAck() + t.findings().releasesKeptWithoutAck());
    }

    /** Trials whose upload or release got no answer within {@link DrillHttp#ANSWER_LIMIT}: the server hung. */
    int unanswered() {
        return (int) trials.stream().filter(TrialResult::unanswered).count();
    }

    int restartFailures() {
        return (int) trials.stream().filter(t -> t.restart().isEmpty()).count();
    }

    Duration maxRestart() {
        return trials.stream().flatMap(t -> t.restart().stream()).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    long finalSizeBytes() {
        return trials.isEmpty() ? initialSizeBytes : trials.getLast().sizeBytes();
    }

    /** Growth of the store per trial, over the whole drill. */
    long bytesPerTrial() {
        return trials.isEmpty() ? 0 : (finalSizeBytes() - initialSizeBytes) / trials.size();
    }

    private int sum(ToIntFunction<TrialResult> count) {
        return trials.stream().mapToInt(count).sum();
    }

    /** The summary as a Markdown table, one row per kill point and one for all. */
    String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%nsummary: store %s, seed %d, %,d rows per extract%s%n", store, seed, rows,
                aborted.map(a -> ", ABORTED at " + a).orElse("")));
        s.append("| kill point | trials | acknowledged | torn | lost after ack | half releases | kept without ack"
                + " | hung | restart max (s) | restart failures |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (KillPoint point : KillPoint.values()) {
            List<TrialResult> of = trials.stream().filter(t -> t.killPoint() == point).toList();
            if (!of.isEmpty()) {
                s.append(row(point.label(), new DrillSummary(store, seed, rows, of, initialSizeBytes, Optional.empty())));
            }
        }
        s.append(row("**all**", this));
        s.append(String.format(Locale.ROOT, "store size: %,d bytes after set-up, %,d after %d trials: %,d bytes per trial%n",
                initialSizeBytes, finalSizeBytes(), trials.size(), bytesPerTrial()));
        return s.toString();
    }

    private static String row(String label, DrillSummary s) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %.2f | %d |%n", label,
                s.trials().size(), s.acknowledged(), s.torn(), s.lostAfterAck(), s.halfReleases(), s.keptWithoutAck(),
                s.unanswered(), FaultDrill.seconds(s.maxRestart()), s.restartFailures());
    }
}
