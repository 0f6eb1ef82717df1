package org.tipx.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tipx.anonymizer.AnonymizationConfig;
import org.tipx.anonymizer.AnonymizationReport;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.Hierarchy;
import org.tipx.anonymizer.PrivacyModel;
import org.tipx.anonymizer.QualityMetric;
import org.tipx.anonymizer.Verifier;
import org.tipx.api.anonymize.CaseRecordAnonymization;
import org.tipx.api.format.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "anonymize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"k-anonymises a table with the optimal generalisation of its quasi-identifiers.",
                "Every column given a --hierarchy is a quasi-identifier; the other columns stay as they are. "
                        + "The output is checked again (every class of at least k records, the suppression limit "
                        + "kept) before it and the report are written; both are written whole or not at all.",
                "Exit status: 0 written, 1 failed (nothing written), 2 usage error."})
final class AnonymizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The table: CSV with a header row, separated by --separator.")
    Path input;

    @Option(names = "--separator", defaultValue = ";", paramLabel = "CHAR", converter = SeparatorConverter.class,
            description = "Field separator of the input and the output, e.g. ';' ',' or tab (default: ${DEFAULT-VALUE}).")
    char separator;

    @Option(names = "--hierarchy", required = true, paramLabel = "COLUMN=FILE", converter = HierarchyOption.Converter.class,
            description = {"A quasi-identifier and its generalisation hierarchy (ARX CSV format: one row per value, "
                    + "one column per level, the last '*', separated by --hierarchy-separator). Repeat for each one."})
    List<HierarchyOption> hierarchies = new ArrayList<>();

    @Option(names = "--hierarchy-separator", defaultValue = ";", paramLabel = "CHAR", converter = SeparatorConverter.class,
            description = "Field separator of the hierarchy files (default: ${DEFAULT-VALUE}).")
    char hierarchySeparator;

    @Option(names = "--k", defaultValue = "" + CaseRecordAnonymization.DEFAULT_K, paramLabel = "K",
            description = "Every combination of quasi-identifier values is shared by at least K records (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--l", paramLabel = "L",
            description = "Also distinct l-diversity: every class has at least L distinct values of --sensitive.")
    Optional<Integer> distinctL = Optional.empty();

    @Option(names = "--entropy-l", paramLabel = "L",
            description = "Also entropy l-diversity: the entropy of --sensitive in every class is at least ln(L).")
    Optional<Double> entropyL = Optional.empty();

    @Option(names = "--sensitive", paramLabel = "COLUMN", description = "The sensitive column of --l / --entropy-l.")
    Optional<String> sensitive = Optional.empty();

    @Option(names = "--suppression", defaultValue = "0.05", paramLabel = "S", converter = ShareConverter.class,
            description = "Largest share of records that may be suppressed, e.g. 0.05 or 5%% (default: ${DEFAULT-VALUE}).")
    double suppression;

    @Option(names = "--metric", defaultValue = "loss", paramLabel = "loss|discernibility",
            description = "What the optimum minimises (default: ${DEFAULT-VALUE}).")
    QualityMetric metric;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop the search after this long, e.g. 60s or 5m, and keep the best found so far "
                    + "(the report then says \"optimal\": false). Default: search until the optimum is proven.")
    Optional<Duration> timeBudget = Optional.empty();

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "The anonymised table.")
    Path output;

    @Option(names = "--report", required = true, paramLabel = "REPORT.json",
            description = "What was done: levels per quasi-identifier, suppressed records, classes, loss, risk, optimality.")
    Path report;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PrivacyModel> models = privacyModels();
        if (!Files.isReadable(input)) {
            throw usage("Cannot read the input file " + input + ".");
        }
        Dataset table = Dataset.readCsv(input, separator);
        Map<String, Hierarchy> loaded = loadHierarchies(table);
        Optional<String> missing = firstValueOutsideHierarchy(table, loaded);
        if (missing.isPresent()) {
            err.println("tipx anonymize: " + missing.get() + "; nothing written");
            return 1;
        }

        AnonymizationConfig.Builder config = AnonymizationConfig.builder();
        loaded.forEach(config::quasiIdentifier);
        models.forEach(config::model);
        config.suppressionLimit(suppression).metric(metric);
        timeBudget.ifPresent(config::timeBudget);
        ThrottledProgress progress = new ThrottledProgress(err, System::nanoTime,
                ThrottledProgress.DEFAULT_DELAY, ThrottledProgress.DEFAULT_INTERVAL);
        AnonymizationResult result;
        try {
            result = Anonymizer.anonymize(table, config.build(), progress);
        } finally {
            progress.done();
        }
        // Belt and braces: the output is checked by code that shares nothing with the search but the data.
        Verifier.requireSafe(result.output(), List.copyOf(loaded.keySet()), models, suppression);

        AnonymizationReport summary = result.report();
        String json = ReportJson.write(summary, new ReportJson.Parameters(table.size(), k, distinctL, entropyL, sensitive,
                suppression, metric));
        try (StagedFiles files = new StagedFiles()) {
            files.stage(output, file -> result.output().writeCsv(file, separator));
            files.stage(report, file -> Files.writeString(file, json, StandardCharsets.UTF_8));
            files.commit();
        }
        out.printf(Locale.ROOT, "%s: %d rows, levels %s, %d suppressed, %d classes, loss %.6f, %s%n", output,
                table.size(), summary.levels(), summary.suppressed(), summary.classes(), summary.loss(),
                summary.optimal() ? "optimal" : "best found within the time budget (not proven optimal)");
        out.printf("report: %s%n", report);
        return 0;
    }

    /** k, then l-diversity if asked; the combinations that make no sense are usage errors. */
    private List<PrivacyModel> privacyModels() {
        if (k < 1) {
            throw usage("--k must be at least 1, was " + k + ".");
        }
        List<PrivacyModel> models = new ArrayList<>();
        models.add(new PrivacyModel.KAnonymity(k));
        if ((distinctL.isPresent() || entropyL.isPresent()) != sensitive.isPresent()) {
            throw usage("--l and --entropy-l need --sensitive COLUMN, and --sensitive needs one of them.");
        }
        if (distinctL.isPresent()) {
            if (distinctL.get() < 2) {
                throw usage("--l must be at least 2, was " + distinctL.get() + ".");
            }
            models.add(new PrivacyModel.DistinctLDiversity(sensitive.get(), distinctL.get()));
        }
        if (entropyL.isPresent()) {
            if (!(entropyL.get() > 1) || entropyL.get().isInfinite()) {
                throw usage("--entropy-l must be a number greater than 1, was " + entropyL.get() + ".");
            }
            models.add(new PrivacyModel.EntropyLDiversity(sensitive.get(), entropyL.get()));
        }
        return models;
    }

    /** The hierarchies by column, in the order given; every column must be in the table, and given once. */
    private Map<String, Hierarchy> loadHierarchies(Dataset table) {
        List<String> columns = table.columns();
        Map<String, Path> files = new LinkedHashMap<>();
        for (HierarchyOption option : hierarchies) {
            if (!columns.contains(option.column())) {
                throw usage("--hierarchy names the column '" + option.column() + "', which " + input
                        + " does not have (its columns: " + String.join(", ", columns) + ").");
            }
            if (files.putIfAbsent(option.column(), option.file()) != null) {
                throw usage("--hierarchy is given twice for the column '" + option.column() + "'.");
            }
        }
        if (sensitive.isPresent()) {
            if (!columns.contains(sensitive.get())) {
                throw usage("--sensitive names the column '" + sensitive.get() + "', which " + input + " does not have.");
            }
            if (files.containsKey(sensitive.get())) {
                throw usage("--sensitive column '" + sensitive.get() + "' cannot also be a quasi-identifier (--hierarchy).");
            }
        }
        Map<String, Hierarchy> loaded = new LinkedHashMap<>();
        files.forEach((column, file) -> {
            if (!Files.isReadable(file)) {
                throw usage("Cannot read the hierarchy file " + file + " of column '" + column + "'.");
            }
            loaded.put(column, Hierarchy.fromCsv(file, hierarchySeparator));
        });
        return loaded;
    }

    /**
     * The first value of a quasi-identifier that its hierarchy does not know, as a message naming the column and
     * the value. The table is the user's own file, so quoting its values is fine (tipx's victims' identifiers
     * never reach this command: case records are anonymised in-process by {@code org.tipx.api.anonymize}).
     */
    private Optional<String> firstValueOutsideHierarchy(Dataset table, Map<String, Hierarchy> loaded) {
        for (Map.Entry<String, Hierarchy> entry : loaded.entrySet()) {
            int column = table.columns().indexOf(entry.getKey());
            Hierarchy hierarchy = entry.getValue();
            for (int row = 0; row < table.size(); row++) {
                String value = table.get(row, column);
                if (hierarchy.generalise(value, 0).isEmpty()) {
                    return Optional.of(String.format(Locale.ROOT, "column '%s', row %d: the value '%s' is not in its hierarchy %s",
                            entry.getKey(), row + 1, value, fileOf(entry.getKey())));
                }
            }
        }
        return Optional.empty();
    }

    private Path fileOf(String column) {
        return hierarchies.stream().filter(h -> h.column().equals(column)).findFirst().orElseThrow().file();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
