package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tipx.api.ingest.CaseRecord;

/**
 * Counting units (persons or records) grouped by identical code profiles, in primitive arrays.
 *
 * <p>A <em>profile</em> is one value id per dimension of the index (a code id for a single-valued
 * dimension, the id of a set of codes for a multi-valued one). A unit is a set of distinct
 * profiles: a record has one, a person has the distinct profiles of their records. Units with the
 * same set of profiles lie in the same cells of every table, so they are merged into one group that
 * carries their number ({@link #weight}) and the sum of their keys modulo 4096 ({@link #keySum}):
 * cell counts and cell keys are sums over disjoint units, so adding a group adds its units exactly.
 *
 * <p>Row {@code r} is one profile; the rows of group {@code g} are {@code rowStart[g]} to
 * {@code rowStart[g + 1] - 1}, or just row {@code g} when {@link #rowStart} is null (every group one
 * profile). {@code columns[d]} holds the value ids of dimension ordinal {@code d}, or is null when
 * the groups were projected without that dimension.
 *
 * <h2>Projections: persons with several profiles by inclusion–exclusion</h2>
 * A person lies in the union of the cells of their passing records, and the cells of one record
 * form a product over the {@code by} dimensions of (its codes plus the total). The intersection of
 * two such products is again a product, of the codes the records share. So the indicator of the
 * union is a signed sum of products, 1[U1 ∪ U2] = 1[U1] + 1[U2] − 1[U1 ∩ U2] and its extension to
 * more sets, and every term is a single row: a person with two profiles becomes two rows with weight
 * +1 and one <em>compound</em> row with weight −1 (and the key subtracted modulo 4096). A term
 * counts only when all its records pass the filters, which is a conjunction per dimension, so a
 * compound value in a dimension is the set of its records' values there: it passes a filter when
 * each of them does, and its codes are the codes they share. Equal terms of different persons then
 * merge like profiles do, and a projection needs about one row per distinct (compound) profile
 * instead of one per person with disagreeing records. Persons with more than
 * {@link #MAX_EXPANDED_PROFILES} distinct profiles keep their rows as one group (the query then
 * counts them once per cell directly). {@link #compounds} maps a projection's value ids to the
 * index's values; it is null for the full index, whose value ids are the index's own.
 *
 * <p>Immutable after construction (the arrays are never written again) and thus thread-safe.
 */
final class WeightedGroups {

    /** Value ids are stored as {@code char}: at most this many distinct values per dimension. */
    static final int MAX_VALUES = Character.MAX_VALUE + 1;
    /** Record keys and cell keys are 0..4095: a sum modulo 4096 is a mask. */
    static final int KEY_MASK = CaseRecord.RECORD_KEY_RANGE - 1;
    /** Most distinct profiles of one person expanded by inclusion–exclusion (2^5 − 1 = 31 terms). */
    static final int MAX_EXPANDED_PROFILES = 5;

    final char[][] columns;
    /** Per dimension ordinal, per value id of this object: the index's value ids it combines; null = identity. */
    final int[][][] compounds;
    final int[] rowStart;
    /** The units of each group; negative for the subtracted terms of inclusion–exclusion. */
    final int[] weight;
    final char[] keySum;
    final int groupCount;
    final int rowCount;

    private WeightedGroups(char[][] columns, int[][][] compounds, int[] rowStart, int[] weight, char[] keySum,
                           int rowCount) {
        this.columns = columns;
        this.compounds = compounds;
        this.rowStart = rowStart;
        this.weight = weight;
        this.keySum = keySum;
        this.groupCount = weight.length;
        this.rowCount = rowCount;
    }

    /** Bytes held by the arrays (object headers included, 16 bytes each). */
    long bytes() {
        long bytes = 16 + 16L * columns.length;
        for (char[] column : columns) {
            if (column != null) {
                bytes += 16 + 2L * column.length;
            }
        }
        if (compounds != null) {
            for (int[][] dimension : compounds) {
                if (dimension != null) {
                    bytes += 16 + 4L * dimension.length;
                    for (int[] set : dimension) {
                        bytes += 16 + 4L * set.length;
                    }
                }
            }
        }
        if (rowStart != null) {
            bytes += 16 + 4L * rowStart.length;
        }
        return bytes + 16 + 4L * weight.length + 16 + 2L * keySum.length;
    }

    /**
     * These groups with only the dimensions in {@code dimensionMask} (bit = ordinal): each group's
     * profiles are cut to those dimensions and its now equal profiles merged; a group left with
     * several profiles becomes the signed terms of inclusion–exclusion (see the class comment) when
     * it has at most {@link #MAX_EXPANDED_PROFILES}; equal rows of all groups are then merged. Exact
     * for every query that uses only those dimensions. Only for groups whose values are the index's
     * own ({@link #compounds} null).
     */
    WeightedGroups project(int dimensionMask) {
        if (compounds != null) {
            throw new IllegalStateException("only the full index can be projected");
        }
        int[] dimensions = ordinals(dimensionMask);
        int width = dimensions.length;
        Profiles profiles = new Profiles(width);
        Compounds[] compoundIds = new Compounds[width];
        for (int j = 0; j < width; j++) {
            compoundIds[j] = new Compounds();
        }
        Builder builder = new Builder(profiles);
        int[] tuple = new int[width];
        int[][] distinct = new int[16][width];
        int[] members = new int[16];
        int[] constituents = new int[MAX_EXPANDED_PROFILES];
        for (int g = 0; g < groupCount; g++) {
            int from = rowStart == null ? g : rowStart[g];
            int to = rowStart == null ? g + 1 : rowStart[g + 1];
            if (to - from > distinct.length) {
                distinct = new int[to - from][width];
                members = new int[to - from];
            }
            int m = 0;
            for (int r = from; r < to; r++) {
                for (int j = 0; j < width; j++) {
                    tuple[j] = columns[dimensions[j]][r];
                }
                if (!contains(distinct, m, tuple)) {
                    System.arraycopy(tuple, 0, distinct[m++], 0, width);
                }
            }
            int units = weight[g];
            int keys = keySum[g];
            if (m == 1 || m > MAX_EXPANDED_PROFILES) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < width; j++) {
                        tuple[j] = compoundIds[j].single(distinct[i][j]);
                    }
                    members[i] = profiles.intern(tuple);
                }
                builder.add(members, m, units, keys);
                continue;
            }
            for (int subset = 1; subset < 1 << m; subset++) {
                for (int j = 0; j < width; j++) {
                    int n = 0;
                    for (int i = 0; i < m; i++) {
                        if ((subset & (1 << i)) != 0) {
                            constituents[n++] = distinct[i][j];
                        }
                    }
                    tuple[j] = compoundIds[j].of(constituents, n);
                }
                boolean added = Integer.bitCount(subset) % 2 == 1;
                builder.addSingle(profiles.intern(tuple), added ? units : -units, added ? keys : -keys & KEY_MASK);
            }
        }
        int[][][] projectedCompounds = new int[columns.length][][];
        for (int j = 0; j < width; j++) {
            projectedCompounds[dimensions[j]] = compoundIds[j].constituents();
        }
        return builder.build(dimensions, columns.length, projectedCompounds);
    }

    private static boolean contains(int[][] tuples, int count, int[] tuple) {
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(tuples[i], tuple)) {
                return true;
            }
        }
        return false;
    }

    /** Numbers the sets of index values that a projection's rows carry in one dimension. Not thread-safe. */
    private static final class Compounds {
        private final Map<Tuple, Integer> ids = new HashMap<>();
        private final List<int[]> sets = new ArrayList<>();
        private int[] singleIds = new int[0];

        /** The id of the set {@code {value}}. */
        int single(int value) {
            if (value >= singleIds.length) {
                int old = singleIds.length;
                singleIds = Arrays.copyOf(singleIds, Math.max(value + 1, 2 * old));
                Arrays.fill(singleIds, old, singleIds.length, -1);
            }
            if (singleIds[value] < 0) {
                singleIds[value] = intern(new int[] {value});
            }
            return singleIds[value];
        }

        /** The id of the set of the first {@code count} values (in any order, repeats allowed). */
        int of(int[] values, int count) {
            int[] set = Arrays.copyOf(values, count);
            Arrays.sort(set);
            int distinct = 1;
            for (int i = 1; i < count; i++) {
                if (set[i] != set[distinct - 1]) {
                    set[distinct++] = set[i];
                }
            }
            return distinct == 1 ? single(set[0]) : intern(Arrays.copyOf(set, distinct));
        }

        private int intern(int[] set) {
            Tuple key = new Tuple(set);
            Integer id = ids.get(key);
            if (id == null) {
                id = sets.size();
                ids.put(key, id);
                sets.add(set);
            }
            return id;
        }

        int[][] constituents() {
            return sets.toArray(int[][]::new);
        }
    }

    static int[] ordinals(int dimensionMask) {
        int[] ordinals = new int[Integer.bitCount(dimensionMask)];
        for (int d = 0, j = 0; j < ordinals.length; d++) {
            if ((dimensionMask & (1 << d)) != 0) {
                ordinals[j++] = d;
            }
        }
        return ordinals;
    }

    /** Interns value tuples of a fixed width as dense profile ids. Not thread-safe. */
    static final class Profiles {
        private final int width;
        private final Map<Tuple, Integer> ids = new HashMap<>();
        private int[] values = new int[1024];
        private int size;

        Profiles(int width) {
            this.width = width;
        }

        /** The id of this tuple (copied when new). */
        int intern(int[] tuple) {
            Tuple probe = new Tuple(tuple);
            Integer id = ids.get(probe);
            if (id != null) {
                return id;
            }
            int next = size++;
            ids.put(new Tuple(tuple.clone()), next);
            if ((long) size * width > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size * width));
            }
            System.arraycopy(tuple, 0, values, next * width, width);
            return next;
        }

        int value(int profile, int column) {
            return values[profile * width + column];
        }

        int size() {
            return size;
        }
    }

    /** An int array with value semantics for hashing. */
    private record Tuple(int[] values, int hash) {
        Tuple(int[] values) {
            this(values, Arrays.hashCode(values));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Tuple t && t.hash == hash && Arrays.equals(t.values, values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Collects units and merges those with the same profile set. Not thread-safe. */
    static final class Builder {
        private final Profiles profiles;
        /** Per profile id: 1 + the group of the units made of that profile alone, 0 for none yet. */
        private int[] singleGroup = new int[1024];
        private final Map<Tuple, Integer> multiGroup = new HashMap<>();
        /** Per group: its sorted distinct profile ids. */
        private int[][] members = new int[1024][];
        private int[] weight = new int[1024];
        private int[] keySum = new int[1024];
        private int groups;
        private long rows;

        Builder(Profiles profiles) {
            this.profiles = profiles;
        }

        /** Adds {@code units} units (summing to {@code keySum} mod 4096) made of the first {@code count} profile ids. */
        void add(int[] profileIds, int count, int units, int unitKeySum) {
            if (count == 1) {
                addSingle(profileIds[0], units, unitKeySum);
                return;
            }
            int[] set = Arrays.copyOf(profileIds, count);
            Arrays.sort(set);
            int distinct = 1;
            for (int i = 1; i < set.length; i++) {
                if (set[i] != set[distinct - 1]) {
                    set[distinct++] = set[i];
                }
            }
            if (distinct == 1) {
                addSingle(set[0], units, unitKeySum);
                return;
            }
            Tuple key = new Tuple(distinct == set.length ? set : Arrays.copyOf(set, distinct));
            Integer group = multiGroup.get(key);
            if (group == null) {
                group = newGroup(key.values());
                multiGroup.put(key, group);
            }
            addTo(group, units, unitKeySum);
        }

        /** Adds units made of one profile. */
        void addSingle(int profile, int units, int unitKeySum) {
            if (profile >= singleGroup.length) {
                singleGroup = Arrays.copyOf(singleGroup, Math.max(2 * singleGroup.length, profile + 1));
            }
            int group = singleGroup[profile] - 1;
            if (group < 0) {
                group = newGroup(new int[] {profile});
                singleGroup[profile] = group + 1;
            }
            addTo(group, units, unitKeySum);
        }

        private int newGroup(int[] profileSet) {
            if (groups == weight.length) {
                int capacity = 2 * groups;
                members = Arrays.copyOf(members, capacity);
                weight = Arrays.copyOf(weight, capacity);
                keySum = Arrays.copyOf(keySum, capacity);
            }
            members[groups] = profileSet;
            rows += profileSet.length;
            return groups++;
        }

        private void addTo(int group, int units, int unitKeySum) {
            weight[group] = Math.addExact(weight[group], units);
            keySum[group] = (keySum[group] + unitKeySum) & KEY_MASK;
        }

        /**
         * The groups, with one column per entry of {@code dimensions} (the dimension ordinals of the
         * profiles' tuple positions) in an array of {@code dimensionCount} columns. Groups whose
         * signed terms cancelled out (no units, key sum 0) are left out: they add nothing to any cell.
         */
        WeightedGroups build(int[] dimensions, int dimensionCount, int[][][] compounds) {
            int kept = 0;
            long keptRows = 0;
            for (int g = 0; g < groups; g++) {
                if (weight[g] != 0 || keySum[g] != 0) {
                    kept++;
                    keptRows += members[g].length;
                }
            }
            if (keptRows > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many profiles to index: " + keptRows);
            }
            int rowCount = (int) keptRows;
            char[][] columns = new char[dimensionCount][];
            for (int d : dimensions) {
                columns[d] = new char[rowCount];
            }
            int[] rowStart = rowCount == kept ? null : new int[kept + 1];
            int[] weights = new int[kept];
            char[] sums = new char[kept];
            int row = 0;
            int out = 0;
            for (int g = 0; g < groups; g++) {
                if (weight[g] == 0 && keySum[g] == 0) {
                    continue;
                }
                if (rowStart != null) {
                    rowStart[out] = row;
                }
                for (int profile : members[g]) {
                    for (int j = 0; j < dimensions.length; j++) {
                        int value = profiles.value(profile, j);
                        if (value >= MAX_VALUES) {
                            throw new IllegalStateException("dimension '" + Dimension.values()[dimensions[j]].id()
                                    + "' has more than " + MAX_VALUES + " distinct values");
                        }
                        columns[dimensions[j]][row] = (char) value;
                    }
                    row++;
                }
                weights[out] = weight[g];
                sums[out++] = (char) keySum[g];
            }
            if (rowStart != null) {
                rowStart[kept] = row;
            }
            return new WeightedGroups(columns, compounds, rowStart, weights, sums, rowCount);
        }
    }
}
