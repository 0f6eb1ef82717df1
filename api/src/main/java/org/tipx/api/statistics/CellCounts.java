package org.tipx.api.statistics;

/**
 * True counts and cell keys of every cell of a {@link GridSpec}, in row order: the first axis
 * varies slowest and each axis ends with its total. These are exactly what must never be
 * published: only {@link TablePublisher} reads them, to protect them.
 */
final class CellCounts {

    private final int[] stride;
    private final long[] counts;
    private final int[] keys;

    CellCounts(int[] axisSizes, long[] counts, int[] keys) {
        this.stride = new int[axisSizes.length];
        for (int i = axisSizes.length - 1, s = 1; i >= 0; s *= axisSizes[i], i--) {
            stride[i] = s;
        }
        if (counts.length != keys.length || counts.length != size(axisSizes)) {
            throw new IllegalArgumentException("one count and one key per cell");
        }
        this.counts = counts;
        this.keys = keys;
    }

    /** The number of cells of a grid with these axis sizes. */
    static int size(int[] axisSizes) {
        long size = 1;
        for (int axis : axisSizes) {
            size *= axis;
        }
        return Math.toIntExact(size);
    }

    /** The cell at one position per axis (the axis size minus one is the total). */
    int cell(int[] positions) {
        int cell = 0;
        for (int i = 0; i < positions.length; i++) {
            cell += positions[i] * stride[i];
        }
        return cell;
    }

    long count(int cell) {
        return counts[cell];
    }

    int key(int cell) {
        return keys[cell];
    }
}
