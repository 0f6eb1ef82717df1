package org.tipx.anonymizer.cellkey;

/**
 * How cells are protected: perturbation by a p-table, then a threshold below which published
 * values are withheld.
 *
 * @param ptable    the p-table parameters
 * @param threshold published values below this are withheld (ONS: 10); 0 or 1 withholds nothing
 *                  but zeros (threshold 1) or nothing at all (threshold 0)
 */
public record ProtectionParameters(PTableParameters ptable, int threshold) {

    /** The ONS threshold for published counts. */
    public static final int DEFAULT_THRESHOLD = 10;

    /** D = 5, V = 3, js = 2 and threshold 10. */
    public static final ProtectionParameters DEFAULTS =
            new ProtectionParameters(PTableParameters.DEFAULTS, DEFAULT_THRESHOLD);

    /** Validates; messages quote the bad value. */
    public ProtectionParameters {
        if (ptable == null) {
            throw new IllegalArgumentException("ptable parameters are required");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative, was " + threshold);
        }
    }
}
