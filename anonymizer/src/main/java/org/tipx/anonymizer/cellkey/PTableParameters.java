package org.tipx.anonymizer.cellkey;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Parameters of a perturbation table (p-table) for the cell key method, named as in the ptable
 * package of Destatis and Statistik Austria.
 *
 * @param maxPerturbation          D: no published value differs from the original count by more than D
 * @param variance                 V: the variance of the published value around the original count
 * @param smallestPublishedNonZero js: no published value lies in 1..js (0 means no such gap)
 * @param pStay                    if present, the fixed probability that a count above js is published
 *                                 unchanged; the remaining mass is spread with maximum entropy
 */
public record PTableParameters(int maxPerturbation, double variance, int smallestPublishedNonZero,
                               OptionalDouble pStay) {

    /** D = 5, V = 3, js = 2, no fixed probability of staying: the figures the issue quotes. */
    public static final PTableParameters DEFAULTS = new PTableParameters(5, 3.0, 2, OptionalDouble.empty());

    /** Validates what can be checked without building the table; messages quote the bad values. */
    public PTableParameters {
        if (maxPerturbation < 1 || maxPerturbation > 100) {
            throw new IllegalArgumentException(
                    "maxPerturbation (D) must be in 1..100, was " + maxPerturbation);
        }
        if (!(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance (V) must be positive and finite, was " + variance);
        }
        if (smallestPublishedNonZero < 0 || smallestPublishedNonZero > 100) {
            throw new IllegalArgumentException(
                    "smallestPublishedNonZero (js) must be in 0..100, was " + smallestPublishedNonZero);
        }
        // Counts 1..js+1 have no publishable value below them except 0 (the gap removes the
        // rest), so 0 must be within reach, js + 1 <= D, or those rows could not be unbiased.
        if (smallestPublishedNonZero >= maxPerturbation) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "smallestPublishedNonZero (js) %d must be below maxPerturbation (D) %d, "
                            + "else count js + 1 has no publishable value below it",
                    smallestPublishedNonZero, maxPerturbation));
        }
        double d2 = (double) maxPerturbation * maxPerturbation;
        // The generic row (large counts) lives on i-D..i+D; a distribution there with mean i has
        // variance at most D*D, reached only by the two-point law on i-D and i+D, so a
        // maximum-entropy (full-support) row needs V strictly below D*D.
        if (variance >= d2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "variance (V) %s is infeasible for maxPerturbation (D) %d: it must be below D*D = %s",
                    variance, maxPerturbation, d2));
        }
        if (pStay == null) {
            throw new IllegalArgumentException("pStay must not be null; use OptionalDouble.empty()");
        }
        if (pStay.isPresent()) {
            double p = pStay.getAsDouble();
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("pStay must be in (0, 1), was " + p);
            }
            // Without the unchanged value the rest of the generic row lives on +-1..+-D and must
            // carry variance V / (1 - pStay), which lies strictly between 1 and D*D.
            double restVariance = variance / (1 - p);
            if (!(restVariance > 1 && restVariance < d2)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "pStay %s is infeasible with variance (V) %s and maxPerturbation (D) %d: "
                                + "V / (1 - pStay) = %s must lie strictly between 1 and D*D = %s",
                        p, variance, maxPerturbation, restVariance, d2));
            }
        }
    }

    /** Parameters without a fixed probability of staying. */
    public static PTableParameters of(int maxPerturbation, double variance, int smallestPublishedNonZero) {
        return new PTableParameters(maxPerturbation, variance, smallestPublishedNonZero, OptionalDouble.empty());
    }
}
