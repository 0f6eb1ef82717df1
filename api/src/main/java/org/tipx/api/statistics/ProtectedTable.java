package org.tipx.api.statistics;

import java.util.List;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * A protected table: one row per combination of the axis codes of the {@code by} dimensions (a
 * filter's codes, or the codes the release lists; see {@link TablePublisher}) and the total code
 * {@link #TOTAL}, in a deterministic order (dimension by dimension, codes in
 * ascending order with the total last). Holds only published values and flags: no true count and
 * no cell key is reachable from it.
 *
 * @param query the query the table answers
 * @param rows  the cells, each published on its own (cell key method, threshold, closure rule)
 */
public record ProtectedTable(TableQuery query, List<Row> rows) {

    /** The SDMX code of a total over a dimension. */
    public static final String TOTAL = "_T";

    public ProtectedTable {
        if (query == null || rows == null) {
            throw new IllegalArgumentException("query and rows are required");
        }
        rows = List.copyOf(rows);
    }

    /** The dimensions of the table, in the order of a row's codes. */
    public List<Dimension> by() {
        return query.by();
    }

    /** What the table counts. */
    public Measure measure() {
        return query.measure();
    }

    /**
     * One cell.
     *
     * @param codes one code per {@code by} dimension, {@link #TOTAL} where the cell is a total
     * @param cell  the published value or the withheld flags
     */
    public record Row(List<String> codes, ProtectedCell cell) {
        public Row {
            if (codes == null || cell == null) {
                throw new IllegalArgumentException("codes and cell are required");
            }
            codes = List.copyOf(codes);
        }
    }
}
