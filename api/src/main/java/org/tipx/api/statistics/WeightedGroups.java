package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.domain.Dimension;

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
    static final int KEY_MASK = PTable.KEY_SPACE - 1;
    /** Most distinct profiles of one person expanded by inclusion–exclusion (2^5 − 1 = 31 terms). */
    static final int MAX_EXPANDED_PROFILES = 5;

    final char[][] columns;
    /** Per dimension ordinal, per value id of this object: the index's value ids it combines; null = identity. */
    final int[][][] compounds;
    /** Per dimension ordinal, per value id of this object: the codes it stands for; null for the full index. */
    final int[][][] compoundCodes;
    final int[] rowStart;
    /** The units of each group; negative for the subtracted terms of inclusion–exclusion. */
    final int[] weight;
    final char[] keySum;
    final int groupCount;
    final int rowCount;

    private WeightedGroups(char[][] columns, int[][][] compounds, int[][][] compoundCodes, int[] rowStart,
                           int[] weight, char[] keySum, int rowCount) {
        this.columns = columns;
        this.compounds = compounds;
        this.compoundCodes = compoundCodes;
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
        for (int[][][] perDimension : new int[][][][] {compounds, compoundCodes}) {
            if (perDimension == null) {
                continue;
            }
            for (int[][] dimension : perDimension) {
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
     * for every query that uses only those dimensions. {@code cellOnlyMask}: the dimensions that the
     * queries using this projection break down by but do not filter (see {@code Compounds});
     * {@code valueCodes}: per dimension ordinal and index value, its codes.
     *
     * <p>These groups may themselves be a projection, if it kept every dimension of the new one and
     * kept as values (not cell-only) every dimension the new one does not make cell-only: its signed
     * rows are then carried over with their compounds translated, since the terms of inclusion–exclusion
     * of a person restricted to fewer dimensions are the restrictions of its terms, and restriction
     * merges them exactly as it merges profiles.
     */
    WeightedGroups project(int dimensionMask, int cellOnlyMask, int[][][] valueCodes) {
        int[] dimensions = ordinals(dimensionMask);
        int width = dimensions.length;
        int[] projectedCounts = new int[width];
        Compounds[] compoundIds = new Compounds[width];
        for (int j = 0; j < width; j++) {
            int d = dimensions[j];
            projectedCounts[j] = valueCodes[d].length;
            compoundIds[j] = new Compounds(valueCodes[d], (cellOnlyMask & (1 << d)) != 0);
        }
        Profiles profiles = new Profiles(projectedCounts);
        Builder builder = new Builder(profiles);
        int[] tuple = new int[width];
        int[][] distinct = new int[16][width];
        int[] members = new int[16];
        int[] constituents = new int[MAX_EXPANDED_PROFILES];
        int[][] termTuples = new int[(1 << MAX_EXPANDED_PROFILES) - 1][width];
        for (int g = 0; g < groupCount; g++) {
            int from = rowStart == null ? g : rowStart[g];
            int to = rowStart == null ? g + 1 : rowStart[g + 1];
            if (to - from == 1) {
                // The common case, a unit of one profile (or one signed term): translate its values.
                for (int j = 0; j < width; j++) {
                    int d = dimensions[j];
                    int value = columns[d][from];
                    tuple[j] = compounds == null ? value
                            : compoundIds[j].translate(value, compounds[d][value], compoundCodes[d][value]);
                }
                builder.addSingle(profiles.intern(tuple), weight[g], keySum[g]);
                continue;
            }
            if (to - from > distinct.length) {
                distinct = new int[to - from][width];
                members = new int[to - from];
            }
            int m = 0;
            for (int r = from; r < to; r++) {
                for (int j = 0; j < width; j++) {
                    tuple[j] = columns[dimensions[j]][r];
                    // Groups of several rows hold the index's own values, also in a projection.
                    if (tuple[j] >= projectedCounts[j]) {
                        throw new IllegalStateException("a group of several profiles holds a compound value");
                    }
                }
                if (!contains(distinct, m, tuple)) {
                    System.arraycopy(tuple, 0, distinct[m++], 0, width);
                }
            }
            int units = weight[g];
            int keys = keySum[g];
            if (m == 1 || m > MAX_EXPANDED_PROFILES) {
                for (int i = 0; i < m; i++) {
                    members[i] = profiles.intern(distinct[i]);
                }
                builder.add(members, m, units, keys);
                continue;
            }
            int terms = (1 << m) - 1;
            boolean fits = true;
            for (int subset = 1; subset <= terms; subset++) {
                for (int j = 0; j < width; j++) {
                    int n = 0;
                    for (int i = 0; i < m; i++) {
                        if ((subset & (1 << i)) != 0) {
                            constituents[n++] = distinct[i][j];
                        }
                    }
                    int id = compoundIds[j].of(constituents, n);
                    fits &= id < MAX_VALUES;
                    termTuples[subset - 1][j] = id;
                }
            }
            if (!fits) {
                // More compounds than a char column holds: count this person directly instead.
                for (int i = 0; i < m; i++) {
                    members[i] = profiles.intern(distinct[i]);
                }
                builder.add(members, m, units, keys);
                continue;
            }
            for (int subset = 1; subset <= terms; subset++) {
                boolean added = Integer.bitCount(subset) % 2 == 1;
                builder.addSingle(profiles.intern(termTuples[subset - 1]), added ? units : -units,
                        added ? keys : -keys & KEY_MASK);
            }
        }
        int[][][] projectedCompounds = new int[columns.length][][];
        int[][][] projectedCodes = new int[columns.length][][];
        for (int j = 0; j < width; j++) {
            projectedCompounds[dimensions[j]] = compoundIds[j].constituents();
            projectedCodes[dimensions[j]] = compoundIds[j].codes();
        }
        return builder.build(dimensions, columns.length, projectedCompounds, projectedCodes);
    }

    private static boolean contains(int[][] tuples, int count, int[] tuple) {
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(tuples[i], tuple)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers the compound values of a projection in one dimension: the set {@code {v}} of one index
     * value is number {@code v}, larger sets follow the index's values.
     *
     * <p>In a dimension that the projection's queries only break down by ({@code cellOnly}), a row's
     * value matters only through the codes it stands for (no filter reads it), so a compound is
     * numbered by the codes its values share: the value with exactly those codes if there is one,
     * else a new number per code set. Rows that differed only in which values shared those codes then
     * merge. In a filtered dimension the values themselves are kept, as a filter needs each of them
     * to pass. Not thread-safe.
     */
    private static final class Compounds {
        private final int[][] valueCodes;
        private final boolean cellOnly;
        private final Map<Tuple, Integer> ids = new HashMap<>();
        /** Per compound beyond the index's values: its values (or, cell-only, its codes) and its codes. */
        private final List<int[]> constituents = new ArrayList<>();
        private final List<int[]> codes = new ArrayList<>();
        private final LongIntTable pairs = new LongIntTable();
        /** Source compound id to id here, for {@link #translate}. */
        private LongIntTable translated;
        private Map<Tuple, Integer> valueOfCodes;

        Compounds(int[][] valueCodes, boolean cellOnly) {
            this.valueCodes = valueCodes;
            this.cellOnly = cellOnly;
        }

        /** The id of the set of the first {@code count} values (in any order, repeats allowed). */
        int of(int[] values, int count) {
            if (count == 2) {
                // The common case, a person with two profiles: no allocation once the pair is known.
                int low = Math.min(values[0], values[1]);
                int high = Math.max(values[0], values[1]);
                if (low == high) {
                    return low;
                }
                long pair = (long) low << 32 | high;
                int id = pairs.get(pair);
                if (id < 0) {
                    id = ofSet(values, count);
                    pairs.put(pair, id);
                }
                return id;
            }
            return ofSet(values, count);
        }

        private int ofSet(int[] values, int count) {
            int[] set = Arrays.copyOf(values, count);
            Arrays.sort(set);
            int distinct = 1;
            for (int i = 1; i < count; i++) {
                if (set[i] != set[distinct - 1]) {
                    set[distinct++] = set[i];
                }
            }
            if (distinct == 1) {
                return set[0];
            }
            set = Arrays.copyOf(set, distinct);
            int[] shared = valueCodes[set[0]];
            for (int i = 1; i < distinct; i++) {
                int[] other = valueCodes[set[i]];
                shared = Arrays.stream(shared).filter(c -> Arrays.binarySearch(other, c) >= 0).toArray();
            }
            return register(set, shared);
        }

        /**
         * The id here of a value of another projection of the same dimension: {@code sourceValues}
         * are the index values it combines (empty if it was cell-only there, which this one must then
         * be too), {@code sourceCodes} the codes it stands for.
         */
        int translate(int sourceId, int[] sourceValues, int[] sourceCodes) {
            if (sourceId < valueCodes.length) {
                return sourceId;
            }
            if (translated == null) {
                translated = new LongIntTable();
            }
            int id = translated.get(sourceId);
            if (id < 0) {
                if (!cellOnly && sourceValues.length == 0) {
                    throw new IllegalStateException("a cell-only dimension cannot be projected into a filtered one");
                }
                id = register(sourceValues, sourceCodes);
                translated.put(sourceId, id);
            }
            return id;
        }

        /** The id of the compound of these sorted distinct values (two or more) sharing these codes. */
        private int register(int[] set, int[] shared) {
            if (cellOnly) {
                Integer value = valueOfCodes().get(new Tuple(shared));
                if (value != null) {
                    return value;
                }
            }
            Tuple key = new Tuple(cellOnly ? shared : set);
            Integer id = ids.get(key);
            if (id == null) {
                id = valueCodes.length + constituents.size();
                ids.put(key, id);
                constituents.add(cellOnly ? new int[0] : set);
                codes.add(shared);
            }
            return id;
        }

        private Map<Tuple, Integer> valueOfCodes() {
            if (valueOfCodes == null) {
                valueOfCodes = new HashMap<>();
                for (int v = 0; v < valueCodes.length; v++) {
                    valueOfCodes.put(new Tuple(valueCodes[v]), v);
                }
            }
            return valueOfCodes;
        }

        /** Per id: the index values it combines (empty for a cell-only compound, which no filter reads). */
        int[][] constituents() {
            int[][] all = new int[valueCodes.length + constituents.size()][];
            for (int v = 0; v < valueCodes.length; v++) {
                all[v] = new int[] {v};
            }
            for (int i = 0; i < constituents.size(); i++) {
                all[valueCodes.length + i] = constituents.get(i);
            }
            return all;
        }

        /** Per id: the codes it stands for, ascending (the codes its values share). */
        int[][] codes() {
            int[][] all = Arrays.copyOf(valueCodes, valueCodes.length + codes.size());
            for (int i = 0; i < codes.size(); i++) {
                all[valueCodes.length + i] = codes.get(i);
            }
            return all;
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

    /**
     * Interns value tuples of a fixed width as dense profile ids. Given the number of values per
     * column, tuples within those ranges are packed into a {@code long} and looked up in a primitive
     * hash table (no allocation per lookup); other tuples, and all when the ranges need more than 63
     * bits, go through a hash map of arrays. A tuple always takes the same path, so its id is unique.
     * Not thread-safe.
     */
    static final class Profiles {
        private final int width;
        private final Map<Tuple, Integer> ids = new HashMap<>();
        /** Per column: the shift of its bits in a packed key; null when tuples are not packed. */
        private final int[] shifts;
        private final int[] limits;
        private final LongIntTable packed;
        private int[] values = new int[1024];
        private int size;

        /** Tuples of {@code width} values, interned through a hash map of arrays. */
        Profiles(int width) {
            this.width = width;
            this.shifts = null;
            this.limits = null;
            this.packed = null;
        }

        /** Tuples whose column {@code j} usually holds a value below {@code valueCounts[j]}. */
        Profiles(int[] valueCounts) {
            this.width = valueCounts.length;
            int[] needed = new int[width];
            int total = 0;
            for (int j = 0; j < width; j++) {
                needed[j] = 32 - Integer.numberOfLeadingZeros(Math.max(1, valueCounts[j] - 1));
                total += needed[j];
            }
            // Room for compound ids beyond the values (up to 16 times as many) while 63 bits allow it.
            int headroom = 4;
            while (headroom > 0 && total + headroom * width > 63) {
                headroom--;
            }
            boolean pack = total + headroom * width <= 63;
            int[] shift = new int[width];
            int[] limit = new int[width];
            for (int j = 0, bits = 0; j < width; j++) {
                shift[j] = bits;
                limit[j] = 1 << Math.min(30, needed[j] + headroom);
                bits += needed[j] + headroom;
            }
            this.shifts = pack ? shift : null;
            this.limits = pack ? limit : null;
            this.packed = pack ? new LongIntTable() : null;
        }

        /** The id of this tuple (copied when new). */
        int intern(int[] tuple) {
            long key = pack(tuple);
            if (key >= 0) {
                int id = packed.get(key);
                if (id >= 0) {
                    return id;
                }
                id = add(tuple);
                packed.put(key, id);
                return id;
            }
            Tuple probe = new Tuple(tuple);
            Integer id = ids.get(probe);
            if (id != null) {
                return id;
            }
            int next = add(tuple);
            ids.put(new Tuple(tuple.clone()), next);
            return next;
        }

        /** The tuple packed into 63 bits, or -1 when it cannot be. */
        private long pack(int[] tuple) {
            if (shifts == null) {
                return -1;
            }
            long key = 0;
            for (int j = 0; j < width; j++) {
                if (tuple[j] >= limits[j]) {
                    return -1;
                }
                key |= (long) tuple[j] << shifts[j];
            }
            return key;
        }

        private int add(int[] tuple) {
            int next = size++;
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

    /** An open-addressing hash table from non-negative {@code long} keys to non-negative ints. Not thread-safe. */
    static final class LongIntTable {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        LongIntTable() {
            Arrays.fill(keys, -1);
        }

        /** The value of {@code key}, or -1. */
        int get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
                if (keys[i] < 0) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (keys[i] >= 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] < 0) {
                size++;
            }
            keys[i] = key;
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[2 * oldKeys.length];
            values = new int[2 * oldValues.length];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] >= 0) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
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
        WeightedGroups build(int[] dimensions, int dimensionCount, int[][][] compounds, int[][][] compoundCodes) {
            int kept = 0;
            long keptRows = 0;
            for (int g = 0; g < groups; g++) {
                if (weight[g] != 0 || keySum[g] != 0) {
                    kept++;
                    keptRows += members[g].length;
                }
            }
            if (keptRows > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many profiles to index in char columns");
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
            return new WeightedGroups(columns, compounds, compoundCodes, rowStart, weights, sums, rowCount);
        }
    }
}
