package org.tipx.anonymizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Anonymises a dataset by optimal full-domain generalisation with suppression, in the manner of ARX.
 *
 * <p>Every quasi-identifier is generalised to one level of its hierarchy (the same level for all records);
 * records in equivalence classes that fail a privacy model are then suppressed, up to the suppression limit.
 * Among the transformations that satisfy every model within the limit, the one with the least information
 * loss under the configured metric is chosen; see {@link LatticeSearch} for the search and why it is optimal.
 *
 * <p>The output keeps the input's columns and row order, minus the identifying columns (removed). A
 * suppressed record has {@code *} ({@link Hierarchy#SUPPRESSED}) in every quasi-identifier; leaves cannot be
 * {@code *}, so a suppressed record is never confused with a value, missing or not (a missing value must be
 * a leaf of its hierarchy, such as an empty string or {@code NA}).
 *
 * <p>Privacy unit: the record. Thread-safe: each call works on its own state.
 */
public final class Anonymizer {
    private Anonymizer() {
    }

    public static AnonymizationResult anonymize(Dataset data, AnonymizationConfig config) {
        return anonymize(data, config, ProgressListener.NONE);
    }

    /**
     * Anonymises {@code data} as {@code config} asks, reporting the search's progress to {@code progress}.
     *
     * @throws AnonymizationException if a configured column is missing, a value is not a leaf of its hierarchy,
     *                                or no transformation satisfies the models within the limit
     */
    public static AnonymizationResult anonymize(Dataset data, AnonymizationConfig config, ProgressListener progress) {
        long started = System.nanoTime();
        List<String> qiColumns = config.quasiIdentifierColumns();
        for (String column : qiColumns) {
            data.columnIndex(column);
        }
        for (String column : config.identifyingColumns()) {
            data.columnIndex(column);
        }
        List<String> sensitiveColumns = new ArrayList<>();
        for (PrivacyModel model : config.models()) {
            model.sensitiveColumnName().ifPresent(column -> {
                data.columnIndex(column);
                if (!sensitiveColumns.contains(column)) {
                    sensitiveColumns.add(column);
                }
            });
        }
        if (data.size() == 0) {
            throw new AnonymizationException("the dataset has no records to anonymise");
        }
        Encoded encoded = new Encoded(data, qiColumns, List.copyOf(config.quasiIdentifiers().values()),
                sensitiveColumns);
        long maxSuppressed = config.maxSuppressed(data.size());
        long deadline = config.timeBudget().map(budget -> started + saturatedNanos(budget))
                .orElse(started + Long.MAX_VALUE / 2);
        LatticeSearch search = new LatticeSearch(encoded, Criteria.of(config.models(), sensitiveColumns),
                config.metric(), maxSuppressed, config.nodeBudget().orElse(Long.MAX_VALUE), deadline,
                progress);
        LatticeSearch.Outcome outcome = search.run();
        Dataset output = buildOutput(data, config, encoded, outcome);
        AnonymizationReport report = buildReport(qiColumns, outcome, search.latticeSize,
                Duration.ofNanos(System.nanoTime() - started));
        return new AnonymizationResult(output, report);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    private static Dataset buildOutput(Dataset data, AnonymizationConfig config, Encoded encoded,
                                       LatticeSearch.Outcome outcome) {
        // The outcome was grouped from the base table: each record maps to its row through the base table.
        Evaluation best = outcome.evaluation();
        int[] baseToRow = best.grouping().sourceIds();
        int[] classOfRow = best.grouping().classOfRow();
        boolean[] failing = best.failing();
        List<String> qiColumns = config.quasiIdentifierColumns();
        List<String> columns = new ArrayList<>();
        List<String[]> dictionaries = new ArrayList<>();
        List<int[]> codes = new ArrayList<>();
        int n = data.size();
        for (int column = 0; column < data.columns().size(); column++) {
            String name = data.columns().get(column);
            if (config.identifyingColumns().contains(name)) {
                continue;
            }
            columns.add(name);
            int qi = qiColumns.indexOf(name);
            if (qi < 0) {
                dictionaries.add(data.dictionary(column));
                codes.add(data.codes(column));
                continue;
            }
            int level = outcome.levels()[qi];
            Hierarchy hierarchy = encoded.hierarchies[qi];
            String[] labels = hierarchy.labels(level);
            int suppressedCode = Arrays.asList(labels).indexOf(Hierarchy.SUPPRESSED);
            String[] dictionary = labels;
            if (suppressedCode < 0) {
                dictionary = Arrays.copyOf(labels, labels.length + 1);
                suppressedCode = labels.length;
                dictionary[suppressedCode] = Hierarchy.SUPPRESSED;
            }
            int[] leafToCode = encoded.generalised[qi][level];
            int[] out = new int[n];
            int[] leaves = encoded.base.columns()[qi];
            for (int r = 0; r < n; r++) {
                int baseRow = encoded.baseRowOfRecord[r];
                if (failing[classOfRow[baseToRow[baseRow]]]) {
                    out[r] = suppressedCode;
                } else {
                    out[r] = leafToCode[leaves[baseRow]];
                }
            }
            dictionaries.add(dictionary);
            codes.add(out);
        }
        return Dataset.ofEncoded(columns, dictionaries.toArray(String[][]::new), codes.toArray(int[][]::new), n);
    }

    private static AnonymizationReport buildReport(List<String> qiColumns, LatticeSearch.Outcome outcome,
                                                   long latticeSize, Duration elapsed) {
        Evaluation best = outcome.evaluation();
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (int i = 0; i < qiColumns.size(); i++) {
            levels.put(qiColumns.get(i), outcome.levels()[i]);
        }
        SortedMap<Integer, Long> distribution = new TreeMap<>();
        long classes = 0;
        long published = 0;
        int smallest = Integer.MAX_VALUE;
        int[] classSize = best.grouping().classSize();
        for (int c = 0; c < classSize.length; c++) {
            if (!best.failing()[c]) {
                classes++;
                published += classSize[c];
                smallest = Math.min(smallest, classSize[c]);
                distribution.merge(classSize[c], 1L, Long::sum);
            }
        }
        double maxRisk = classes == 0 ? 0 : 1.0 / smallest;
        double averageRisk = classes == 0 ? 0 : (double) classes / published;
        return new AnonymizationReport(levels, best.suppressed(), classes, distribution, best.loss(), best.score(),
                maxRisk, averageRisk, outcome.nodesChecked(), latticeSize, outcome.optimal(), elapsed);
    }
}
