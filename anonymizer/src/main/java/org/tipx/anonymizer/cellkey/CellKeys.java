package org.tipx.anonymizer.cellkey;

import java.util.stream.IntStream;

/**
 * Cell keys: a cell's key is the sum of its records' keys modulo 4096 (ONS, ABS). The same set
 * of records always gets the same key, however the cell was reached.
 */
public final class CellKeys {

    private CellKeys() {
    }

    /** The cell key of a cell holding records with these keys (each in 0..4095). */
    public static int cellKey(IntStream recordKeys) {
        return recordKeys.reduce(0, CellKeys::combine);
    }

    /** The key of the union of two disjoint cells with keys {@code a} and {@code b}. */
    public static int combine(int a, int b) {
        return (requireKey(a) + requireKey(b)) % PTable.KEY_SPACE;
    }

    /** Returns {@code key} if it lies in 0..4095, else throws; the message quotes the value. */
    static int requireKey(int key) {
        if (key < 0 || key >= PTable.KEY_SPACE) {
            throw new IllegalArgumentException("key must be in 0.." + (PTable.KEY_SPACE - 1) + ", was " + key);
        }
        return key;
    }
}
