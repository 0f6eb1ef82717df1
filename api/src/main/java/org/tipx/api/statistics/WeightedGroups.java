package org.tipx.api.statistics;

import java.util.Arrays;
import java.util.HashMap;
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
 * profile, as for records). {@code columns[d]} holds the value ids of dimension ordinal {@code d}, or
 * is null when the groups were projected without that dimension.
 *
 * <p>Immutable after construction (the arrays are never written again) and thus thread-safe.
 */
final class WeightedGroups {

    /** Value ids are stored as {@code char}: at most this many distinct values per dimension. */
    static final int MAX_VALUES = Character.MAX_VALUE + 1;
    /** Record keys and cell keys are 0..4095: a sum modulo 4096 is a mask. */
    static final int KEY_MASK = CaseRecord.RECORD_KEY_RANGE - 1;

    final char[][] columns;
    final int[] rowStart;
    final int[] weight;
    final char[] keySum;
    final int groupCount;
    final int rowCount;

    private WeightedGroups(char[][] columns, int[] rowStart, int[] weight, char[] keySum, int rowCount) {
        this.columns = columns;
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
        if (rowStart != null) {
            bytes += 16 + 4L * rowStart.length;
        }
        return bytes + 16 + 4L * weight.length + 16 + 2L * keySum.length;
    }

    /**
     * These groups with only the dimensions in {@code dimensionMask} (bit = ordinal): each group's
     * profiles are cut to those dimensions, its now equal profiles merged, and groups with equal
     * profile sets merged again. Exact for every query that uses only those dimensions.
     */
    WeightedGroups project(int dimensionMask) {
        int[] dimensions = ordinals(dimensionMask);
        Profiles profiles = new Profiles(dimensions.length);
        Builder builder = new Builder(profiles);
        int[] tuple = new int[dimensions.length];
        int[] members = new int[16];
        for (int g = 0; g < groupCount; g++) {
            int from = rowStart == null ? g : rowStart[g];
            int to = rowStart == null ? g + 1 : rowStart[g + 1];
            if (to - from > members.length) {
                members = new int[Math.max(to - from, 2 * members.length)];
            }
            for (int r = from; r < to; r++) {
                for (int j = 0; j < dimensions.length; j++) {
                    tuple[j] = columns[dimensions[j]][r];
                }
                members[r - from] = profiles.intern(tuple);
            }
            builder.add(members, to - from, weight[g], keySum[g]);
        }
        return builder.build(dimensions, columns.length);
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
         * profiles' tuple positions) in an array of {@code dimensionCount} columns.
         */
        WeightedGroups build(int[] dimensions, int dimensionCount) {
            if (rows > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many profiles to index: " + rows);
            }
            int rowCount = (int) rows;
            char[][] columns = new char[dimensionCount][];
            for (int d : dimensions) {
                columns[d] = new char[rowCount];
            }
            int[] rowStart = rowCount == groups ? null : new int[groups + 1];
            char[] sums = new char[groups];
            int row = 0;
            for (int g = 0; g < groups; g++) {
                if (rowStart != null) {
                    rowStart[g] = row;
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
                sums[g] = (char) keySum[g];
            }
            if (rowStart != null) {
                rowStart[groups] = row;
            }
            return new WeightedGroups(columns, rowStart, Arrays.copyOf(weight, groups), sums, rowCount);
        }
    }
}
