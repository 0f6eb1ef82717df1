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
        int[] raw = new int[Math.multiplyExact(n, width)];
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
            for (int r = 0; r < n; r++) {
                int leaf = leafOfCode[codes[r]];
                if (leaf < 0) {
                    // The value itself is not quoted: a quasi-identifier can be a direct identifier.
                    throw new AnonymizationException("row " + (r + 1) + ": the value of quasi-identifier '"
                            + qiColumns.get(i) + "' is not a leaf of its hierarchy");
                }
                raw[r * width + i] = leaf;
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
            int[] codes = data.codes(column);
            for (int r = 0; r < n; r++) {
                raw[r * width + qis + s] = codes[r];
            }
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

    /** The code of row {@code row}'s column {@code dim} in {@code table} at the given transformation. */
    private int codeAt(ClassTable table, int row, int dim, int[] levels) {
        int leaf = table.tuples()[row * width + dim];
        return dim < qis ? generalised[dim][levels[dim]][leaf] : leaf;
    }

    private long domainOf(int dim, int[] levels) {
        return dim < qis ? domain[dim][levels[dim]] : sensitiveDomain[dim - qis];
    }

    /** Groups {@code source} (which must generalise to {@code levels}) at {@code levels}. */
    Grouping group(ClassTable source, int[] levels) {
        int rows = source.rows();
        int[] tuples = source.tuples();
        if (keys.length < rows) {
            keys = new long[rows];
        }
        int[] ids = new int[rows];
        long distinct = 1;
        int classCount = -1;
        int[] classIds = null;
        int dim = 0;
        while (dim < width || classCount < 0) {
            int stop = dim < qis ? qis : width;
            int end = dim;
            long keySpace = distinct;
            while (end < stop && keySpace <= KEY_LIMIT / domainOf(end, levels)) {
                keySpace *= domainOf(end, levels);
                end++;
            }
            for (int r = 0; r < rows; r++) {
                long key = ids[r];
                int offset = r * width;
                for (int i = dim; i < end; i++) {
                    int leaf = tuples[offset + i];
                    key = key * domainOf(i, levels) + (i < qis ? generalised[i][levels[i]][leaf] : leaf);
                }
                keys[r] = key;
            }
            distinct = assignIds(rows, keySpace, ids);
            dim = end;
            if (dim == qis && classCount < 0) {
                classCount = (int) distinct;
                classIds = width > qis ? ids.clone() : ids;
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
        int[] newTuples = new int[tableRows * width];
        int[] classOfRow = new int[tableRows];
        int[] classSize = new int[classCount];
        for (int id = 0; id < tableRows; id++) {
            int r = representative[id];
            System.arraycopy(tuples, r * width, newTuples, id * width, width);
            classOfRow[id] = classIds[r];
            classSize[classIds[r]] += counts[id];
        }
        return new Grouping(new ClassTable(levels.clone(), tableRows, newTuples, counts), ids, classCount,
                classOfRow, classSize);
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

    int codeOf(ClassTable table, int row, int dim) {
        return codeAt(table, row, dim, table.levels());
    }
}
