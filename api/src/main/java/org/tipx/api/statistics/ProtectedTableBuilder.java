package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.anonymizer.cellkey.CellKeyAccumulator;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.api.ingest.CaseRecord;

/**
 * Builds protected tables with the cell key method in one pass over the stored records.
 *
 * <h2>Cells</h2>
 * A cell is one code per {@code by} dimension, or {@link ProtectedTable#TOTAL} for a total over
 * that dimension. A record that passes the filters lies in every cell whose codes are each among
 * the record's codes (or a total); for a filtered {@code by} dimension only the allowed codes
 * count. Each cell collects a {@link CellKeyAccumulator}: the count and the sum of the record keys
 * modulo 4096. For {@link Measure#VICTIMS} a cell also remembers the pseudonyms it has counted, so
 * a person adds their record key once per cell however many of their records lie in it. The set
 * of records (or persons) in a cell, and hence its published value, depends only on the cell's
 * codes and the filters, not on the rest of the table: the same cell reached through two tables is
 * published identically. Totals are cells of their own, perturbed independently, and need not
 * equal the sum of their parts.
 *
 * <h2>Rows</h2>
 * The codes of a dimension are the codes observed among the records that pass the filters; the
 * table has a row for every combination of them and the total, empty combinations included (an
 * empty cell is published as withheld, like any count below the threshold).
 *
 * <h2>Rules checked on the data</h2>
 * <ul>
 *   <li>{@link QueryRuleException#TOO_MANY_CELLS}: the number of rows, the product over the
 *       {@code by} dimensions of (observed codes + 1 for the total), must not exceed
 *       {@code maxCells}.</li>
 *   <li>{@link QueryRuleException#TOO_SPARSE}: a table broken down by at least one dimension is
 *       refused when more than {@code maxWithheldShare} of its inner cells (those without a total)
 *       are withheld. The rule looks only at the protected cells, never at true counts, so a
 *       refusal tells nothing that the table itself would not have told. (A rule on the mean true
 *       count per non-empty cell was rejected: for a table with one non-empty cell, a refusal at a
 *       floor of 1.5 would say that its true count is exactly 1.) A table of mostly withheld cells
 *       is of little use, and its totals minus its published cells would hint at the sum of the
 *       withheld ones.</li>
 * </ul>
 *
 * <p>Memory grows with the number of non-empty cells, and for victims with the number of
 * (cell, person) pairs. Immutable and thread-safe; each build uses its own accumulators.
 */
public final class ProtectedTableBuilder {

    /** Default most rows in a table. */
    public static final int DEFAULT_MAX_CELLS = 10_000;
    /** Default largest share of withheld inner cells. */
    public static final double DEFAULT_MAX_WITHHELD_SHARE = 0.8;

    private final int maxCells;
    private final double maxWithheldShare;

    /** A builder with the given limits; messages quote the bad value. */
    public ProtectedTableBuilder(int maxCells, double maxWithheldShare) {
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be positive, was " + maxCells);
        }
        if (!(maxWithheldShare >= 0 && maxWithheldShare <= 1)) {
            throw new IllegalArgumentException("maxWithheldShare must be in 0..1, was " + maxWithheldShare);
        }
        this.maxCells = maxCells;
        this.maxWithheldShare = maxWithheldShare;
    }

    /** A builder with at most 10,000 rows, refusing tables with more than 80 % of inner cells withheld. */
    public static ProtectedTableBuilder withDefaults() {
        return new ProtectedTableBuilder(DEFAULT_MAX_CELLS, DEFAULT_MAX_WITHHELD_SHARE);
    }

    /**
     * The protected table answering {@code query}.
     *
     * @throws QueryRuleException if the table would have too many cells or be too sparse
     */
    public ProtectedTable build(Iterable<CaseRecord> records, TableQuery query, CellKeyProtector protector) {
        if (records == null || query == null || protector == null) {
            throw new IllegalArgumentException("records, query and protector are required");
        }
        List<Dimension> by = query.by();
        List<Set<String>> observed = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            observed.add(new TreeSet<>());
        }
        Map<List<String>, Cell> cells = new HashMap<>();
        boolean victims = query.measure() == Measure.VICTIMS;
        for (CaseRecord record : records) {
            if (!passes(record, query.filters())) {
                continue;
            }
            List<List<String>> choices = new ArrayList<>(by.size());
            for (int i = 0; i < by.size(); i++) {
                List<String> codes = allowedCodes(record, by.get(i), query.filters());
                observed.get(i).addAll(codes);
                List<String> withTotal = new ArrayList<>(codes);
                withTotal.add(ProtectedTable.TOTAL);
                choices.add(withTotal);
            }
            for (List<String> key : product(choices)) {
                Cell cell = cells.computeIfAbsent(key, k -> new Cell(victims));
                cell.add(record);
            }
        }
        List<List<String>> axes = new ArrayList<>();
        long rowCount = 1;
        for (Set<String> codes : observed) {
            List<String> axis = new ArrayList<>(codes);
            axis.add(ProtectedTable.TOTAL);
            axes.add(axis);
            rowCount *= axis.size();
            if (rowCount > maxCells) {
                throw new QueryRuleException(QueryRuleException.TOO_MANY_CELLS, String.format(Locale.ROOT,
                        "the table would have more than %d cells (totals included); use fewer dimensions "
                                + "or narrower filters", maxCells));
            }
        }
        List<ProtectedTable.Row> rows = new ArrayList<>((int) rowCount);
        CellKeyAccumulator empty = new CellKeyAccumulator();
        for (List<String> key : product(axes)) {
            Cell cell = cells.get(key);
            rows.add(new ProtectedTable.Row(key, protector.protect(cell == null ? empty : cell.accumulator)));
        }
        if (!by.isEmpty()) {
            checkSparsity(rows);
        }
        return new ProtectedTable(query, rows);
    }

    private void checkSparsity(List<ProtectedTable.Row> rows) {
        long inner = 0;
        long withheld = 0;
        for (ProtectedTable.Row row : rows) {
            if (!row.codes().contains(ProtectedTable.TOTAL)) {
                inner++;
                if (row.cell().value().isEmpty()) {
                    withheld++;
                }
            }
        }
        if (withheld > maxWithheldShare * inner) {
            throw new QueryRuleException(QueryRuleException.TOO_SPARSE, String.format(Locale.ROOT,
                    "more than %s of the inner cells would be withheld; use fewer dimensions or wider filters",
                    percent(maxWithheldShare)));
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static boolean passes(CaseRecord record, Map<Dimension, Set<String>> filters) {
        for (Map.Entry<Dimension, Set<String>> filter : filters.entrySet()) {
            if (filter.getKey().codes(record).stream().noneMatch(filter.getValue()::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The record's codes in a {@code by} dimension, cut to the filter on it if there is one. */
    private static List<String> allowedCodes(CaseRecord record, Dimension dimension,
                                             Map<Dimension, Set<String>> filters) {
        List<String> codes = dimension.codes(record);
        Set<String> allowed = filters.get(dimension);
        return allowed == null ? codes : codes.stream().filter(allowed::contains).toList();
    }

    /**
     * Every combination of one element of each list, the first list varying slowest. The lists'
     * elements are distinct, so the combinations are too.
     */
    static List<List<String>> product(List<List<String>> choices) {
        List<List<String>> result = new ArrayList<>();
        result.add(List.of());
        for (List<String> choice : choices) {
            List<List<String>> next = new ArrayList<>(result.size() * choice.size());
            for (List<String> prefix : result) {
                for (String code : choice) {
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(code);
                    next.add(List.copyOf(extended));
                }
            }
            result = next;
        }
        return result;
    }

    /** One cell while it is being built: its accumulator and, for victims, the persons counted. */
    private static final class Cell {
        private final CellKeyAccumulator accumulator = new CellKeyAccumulator();
        private final Set<String> counted;

        Cell(boolean victims) {
            counted = victims ? new HashSet<>() : null;
        }

        void add(CaseRecord record) {
            // A person's records share the pseudonym and thus the record key, so the key is added once per person.
            if (counted == null || counted.add(record.pseudonym())) {
                accumulator.add(record.recordKey());
            }
        }
    }
}
