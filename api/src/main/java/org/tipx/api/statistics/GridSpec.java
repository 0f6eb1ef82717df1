package org.tipx.api.statistics;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * What a {@link CellCounter} counts: a grid over {@code dimensions}, one axis of codes per
 * dimension (each followed by the total over that dimension), among the records that pass
 * {@code filters}. A record passes a filter when at least one of its codes in that dimension is
 * listed; on a filtered dimension of the grid only the listed codes are cells, and its total is
 * the filter's own total. Codes outside an axis count only in the total.
 *
 * @param dimensions the grid's dimensions, in axis order
 * @param axes       per dimension, the codes that are cells (in order); codes absent from the
 *                   release are allowed and count zero
 * @param filters    the filters, on dimensions of the grid
 * @param measure    what is counted
 */
record GridSpec(List<Dimension> dimensions, List<List<String>> axes, Map<Dimension, Set<String>> filters,
                Measure measure) {

    GridSpec {
        dimensions = List.copyOf(dimensions);
        axes = axes.stream().map(List::copyOf).toList();
        filters = Map.copyOf(filters);
        if (axes.size() != dimensions.size()) {
            throw new IllegalArgumentException("one axis per dimension");
        }
    }

    /** The number of cells per axis: its codes and the total. */
    int[] axisSizes() {
        return axisSizes(axes);
    }

    /** The number of cells per axis of these axes: its codes and the total. */
    static int[] axisSizes(List<List<String>> axes) {
        int[] sizes = new int[axes.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = axes.get(i).size() + 1;
        }
        return sizes;
    }
}
