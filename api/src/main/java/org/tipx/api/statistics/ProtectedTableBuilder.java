package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.HashMap;
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
 * modulo 4096. For {@link Measure#VICTIMS} the builder remembers, per pseudonym, the codes of the
 * person's records read so far, so a person adds their record key once per cell however many of
 * their records lie in it. The set of records (or persons) in a cell, and hence its published
 * value, depends only on the cell's codes and the filters, not on the rest of the table: the same
 * cell reached through two tables is published identically. Totals are cells of their own, perturbed independently, and need not
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
 * <p>Memory grows with the number of non-empty cells and, for victims, with the number of records
 * (their codes in the {@code by} dimensions), not with the cells each record reaches. Immutable and thread-safe; each build uses its own accumulators.
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
        Map<List<String>, CellKeyAccumulator> cells = new HashMap<>();
        boolean victims = query.measure() == Measure.VICTIMS;
        // For victims: per pseudonym, the codes of the person's earlier records (one list per by
        // dimension). A cell already holds the person when an earlier record lies in it, so memory
        // grows with the records, not with the cells each record reaches.
        Map<String, List<List<List<String>>>> earlierRecords = new HashMap<>();
        for (CaseRecord record : records) {
            if (!passes(record, query.filters())) {
                continue;
            }
            List<List<String>> codes = new ArrayList<>(by.size());
            List<List<String>> choices = new ArrayList<>(by.size());
            for (int i = 0; i < by.size(); i++) {
                List<String> allowed = allowedCodes(record, by.get(i), query.filters());
                observed.get(i).addAll(allowed);
                codes.add(allowed);
                List<String> withTotal = new ArrayList<>(allowed);
                withTotal.add(ProtectedTable.TOTAL);
                choices.add(withTotal);
            }
            List<List<List<String>>> earlier = victims
                    ? earlierRecords.computeIfAbsent(record.pseudonym(), p -> new ArrayList<>(1))
                    : List.of();
            for (List<String> key : product(choices)) {
                // A person's records share the pseudonym and thus the record key: the key is added once per person.
                if (earlier.stream().noneMatch(e -> lies(key, e))) {
                    cells.computeIfAbsent(key, k -> new CellKeyAccumulator()).add(record.recordKey());
                }
            }
            if (victims) {
                earlier.add(List.copyOf(codes));
            }
        }
        List<List<String>> axes = new ArrayList<>();
        int[] axisSizes = new int[observed.size()];
        for (int i = 0; i < observed.size(); i++) {
            List<String> axis = new ArrayList<>(observed.get(i));
            axis.add(ProtectedTable.TOTAL);
            axes.add(axis);
            axisSizes[i] = axis.size();
        }
        int rowCount = checkCellCount(axisSizes);
        List<ProtectedTable.Row> rows = new ArrayList<>(rowCount);
        CellKeyAccumulator empty = new CellKeyAccumulator();
        for (List<String> key : product(axes)) {
            rows.add(new ProtectedTable.Row(key, protector.protect(cells.getOrDefault(key, empty))));
        }
        if (!by.isEmpty()) {
            checkSparsity(rows);
        }
        return new ProtectedTable(query, rows);
    }

    /**
     * The number of rows of a table whose axes (observed codes plus the total) have these sizes.
     * Shared with {@link IndexedTableSource} so that both refuse with the same rule and message.
     *
     * @throws QueryRuleException {@link QueryRuleException#TOO_MANY_CELLS} above {@code maxCells}
     */
    int checkCellCount(int[] axisSizes) {
        long rowCount = 1;
        for (int size : axisSizes) {
            rowCount *= size;
            if (rowCount > maxCells) {
                throw new QueryRuleException(QueryRuleException.TOO_MANY_CELLS, String.format(Locale.ROOT,
                        "the table would have more than %d cells (totals included); use fewer dimensions "
                                + "or narrower filters", maxCells));
            }
        }
        return (int) rowCount;
    }

    /**
     * Refuses a table broken down by at least one dimension whose inner cells are too often
     * withheld. Shared with {@link IndexedTableSource}.
     *
     * @throws QueryRuleException {@link QueryRuleException#TOO_SPARSE}
     */
    void checkSparsity(List<ProtectedTable.Row> rows) {
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

    /** True when a record with these codes (one list per by dimension) lies in the cell {@code key}. */
    private static boolean lies(List<String> key, List<List<String>> codes) {
        for (int i = 0; i < key.size(); i++) {
            if (!key.get(i).equals(ProtectedTable.TOTAL) && !codes.get(i).contains(key.get(i))) {
                return false;
            }
        }
        return true;
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
}
