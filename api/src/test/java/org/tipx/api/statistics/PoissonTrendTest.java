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
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

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
        // r = exp(β); its root and the Wald interval from the inverse information were computed
        // independently (Brent's method in SciPy): r − 1 = 0.2264296, interval (−0.1768672, 0.8273232).
        PoissonTrend.Trend trend = PoissonTrend.ofCounts(List.of(
                YearValue.of(2020, 10), YearValue.of(2021, 12), YearValue.of(2022, 15))).orElseThrow();

        assertEquals(0.2264296, trend.annualChange(), 1e-6);
        assertEquals(-0.1768672, trend.lower95(), 1e-6);
        assertEquals(0.8273232, trend.upper95(), 1e-6);
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
