package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.anonymizer.cellkey.PTableParameters;

class IntervalsTest {

    private static final PTable PTABLE = PTable.maximumEntropy(PTableParameters.DEFAULTS);
    private static final double V = PTableParameters.DEFAULTS.variance();
    private static final int THRESHOLD = 10;

    @Test
    void withoutNoise_theShareIntervalIsWilsons() {
        // Wilson's score interval for 30 of 100 at 95 %, worked out by hand:
        // centre (0.3 + z²/200)/(1 + z²/100), half-width z·√(0.3·0.7/100 + z²/40000)/(1 + z²/100), z = 1.959964.
        Intervals.Interval wilson = Intervals.share(30, 100, 0).orElseThrow();
        assertEquals(0.219, wilson.lower(), 5e-4);
        assertEquals(0.396, wilson.upper(), 5e-4);
    }

    @Test
    void theCellKeyNoiseWidensTheShareInterval() {
        Intervals.Interval plain = Intervals.share(12, 40, 0).orElseThrow();
        Intervals.Interval noisy = Intervals.share(12, 40, V).orElseThrow();
        assertTrue(noisy.lower() < plain.lower() && noisy.upper() > plain.upper(), plain + " vs " + noisy);
    }

    @Test
    void aShareAboveOneStillHasAnIntervalWithinZeroAndOne() {
        // Parts and totals are perturbed on their own: 21 of 20 can be published.
        Intervals.Interval interval = Intervals.share(21, 20, V).orElseThrow();
        assertEquals(1.0, interval.upper());
        assertTrue(interval.lower() > 0.6 && interval.lower() < 1, interval.toString());
    }

    @Test
    void aTotalTooSmallForTheNoiseHasNoShareInterval() {
        // N² + z²N − z²V ≤ 0: with V = 50, a total of 5 carries no information on the share.
        assertEquals(Optional.empty(), Intervals.share(2, 5, 50));
    }

    @Test
    void theRateIntervalHoldsTheRateAndWidensWithNoiseAndDispersion() {
        Intervals.Interval poisson = Intervals.count(50, 1, 0);
        Intervals.Interval noisy = Intervals.count(50, 1, V);
        Intervals.Interval dispersed = Intervals.count(50, 4, V);
        assertTrue(poisson.contains(50));
        assertTrue(noisy.upper() - noisy.lower() > poisson.upper() - poisson.lower());
        assertTrue(dispersed.upper() - dispersed.lower() > 1.8 * (noisy.upper() - noisy.lower()));
        // Close to the exact Poisson (Garwood) interval for 50 without noise: 37.11 to 65.92.
        assertEquals(37.11, poisson.lower(), 0.05);
        assertEquals(65.92, poisson.upper(), 0.2);
        Intervals.Interval rate = Intervals.ratePer100k(50, 2_000_000, 1, V);
        assertEquals(noisy.lower() / 20, rate.lower(), 1e-12);
        assertEquals(noisy.upper() / 20, rate.upper(), 1e-12);
    }

    @Test
    void aCountOfZeroHasAnUpperBound() {
        Intervals.Interval zero = Intervals.count(0, 1, V);
        assertEquals(0.0, zero.lower());
        assertTrue(zero.upper() > 3 && zero.upper() < 20, zero.toString());
    }

    @Test
    void refusesMeaninglessInput() {
        assertThrows(IllegalArgumentException.class, () -> Intervals.share(1, 0, V));
        assertThrows(IllegalArgumentException.class, () -> Intervals.count(5, 0.5, V));
        assertThrows(IllegalArgumentException.class, () -> Intervals.ratePer100k(5, 0, 1, V));
    }

    /**
     * The share of a category (probability {@code p}) among an overdispersed number of persons: the
     * total is negative binomial (a Poisson whose mean is gamma-distributed, variance
     * {@code mean + mean²/k}, here three times the mean), the part binomial given the total, and both
     * are perturbed by the default p-table (D = 5, V = 3) with independent cell keys and withheld below
     * 10, as a release publishes them. The 95 % interval must hold {@code p} in 93–97 % of the runs
     * in which both counts are published.
     */
    @ParameterizedTest
    @CsvSource({"80, 0.3, 1", "40, 0.5, 2", "250, 0.1, 3"})
    void shareIntervalsCoverTheTrueProportionIn93To97PercentOfSeededRuns(double meanTotal, double p, long seed) {
        RandomGenerator random = new Well19937c(seed);
        double k = meanTotal / 2; // variance = mean + mean²/k = 3 × mean
        int published = 0;
        int covered = 0;
        for (int run = 0; run < 1500; run++) {
            double lambda = new GammaDistribution(random, k, meanTotal / k).sample();
            int total = new PoissonDistribution(random, lambda, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
            int part = total == 0 ? 0 : new BinomialDistribution(random, total, p).sample();
            int publishedTotal = PTABLE.perturb(total, random.nextInt(PTable.KEY_SPACE));
            int publishedPart = PTABLE.perturb(part, random.nextInt(PTable.KEY_SPACE));
            if (publishedTotal < THRESHOLD || publishedPart < THRESHOLD) {
                continue; // withheld: no share is published
            }
            published++;
            Optional<Intervals.Interval> interval = Intervals.share(publishedPart, publishedTotal, V);
            if (interval.isPresent() && interval.get().contains(p)) {
                covered++;
            }
        }
        double coverage = covered / (double) published;
        assertTrue(published > 1000, "published shares: " + published);
        assertTrue(coverage >= 0.93 && coverage <= 0.97, "coverage " + coverage + " over " + published + " runs");
    }
}
