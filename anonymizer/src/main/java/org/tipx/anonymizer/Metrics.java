package org.tipx.anonymizer;

/**
 * Judges a grouping against the privacy models and scores it.
 *
 * <p>Loss (ARX's default, after Iyengar 2002): per quasi-identifier i, S<sub>i</sub> = Σ over records of
 * covered(label)/|D<sub>i</sub>|, where covered counts the hierarchy leaves under the record's label and a
 * suppressed record counts 1; L<sub>i</sub> = (S<sub>i</sub> − n/|D<sub>i</sub>|)/(n − n/|D<sub>i</sub>|) (0 when
 * |D<sub>i</sub>| = 1); Loss = (∏(1 + L<sub>i</sub>))<sup>1/d</sup> − 1. S<sub>i</sub> is computed as its
 * precomputed no-suppression value plus, per suppressed record, 1 minus the share it would have had, so a node
 * without suppression scores exactly its lower bound.
 *
 * <p>Non-uniform entropy (Prasser et al., as in ARX; after Gionis and Tassa 2009): Σ over QIs and records of
 * log2(f(label)/f(value)), with f counted over the input; a suppressed value counts as generalised to all
 * records, log2(n/f(value)).
 */
final class Metrics {
    private static final double LN2 = Math.log(2);
    private Metrics() {
    }

    static double loss(double[] shareSums, Encoded encoded) {
        double n = encoded.records;
        double product = 1;
        for (int i = 0; i < shareSums.length; i++) {
            int domainSize = encoded.hierarchies[i].leafCount();
            double normalised = 0;
            if (domainSize > 1 && n > 0) {
                double minimum = n / domainSize;
                normalised = (shareSums[i] - minimum) / (n - minimum);
            }
            product *= 1 + normalised;
        }
        return Math.pow(product, 1.0 / shareSums.length) - 1;
    }

    static Evaluation evaluate(Encoded encoded, Grouping grouping, Criteria criteria, QualityMetric metric,
                               long maxSuppressed) {
        int classCount = grouping.classCount();
        int[] classSize = grouping.classSize();
        boolean[] failing = new boolean[classCount];
        for (int c = 0; c < classCount; c++) {
            failing[c] = classSize[c] < criteria.k();
        }
        for (Criteria.DistinctCheck check : criteria.distinct()) {
            markDiversity(encoded, grouping, check.sensitive(), failing, check.l(), Double.NaN);
        }
        for (Criteria.EntropyCheck check : criteria.entropy()) {
            markDiversity(encoded, grouping, check.sensitive(), failing, 0, check.l());
        }
        long suppressed = 0;
        double sumOfSquares = 0;
        double publishedSquares = 0;
        for (int c = 0; c < classCount; c++) {
            double size = classSize[c];
            sumOfSquares += size * size;
            if (failing[c]) {
                suppressed += classSize[c];
            } else {
                publishedSquares += size * size;
            }
        }
        boolean acceptable = suppressed <= maxSuppressed;
        // A failing node's score is never used: skip the pass over its suppressed rows.
        double loss = acceptable ? lossWithSuppression(encoded, grouping, failing, suppressed) : Double.NaN;
        double n = encoded.records;
        double score;
        double bound;
        if (metric == QualityMetric.LOSS) {
            score = loss;
            bound = lossWithSuppression(encoded, grouping, failing, 0);
        } else if (metric == QualityMetric.NON_UNIFORM_ENTROPY) {
            bound = staticEntropy(encoded, grouping.table().levels());
            score = acceptable ? bound + suppressionEntropy(encoded, grouping, failing) : Double.NaN;
        } else {
            score = acceptable ? publishedSquares + suppressed * n : Double.NaN;
            bound = sumOfSquares;
        }
        return new Evaluation(grouping, failing, suppressed, acceptable, score, loss, bound);
    }

    static double log2(double x) {
        return Math.log(x) / LN2;
    }

    /** Non-uniform entropy without suppression: Σ over QIs of Σ over records of log2(f(label)/f(value)). */
    static double staticEntropy(Encoded encoded, int[] levels) {
        double sum = 0;
        for (int i = 0; i < encoded.qis; i++) {
            sum += encoded.staticEntropy[i][levels[i]];
        }
        return sum;
    }

    /**
     * What suppression adds to the non-uniform entropy: a suppressed value costs log2(n/f(value)) instead of
     * log2(f(label)/f(value)), that is log2(n/f(label)) more, never negative.
     */
    private static double suppressionEntropy(Encoded encoded, Grouping grouping, boolean[] failing) {
        ClassTable table = grouping.table();
        int[] levels = table.levels();
        int[] classOfRow = grouping.classOfRow();
        double n = encoded.records;
        double sum = 0;
        for (int row = 0; row < table.rows(); row++) {
            if (!failing[classOfRow[row]]) {
                continue;
            }
            for (int i = 0; i < encoded.qis; i++) {
                int code = encoded.generalised[i][levels[i]][table.columns()[i][row]];
                sum += table.counts()[row] * log2(n / encoded.labelFrequency[i][levels[i]][code]);
            }
        }
        return sum;
    }

    /** Loss of the grouping with the failing classes suppressed (or none, when {@code suppressed} is 0). */
    private static double lossWithSuppression(Encoded encoded, Grouping grouping, boolean[] failing,
                                              long suppressed) {
        int qis = encoded.qis;
        int[] levels = grouping.table().levels();
        double[] sums = new double[qis];
        for (int i = 0; i < qis; i++) {
            sums[i] = encoded.staticShareSum[i][levels[i]];
        }
        if (suppressed > 0) {
            ClassTable table = grouping.table();
            int[] counts = table.counts();
            int[] classOfRow = grouping.classOfRow();
            for (int row = 0; row < table.rows(); row++) {
                if (!failing[classOfRow[row]]) {
                    continue;
                }
                for (int i = 0; i < qis; i++) {
                    int leaf = table.columns()[i][row];
                    int code = encoded.generalised[i][levels[i]][leaf];
                    double share = encoded.hierarchies[i].coveredLeaves(levels[i])[code]
                            / (double) encoded.hierarchies[i].leafCount();
                    sums[i] += counts[row] * (1 - share);
                }
            }
        }
        return loss(sums, encoded);
    }

    /**
     * Marks classes failing an l-diversity check: distinct (when {@code entropyL} is NaN) needs at least
     * {@code distinctL} distinct sensitive values; entropy needs −Σ p ln p ≥ ln(entropyL).
     */
    private static void markDiversity(Encoded encoded, Grouping grouping, int sensitive, boolean[] failing,
                                      int distinctL, double entropyL) {
        ClassTable table = grouping.table();
        int rows = table.rows();
        int[] classOfRow = grouping.classOfRow();
        long sensitiveDomain = encoded.sensitiveDomain[sensitive];
        long[] pairKeys = new long[rows];
        for (int row = 0; row < rows; row++) {
            pairKeys[row] = classOfRow[row] * sensitiveDomain + table.columns()[encoded.qis + sensitive][row];
        }
        int[] distinctOut = new int[1];
        int[] pairOfRow = encoded.denseIds(pairKeys, rows, grouping.classCount() * sensitiveDomain, distinctOut);
        int pairs = distinctOut[0];
        long[] pairCount = new long[pairs];
        int[] pairClass = new int[pairs];
        for (int row = 0; row < rows; row++) {
            pairCount[pairOfRow[row]] += table.counts()[row];
            pairClass[pairOfRow[row]] = classOfRow[row];
        }
        int classCount = grouping.classCount();
        int[] distinct = new int[classCount];
        double[] countLogCount = new double[classCount];
        for (int pair = 0; pair < pairs; pair++) {
            distinct[pairClass[pair]]++;
            countLogCount[pairClass[pair]] += pairCount[pair] * Math.log((double) pairCount[pair]);
        }
        int[] classSize = grouping.classSize();
        for (int c = 0; c < classCount; c++) {
            if (Double.isNaN(entropyL)) {
                failing[c] |= distinct[c] < distinctL;
            } else {
                // H = −Σ (c_v/N) ln(c_v/N) = ln N − (Σ c_v ln c_v)/N; the tolerance keeps a class of exactly
                // l equally frequent values from failing on rounding.
                double entropy = Math.log(classSize[c]) - countLogCount[c] / classSize[c];
                failing[c] |= entropy < Math.log(entropyL) - 1e-12;
            }
        }
    }
}
