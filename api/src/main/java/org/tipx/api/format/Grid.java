package org.tipx.api.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.ProtectedTable;

/**
 * A protected table seen as a cube: per {@code by} dimension its codes in order of first
 * appearance among the rows (the writers pass them in publication order, {@link PublishedCodes}),
 * and the cells in row-major order of the dimensions (the last
 * dimension varies fastest), as JSON-stat lays out {@code value} and {@code status}.
 */
final class Grid {

    private final List<List<String>> categories;
    private final ProtectedCell[] cells;

    private Grid(List<List<String>> categories, ProtectedCell[] cells) {
        this.categories = categories;
        this.cells = cells;
    }

    /** Checks that each row has one code per dimension; messages never quote a value. */
    static void requireCodesPerRow(ProtectedTable table) {
        requireCodesPerRow(table.by().size(), table.rows());
    }

    private static void requireCodesPerRow(int dimensions, List<ProtectedTable.Row> rows) {
        for (ProtectedTable.Row row : rows) {
            if (row.codes().size() != dimensions) {
                throw new IllegalArgumentException("a row has " + row.codes().size() + " codes for "
                        + dimensions + " dimensions");
            }
        }
    }

    /**
     * The cube of these rows of a table broken down by {@code by}, categories in order of first appearance.
     *
     * @throws IllegalArgumentException unless every combination of the axes' codes is exactly one row
     */
    static Grid of(List<Dimension> by, List<ProtectedTable.Row> rows) {
        int dimensions = by.size();
        requireCodesPerRow(dimensions, rows);
        List<Set<String>> seen = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            seen.add(new LinkedHashSet<>());
        }
        for (ProtectedTable.Row row : rows) {
            for (int d = 0; d < dimensions; d++) {
                seen.get(d).add(row.codes().get(d));
            }
        }
        List<List<String>> categories = new ArrayList<>();
        List<Map<String, Integer>> positions = new ArrayList<>();
        long n = 1;
        for (Set<String> codes : seen) {
            List<String> ordered = List.copyOf(codes);
            categories.add(ordered);
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                position.put(ordered.get(i), i);
            }
            positions.add(position);
            n *= ordered.size();
        }
        if (n != rows.size()) {
            throw new IllegalArgumentException("the table has " + rows.size()
                    + " rows but its codes span " + n + " combinations; a cube needs exactly one row each");
        }
        ProtectedCell[] cells = new ProtectedCell[(int) n];
        for (ProtectedTable.Row row : rows) {
            int index = 0;
            for (int d = 0; d < dimensions; d++) {
                index = index * categories.get(d).size() + positions.get(d).get(row.codes().get(d));
            }
            if (cells[index] != null) {
                throw new IllegalArgumentException("the table has two rows for the same combination of codes");
            }
            cells[index] = row.cell();
        }
        return new Grid(List.copyOf(categories), cells);
    }

    /** The codes of the {@code d}-th dimension, in publication order. */
    List<String> categories(int d) {
        return categories.get(d);
    }

    /** The cells in row-major order. */
    List<ProtectedCell> cells() {
        return List.of(cells);
    }
}
