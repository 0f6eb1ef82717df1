package org.tipx.anonymizer;

import java.util.Arrays;
import java.util.List;

/**
 * The input, dictionary-encoded for the search: every quasi-identifier cell becomes the row index of its
 * value in the hierarchy (a leaf code), every sensitive cell its dataset code. Holds the precomputed
 * generalisation arrays and groups tables at any transformation.
 *
 * <p>Grouping packs a row's generalised codes into one {@code long} in mixed radix and assigns dense ids with
 * a direct-address array when the key space is small, or {@link LongIntMap} otherwise. When the product of the
 * domain sizes does not fit in 62 bits, the columns are grouped in chunks: each chunk's key starts from the
 * ids of the chunks before it, which are below the number of rows, so no key ever overflows.
 *
 * <p>Not thread-safe: it owns reusable buffers.
 */
final class Encoded {
    private static final long KEY_LIMIT = 1L << 62;
    private static final int DIRECT_LIMIT = 1 << 22;

    final int qis;
    final int width;
    final long records;
    final Hierarchy[] hierarchies;
    /** generalised[i][level][leaf]: the code of a leaf's label. */
    final int[][][] generalised;
    final int[][] domain;
    final int[] sensitiveDomain;
    /** The records, one row each, grouped at the bottom of the lattice. */
    final ClassTable base;
    /** For each record, its row in {@link #base}. */
    final int[] baseRowOfRecord;
    /** staticShareSum[i][level]: Σ over records of the share of leaves their label covers, without suppression. */
    final double[][] staticShareSum;

    private final LongIntMap map = new LongIntMap();
    private int[] direct = new int[0];
    private long[] keys = new long[0];

    Encoded(Dataset data, List<String> qiColumns, List<Hierarchy> qiHierarchies, List<String> sensitiveColumns) {
        this.qis = qiColumns.size();
        this.width = qis + sensitiveColumns.size();
        this.records = data.size();
        this.hierarchies = qiHierarchies.toArray(Hierarchy[]::new);
        this.generalised = new int[qis][][];
        this.domain = new int[qis][];
        this.staticShareSum = new double[qis][];
        int n = data.size();
        int[][] raw = new int[width][];
        for (int i = 0; i < qis; i++) {
            Hierarchy hierarchy = hierarchies[i];
            int column = data.columnIndex(qiColumns.get(i));
            String[] dictionary = data.dictionary(column);
            int[] leafOfCode = new int[dictionary.length];
            for (int code = 0; code < dictionary.length; code++) {
                leafOfCode[code] = hierarchy.leafIndexOf(dictionary[code]);
            }
            int[] codes = data.codes(column);
            long[] leafFrequency = new long[hierarchy.leafCount()];
            raw[i] = new int[n];
            for (int r = 0; r < n; r++) {
                int leaf = leafOfCode[codes[r]];
                if (leaf < 0) {
                    // The value itself is not quoted: a quasi-identifier can be a direct identifier.
                    throw new AnonymizationException("row " + (r + 1) + ": the value of quasi-identifier '"
                            + qiColumns.get(i) + "' is not a leaf of its hierarchy");
                }
                raw[i][r] = leaf;
                leafFrequency[leaf]++;
            }
            int height = hierarchy.height();
            generalised[i] = new int[height][];
            domain[i] = new int[height];
            staticShareSum[i] = new double[height];
            for (int level = 0; level < height; level++) {
                generalised[i][level] = hierarchy.leafToCode(level);
                domain[i][level] = hierarchy.domainSize(level);
                int[] covered = hierarchy.coveredLeaves(level);
                double sum = 0;
                for (int leaf = 0; leaf < leafFrequency.length; leaf++) {
                    sum += leafFrequency[leaf] * (double) covered[generalised[i][level][leaf]];
                }
                staticShareSum[i][level] = sum / hierarchy.leafCount();
            }
        }
        this.sensitiveDomain = new int[sensitiveColumns.size()];
        for (int s = 0; s < sensitiveColumns.size(); s++) {
            int column = data.columnIndex(sensitiveColumns.get(s));
            sensitiveDomain[s] = data.dictionary(column).length;
            raw[qis + s] = data.codes(column);
        }
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        int[] bottom = new int[qis];
        Grouping grouped = group(new ClassTable(bottom, n, raw, ones), bottom);
        this.base = grouped.table();
        this.baseRowOfRecord = grouped.sourceIds();
    }

    int height(int qi) {
        return generalised[qi].length;
    }

    /** Groups {@code source} (which must generalise to {@code levels}) at {@code levels}. */
    Grouping group(ClassTable source, int[] levels) {
        int rows = source.rows();
        int[][] columns = source.columns();
        if (keys.length < rows) {
            keys = new long[rows];
        }
        // Columns generalised to a single label (usually '*') cannot split a class: leave them out of the key.
        int[] active = new int[width];
        int[][] maps = new int[width][];
        long[] radix = new long[width];
        int activeCount = 0;
        int activeQis = 0;
        for (int dim = 0; dim < width; dim++) {
            long size = dim < qis ? domain[dim][levels[dim]] : sensitiveDomain[dim - qis];
            if (size > 1) {
                active[activeCount] = dim;
                maps[activeCount] = dim < qis ? generalised[dim][levels[dim]] : null;
                radix[activeCount] = size;
                activeCount++;
                if (dim < qis) {
                    activeQis++;
                }
            }
        }
        int[] ids = new int[rows];
        long distinct = 1;
        int classCount = -1;
        int[] classIds = null;
        int position = 0;
        if (activeQis == 0) {
            // Every quasi-identifier is fully generalised: one class holds every record.
            distinct = Math.min(1, rows);
            classCount = (int) distinct;
            classIds = activeCount > 0 ? ids.clone() : ids;
        }
        while (position < activeCount) {
            int stop = position < activeQis ? activeQis : activeCount;
            int end = position;
            long keySpace = distinct;
            while (end < stop && keySpace <= KEY_LIMIT / radix[end]) {
                keySpace *= radix[end];
                end++;
            }
            fillKeys(columns, rows, ids, active, maps, radix, position, end);
            distinct = assignIds(rows, keySpace, ids);
            position = end;
            if (position == activeQis) {
                classCount = (int) distinct;
                classIds = activeCount > activeQis ? ids.clone() : ids;
            }
        }
        int tableRows = (int) distinct;
        int[] counts = new int[tableRows];
        int[] representative = new int[tableRows];
        Arrays.fill(representative, -1);
        int[] sourceCounts = source.counts();
        for (int r = 0; r < rows; r++) {
            int id = ids[r];
            counts[id] += sourceCounts[r];
            if (representative[id] < 0) {
                representative[id] = r;
            }
        }
        int[][] newColumns = new int[width][tableRows];
        for (int dim = 0; dim < width; dim++) {
            int[] from = columns[dim];
            int[] to = newColumns[dim];
            for (int id = 0; id < tableRows; id++) {
                to[id] = from[representative[id]];
            }
        }
        int[] classOfRow = new int[tableRows];
        int[] classSize = new int[classCount];
        for (int id = 0; id < tableRows; id++) {
            int r = representative[id];
            classOfRow[id] = classIds[r];
            classSize[classIds[r]] += counts[id];
        }
        return new Grouping(new ClassTable(levels.clone(), tableRows, newColumns, counts), ids, classCount,
                classOfRow, classSize);
    }

    /** keys[r] = ids[r] followed, in mixed radix, by the codes of the active columns position..end-1. */
    private void fillKeys(int[][] columns, int rows, int[] ids, int[] active, int[][] maps, long[] radix,
                          int position, int end) {
        long[] keys = this.keys;
        for (int r = 0; r < rows; r++) {
            keys[r] = ids[r];
        }
        // One sequential pass per column: simple loops the JIT unrolls, and no strided reads.
        for (int a = position; a < end; a++) {
            int[] column = columns[active[a]];
            int[] map = maps[a];
            long base = radix[a];
            if (map == null) {
                for (int r = 0; r < rows; r++) {
                    keys[r] = keys[r] * base + column[r];
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    keys[r] = keys[r] * base + map[column[r]];
                }
            }
        }
    }

    /** Replaces keys[0..rows) by dense ids in order of first appearance; returns how many distinct keys. */
    private int assignIds(int rows, long keySpace, int[] ids) {
        if (keySpace <= DIRECT_LIMIT && keySpace <= 4L * rows + 1024) {
            int space = (int) keySpace;
            if (direct.length < space) {
                direct = new int[Math.max(space, 1024)];
                Arrays.fill(direct, -1);
            }
            int next = 0;
            for (int r = 0; r < rows; r++) {
                int key = (int) keys[r];
                int id = direct[key];
                if (id < 0) {
                    id = next++;
                    direct[key] = id;
                }
                ids[r] = id;
            }
            // Reset only the touched cells, so the array is reused without a full fill.
            for (int r = 0; r < rows; r++) {
                direct[(int) keys[r]] = -1;
            }
            return next;
        }
        map.clear(Math.min(rows, (int) Math.min(keySpace, Integer.MAX_VALUE / 4)));
        for (int r = 0; r < rows; r++) {
            ids[r] = map.idOf(keys[r]);
        }
        return map.size();
    }

    /** Assigns dense ids to arbitrary non-negative keys (used for class × sensitive-value pairs). */
    int[] denseIds(long[] pairKeys, int count, long keySpace, int[] distinctOut) {
        if (keys.length < count) {
            keys = new long[count];
        }
        System.arraycopy(pairKeys, 0, keys, 0, count);
        int[] ids = new int[count];
        distinctOut[0] = assignIds(count, keySpace, ids);
        return ids;
    }
}
