package org.tipx.api.privacy;

import java.util.Locale;
import java.util.Objects;

/**
 * What one attack achieved, against its bound: the attack fails (the release is safe against it) when
 * {@code value <= bound}.
 *
 * @param attack              the attack's name
 * @param metric              what {@code value} measures
 * @param value               membership accuracy (share of targets guessed right; chance is 0.5), or a count
 * @param bound               the largest acceptable value
 * @param targets             targets attacked (0 for attacks on the release as a whole)
 * @param falsePositiveRate   share of absent targets guessed present (NaN when not a membership attack)
 * @param maxQueriesPerTarget most questions one target needed (for attacks on the whole release: all questions)
 * @param note                how the figure came about, in words and counts only
 */
public record AttackResult(String attack, Metric metric, double value, double bound, int targets, double falsePositiveRate,
                    int maxQueriesPerTarget, String note) {

    /** What an attack's value measures. */
    public enum Metric {
        ACCURACY("accuracy"),
        DISTINCT_VALUES("most distinct values of one cell"),
        LEAKS("leaks");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public AttackResult {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(note, "note");
    }

    static AttackResult count(String attack, Metric metric, long value, double bound, int queries, String note) {
        return new AttackResult(attack, metric, value, bound, 0, Double.NaN, queries, note);
    }

    public boolean beatsBound() {
        return value > bound;
    }

    /** One line: the attack, its figure against the bound, the false-positive rate, the questions per target. */
    public String line() {
        String figure = metric == Metric.ACCURACY
                ? String.format(Locale.ROOT, "accuracy %.3f (bound %.2f) fpr %.3f", value, bound, falsePositiveRate)
                : String.format(Locale.ROOT, "%s %d (bound %d)", metric.label(), (long) value, (long) bound);
        return String.format(Locale.ROOT, "%-26s %s %-4s targets %d, queries/target <= %d; %s",
                attack, figure, beatsBound() ? "FAIL" : "ok", targets, maxQueriesPerTarget, note);
    }
}
