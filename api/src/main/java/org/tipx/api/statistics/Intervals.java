package org.tipx.api.statistics;

import java.util.Optional;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * 95 % intervals for rates and shares of protected counts that account for the cell key noise as
 * well as for the chance variation of the counts. The noise is public: each published count is the
 * true one plus a perturbation of mean 0 and variance {@code V} ({@code PTableParameters.variance()}),
 * drawn independently for every cell. Stateless and thread-safe.
 */
public final class Intervals {

    private static final double Z_975 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

    private Intervals() {
    }

    /** A 95 % interval; {@code lower ≤ upper}. */
    public record Interval(double lower, double upper) {
        public Interval {
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("lower must not exceed upper, was " + lower + " > " + upper);
            }
        }

        /** True when {@code value} lies in the interval, bounds included. */
        public boolean contains(double value) {
            return lower <= value && value <= upper;
        }
    }

    /**
     * The 95 % interval of the expected count behind a published count {@code y}, whose variance is
     * taken as {@code dispersion·y + V}: Poisson variation scaled by the dispersion (at least 1) plus
     * the cell key noise. It is the gamma interval of Fay and Feuer (1997), built for rates whose
     * variance is not the Poisson one: a gamma with the count's mean and variance below, and, above,
     * one with a pseudo-count of weight 1 added, so that a count of 0 still has an upper bound. Divide
     * by the population (times 100,000) for a rate.
     */
    public static Interval count(long y, double dispersion, double noiseVariance) {
        if (y < 0 || !(dispersion >= 1) || !(noiseVariance >= 0)) {
            throw new IllegalArgumentException("need y ≥ 0, dispersion ≥ 1, variance ≥ 0");
        }
        double variance = dispersion * y + noiseVariance;
        double lower = 0;
        if (y > 0) {
            lower = new GammaDistribution(null, (double) y * y / variance, variance / y).inverseCumulativeProbability(0.025);
        }
        double w = 1;
        double upper = new GammaDistribution(null, (y + w) * (y + w) / (variance + w * w), (variance + w * w) / (y + w))
                .inverseCumulativeProbability(0.975);
        return new Interval(lower, upper);
    }

    /** {@link #count} scaled to a rate per 100,000 of {@code population}. */
    public static Interval ratePer100k(long y, long population, double dispersion, double noiseVariance) {
        if (population <= 0) {
            throw new IllegalArgumentException("population must be positive");
        }
        Interval count = count(y, dispersion, noiseVariance);
        double scale = Rates.PER / population;
        return new Interval(count.lower() * scale, count.upper() * scale);
    }

    /**
     * The 95 % interval of the proportion {@code p} behind the share {@code part / total} of two
     * published counts. Given the true total, the part is binomial; each count then carries its own
     * noise of variance {@code V}, so to first order
     *
     * <pre>Var(part/total) ≈ p(1 − p)/N + V(1 + p²)/N²</pre>
     *
     * with {@code N} the total. The interval is the set of {@code p} whose distance from the share is
     * within 1.96 of these standard deviations — Wilson's score interval, to which it reduces when
     * {@code V = 0}, solved as a quadratic in {@code p} — clipped to [0, 1]. Empty when the total is
     * too small for the noise to leave any information (the quadratic then opens downwards).
     */
    public static Optional<Interval> share(long part, long total, double noiseVariance) {
        if (part < 0 || total <= 0 || !(noiseVariance >= 0)) {
            throw new IllegalArgumentException("need part ≥ 0, total > 0, variance ≥ 0");
        }
        double n = total;
        double share = part / n;
        double z2 = Z_975 * Z_975;
        double a = n * n + z2 * n - z2 * noiseVariance;
        double b = -(2 * n * n * share + z2 * n);
        double c = n * n * share * share - z2 * noiseVariance;
        double discriminant = b * b - 4 * a * c;
        if (a <= 0 || discriminant < 0) {
            return Optional.empty();
        }
        double root = Math.sqrt(discriminant);
        double lower = Math.max(0, (-b - root) / (2 * a));
        double upper = Math.min(1, (-b + root) / (2 * a));
        if (lower > upper) {
            return Optional.empty();
        }
        return Optional.of(new Interval(lower, upper));
    }
}
