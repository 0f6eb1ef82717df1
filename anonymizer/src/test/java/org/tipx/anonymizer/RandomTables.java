package org.tipx.anonymizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random tables and hierarchies for the property tests. */
final class RandomTables {
    private RandomTables() {
    }

    /** A random consistent hierarchy of the given height over {@code leaves} values named prefix0, prefix1, … */
    static Hierarchy hierarchy(Random random, String prefix, int leaves, int height, boolean starTop) {
        List<String[]> rows = new ArrayList<>();
        for (int leaf = 0; leaf < leaves; leaf++) {
            String[] row = new String[height];
            row[0] = prefix + leaf;
            rows.add(row);
        }
        // Each level maps the labels of the one below onto fewer labels, so groups only ever merge.
        int labelsBelow = leaves;
        int[] parentOfLabel;
        int[] labelOfLeaf = new int[leaves];
        for (int leaf = 0; leaf < leaves; leaf++) {
            labelOfLeaf[leaf] = leaf;
        }
        for (int level = 1; level < height; level++) {
            boolean top = level == height - 1;
            int labels = top && starTop ? 1 : Math.max(1, labelsBelow - 1 - random.nextInt(Math.max(1, labelsBelow / 2)));
            parentOfLabel = new int[labelsBelow];
            for (int label = 0; label < labelsBelow; label++) {
                parentOfLabel[label] = label < labels ? label : random.nextInt(labels);
            }
            for (int leaf = 0; leaf < leaves; leaf++) {
                labelOfLeaf[leaf] = parentOfLabel[labelOfLeaf[leaf]];
                rows.get(leaf)[level] = top && starTop ? Hierarchy.SUPPRESSED : prefix + "L" + level + "_" + labelOfLeaf[leaf];
            }
            labelsBelow = labels;
        }
        List<List<String>> asLists = new ArrayList<>();
        for (String[] row : rows) {
            asLists.add(List.of(row));
        }
        return Hierarchy.of(asLists);
    }

    /** A value drawn with a skew, so that some combinations are rare and classes come in many sizes. */
    static int skewed(Random random, int bound) {
        double u = random.nextDouble();
        return Math.min(bound - 1, (int) (bound * u * u));
    }
}
