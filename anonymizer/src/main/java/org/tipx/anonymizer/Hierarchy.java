package org.tipx.anonymizer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A generalisation hierarchy for one quasi-identifier: level 0 holds the original (leaf) values, each higher
 * level a coarser label, and the top level usually the single value {@code *}.
 *
 * <p>The shape is ARX's: one row per leaf value, one column per level. For example the rows
 * <pre>
 * 25;25-29;20-39;*
 * 31;30-34;20-39;*
 * </pre>
 * say that 25 generalises to {@code 25-29} at level 1, {@code 20-39} at level 2 and {@code *} at level 3.
 *
 * <p>A hierarchy must be consistent, so that generalisation only ever merges groups: a label at level l
 * always has the same label at level l + 1 (it is an error for {@code 20-39} to become both {@code *} and
 * {@code adult}). The leaf {@code *} is refused, because {@code *} in every quasi-identifier marks a
 * suppressed record in the output.
 *
 * <p>Immutable and thread-safe.
 */
public final class Hierarchy {
    /** The value of a suppressed cell, and the usual top of a hierarchy. */
    public static final String SUPPRESSED = "*";

    private final String[] leaves;
    private final Map<String, Integer> leafIndex;
    /** labels[level][code]: the distinct labels of a level, in order of first appearance. */
    private final String[][] labels;
    /** leafToCode[level][leaf]: the code of the leaf's label at that level. */
    private final int[][] leafToCode;
    /** coveredLeaves[level][code]: how many leaves the label covers, for the Loss metric. */
    private final int[][] coveredLeaves;

    private Hierarchy(List<String[]> rows, String origin) {
        if (rows.isEmpty()) {
            throw new AnonymizationException(origin + ": a hierarchy needs at least one row");
        }
        int height = rows.get(0).length;
        if (height == 0) {
            throw new AnonymizationException(origin + ": row 1 has no value");
        }
        int leafCount = rows.size();
        this.leaves = new String[leafCount];
        this.leafIndex = new HashMap<>(leafCount * 2);
        this.labels = new String[height][];
        this.leafToCode = new int[height][leafCount];
        this.coveredLeaves = new int[height][];
        List<Map<String, Integer>> codeOfLabel = new ArrayList<>();
        List<List<String>> labelLists = new ArrayList<>();
        for (int level = 0; level < height; level++) {
            codeOfLabel.add(new HashMap<>());
            labelLists.add(new ArrayList<>());
        }
        // parentOf[level]: label at level -> label at level + 1, to check consistency.
        List<Map<String, String>> parentOf = new ArrayList<>();
        List<Map<String, Integer>> firstRowOf = new ArrayList<>();
        for (int level = 0; level < height; level++) {
            parentOf.add(new HashMap<>());
            firstRowOf.add(new HashMap<>());
        }
        for (int r = 0; r < leafCount; r++) {
            String[] row = rows.get(r);
            int line = r + 1;
            if (row.length != height) {
                throw new AnonymizationException(origin + ": row " + line + " has " + row.length
                        + " levels, but row 1 has " + height + " (every row needs one value per level)");
            }
            String leaf = row[0];
            if (leaf.equals(SUPPRESSED)) {
                throw new AnonymizationException(origin + ": row " + line + " has the leaf value '*', which is "
                        + "reserved for suppressed records");
            }
            Integer previous = leafIndex.putIfAbsent(leaf, r);
            if (previous != null) {
                throw new AnonymizationException(origin + ": the leaf value '" + leaf + "' appears in rows "
                        + (previous + 1) + " and " + line);
            }
            leaves[r] = leaf;
            for (int level = 0; level < height; level++) {
                String label = row[level];
                List<String> levelLabels = labelLists.get(level);
                Integer code = codeOfLabel.get(level).putIfAbsent(label, levelLabels.size());
                if (code == null) {
                    code = levelLabels.size();
                    levelLabels.add(label);
                    firstRowOf.get(level).put(label, line);
                }
                leafToCode[level][r] = code;
                if (level + 1 < height) {
                    String parent = row[level + 1];
                    String known = parentOf.get(level).putIfAbsent(label, parent);
                    if (known != null && !known.equals(parent)) {
                        throw new AnonymizationException(String.format(Locale.ROOT,
                                "%s: inconsistent hierarchy: '%s' at level %d generalises to '%s' in row %d "
                                        + "but to '%s' in row %d", origin, label, level, known,
                                firstRowOf.get(level).get(label), parent, line));
                    }
                }
            }
        }
        for (int level = 0; level < height; level++) {
            labels[level] = labelLists.get(level).toArray(String[]::new);
            coveredLeaves[level] = new int[labels[level].length];
            for (int leaf = 0; leaf < leafCount; leaf++) {
                coveredLeaves[level][leafToCode[level][leaf]]++;
            }
        }
    }

    /**
     * Reads a hierarchy in ARX's CSV format: one row per leaf value, one column per level, level 0 first.
     *
     * @throws AnonymizationException with the row number if rows differ in width, a leaf repeats, a leaf is
     *                                {@code *}, or a label has two different parents
     */
    public static Hierarchy fromCsv(Reader in, char separator) {
        return fromCsv(in, separator, "hierarchy");
    }

    /** Reads a UTF-8 hierarchy file in ARX's CSV format; see {@link #fromCsv(Reader, char)}. */
    public static Hierarchy fromCsv(Path file, char separator) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromCsv(in, separator, "hierarchy " + file.getFileName());
        } catch (IOException e) {
            throw new AnonymizationException("cannot read hierarchy " + file + ": " + e.getMessage(), e);
        }
    }

    private static Hierarchy fromCsv(Reader in, char separator, String origin) {
        List<String[]> rows = new ArrayList<>();
        try {
            Csv.read(in, separator, (fields, line) -> rows.add(fields));
        } catch (IOException e) {
            throw new AnonymizationException("cannot read " + origin + ": " + e.getMessage(), e);
        }
        return new Hierarchy(rows, origin);
    }

    /**
     * A hierarchy from its rows, as they would appear in the CSV file: {@code rows.get(i).get(level)}.
     */
    public static Hierarchy of(List<List<String>> rows) {
        List<String[]> copy = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            copy.add(row.toArray(String[]::new));
        }
        return new Hierarchy(copy, "hierarchy");
    }

    /**
     * A hierarchy built from parent links, one map per level above the leaves; a final level {@code *} is added
     * unless the last map already sends everything to {@code *}.
     *
     * <p>Countries to UN M49 sub-regions to regions:
     * <pre>{@code
     * Hierarchy countries = Hierarchy.fromParents(
     *         List.of("FR", "DE", "NG"),
     *         List.of(Map.of("FR", "Western Europe", "DE", "Western Europe", "NG", "Western Africa"),
     *                 Map.of("Western Europe", "Europe", "Western Africa", "Africa")));
     * // levels: FR -> Western Europe -> Europe -> *
     * }</pre>
     *
     * @param leaves          the level-0 values
     * @param parentsPerLevel map i sends each label of level i to its label at level i + 1
     * @throws AnonymizationException if a value has no parent in the next map
     */
    public static Hierarchy fromParents(List<String> leaves, List<Map<String, String>> parentsPerLevel) {
        List<String[]> rows = new ArrayList<>(leaves.size());
        boolean topIsSuppressed = true;
        for (String leaf : leaves) {
            String[] row = new String[parentsPerLevel.size() + 2];
            row[0] = leaf;
            String current = leaf;
            for (int level = 0; level < parentsPerLevel.size(); level++) {
                String parent = parentsPerLevel.get(level).get(current);
                if (parent == null) {
                    throw new AnonymizationException("'" + current + "' at level " + level
                            + " has no parent in map " + level);
                }
                row[level + 1] = parent;
                current = parent;
            }
            topIsSuppressed &= current.equals(SUPPRESSED);
            row[row.length - 1] = SUPPRESSED;
            rows.add(row);
        }
        if (topIsSuppressed && !parentsPerLevel.isEmpty()) {
            // The maps already end in '*': do not add a second, identical level.
            rows.replaceAll(row -> Arrays.copyOf(row, row.length - 1));
        }
        return new Hierarchy(rows, "hierarchy");
    }

    /**
     * An interval hierarchy for whole numbers {@code min..max}: level 0 holds every value, level j groups
     * them into bands of {@code widths[j-1]} aligned at {@code min}, labelled {@code "low-high"} (the last band
     * is cut at {@code max}), and a final level {@code *} is added. Each width must be a multiple of the one
     * before, so that bands nest.
     *
     * <p>{@code Hierarchy.intervals(0, 99, 5, 10, 20)} sends 37 to {@code 35-39}, {@code 30-39}, {@code 20-39},
     * {@code *}: the same shape as ARX's age hierarchy for adult.
     */
    public static Hierarchy intervals(int min, int max, int... widths) {
        if (min > max) {
            throw new AnonymizationException("min must not exceed max, got min " + min + " and max " + max);
        }
        List<List<Integer>> edges = new ArrayList<>();
        int previous = 1;
        for (int width : widths) {
            if (width < 1 || width % previous != 0) {
                throw new AnonymizationException("each width must be positive and a multiple of the one before, got "
                        + Arrays.toString(widths));
            }
            previous = width;
            List<Integer> levelEdges = new ArrayList<>();
            for (long edge = min; edge <= max; edge += width) {
                levelEdges.add((int) edge);
            }
            edges.add(levelEdges);
        }
        return intervalsWithEdges(min, max, edges);
    }

    /**
     * An interval hierarchy for whole numbers {@code min..max} with explicit band edges: for each level above
     * the leaves, the sorted lower edges of its bands (the first must be {@code min}); a band runs to the next
     * edge minus one, the last to {@code max}, and is labelled {@code "low-high"} (or {@code "low"} for a band
     * of one value). Each level's edges must be a subset of the level below's, so that bands nest. A final level
     * {@code *} is added.
     *
     * <p>Age bands for victims: {@code intervalsWithEdges(0, 120, List.of(List.of(0, 12, 18, 25, 35, 50, 65),
     * List.of(0, 18, 65)))} sends 15 to {@code 12-17} and then to {@code 0-17}.
     */
    public static Hierarchy intervalsWithEdges(int min, int max, List<List<Integer>> lowerEdgesPerLevel) {
        if (min > max) {
            throw new AnonymizationException("min must not exceed max, got min " + min + " and max " + max);
        }
        if ((long) max - min >= 10_000_000L) {
            throw new AnonymizationException("an interval hierarchy is limited to 10,000,000 leaves, got "
                    + min + ".." + max);
        }
        List<Integer> finer = null;
        for (List<Integer> edges : lowerEdgesPerLevel) {
            if (edges.isEmpty() || edges.get(0) != min) {
                throw new AnonymizationException("the first band edge of every level must be min " + min
                        + ", got " + edges);
            }
            for (int i = 1; i < edges.size(); i++) {
                if (edges.get(i) <= edges.get(i - 1) || edges.get(i) > max) {
                    throw new AnonymizationException("band edges must increase and stay within " + min + ".."
                            + max + ", got " + edges);
                }
            }
            if (finer != null && !finer.containsAll(edges)) {
                throw new AnonymizationException("bands must nest: the edges " + edges
                        + " are not all edges of the level below " + finer);
            }
            finer = edges;
        }
        List<String[]> rows = new ArrayList<>(max - min + 1);
        int levels = lowerEdgesPerLevel.size();
        int[] bandIndex = new int[levels];
        for (int value = min; value <= max; value++) {
            String[] row = new String[levels + 2];
            row[0] = Integer.toString(value);
            for (int level = 0; level < levels; level++) {
                List<Integer> edges = lowerEdgesPerLevel.get(level);
                while (bandIndex[level] + 1 < edges.size() && edges.get(bandIndex[level] + 1) <= value) {
                    bandIndex[level]++;
                }
                int low = edges.get(bandIndex[level]);
                int high = bandIndex[level] + 1 < edges.size() ? edges.get(bandIndex[level] + 1) - 1 : max;
                row[level + 1] = low == high ? Integer.toString(low) : low + "-" + high;
            }
            row[levels + 1] = SUPPRESSED;
            rows.add(row);
        }
        return new Hierarchy(rows, "hierarchy");
    }

    /** The number of levels, including level 0 (the leaves). */
    public int height() {
        return labels.length;
    }

    /** The number of leaf values (rows of the CSV), the domain size |D| in the Loss metric. */
    public int leafCount() {
        return leaves.length;
    }

    /** The leaf values, in row order. */
    public List<String> leaves() {
        return List.of(leaves);
    }

    /**
     * The label of a leaf value at a level, or empty if the value is not a leaf of this hierarchy.
     *
     * @throws AnonymizationException if the level is outside 0..height()-1
     */
    public Optional<String> generalise(String leafValue, int level) {
        checkLevel(level);
        Integer leaf = leafIndex.get(leafValue);
        return leaf == null ? Optional.empty() : Optional.of(labels[level][leafToCode[level][leaf]]);
    }

    /** The rows of this hierarchy, as in its CSV form; handy to write it out or inspect it. */
    public List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>(leaves.length);
        for (int leaf = 0; leaf < leaves.length; leaf++) {
            String[] row = new String[labels.length];
            for (int level = 0; level < labels.length; level++) {
                row[level] = labels[level][leafToCode[level][leaf]];
            }
            rows.add(List.of(row));
        }
        return rows;
    }

    /** The number of distinct labels at a level. */
    public int domainSize(int level) {
        checkLevel(level);
        return labels[level].length;
    }

    private void checkLevel(int level) {
        if (level < 0 || level >= labels.length) {
            throw new AnonymizationException("level must be within 0.." + (labels.length - 1) + ", got " + level);
        }
    }

    /** Package-private: the row index of a leaf value, or -1. */
    int leafIndexOf(String value) {
        Integer leaf = leafIndex.get(value);
        return leaf == null ? -1 : leaf;
    }

    /** Package-private, not copied: leaf index to label code at a level. */
    int[] leafToCode(int level) {
        return leafToCode[level];
    }

    /** Package-private, not copied: the labels of a level, indexed by code. */
    String[] labels(int level) {
        return labels[level];
    }

    /** Package-private, not copied: how many leaves each label of a level covers. */
    int[] coveredLeaves(int level) {
        return coveredLeaves[level];
    }

    @Override
    public String toString() {
        Map<Integer, Integer> sizes = new LinkedHashMap<>();
        for (int level = 0; level < labels.length; level++) {
            sizes.put(level, labels[level].length);
        }
        return "Hierarchy[" + leaves.length + " leaves, labels per level " + sizes.values() + "]";
    }
}
