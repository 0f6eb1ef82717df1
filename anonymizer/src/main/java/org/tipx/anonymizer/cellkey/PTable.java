package org.tipx.anonymizer.cellkey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A perturbation table (p-table) for the cell key method: for each original count i, the
 * distribution of the published value j, and the cumulative intervals a cell key selects from.
 *
 * <h2>Layout</h2>
 * As in the ptable package of Destatis and Statistik Austria, the table has one row for each
 * original count 0, 1, ..., {@link #genericRow()} = D + js + 1. The rows below the generic row are
 * special because their support is cut by zero and by the gap 1..js; the generic row serves every
 * larger count, shifted: P(i + d | i) = P(g + d | g) for i &ge; g.
 *
 * <h2>Construction</h2>
 * Row 0 publishes 0 with probability 1: zeros stay zeros (and, with the gap, no published value
 * in 1..js ever comes from a zero). A row i &ge; 1 lives on the support
 * S_i = { j : max(0, i - D) &le; j &le; i + D, j = 0 or j &gt; js } and has mean i (unbiased) and
 * variance V. Among such laws it takes the one of maximum entropy, which has the form
 * p_j &prop; exp(a (j - i) + b (j - i)^2); a and b are found by Levenberg-Marquardt on the two
 * moment equations (analytic Jacobian: the covariance of (j - i, (j - i)^2)), polished by Newton
 * steps solved with an LU decomposition.
 * When V lies outside the variances that a law on S_i with mean i can have (small rows with a
 * large gap, or V close to the largest possible), the row takes the attainable variance closest
 * to V; that extreme is reached by a unique two-point law (on the ends of S_i for the largest
 * variance, on the two support points around i for the smallest), which keeps the row unbiased.
 * With {@code pStay}, a row i &gt; js keeps i with that probability and spreads the rest with
 * maximum entropy over S_i without i, with variance V / (1 - pStay), so the row's variance is V.
 *
 * <h2>Lookup</h2>
 * A cell key k in 0..4095 stands for the point u = (k + 0.5) / 4096 of [0, 1). The published
 * value is the smallest j of the row whose cumulative probability P(J &le; j | i) exceeds u,
 * i.e. the j whose interval [lower, upper) contains u (a row's last upper bound is exactly 1).
 *
 * <p>Immutable and thread-safe.
 */
public final class PTable {

    /** Number of distinct record and cell keys (ONS: 0..4095). */
    public static final int KEY_SPACE = 4096;

    private static final double MOMENT_TOLERANCE = 1e-13;

    private final PTableParameters parameters;
    /** Per row: the published values with positive probability, ascending. */
    private final int[][] published;
    private final double[][] probabilities;
    /** Per row: the upper ends of the cumulative intervals; the last is exactly 1. */
    private final double[][] upperBounds;

    private PTable(PTableParameters parameters, int[][] published, double[][] probabilities) {
        this.parameters = parameters;
        this.published = published;
        this.probabilities = probabilities;
        this.upperBounds = new double[published.length][];
        for (int row = 0; row < published.length; row++) {
            double[] upper = new double[probabilities[row].length];
            double sum = 0;
            for (int k = 0; k < upper.length; k++) {
                sum += probabilities[row][k];
                upper[k] = sum;
            }
            // Rounding must never leave a key without a published value.
            upper[upper.length - 1] = 1.0;
            upperBounds[row] = upper;
        }
    }

    /**
     * Builds the maximum-entropy p-table for the given parameters.
     *
     * @throws IllegalArgumentException if a row cannot be built (messages quote the parameters)
     */
    public static PTable maximumEntropy(PTableParameters parameters) {
        int rows = genericRow(parameters) + 1;
        int[][] published = new int[rows][];
        double[][] probabilities = new double[rows][];
        for (int i = 0; i < rows; i++) {
            Distribution row = buildRow(i, parameters);
            published[i] = row.support();
            probabilities[i] = row.probabilities();
        }
        return new PTable(parameters, published, probabilities);
    }

    /** The parameters this table was built from. */
    public PTableParameters parameters() {
        return parameters;
    }

    /** D: the largest change of a count. */
    public int maxPerturbation() {
        return parameters.maxPerturbation();
    }

    /** The first row that serves every larger original count as well (D + js + 1). */
    public int genericRow() {
        return genericRow(parameters);
    }

    /** P(published | original); 0 outside the row's support. */
    public double probability(int original, int published) {
        int row = row(original);
        int shift = original - row;
        int[] support = this.published[row];
        for (int k = 0; k < support.length; k++) {
            if (support[k] + shift == published) {
                return probabilities[row][k];
            }
        }
        return 0.0;
    }

    /** E[published | original]: equals the original count (up to rounding) on every unbiased row. */
    public double mean(int original) {
        int row = row(original);
        return rowMean(row) + (original - row);
    }

    /** Var[published | original]. */
    public double variance(int original) {
        int row = row(original);
        double mean = rowMean(row);
        double sum = 0;
        for (int k = 0; k < published[row].length; k++) {
            double d = published[row][k] - mean;
            sum += probabilities[row][k] * d * d;
        }
        return sum;
    }

    /**
     * The published value for an original count and a cell key (see the class comment for the
     * rule). Deterministic: the same count and key always give the same value.
     */
    public int perturb(int originalCount, int cellKey) {
        int row = row(originalCount);
        CellKeys.requireKey(cellKey);
        double u = (cellKey + 0.5) / KEY_SPACE;
        double[] upper = upperBounds[row];
        int k = 0;
        while (u >= upper[k]) {
            k++;
        }
        return published[row][k] + (originalCount - row);
    }

    /** The whole table, row by row and by ascending published value, as the ptable package lists it. */
    public List<PTableEntry> entries() {
        List<PTableEntry> entries = new ArrayList<>();
        for (int row = 0; row < published.length; row++) {
            double lower = 0;
            for (int k = 0; k < published[row].length; k++) {
                entries.add(new PTableEntry(row, published[row][k], probabilities[row][k], lower,
                        upperBounds[row][k]));
                lower = upperBounds[row][k];
            }
        }
        return List.copyOf(entries);
    }

    private double rowMean(int row) {
        double sum = 0;
        for (int k = 0; k < published[row].length; k++) {
            sum += probabilities[row][k] * published[row][k];
        }
        return sum;
    }

    private int row(int original) {
        if (original < 0 || original > Integer.MAX_VALUE - maxPerturbation()) {
            throw new IllegalArgumentException("original count must be in 0.."
                    + (Integer.MAX_VALUE - maxPerturbation()) + ", was " + original);
        }
        return Math.min(original, genericRow());
    }

    private static int genericRow(PTableParameters p) {
        return p.maxPerturbation() + p.smallestPublishedNonZero() + 1;
    }

    // ---------------------------------------------------------------- construction of one row

    /** A discrete law: ascending support and probabilities of the same length. */
    private record Distribution(int[] support, double[] probabilities) {
    }

    private static Distribution buildRow(int i, PTableParameters p) {
        if (i == 0) {
            return new Distribution(new int[] {0}, new double[] {1.0});
        }
        int js = p.smallestPublishedNonZero();
        int[] support = IntStream.rangeClosed(Math.max(0, i - p.maxPerturbation()), i + p.maxPerturbation())
                .filter(j -> j == 0 || j > js)
                .toArray();
        if (p.pStay().isEmpty() || i <= js) {
            return closestToVariance(support, i, p.variance(), p);
        }
        double stay = p.pStay().getAsDouble();
        int[] rest = Arrays.stream(support).filter(j -> j != i).toArray();
        // The unchanged value adds nothing to the variance around i, so the rest carries V / (1 - pStay).
        Distribution moving = closestToVariance(rest, i, p.variance() / (1 - stay), p);
        double[] probabilities = new double[support.length];
        probabilities[Arrays.binarySearch(support, i)] = stay;
        for (int k = 0; k < moving.support().length; k++) {
            probabilities[Arrays.binarySearch(support, moving.support()[k])] = (1 - stay) * moving.probabilities()[k];
        }
        return withoutZeros(support, probabilities);
    }

    /**
     * The maximum-entropy law on {@code support} with mean {@code mean} and variance
     * {@code target}, or the two-point law of the attainable variance closest to it.
     */
    private static Distribution closestToVariance(int[] support, int mean, double target, PTableParameters p) {
        int lowest = support[0];
        int highest = support[support.length - 1];
        if (lowest >= mean || highest <= mean) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "no unbiased row for count %d with %s: support %s does not surround it",
                    mean, p, Arrays.toString(support)));
        }
        // The support points nearest to the mean from below and from above (the mean itself if present).
        int below = Arrays.stream(support).filter(j -> j <= mean).max().orElseThrow();
        int above = Arrays.stream(support).filter(j -> j >= mean).min().orElseThrow();
        double largest = (double) (mean - lowest) * (highest - mean);
        double smallest = (double) (mean - below) * (above - mean);
        if (target >= largest * (1 - 1e-12)) {
            return twoPoint(support, lowest, highest, mean);
        }
        if (target <= smallest * (1 + 1e-12)) {
            return below == mean
                    ? twoPoint(support, mean, mean, mean)
                    : twoPoint(support, below, above, mean);
        }
        return maximumEntropyRow(support, mean, target, p);
    }

    private static Distribution twoPoint(int[] support, int low, int high, int mean) {
        double[] probabilities = new double[support.length];
        if (low == high) {
            probabilities[Arrays.binarySearch(support, low)] = 1.0;
        } else {
            double upper = (double) (mean - low) / (high - low);
            probabilities[Arrays.binarySearch(support, low)] = 1 - upper;
            probabilities[Arrays.binarySearch(support, high)] = upper;
        }
        return withoutZeros(support, probabilities);
    }

    private static Distribution withoutZeros(int[] support, double[] probabilities) {
        int[] keep = IntStream.range(0, support.length).filter(k -> probabilities[k] > 0).toArray();
        return new Distribution(Arrays.stream(keep).map(k -> support[k]).toArray(),
                Arrays.stream(keep).mapToDouble(k -> probabilities[k]).toArray());
    }

    private static Distribution maximumEntropyRow(int[] support, int mean, double target, PTableParameters p) {
        double[] offsets = Arrays.stream(support).mapToDouble(j -> j - mean).toArray();
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {0, 0})
                .model(point -> momentResiduals(offsets, target, point))
                .target(new double[] {0, 0})
                .maxEvaluations(10_000)
                .maxIterations(10_000)
                .build();
        RealVector coefficients;
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer()
                    .withCostRelativeTolerance(1e-15)
                    .withParameterRelativeTolerance(1e-15)
                    .optimize(problem);
            coefficients = optimum.getPoint();
        } catch (MathIllegalStateException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maximum-entropy row for count %d with %s could not be solved: %s", mean, p, e.getMessage()), e);
        }
        // Newton polish: near the root the moment equations are smooth and their Jacobian (a
        // covariance matrix) is positive definite, so a few steps reach machine precision.
        for (int step = 0; step < 20; step++) {
            Pair<RealVector, RealMatrix> value = momentResiduals(offsets, target, coefficients);
            if (value.getFirst().getLInfNorm() < MOMENT_TOLERANCE) {
                break;
            }
            RealVector delta = new LUDecomposition(value.getSecond()).getSolver().solve(value.getFirst());
            coefficients = coefficients.subtract(delta);
        }
        double[] probabilities = weights(offsets, coefficients);
        Pair<RealVector, RealMatrix> check = momentResiduals(offsets, target, coefficients);
        if (!(check.getFirst().getLInfNorm() < 1e-11)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maximum-entropy row for count %d with %s did not converge (moment residuals %s)",
                    mean, p, check.getFirst()));
        }
        return withoutZeros(support, probabilities);
    }

    /** Normalised weights exp(a d + b d^2), computed relative to their largest exponent. */
    private static double[] weights(double[] offsets, RealVector coefficients) {
        double a = coefficients.getEntry(0);
        double b = coefficients.getEntry(1);
        double[] exponents = Arrays.stream(offsets).map(d -> a * d + b * d * d).toArray();
        double max = Arrays.stream(exponents).max().orElseThrow();
        double[] weights = Arrays.stream(exponents).map(e -> Math.exp(e - max)).toArray();
        double sum = Arrays.stream(weights).sum();
        return Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    /**
     * Residuals (E[d], E[d^2] - target) of the law exp(a d + b d^2) and their Jacobian with
     * respect to (a, b), which is the covariance matrix of (d, d^2).
     */
    private static Pair<RealVector, RealMatrix> momentResiduals(double[] offsets, double target, RealVector point) {
        double[] w = weights(offsets, point);
        double m1 = 0;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (int k = 0; k < offsets.length; k++) {
            double d = offsets[k];
            double d2 = d * d;
            m1 += w[k] * d;
            m2 += w[k] * d2;
            m3 += w[k] * d2 * d;
            m4 += w[k] * d2 * d2;
        }
        RealVector residuals = new ArrayRealVector(new double[] {m1, m2 - target});
        RealMatrix jacobian = new Array2DRowRealMatrix(new double[][] {
                {m2 - m1 * m1, m3 - m1 * m2},
                {m3 - m1 * m2, m4 - m2 * m2}});
        return new Pair<>(residuals, jacobian);
    }
}
