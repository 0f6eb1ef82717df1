package org.tipx.anonymizer.cellkey;

import java.util.OptionalLong;

/**
 * What may be published about one cell: the perturbed value, or nothing with the flags that say
 * it was withheld. The true count and the cell key are deliberately not part of it.
 *
 * @param value      the perturbed count, empty when withheld
 * @param obsStatus  {@link ObsStatus#NORMAL} with a value, {@link ObsStatus#MISSING_SUPPRESSED} without
 * @param confStatus {@link ConfStatus#FREE} with a value, {@link ConfStatus#PRIMARY_CONFIDENTIAL} without
 */
public record ProtectedCell(OptionalLong value, ObsStatus obsStatus, ConfStatus confStatus) {

    /** Checks that the flags agree with the presence of a value. */
    public ProtectedCell {
        if (value == null || obsStatus == null || confStatus == null) {
            throw new IllegalArgumentException("value, obsStatus and confStatus are required");
        }
        boolean published = value.isPresent();
        if (published != (obsStatus == ObsStatus.NORMAL) || published != (confStatus == ConfStatus.FREE)) {
            throw new IllegalArgumentException("flags " + obsStatus.code() + "/" + confStatus.code()
                    + (published ? " do not fit a published value" : " do not fit a withheld value"));
        }
        if (published && value.getAsLong() < 0) {
            throw new IllegalArgumentException("a published count must not be negative, was " + value.getAsLong());
        }
    }

    /** A published value, flagged normal and free. */
    public static ProtectedCell published(long value) {
        return new ProtectedCell(OptionalLong.of(value), ObsStatus.NORMAL, ConfStatus.FREE);
    }

    /** A withheld cell, flagged missing (suppressed) and primary confidential. */
    public static ProtectedCell withheld() {
        return new ProtectedCell(OptionalLong.empty(), ObsStatus.MISSING_SUPPRESSED, ConfStatus.PRIMARY_CONFIDENTIAL);
    }
}
