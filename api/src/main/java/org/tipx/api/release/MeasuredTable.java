package org.tipx.api.release;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tipx.anonymizer.cellkey.CellKeys;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.ingest.CaseRecord;
import org.tipx.api.statistics.Dimension;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.ProtectedTableBuilder;

/**
 * One table of victims as the release build measures it: for every cell (the observed codes of each
 * dimension and the total), the true count and the cell key, in dense arrays. Its cells are those of
 * {@link ProtectedTableBuilder} for the same query without filters, and a cell's published value is
 * the same {@link CellKeyProtector#protect} of the same count and key: a person lies in a cell when one
 * of their records does, counts once there and adds their record key once (ReleaseBuilderTest holds the
 * two side by side). It exists because ProtectedTableBuilder, which publishes and never exposes a true
 * count, keys its cells with lists of strings: about ten times slower on a million persons.
 *
 * <p>The true counts never leave this class except as the aggregate {@link Effect}. Not thread-safe;
 * one per table.
 */
final class MeasuredTable {

    /**
     * What the cell key method did to the table.
     *
     * @param cells          cells, totals included
     * @param withheld       cells withheld (published value below the threshold)
     * @param changed        published cells whose value differs from the true count
     * @param absoluteChange sum of |published − true| over the published cells
     */
    record Effect(long cells, long withheld, long changed, long absoluteChange) {
    }

    private final List<Map<String, Integer>> codeIndexes;
    private final int[] radix;
    private final int[] counts;
    private final int[] cellKeys;

    private MeasuredTable(List<Map<String, Integer>> codeIndexes, int[] radix, int[] counts, int[] cellKeys) {
        this.codeIndexes = codeIndexes;
        this.radix = radix;
        this.counts = counts;
        this.cellKeys = cellKeys;
    }

    /** Counts the persons of {@code records} in every cell of the table {@code by}. */
    static MeasuredTable of(List<CaseRecord> records, ReleaseBuilder.Persons persons, List<Dimension> by) {
        int dims = by.size();
        List<Map<String, Integer>> codeIndexes = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            codeIndexes.add(new HashMap<>());
        }
        // Per record and dimension: its code ids, then 0 for the total.
        int[][][] codesOfRecord = new int[records.size()][][];
        for (int r = 0; r < records.size(); r++) {
            int[][] codes = new int[dims][];
            for (int d = 0; d < dims; d++) {
                List<String> values = by.get(d).codes(records.get(r));
                Map<String, Integer> index = codeIndexes.get(d);
                int[] ids = new int[values.size() + 1];
                for (int v = 0; v < values.size(); v++) {
                    ids[v] = index.computeIfAbsent(values.get(v), c -> index.size() + 1);
                }
                codes[d] = ids;
            }
            codesOfRecord[r] = codes;
        }
        int[] radix = new int[dims];
        long size = 1;
        for (int d = 0; d < dims; d++) {
            radix[d] = codeIndexes.get(d).size() + 1;
            size *= radix[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a measured table would have more than 2^31 cells");
            }
        }
        int[] counts = new int[(int) size];
        int[] cellKeys = new int[(int) size];
        long[] cells = new long[64];
        int[] first = persons.firstRecordOfPerson();
        int[] byPerson = persons.recordsByPerson();
        for (int p = 0; p < persons.count(); p++) {
            int n = 0;
            int recordKey = records.get(byPerson[first[p]]).recordKey();
            for (int i = first[p]; i < first[p + 1]; i++) {
                int[][] codes = codesOfRecord[byPerson[i]];
                int combinations = 1;
                for (int[] c : codes) {
                    combinations *= c.length;
                }
                if (n + combinations > cells.length) {
                    cells = Arrays.copyOf(cells, Math.max(cells.length * 2, n + combinations));
                }
                for (int k = 0; k < combinations; k++) {
                    int rest = k;
                    long cell = 0;
                    for (int d = 0; d < dims; d++) {
                        int[] c = codes[d];
                        cell = cell * radix[d] + c[rest % c.length];
                        rest /= c.length;
                    }
                    cells[n++] = cell;
                }
            }
            // Once per cell, however many of the person's records lie in it.
            Arrays.sort(cells, 0, n);
            for (int i = 0; i < n; i++) {
                if (i == 0 || cells[i] != cells[i - 1]) {
                    int cell = (int) cells[i];
                    counts[cell]++;
                    cellKeys[cell] = CellKeys.combine(cellKeys[cell], recordKey);
                }
            }
        }
        return new MeasuredTable(codeIndexes, radix, counts, cellKeys);
    }

    /** Protects every cell and compares it with its true count. */
    Effect effect(CellKeyProtector protector) {
        long withheld = 0;
        long changed = 0;
        long absoluteChange = 0;
        for (int cell = 0; cell < counts.length; cell++) {
            ProtectedCell published = protector.protect(counts[cell], cellKeys[cell]);
            if (published.value().isEmpty()) {
                withheld++;
            } else {
                long difference = Math.abs(published.value().getAsLong() - counts[cell]);
                if (difference != 0) {
                    changed++;
                    absoluteChange += difference;
                }
            }
        }
        return new Effect(counts.length, withheld, changed, absoluteChange);
    }

    /** The protected cell with these codes ({@link ProtectedTable#TOTAL} for a total), as published. */
    ProtectedCell published(List<String> codes, CellKeyProtector protector) {
        int cell = cell(codes);
        return cell < 0 ? protector.protect(0, 0) : protector.protect(counts[cell], cellKeys[cell]);
    }

    /** How many cells the table has, totals included. */
    int cells() {
        return counts.length;
    }

    private int cell(List<String> codes) {
        long cell = 0;
        for (int d = 0; d < radix.length; d++) {
            String code = codes.get(d);
            int id;
            if (code.equals(ProtectedTable.TOTAL)) {
                id = 0;
            } else {
                Integer known = codeIndexes.get(d).get(code);
                if (known == null) {
                    return -1;
                }
                id = known;
            }
            cell = cell * radix[d] + id;
        }
        return (int) cell;
    }
}
