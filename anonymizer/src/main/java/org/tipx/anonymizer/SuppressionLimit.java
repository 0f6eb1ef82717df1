package org.tipx.anonymizer;

/** The one place that turns a suppression share into a record count, shared by the engine and the verifier. */
final class SuppressionLimit {
    private SuppressionLimit() {
    }

    /**
     * ⌊limit × records⌋, as ARX counts (adult: 5% of 30,162 allows 1,508). The tiny tolerance keeps a product
     * such as 0.29 × 100 = 28.999999999999996 from losing a record to rounding.
     */
    static long maxSuppressed(double limit, long records) {
        return Math.min(records, (long) Math.floor(limit * records + 1e-9));
    }
}
