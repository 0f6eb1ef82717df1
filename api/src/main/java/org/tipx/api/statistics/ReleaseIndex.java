package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * The in-memory index of one release behind {@link IndexedTableSource}: every record reduced to a
 * code profile, dictionary-encoded in primitive arrays, and the release's persons and records
 * grouped into {@link WeightedGroups} so that a query's work grows with the number of distinct
 * profiles, not with the number of persons.
 *
 * <h2>Encoding</h2>
 * Per {@link Dimension}, the codes seen in the release are sorted as strings (the order of a
 * table's axes) and numbered. A record's <em>value</em> in a dimension is the set of its codes
 * ({@link Dimension#codes}); sets are numbered per dimension, so a multi-valued dimension
 * ({@link Dimension#EXPLOITATION}) costs one number per record like the others. A profile is one
 * value per dimension.
 *
 * <h2>Exactness</h2>
 * A cell holds, for registrations, each passing record whose codes include the cell's, and, for
 * victims, each person with at least one such record (the definition the tests' scanning counter
 * implements record by record). Both depend only on a record's profile (registrations) or a
 * person's set of distinct profiles (victims), and on the record key, which derives from the
 * pseudonym and so is the same on all records of a person; the index checks that on load and
 * refuses a release that breaks it. The groups therefore give every cell the same count and cell
 * key as the scan; {@link TablePublisher} then publishes both the same way.
 *
 * <h2>Projections</h2>
 * A query reads only its dimensions ({@code by} and filters). The first query on a set of
 * dimensions projects the groups onto it ({@link WeightedGroups#project}): profiles cut to those
 * dimensions, persons with several profiles turned into signed single rows by inclusion–exclusion
 * (exact, see there), equal rows merged; so later queries on the same dimensions scan about one
 * row per distinct profile, however many persons there are. Projections are kept in a
 * {@link BoundedMemo} whose budget is the bytes of the full groups, so they at most double the
 * index's memory.
 *
 * <p>Immutable apart from the projection memo; thread-safe.
 */
final class ReleaseIndex implements CellCounter {

    private static final Dimension[] DIMENSIONS = Dimension.values();
    private static final int ALL_DIMENSIONS = (1 << DIMENSIONS.length) - 1;
    /** Most projections kept: one per (by dimensions, filtered dimensions, measure) in use; traffic uses a few dozen. */
    private static final int MAX_PROJECTIONS = 128;

    /** Per dimension ordinal: the codes, sorted. */
    private final String[][] codes;
    /** Per dimension ordinal, per value id: the value's code ids, ascending. */
    private final int[][][] valueCodes;
    /** One group per distinct profile, weighted by its records. */
    private final WeightedGroups registrations;
    /** Persons with the same set of profiles, weighted by their number. */
    private final WeightedGroups victims;
    private final BoundedMemo<Integer, Scan> projections;

    private ReleaseIndex(String[][] codes, int[][][] valueCodes, WeightedGroups registrations,
                         WeightedGroups victims) {
        this.codes = codes;
        this.valueCodes = valueCodes;
        this.registrations = registrations;
        this.victims = victims;
        this.projections = new BoundedMemo<>(MAX_PROJECTIONS, registrations.bytes() + victims.bytes(),
                scan -> scan.groups().bytes());
    }

    /** Reads records into an index. Not thread-safe; one loader per load. */
    static final class Loader {
        /** Per dimension: value key (a code, or a sorted list of codes) to value id. */
        private final List<Map<Object, Integer>> valueIds = new ArrayList<>();
        private final List<List<Object>> valueKeys = new ArrayList<>();
        private final WeightedGroups.Profiles profiles = new WeightedGroups.Profiles(DIMENSIONS.length);
        private final WeightedGroups.Builder registrations = new WeightedGroups.Builder(profiles);
        private final Map<String, Integer> persons = new HashMap<>();
        private int[] personKey = new int[1024];
        private int[] personProfile = new int[1024];
        /** Per person reported with more than one profile: the other profiles. */
        private final Map<Integer, int[]> otherProfiles = new HashMap<>();
        private final int[] tuple = new int[DIMENSIONS.length];

        Loader() {
            for (int d = 0; d < DIMENSIONS.length; d++) {
                valueIds.add(new HashMap<>());
                valueKeys.add(new ArrayList<>());
            }
        }

        void accept(CaseRecord record) {
            for (int d = 0; d < DIMENSIONS.length; d++) {
                tuple[d] = valueId(d, DIMENSIONS[d].codes(record));
            }
            int profile = profiles.intern(tuple);
            int key = record.recordKey();
            registrations.addSingle(profile, 1, key);
            int next = persons.size();
            Integer person = persons.putIfAbsent(record.pseudonym(), next);
            if (person == null) {
                if (next == personKey.length) {
                    personKey = Arrays.copyOf(personKey, 2 * next);
                    personProfile = Arrays.copyOf(personProfile, 2 * next);
                }
                personKey[next] = key;
                personProfile[next] = profile;
                return;
            }
            if (personKey[person] != key) {
                // Never quote the pseudonym or the keys: this message may reach a log.
                throw new IllegalStateException("two records of one person carry different record keys; "
                        + "record keys must derive from the pseudonym");
            }
            if (personProfile[person] != profile) {
                int[] others = otherProfiles.get(person);
                if (others == null) {
                    otherProfiles.put(person, new int[] {profile});
                } else if (Arrays.stream(others).noneMatch(p -> p == profile)) {
                    int[] grown = Arrays.copyOf(others, others.length + 1);
                    grown[others.length] = profile;
                    otherProfiles.put(person, grown);
                }
            }
        }

        private int valueId(int dimension, List<String> recordCodes) {
            Object key;
            if (recordCodes.size() == 1) {
                key = recordCodes.get(0);
            } else {
                List<String> sorted = new ArrayList<>(recordCodes);
                sorted.sort(null);
                key = List.copyOf(sorted);
            }
            Map<Object, Integer> ids = valueIds.get(dimension);
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
                valueKeys.get(dimension).add(key);
            }
            return id;
        }

        ReleaseIndex finish() {
            String[][] codes = new String[DIMENSIONS.length][];
            int[][][] valueCodes = new int[DIMENSIONS.length][][];
            for (int d = 0; d < DIMENSIONS.length; d++) {
                Set<String> sorted = new TreeSet<>();
                for (Object key : valueKeys.get(d)) {
                    addCodes(key, sorted);
                }
                codes[d] = sorted.toArray(String[]::new);
                Map<String, Integer> codeIds = new HashMap<>();
                for (int c = 0; c < codes[d].length; c++) {
                    codeIds.put(codes[d][c], c);
                }
                List<Object> keys = valueKeys.get(d);
                valueCodes[d] = new int[keys.size()][];
                for (int v = 0; v < keys.size(); v++) {
                    Set<String> valueSet = new TreeSet<>();
                    addCodes(keys.get(v), valueSet);
                    valueCodes[d][v] = valueSet.stream().mapToInt(codeIds::get).toArray();
                }
            }
            WeightedGroups.Builder victims = new WeightedGroups.Builder(profiles);
            int[] set = new int[8];
            for (int p = 0; p < persons.size(); p++) {
                int[] others = otherProfiles.get(p);
                if (others == null) {
                    victims.addSingle(personProfile[p], 1, personKey[p]);
                    continue;
                }
                if (others.length + 1 > set.length) {
                    set = new int[others.length + 1];
                }
                set[0] = personProfile[p];
                System.arraycopy(others, 0, set, 1, others.length);
                victims.add(set, others.length + 1, 1, personKey[p]);
            }
            int[] all = WeightedGroups.ordinals(ALL_DIMENSIONS);
            return new ReleaseIndex(codes, valueCodes, registrations.build(all, DIMENSIONS.length, null, null),
                    victims.build(all, DIMENSIONS.length, null, null));
        }

        @SuppressWarnings("unchecked")
        private static void addCodes(Object key, Set<String> into) {
            if (key instanceof String code) {
                into.add(code);
            } else {
                into.addAll((List<String>) key);
            }
        }
    }

    /** Bytes held by the index without its projections: dictionaries, values and groups. */
    long bytes() {
        long bytes = registrations.bytes() + victims.bytes();
        for (int d = 0; d < DIMENSIONS.length; d++) {
            for (String code : codes[d]) {
                bytes += 8 + 40 + code.length();
            }
            for (int[] value : valueCodes[d]) {
                bytes += 8 + 16 + 4L * value.length;
            }
        }
        return bytes;
    }

    /** Bytes held by the projections made so far. */
    long projectionBytes() {
        return projections.weight();
    }

    @Override
    public List<String> codes(Dimension dimension) {
        return List.of(codes[dimension.ordinal()]);
    }

    @Override
    public CellCounts count(GridSpec spec) {
        List<Dimension> by = spec.dimensions();
        int k = by.size();
        int[] byDimensions = new int[k];
        for (int i = 0; i < k; i++) {
            byDimensions[i] = by.get(i).ordinal();
        }
        // Per filtered dimension: which codes are allowed, and which of the index's values pass.
        int filterCount = spec.filters().size();
        int[] filterDimensions = new int[filterCount];
        boolean[][] passingValues = new boolean[filterCount][];
        int f = 0;
        for (Map.Entry<Dimension, Set<String>> filter : spec.filters().entrySet()) {
            int d = filter.getKey().ordinal();
            boolean[] allowed = new boolean[codes[d].length];
            for (int c = 0; c < allowed.length; c++) {
                allowed[c] = filter.getValue().contains(codes[d][c]);
            }
            boolean[] passing = new boolean[valueCodes[d].length];
            for (int v = 0; v < passing.length; v++) {
                for (int c : valueCodes[d][v]) {
                    passing[v] |= allowed[c];
                }
            }
            filterDimensions[f] = d;
            passingValues[f++] = passing;
        }
        int filterMask = 0;
        for (int d : filterDimensions) {
            filterMask |= 1 << d;
        }
        int byMask = byMaskOf(byDimensions);
        int[] axisSizes = spec.axisSizes();
        int cellCount = CellCounts.size(axisSizes);
        Scan units = scan(byMask, filterMask, spec.measure() == Measure.VICTIMS);

        // Cells are numbered in row order: the first dimension varies slowest, the total last.
        int[] stride = new int[k];
        for (int i = k - 1, s = 1; i >= 0; s *= axisSizes[i], i--) {
            stride[i] = s;
        }
        int[][][] offsets = new int[k][][];
        int fanOut = 1;
        for (int i = 0; i < k; i++) {
            int d = byDimensions[i];
            // The axis position of each code of the dictionary; -1 for codes that are no cell.
            int[] position = new int[codes[d].length];
            Arrays.fill(position, -1);
            List<String> axis = spec.axes().get(i);
            for (int a = 0; a < axis.size(); a++) {
                int c = Arrays.binarySearch(codes[d], axis.get(a));
                if (c >= 0) {
                    position[c] = a;
                }
            }
            int[][] unitCodes = units.codes()[d];
            int widest = 1;
            offsets[i] = new int[unitCodes.length][];
            for (int v = 0; v < unitCodes.length; v++) {
                int[] valueOffsets = new int[unitCodes[v].length + 1];
                int n = 0;
                for (int c : unitCodes[v]) {
                    // A code outside the axis counts in the total only (and a filtered axis holds only allowed codes).
                    if (position[c] >= 0) {
                        valueOffsets[n++] = position[c] * stride[i];
                    }
                }
                valueOffsets[n++] = (axisSizes[i] - 1) * stride[i];
                offsets[i][v] = Arrays.copyOf(valueOffsets, n);
                widest = Math.max(widest, n);
            }
            fanOut *= widest;
        }

        long[] counts = new long[cellCount];
        int[] keys = new int[cellCount];
        accumulate(units.groups(), byDimensions, offsets, filterDimensions,
                units.passing(filterDimensions, passingValues), fanOut, counts, keys);
        for (long count : counts) {
            if (count < 0) {
                // Cannot happen when inclusion–exclusion is right; never quote the figures.
                throw new IllegalStateException("the release index gave a negative cell count");
            }
        }
        return new CellCounts(axisSizes, counts, keys);
    }

    /**
     * Groups ready to scan, with per dimension and value id the codes the value stands for (for a
     * compound value, the codes its records share) and, for a projection, the index values it
     * combines.
     */
    private record Scan(WeightedGroups groups, int[][][] codes, int byMask, int filterMask, boolean persons) {

        /** True when a projection for these dimensions can be made from this one. */
        boolean canServe(int otherByMask, int otherFilterMask) {
            int kept = byMask | filterMask;
            return (otherFilterMask & ~filterMask) == 0 && ((otherByMask | otherFilterMask) & ~kept) == 0;
        }

        /** Per filter: which of the groups' value ids pass (a compound passes when each of its values does). */
        boolean[][] passing(int[] filterDimensions, boolean[][] passingValues) {
            if (groups.compounds == null) {
                return passingValues;
            }
            boolean[][] passing = new boolean[filterDimensions.length][];
            for (int f = 0; f < filterDimensions.length; f++) {
                int[][] constituents = groups.compounds[filterDimensions[f]];
                passing[f] = new boolean[constituents.length];
                for (int v = 0; v < constituents.length; v++) {
                    boolean all = true;
                    for (int value : constituents[v]) {
                        all &= passingValues[f][value];
                    }
                    passing[f][v] = all;
                }
            }
            return passing;
        }
    }

    /**
     * The groups to scan for a query that breaks down by the dimensions in {@code byMask} and filters
     * on those in {@code filterMask}: the full ones, or the projection for these two sets. A new
     * projection is made from the smallest held projection that can serve it (every dimension kept,
     * the filtered ones as values), else from the full groups.
     */
    private Scan scan(int byMask, int filterMask, boolean persons) {
        WeightedGroups full = persons ? victims : registrations;
        int mask = byMask | filterMask;
        if (mask == ALL_DIMENSIONS) {
            return new Scan(full, valueCodes, ALL_DIMENSIONS, ALL_DIMENSIONS, persons);
        }
        int key = ((byMask << DIMENSIONS.length | filterMask) << 1) | (persons ? 1 : 0);
        return projections.get(key, k -> {
            WeightedGroups source = full;
            for (Scan held : projections.values()) {
                if (held.persons() == persons && held.canServe(byMask, filterMask)
                        && held.groups().rowCount < source.rowCount) {
                    source = held.groups();
                }
            }
            WeightedGroups projected = source.project(mask, byMask & ~filterMask, valueCodes);
            return new Scan(projected, projected.compoundCodes, byMask, filterMask, persons);
        });
    }

    /**
     * Adds every passing group to the cells it lies in. A group of one profile lies in the product
     * of its values' cells; a group of several profiles (persons reported with different codes) lies
     * in the union of its profiles' products, each cell counted once: {@code stamp} remembers which
     * group last added to a cell.
     */
    private static void accumulate(WeightedGroups units, int[] byDimensions, int[][][] offsets,
                                   int[] filterDimensions, boolean[][] passingValues, int fanOut,
                                   long[] counts, int[] keys) {
        char[][] byColumns = columns(units, byDimensions);
        char[][] filterColumns = columns(units, filterDimensions);
        int[] cells = new int[fanOut];
        int[] rowStart = units.rowStart;
        int[] stamp = rowStart == null ? null : new int[counts.length];
        for (int g = 0; g < units.groupCount; g++) {
            int weight = units.weight[g];
            int keySum = units.keySum[g];
            if (rowStart == null || rowStart[g + 1] - rowStart[g] == 1) {
                int r = rowStart == null ? g : rowStart[g];
                if (!passes(r, filterColumns, passingValues)) {
                    continue;
                }
                int n = expand(r, byColumns, offsets, cells);
                for (int j = 0; j < n; j++) {
                    int cell = cells[j];
                    counts[cell] += weight;
                    keys[cell] = (keys[cell] + keySum) & WeightedGroups.KEY_MASK;
                }
                continue;
            }
            for (int r = rowStart[g]; r < rowStart[g + 1]; r++) {
                if (!passes(r, filterColumns, passingValues)) {
                    continue;
                }
                int n = expand(r, byColumns, offsets, cells);
                for (int j = 0; j < n; j++) {
                    int cell = cells[j];
                    if (stamp[cell] != g + 1) {
                        stamp[cell] = g + 1;
                        counts[cell] += weight;
                        keys[cell] = (keys[cell] + keySum) & WeightedGroups.KEY_MASK;
                    }
                }
            }
        }
    }

    private static boolean passes(int row, char[][] filterColumns, boolean[][] passingValues) {
        for (int f = 0; f < filterColumns.length; f++) {
            if (!passingValues[f][filterColumns[f][row]]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the cells of row {@code r} (one offset per by dimension, summed) into {@code cells}; returns how many. */
    private static int expand(int row, char[][] byColumns, int[][][] offsets, int[] cells) {
        int n = 1;
        cells[0] = 0;
        for (int i = 0; i < byColumns.length; i++) {
            int[] choice = offsets[i][byColumns[i][row]];
            int width = choice.length;
            // In place, from the back: cell j's extensions go to j * width .. j * width + width - 1 >= j.
            for (int j = n - 1; j >= 0; j--) {
                int base = cells[j];
                for (int t = width - 1; t >= 0; t--) {
                    cells[j * width + t] = base + choice[t];
                }
            }
            n *= width;
        }
        return n;
    }

    private static int byMaskOf(int[] byDimensions) {
        int mask = 0;
        for (int d : byDimensions) {
            mask |= 1 << d;
        }
        return mask;
    }

    private static char[][] columns(WeightedGroups groups, int[] dimensions) {
        char[][] columns = new char[dimensions.length][];
        for (int i = 0; i < dimensions.length; i++) {
            columns[i] = groups.columns[dimensions[i]];
        }
        return columns;
    }
}
