package org.tipx.anonymizer;

/**
 * One transformation, grouped and judged.
 *
 * @param grouping           its equivalence classes
 * @param failing            per class, whether it fails a privacy model and is suppressed
 * @param suppressed         records in failing classes
 * @param acceptable         whether {@code suppressed} is within the limit
 * @param score              the metric's score, suppression included
 * @param loss               ARX's Loss, suppression included
 * @param noSuppressionBound the metric as if nothing were suppressed: a lower bound for every generalisation
 */
record Evaluation(Grouping grouping, boolean[] failing, long suppressed, boolean acceptable, double score,
                  double loss, double noSuppressionBound) {
}
