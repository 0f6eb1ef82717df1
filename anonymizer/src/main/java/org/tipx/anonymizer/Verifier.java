package org.tipx.anonymizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An independent check of a finished output, to run before anything is published. It shares no grouping
 * code with the search: it recounts the classes from the output's own cells, as strings.
 *
 * <p>Rules: a row with {@code *} in every quasi-identifier is suppressed and belongs to no class; there may be
 * at most ⌊limit × rows⌋ of them. (When there are more, they may still pass as one ordinary class, since such
 * rows are indistinguishable: a transformation that generalises everything to {@code *} publishes exactly
 * that.) Every other class must hold at least k rows, at least l distinct sensitive values (distinct
 * l-diversity) or a sensitive-value entropy of at least ln l (entropy l-diversity).
 *
 * <p>Thread-safe (stateless).
 */
public final class Verifier {
    private static final double ENTROPY_TOLERANCE = 1e-12;

    private Verifier() {
    }

    /** Recounts the classes of {@code output} and reports every problem found. */
    public static VerificationResult verify(Dataset output, List<String> quasiIdentifiers, List<PrivacyModel> models,
                                            double suppressionLimit) {
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new AnonymizationException("the suppression limit must be within 0..1, got " + suppressionLimit);
        }
        if (quasiIdentifiers.isEmpty()) {
            throw new AnonymizationException("at least one quasi-identifier is required to verify an output");
        }
        int[] qiIndex = quasiIdentifiers.stream().mapToInt(output::columnIndex).toArray();
        List<String> sensitive = new ArrayList<>();
        for (PrivacyModel model : models) {
            model.sensitiveColumnName().filter(c -> !sensitive.contains(c)).ifPresent(sensitive::add);
        }
        int[] sensitiveIndex = sensitive.stream().mapToInt(output::columnIndex).toArray();

        Map<List<String>, Group> classes = new HashMap<>();
        Group allSuppressed = new Group(sensitiveIndex.length);
        for (int row = 0; row < output.size(); row++) {
            String[] key = new String[qiIndex.length];
            boolean suppressed = true;
            for (int q = 0; q < qiIndex.length; q++) {
                key[q] = output.get(row, qiIndex[q]);
                suppressed &= key[q].equals(Hierarchy.SUPPRESSED);
            }
            Group group = suppressed ? allSuppressed
                    : classes.computeIfAbsent(Arrays.asList(key), k -> new Group(sensitiveIndex.length));
            group.add(output, row, sensitiveIndex);
        }

        List<String> problems = new ArrayList<>();
        long maxSuppressed = SuppressionLimit.maxSuppressed(suppressionLimit, output.size());
        long suppressedRows = allSuppressed.size;
        if (suppressedRows > maxSuppressed) {
            List<String> asClass = failures(allSuppressed, models, sensitive);
            if (asClass.isEmpty()) {
                // Too many to be suppression, but together they are a class that meets every model.
                classes.put(List.of(), allSuppressed);
                suppressedRows = 0;
            } else {
                problems.add(suppressedRows + " rows are suppressed but the limit allows " + maxSuppressed);
            }
        }
        long smallest = 0;
        Map<String, Integer> failureCounts = new java.util.TreeMap<>();
        for (Group group : classes.values()) {
            smallest = smallest == 0 ? group.size : Math.min(smallest, group.size);
            for (String failure : failures(group, models, sensitive)) {
                failureCounts.merge(failure, 1, Integer::sum);
            }
        }
        failureCounts.forEach((failure, count) -> problems.add(count + (count == 1 ? " class " : " classes ")
                + failure));
        return new VerificationResult(problems.isEmpty(), output.size(), suppressedRows, maxSuppressed,
                classes.size(), smallest, problems);
    }

    /**
     * Verifies and throws when the output is unsafe.
     *
     * @throws UnsafeOutputException listing every problem
     */
    public static VerificationResult requireSafe(Dataset output, List<String> quasiIdentifiers,
                                                 List<PrivacyModel> models, double suppressionLimit) {
        VerificationResult result = verify(output, quasiIdentifiers, models, suppressionLimit);
        if (!result.safe()) {
            throw new UnsafeOutputException(result);
        }
        return result;
    }

    private static List<String> failures(Group group, List<PrivacyModel> models, List<String> sensitive) {
        List<String> failures = new ArrayList<>();
        for (PrivacyModel model : models) {
            switch (model) {
                case PrivacyModel.KAnonymity m -> {
                    if (group.size < m.k()) {
                        failures.add("smaller than k = " + m.k());
                    }
                }
                case PrivacyModel.DistinctLDiversity m -> {
                    Map<String, Long> values = group.values[sensitive.indexOf(m.sensitiveColumn())];
                    if (values.size() < m.l()) {
                        failures.add("with fewer than l = " + m.l() + " distinct values of '" + m.sensitiveColumn()
                                + "'");
                    }
                }
                case PrivacyModel.EntropyLDiversity m -> {
                    Map<String, Long> values = group.values[sensitive.indexOf(m.sensitiveColumn())];
                    double entropy = 0;
                    for (long count : values.values()) {
                        double p = (double) count / group.size;
                        entropy -= p * Math.log(p);
                    }
                    if (entropy < Math.log(m.l()) - ENTROPY_TOLERANCE) {
                        failures.add(String.format(Locale.ROOT, "with an entropy of '%s' below ln(l) for l = %s",
                                m.sensitiveColumn(), m.l()));
                    }
                }
            }
        }
        return failures;
    }

    /** The rows of one class: how many, and the frequency of each sensitive value. */
    private static final class Group {
        long size;
        final Map<String, Long>[] values;

        @SuppressWarnings("unchecked")
        Group(int sensitiveColumns) {
            values = new Map[sensitiveColumns];
            for (int s = 0; s < sensitiveColumns; s++) {
                values[s] = new HashMap<>();
            }
        }

        void add(Dataset output, int row, int[] sensitiveIndex) {
            size++;
            for (int s = 0; s < sensitiveIndex.length; s++) {
                values[s].merge(output.get(row, sensitiveIndex[s]), 1L, Long::sum);
            }
        }
    }
}
