package org.tipx.api.statistics;

import java.util.OptionalLong;

/**
 * One year of a protected (perturbed) count. An empty count means the cell was withheld because it
 * fell below the publication threshold; it is not zero and must never be treated as zero.
 */
public record YearValue(int year, OptionalLong protectedCount) {

    public YearValue {
        if (protectedCount == null) {
            throw new IllegalArgumentException("protectedCount must be present or OptionalLong.empty(), was null for year " + year);
        }
        if (protectedCount.isPresent() && protectedCount.getAsLong() < 0) {
            throw new IllegalArgumentException("a protected count cannot be negative, was " + protectedCount.getAsLong() + " for year " + year);
        }
    }

    /** A published count. */
    public static YearValue of(int year, long protectedCount) {
        return new YearValue(year, OptionalLong.of(protectedCount));
    }

    /** A count withheld below the threshold. */
    public static YearValue withheld(int year) {
        return new YearValue(year, OptionalLong.empty());
    }
}
