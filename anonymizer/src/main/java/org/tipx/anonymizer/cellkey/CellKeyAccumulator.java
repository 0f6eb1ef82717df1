package org.tipx.anonymizer.cellkey;

/**
 * Builds one cell in a single pass over records: its count and its cell key. Accumulators of
 * disjoint parts {@link #merge} into the accumulator of their union (for margins and parallel
 * streams).
 *
 * <p>Mutable and not thread-safe: give each thread its own accumulator and merge them.
 */
public final class CellKeyAccumulator {

    private long count;
    private int cellKey;

    /** Adds one record with the given record key (0..4095). */
    public CellKeyAccumulator add(int recordKey) {
        cellKey = CellKeys.combine(cellKey, recordKey);
        count++;
        return this;
    }

    /** Adds the records of a disjoint cell. */
    public CellKeyAccumulator merge(CellKeyAccumulator other) {
        cellKey = CellKeys.combine(cellKey, other.cellKey);
        count += other.count;
        return this;
    }

    /** The number of records added. */
    public long count() {
        return count;
    }

    /** The cell key: the sum of the record keys modulo 4096. */
    public int cellKey() {
        return cellKey;
    }

    /** Says nothing about the count or the key, so that a log line cannot leak them. */
    @Override
    public String toString() {
        return "CellKeyAccumulator";
    }
}
