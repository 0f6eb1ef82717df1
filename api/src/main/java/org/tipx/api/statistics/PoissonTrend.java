package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The average annual change of a protected count, or of its rate when populations are given, from a
 * log-linear regression fitted by (quasi-)maximum likelihood:
 *
 * <pre>log E[count_t] = α + β·(t − t0) + log(population_t),   Var[count_t] = φ·E[count_t]</pre>
 *
 * (the log-population term is an offset with coefficient 1, left out when no populations are
 * given). β is the Poisson maximum-likelihood estimate; its interval is quasi-Poisson: the Poisson
 * standard error times √φ, with φ estimated from the Pearson residuals, and a Student t quantile on
 * {@code n − 2} degrees of freedom since φ is estimated. Real counts of detected victims vary far
 * more than Poisson (agencies' campaigns, groups identified together) and the cell key noise adds
 * its own variance; a Poisson interval would then be far too narrow. φ is floored at 1: protected
 * counts vary at least as much as Poisson ones, so a smaller estimate is chance, and an interval
 * narrower than Poisson would claim a precision the data cannot have. The annual change is
 * {@code exp(β) − 1} with the interval {@code exp(β ± t·√φ·se) − 1}. {@code t0} is the mean of the
 * years used: centring does not change β, it only keeps the iterations well conditioned.
 *
 * <p>Years with a withheld count, or (with populations) without a population, are left out rather
 * than imputed: the fit uses only published figures. Fewer than {@value #MIN_YEARS} usable years
 * give no trend, since two points leave no degree of freedom to judge the fit. Nor do counts that
 * are all zero, or a series whose maximum-likelihood β is infinite (zeros and then counts, for
 * instance 0, 0, 5): its information matrix becomes singular and no finite interval exists.
 * Stateless and thread-safe.
 */
public final class PoissonTrend {

    /** The fewest usable years a trend is fitted on. */
    public static final int MIN_YEARS = 3;

    /** Pearson χ²/df above this marks the counts as more variable than Poisson. */
    public static final double OVERDISPERSION_THRESHOLD = 1.5;

    static final int MAX_ITERATIONS = 100;
    private static final double DEVIANCE_TOLERANCE = 1e-10;

    private PoissonTrend() {
    }

    /**
     * A fitted trend. {@code annualChange} is {@code exp(β) − 1} (0.05 = +5 % a year), with its 95 %
     * Wald interval; {@code years} is the number of years used; {@code converged} is false when the
     * iterations stopped at their limit of {@value PoissonTrend#MAX_ITERATIONS} before the deviance
     * settled, so the estimate should not be published as is. {@code pearsonDispersion} is Pearson
     * χ² over its degrees of freedom, the estimate of φ; {@code dispersion} is the φ the interval
     * used, {@code max(1, pearsonDispersion)}; see {@link #overdispersed()}.
     */
    public record Trend(double annualChange, double lower95, double upper95, int years, boolean converged,
                        double pearsonDispersion, double dispersion) {

        /**
         * True when the counts vary clearly more than a Poisson model allows (Pearson χ²/df above
         * {@value PoissonTrend#OVERDISPERSION_THRESHOLD}). The interval accounts for it already; the
         * flag tells a reader that the years scatter widely around the trend line.
         */
        public boolean overdispersed() {
            return pearsonDispersion > OVERDISPERSION_THRESHOLD;
        }
    }

    /** The trend of the counts themselves (no population offset). */
    public static Optional<Trend> ofCounts(List<YearValue> counts) {
        return fit(counts, year -> OptionalLong.of(1), false);
    }

    /**
     * The trend of the rate per population: the counts with {@code log(population_t)} as offset.
     * {@code populationOfYear} is for instance {@code year -> population.of(iso2, year)}.
     */
    public static Optional<Trend> ofRates(List<YearValue> counts, IntFunction<OptionalLong> populationOfYear) {
        return fit(counts, Objects.requireNonNull(populationOfYear, "populationOfYear"), true);
    }

    private static Optional<Trend> fit(List<YearValue> counts, IntFunction<OptionalLong> populationOfYear, boolean withOffset) {
        List<double[]> rows = new ArrayList<>(); // {year, count, offset}
        for (YearValue value : Rates.byYear(counts).values()) {
            OptionalLong population = populationOfYear.apply(value.year());
            if (value.protectedCount().isEmpty() || population.isEmpty()) {
                continue;
            }
            if (population.getAsLong() <= 0) {
                throw new IllegalArgumentException("population must be positive, was " + population.getAsLong() + " for year " + value.year());
            }
            double offset = withOffset ? Math.log((double) population.getAsLong()) : 0.0;
            rows.add(new double[] {value.year(), value.protectedCount().getAsLong(), offset});
        }
        int n = rows.size();
        double countSum = rows.stream().mapToDouble(row -> row[1]).sum();
        // With every count zero α runs off to −∞ and β is not identified at all: there is no trend to report.
        if (n < MIN_YEARS || countSum == 0) {
            return Optional.empty();
        }
        double t0 = rows.stream().mapToDouble(row -> row[0]).average().orElseThrow();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] offset = new double[n];
        double exposure = 0;
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i)[0] - t0;
            y[i] = rows.get(i)[1];
            offset[i] = rows.get(i)[2];
            exposure += Math.exp(offset[i]);
        }
        // Start from a flat trend at the overall rate, the usual starting point of a Poisson GLM.
        double alpha = Math.log(countSum / exposure);
        double beta = 0;
        double deviance = deviance(y, fitted(x, offset, alpha, beta));
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] mu = fitted(x, offset, alpha, beta);
            // One IRLS step: weighted least squares of the working response z on (1, x) with weights μ,
            // the Newton–Raphson step for the Poisson log likelihood with canonical link.
            RealMatrix design = new Array2DRowRealMatrix(n, 2);
            RealVector weightedResponse = new ArrayRealVector(n);
            RealMatrix weightedDesign = new Array2DRowRealMatrix(n, 2);
            for (int i = 0; i < n; i++) {
                double eta = alpha + beta * x[i];
                double z = eta + (y[i] - mu[i]) / mu[i];
                design.setEntry(i, 0, 1);
                design.setEntry(i, 1, x[i]);
                weightedDesign.setEntry(i, 0, mu[i]);
                weightedDesign.setEntry(i, 1, mu[i] * x[i]);
                weightedResponse.setEntry(i, mu[i] * z);
            }
            DecompositionSolver solver = new LUDecomposition(design.transpose().multiply(weightedDesign)).getSolver();
            if (!solver.isNonSingular()) {
                return Optional.empty();
            }
            RealVector next = solver.solve(design.transpose().operate(weightedResponse));
            alpha = next.getEntry(0);
            beta = next.getEntry(1);
            if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
                return Optional.empty();
            }
            double nextDeviance = deviance(y, fitted(x, offset, alpha, beta));
            // The stopping rule of R's glm.fit: relative change in deviance.
            boolean settled = Math.abs(nextDeviance - deviance) / (Math.abs(nextDeviance) + 0.1) < DEVIANCE_TOLERANCE;
            deviance = nextDeviance;
            if (settled) {
                converged = true;
                break;
            }
        }
        double[] mu = fitted(x, offset, alpha, beta);
        DecompositionSolver solver = new LUDecomposition(informationAt(x, mu)).getSolver();
        if (!solver.isNonSingular()) {
            return Optional.empty();
        }
        double standardError = Math.sqrt(solver.getInverse().getEntry(1, 1));
        double pearson = 0;
        for (int i = 0; i < n; i++) {
            pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i];
        }
        double pearsonDispersion = pearson / (n - 2);
        double dispersion = Math.max(1.0, pearsonDispersion);
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975);
        double halfWidth = t * Math.sqrt(dispersion) * standardError;
        Trend trend = new Trend(
                Math.expm1(beta),
                Math.expm1(beta - halfWidth),
                Math.expm1(beta + halfWidth),
                n, converged, pearsonDispersion, dispersion);
        boolean finite = Double.isFinite(trend.annualChange()) && Double.isFinite(trend.lower95())
                && Double.isFinite(trend.upper95()) && Double.isFinite(pearsonDispersion);
        return finite ? Optional.of(trend) : Optional.empty();
    }

    /** μ_i = exp(offset_i + α + β·x_i). */
    private static double[] fitted(double[] x, double[] offset, double alpha, double beta) {
        double[] mu = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            mu[i] = Math.exp(offset[i] + alpha + beta * x[i]);
        }
        return mu;
    }

    /** The Fisher information XᵀWX for W = diag(μ); its inverse is the covariance of (α, β). */
    private static RealMatrix informationAt(double[] x, double[] mu) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < x.length; i++) {
            s0 += mu[i];
            s1 += mu[i] * x[i];
            s2 += mu[i] * x[i] * x[i];
        }
        return new Array2DRowRealMatrix(new double[][] {{s0, s1}, {s1, s2}});
    }

    /** The Poisson deviance 2·Σ[y·log(y/μ) − (y − μ)], with 0·log 0 = 0. */
    private static double deviance(double[] y, double[] mu) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double term = y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0;
            sum += term - (y[i] - mu[i]);
        }
        return 2 * sum;
    }
}
