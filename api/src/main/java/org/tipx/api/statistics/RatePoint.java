package org.tipx.api.statistics;

import java.util.Collections;
import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One year of a rate per 100,000 population. {@code ratePer100k} is empty exactly when the count or
 * the population is missing, and {@code flags} then says which.
 */
public record RatePoint(int year, OptionalLong count, OptionalLong population, OptionalDouble ratePer100k, Set<Flag> flags) {

    public RatePoint {
        if (count == null || population == null || ratePer100k == null || flags == null) {
            throw new IllegalArgumentException("RatePoint components must not be null (use empty optionals), year " + year);
        }
        // An EnumSet keeps the flags in declaration order, so they print and serialise the same way every time.
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
    }

    /** This point with {@code more} flags added. */
    public RatePoint withFlags(Set<Flag> more) {
        if (more.isEmpty()) {
            return this;
        }
        Set<Flag> all = EnumSet.copyOf(more);
        all.addAll(flags);
        return new RatePoint(year, count, population, ratePer100k, all);
    }

    /** True when {@code flag} is set. */
    public boolean has(Flag flag) {
        return flags.contains(flag);
    }
}
