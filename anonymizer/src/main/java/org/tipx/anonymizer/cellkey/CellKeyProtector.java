package org.tipx.anonymizer.cellkey;

/**
 * Protects cells of frequency tables with the cell key method: the true count is perturbed by the
 * p-table at the cell's key, then a published value below the threshold is withheld and flagged
 * (OBS_STATUS Q, CONF_STATUS A). Perturbed cells are not flagged one by one, since a flag would
 * tell which cells changed; say once per dataset that counts are perturbed.
 *
 * <p>Immutable and thread-safe.
 */
public final class CellKeyProtector {

    private final ProtectionParameters parameters;
    private final PTable ptable;

    /** Builds the maximum-entropy p-table once for these parameters. */
    public CellKeyProtector(ProtectionParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("protection parameters are required");
        }
        this.parameters = parameters;
        this.ptable = PTable.maximumEntropy(parameters.ptable());
    }

    /** A protector with D = 5, V = 3, js = 2 and threshold 10. */
    public static CellKeyProtector withDefaults() {
        return new CellKeyProtector(ProtectionParameters.DEFAULTS);
    }

    /** The parameters in force. */
    public ProtectionParameters parameters() {
        return parameters;
    }

    /** The p-table in force. */
    public PTable ptable() {
        return ptable;
    }

    /**
     * The publishable form of a cell with this true count and cell key (0..4095).
     *
     * @throws IllegalArgumentException if the count is negative or too large for the table, or
     *                                  the key is out of range (the message quotes the bad value)
     */
    public ProtectedCell protect(long trueCount, int cellKey) {
        int published = perturb(trueCount, cellKey);
        return published < parameters.threshold() ? ProtectedCell.withheld() : ProtectedCell.published(published);
    }

    /**
     * True when {@link #protect} withholds this cell: the same decision, without building the
     * published form (rules that look at many cells ask it often).
     */
    public boolean withholds(long trueCount, int cellKey) {
        if (trueCount >= (long) parameters.threshold() + ptable.maxPerturbation()) {
            // No perturbation takes it below the threshold: skip the lookup (the same decision).
            CellKeys.requireKey(cellKey);
            return false;
        }
        return perturb(trueCount, cellKey) < parameters.threshold();
    }

    private int perturb(long trueCount, int cellKey) {
        long limit = (long) Integer.MAX_VALUE - ptable.maxPerturbation();
        if (trueCount < 0 || trueCount > limit) {
            throw new IllegalArgumentException("true count must be in 0.." + limit + ", was " + trueCount);
        }
        return ptable.perturb((int) trueCount, cellKey);
    }

    /** The publishable form of an accumulated cell. */
    public ProtectedCell protect(CellKeyAccumulator cell) {
        return protect(cell.count(), cell.cellKey());
    }
}
