package org.tipx.anonymizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive reference for the search: scores every node of the lattice from strings, with none of
 * the engine's encoding, roll-up, bounds or pruning.
 */
final class BruteForce {
    /** The brute-force judgement of one node. */
    record NodeScore(int[] levels, boolean acceptable, long suppressed, double score) {
    }

    private BruteForce() {
    }

    static List<NodeScore> scoreAll(Dataset data, AnonymizationConfig config) {
        List<String> qis = config.quasiIdentifierColumns();
        List<Hierarchy> hierarchies = List.copyOf(config.quasiIdentifiers().values());
        int[] heights = hierarchies.stream().mapToInt(Hierarchy::height).toArray();
        List<NodeScore> scores = new ArrayList<>();
        int[] levels = new int[qis.size()];
        while (true) {
            scores.add(score(data, config, qis, hierarchies, levels.clone()));
            int dim = 0;
            while (dim < levels.length && ++levels[dim] == heights[dim]) {
                levels[dim] = 0;
                dim++;
            }
            if (dim == levels.length) {
                return scores;
            }
        }
    }

    static NodeScore score(Dataset data, AnonymizationConfig config, List<String> qis, List<Hierarchy> hierarchies,
                           int[] levels) {
        int n = data.size();
        Map<List<String>, List<Integer>> classes = new HashMap<>();
        for (int row = 0; row < n; row++) {
            List<String> key = new ArrayList<>();
            for (int q = 0; q < qis.size(); q++) {
                String value = data.get(row, data.columnIndex(qis.get(q)));
                key.add(hierarchies.get(q).generalise(value, levels[q]).orElseThrow());
            }
            classes.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        long suppressed = 0;
        double squares = 0;
        double[] shareSums = new double[qis.size()];
        for (Map.Entry<List<String>, List<Integer>> entry : classes.entrySet()) {
            List<Integer> members = entry.getValue();
            if (!passes(data, config.models(), members)) {
                suppressed += members.size();
                continue;
            }
            squares += (double) members.size() * members.size();
            for (int q = 0; q < qis.size(); q++) {
                shareSums[q] += members.size() * covered(hierarchies.get(q), levels[q], entry.getKey().get(q))
                        / (double) hierarchies.get(q).leafCount();
            }
        }
        double product = 1;
        for (int q = 0; q < qis.size(); q++) {
            double sum = shareSums[q] + suppressed;
            int domain = hierarchies.get(q).leafCount();
            double minimum = (double) n / domain;
            product *= 1 + (domain == 1 ? 0 : (sum - minimum) / (n - minimum));
        }
        double loss = Math.pow(product, 1.0 / qis.size()) - 1;
        double score = switch (config.metric()) {
            case LOSS -> loss;
            case DISCERNIBILITY -> squares + (double) suppressed * n;
            case NON_UNIFORM_ENTROPY -> entropy(data, qis, hierarchies, levels, classes, config.models());
        };
        boolean acceptable = suppressed <= Math.floor(config.suppressionLimit() * n + 1e-9);
        return new NodeScore(levels, acceptable, suppressed, score);
    }

    /** Σ log2(f(label)/f(value)) over QIs and published records; log2(n/f(value)) when suppressed. */
    private static double entropy(Dataset data, List<String> qis, List<Hierarchy> hierarchies, int[] levels,
                                  Map<List<String>, List<Integer>> classes, List<PrivacyModel> models) {
        int n = data.size();
        double total = 0;
        for (int q = 0; q < qis.size(); q++) {
            int column = data.columnIndex(qis.get(q));
            Map<String, Integer> valueFrequency = new HashMap<>();
            Map<String, Integer> labelFrequency = new HashMap<>();
            for (int row = 0; row < n; row++) {
                String value = data.get(row, column);
                valueFrequency.merge(value, 1, Integer::sum);
                labelFrequency.merge(hierarchies.get(q).generalise(value, levels[q]).orElseThrow(), 1, Integer::sum);
            }
            for (List<Integer> members : classes.values()) {
                boolean suppressed = !passes(data, models, members);
                for (int row : members) {
                    String value = data.get(row, column);
                    double denominator = suppressed ? n
                            : labelFrequency.get(hierarchies.get(q).generalise(value, levels[q]).orElseThrow());
                    total += Math.log(denominator / valueFrequency.get(value)) / Math.log(2);
                }
            }
        }
        return total;
    }

    private static int covered(Hierarchy hierarchy, int level, String label) {
        int count = 0;
        for (List<String> row : hierarchy.rows()) {
            if (row.get(level).equals(label)) {
                count++;
            }
        }
        return count;
    }

    private static boolean passes(Dataset data, List<PrivacyModel> models, List<Integer> members) {
        for (PrivacyModel model : models) {
            switch (model) {
                case PrivacyModel.KAnonymity m -> {
                    if (members.size() < m.k()) {
                        return false;
                    }
                }
                case PrivacyModel.DistinctLDiversity m -> {
                    if (frequencies(data, m.sensitiveColumn(), members).size() < m.l()) {
                        return false;
                    }
                }
                case PrivacyModel.EntropyLDiversity m -> {
                    double entropy = 0;
                    for (int count : frequencies(data, m.sensitiveColumn(), members).values()) {
                        double p = count / (double) members.size();
                        entropy -= p * Math.log(p);
                    }
                    if (entropy < Math.log(m.l()) - 1e-12) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Map<String, Integer> frequencies(Dataset data, String column, List<Integer> members) {
        Map<String, Integer> counts = new HashMap<>();
        int index = data.columnIndex(column);
        for (int row : members) {
            counts.merge(data.get(row, index), 1, Integer::sum);
        }
        return counts;
    }

    static String describe(int[] levels) {
        return Arrays.toString(levels);
    }
}
