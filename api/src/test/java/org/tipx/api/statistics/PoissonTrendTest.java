package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.anonymizer.cellkey.PTableParameters;

class PoissonTrendTest {

    private static final int FIRST_YEAR = 2012;
    private static final int YEARS = 10;

    /** A growing population, so that the offset matters: the rate trend differs from the count trend. */
    private static Map<Integer, Long> population() {
        Map<Integer, Long> population = new HashMap<>();
        for (int t = 0; t < YEARS; t++) {
            population.put(FIRST_YEAR + t, Math.round(20_000_000 * Math.pow(1.02, t)));
        }
        return population;
    }

    private static IntFunction<OptionalLong> lookup(Map<Integer, Long> population) {
        return year -> population.containsKey(year) ? OptionalLong.of(population.get(year)) : OptionalLong.empty();
    }

    private static double rate(double alpha, double beta, int t) {
        return Math.exp(alpha + beta * t);
    }

    @Test
    void recoversAKnownRateTrendFromExactExpectedCounts() {
        double alpha = Math.log(5e-4); // 50 per 100,000
        double beta = -0.07;
        Map<Integer, Long> population = population();
        List<YearValue> counts = new ArrayList<>();
        for (int t = 0; t < YEARS; t++) {
            counts.add(YearValue.of(FIRST_YEAR + t, Math.round(population.get(FIRST_YEAR + t) * rate(alpha, beta, t))));
        }

        PoissonTrend.Trend trend = PoissonTrend.ofRates(counts, lookup(population)).orElseThrow();

        assertEquals(Math.expm1(beta), trend.annualChange(), 1e-3);
        assertTrue(trend.converged());
        assertEquals(YEARS, trend.years());
        assertTrue(trend.lower95() < trend.annualChange() && trend.annualChange() < trend.upper95());
        assertFalse(trend.overdispersed());
    }

    @Test
    void withoutOffsetTheCountTrendIncludesPopulationGrowth() {
        double alpha = Math.log(5e-4);
        double beta = -0.07;
        Map<Integer, Long> population = population();
        List<YearValue> counts = new ArrayList<>();
        for (int t = 0; t < YEARS; t++) {
            counts.add(YearValue.of(FIRST_YEAR + t, Math.round(population.get(FIRST_YEAR + t) * rate(alpha, beta, t))));
        }

        PoissonTrend.Trend trend = PoissonTrend.ofCounts(counts).orElseThrow();

        // The counts grow by exp(β)·1.02 a year: the rate's trend times the population's.
        assertEquals(Math.exp(beta) * 1.02 - 1, trend.annualChange(), 1e-3);
    }

    @Test
    void trueTrendLiesInsideThe95PercentIntervalInAtLeast90PercentOfSeededReplicates() {
        double alpha = Math.log(2.5e-5); // 2.5 per 100,000: about 500 victims a year here
        double beta = 0.05;
        Map<Integer, Long> population = population();
        int replicates = 200;
        int covered = 0;
        for (int replicate = 0; replicate < replicates; replicate++) {
            Well19937c random = new Well19937c(1_000 + replicate);
            List<YearValue> counts = new ArrayList<>();
            for (int t = 0; t < YEARS; t++) {
                double mean = population.get(FIRST_YEAR + t) * rate(alpha, beta, t);
                int sample = new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
                        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                counts.add(YearValue.of(FIRST_YEAR + t, sample));
            }
            PoissonTrend.Trend trend = PoissonTrend.ofRates(counts, lookup(population)).orElseThrow();
            assertTrue(trend.converged());
            if (trend.lower95() <= Math.expm1(beta) && Math.expm1(beta) <= trend.upper95()) {
                covered++;
            }
        }

        assertTrue(covered >= 0.9 * replicates, "the true trend was covered in " + covered + " of " + replicates);
    }

    @Test
    void matchesTheClosedFormSolutionOfTheLikelihoodEquationsForThreeYears() {
        // For years −1, 0, 1 the score equations reduce to (r − 1/r)/(1/r + 1 + r) = (15 − 10)/37 with
        // r = exp(β); its root and the Poisson standard error from the inverse information were computed
        // independently (Brent's method in SciPy): r − 1 = 0.2264296, se(β) = 0.2034451. Pearson χ² is
        // 0.0033 on 1 degree of freedom, so the dispersion used is the floor 1 and the interval is
        // exp(β ± t₁·se) − 1 with t₁ = 12.7062: (−0.9075334, 15.266726).
        PoissonTrend.Trend trend = PoissonTrend.ofCounts(List.of(
                YearValue.of(2020, 10), YearValue.of(2021, 12), YearValue.of(2022, 15))).orElseThrow();

        assertEquals(0.2264296, trend.annualChange(), 1e-6);
        assertEquals(0.003333, trend.pearsonDispersion(), 1e-6);
        assertEquals(1.0, trend.dispersion());
        assertEquals(-0.9075334, trend.lower95(), 1e-6);
        assertEquals(15.266726, trend.upper95(), 1e-5);
    }

    /**
     * Counts more variable than Poisson, as real ones are: each year's count is Poisson with a
     * gamma-distributed mean (negative binomial, variance {@code μ + μ²/100}, about three times μ at
     * 200 victims a year), then perturbed by the default p-table (D = 5, V = 3) as a release publishes
     * it. Over 2,000 seeded runs of 10 years the quasi-Poisson 95 % interval must hold the true annual
     * change of the rate in 93–97 % of them; a Poisson interval would hold it in far fewer.
     */
    @Test
    void quasiPoissonIntervalsCoverTheTrueTrendIn93To97PercentOfSeededRunsWithNoiseAndOverdispersion() {
        PTable ptable = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        Map<Integer, Long> population = new HashMap<>();
        for (int t = 0; t < YEARS; t++) {
            population.put(FIRST_YEAR + t, Math.round(8_000_000 * Math.pow(1.01, t)));
        }
        double alpha = Math.log(2.5e-5);
        double beta = Math.log(1.04);
        double k = 100;
        int runs = 2_000;
        int covered = 0;
        int poissonCovered = 0;
        double dispersionSum = 0;
        RandomGenerator random = new Well19937c(20_261_205);
        for (int run = 0; run < runs; run++) {
            List<YearValue> counts = new ArrayList<>();
            for (int t = 0; t < YEARS; t++) {
                double mean = population.get(FIRST_YEAR + t) * rate(alpha, beta, t);
                double lambda = new GammaDistribution(random, k, mean / k).sample();
                int trueCount = new PoissonDistribution(random, lambda, PoissonDistribution.DEFAULT_EPSILON,
                        PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
                counts.add(YearValue.of(FIRST_YEAR + t, ptable.perturb(trueCount, random.nextInt(PTable.KEY_SPACE))));
            }
            PoissonTrend.Trend trend = PoissonTrend.ofRates(counts, lookup(population)).orElseThrow();
            dispersionSum += trend.pearsonDispersion();
            if (trend.lower95() <= Math.expm1(beta) && Math.expm1(beta) <= trend.upper95()) {
                covered++;
            }
            // The same fit with the plain Poisson interval (dispersion 1, normal quantile), for contrast.
            double halfWidth = (Math.log1p(trend.upper95()) - Math.log1p(trend.lower95())) / 2;
            double t8 = new TDistribution(null, YEARS - 2).inverseCumulativeProbability(0.975);
            double poissonHalfWidth = halfWidth / (t8 * Math.sqrt(trend.dispersion())) * 1.959964;
            double centre = Math.log1p(trend.annualChange());
            if (Math.abs(centre - beta) <= poissonHalfWidth) {
                poissonCovered++;
            }
        }
        double coverage = covered / (double) runs;
        assertTrue(dispersionSum / runs > 2, "the set-up is overdispersed: mean dispersion " + dispersionSum / runs);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "quasi-Poisson coverage " + coverage);
        assertTrue(poissonCovered / (double) runs < 0.85, "Poisson coverage " + poissonCovered / (double) runs);
    }

    @Test
    void fewerThanThreeUsableYearsGiveNoTrend() {
        assertTrue(PoissonTrend.ofCounts(List.of(YearValue.of(2020, 10), YearValue.of(2021, 12))).isEmpty());
        assertTrue(PoissonTrend.ofCounts(List.of()).isEmpty());
    }

    @Test
    void withheldYearsAndYearsWithoutPopulationAreLeftOut() {
        Map<Integer, Long> population = new HashMap<>(population());
        population.remove(FIRST_YEAR + 1);
        List<YearValue> counts = List.of(
                YearValue.of(FIRST_YEAR, 100),
                YearValue.of(FIRST_YEAR + 1, 110),
                YearValue.withheld(FIRST_YEAR + 2),
                YearValue.of(FIRST_YEAR + 3, 130));

        assertTrue(PoissonTrend.ofRates(counts, lookup(population)).isEmpty(), "only two usable years remain");

        PoissonTrend.Trend countTrend = PoissonTrend.ofCounts(counts).orElseThrow();
        assertEquals(3, countTrend.years());
    }

    @Test
    void allZeroCountsGiveNoTrend() {
        assertTrue(PoissonTrend.ofCounts(List.of(YearValue.of(2020, 0), YearValue.of(2021, 0), YearValue.of(2022, 0))).isEmpty());
    }

    @Test
    void aFlatSeriesHasNoChangeAndAnIntervalAcrossZero() {
        PoissonTrend.Trend trend = PoissonTrend.ofCounts(List.of(
                YearValue.of(2020, 100), YearValue.of(2021, 100), YearValue.of(2022, 100), YearValue.of(2023, 100))).orElseThrow();

        assertEquals(0.0, trend.annualChange(), 1e-9);
        assertTrue(trend.lower95() < 0 && trend.upper95() > 0);
        assertEquals(0.0, trend.pearsonDispersion(), 1e-9);
    }

    @Test
    void countsFarMoreVariableThanPoissonAreFlaggedOverdispersed() {
        PoissonTrend.Trend trend = PoissonTrend.ofCounts(List.of(
                YearValue.of(2018, 100), YearValue.of(2019, 400), YearValue.of(2020, 90),
                YearValue.of(2021, 380), YearValue.of(2022, 110))).orElseThrow();

        assertTrue(trend.overdispersed(), "dispersion " + trend.pearsonDispersion());
    }

    @Test
    void aTrendThatRunsOffToInfinityGivesNoTrend() {
        // Zeros then a count: the likelihood keeps rising as β grows, so there is no finite maximum.
        assertTrue(PoissonTrend.ofCounts(List.of(YearValue.of(2020, 0), YearValue.of(2021, 0), YearValue.of(2022, 5))).isEmpty());
    }
}
