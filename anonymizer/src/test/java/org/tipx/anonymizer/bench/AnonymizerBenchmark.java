package org.tipx.anonymizer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tipx.anonymizer.AnonymizationConfig;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.Hierarchy;
import org.tipx.anonymizer.PrivacyModel;
import org.tipx.anonymizer.QualityMetric;
import org.tipx.anonymizer.Verifier;

/**
 * Times the anonymizer on adult (or a scaled copy) with ARX's hierarchies.
 *
 * <p>Arguments: {@code data-file-or-adult-dir k suppression rounds [warmup-rounds]}. The hierarchies are
 * {@code adult_hierarchy_<column>.csv} beside the data file, or in the directory given by
 * {@code -Dhierarchies=DIR}; every column with a hierarchy is a quasi-identifier, in header order. Prints the
 * time of each round, the median, the optimum and the peak heap. A round is one
 * {@link Anonymizer#anonymize} call on data already in memory (ARX's figures also exclude loading).
 */
public final class AnonymizerBenchmark {
    private AnonymizerBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: AnonymizerBenchmark data-file-or-adult-dir k suppression rounds [warmup]");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path dataFile = Files.isDirectory(input) ? input.resolve("adult.csv") : input;
        Path hierarchyDir = Path.of(System.getProperty("hierarchies",
                dataFile.toAbsolutePath().getParent().toString()));
        int k = Integer.parseInt(args[1]);
        double suppression = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.max(3, rounds);

        long loadStart = System.nanoTime();
        Dataset data = Dataset.readCsv(dataFile, ';');
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        List<String> qis = new ArrayList<>();
        for (String column : data.columns()) {
            Path hierarchy = hierarchyDir.resolve("adult_hierarchy_" + column + ".csv");
            if (Files.exists(hierarchy)) {
                builder.quasiIdentifier(column, Hierarchy.fromCsv(hierarchy, ';'));
                qis.add(column);
            }
        }
        AnonymizationConfig config = builder.model(new PrivacyModel.KAnonymity(k)).suppressionLimit(suppression)
                .metric(QualityMetric.LOSS).build();
        System.out.printf(Locale.ROOT, "%s: %,d rows, %d quasi-identifiers, k=%d, suppression=%.2f, loaded in %.0f ms%n",
                dataFile.getFileName(), data.size(), qis.size(), k, suppression, loadMs);

        AnonymizationResult result = null;
        for (int i = 0; i < warmup; i++) {
            result = Anonymizer.anonymize(data, config);
        }
        double[] times = new double[rounds];
        double[] cpuTimes = new double[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < rounds; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = Anonymizer.anonymize(data, config);
            times[i] = (System.nanoTime() - start) / 1e6;
            cpuTimes[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %.1f ms (cpu %.1f ms)%n", i + 1, times[i], cpuTimes[i]);
        }
        double median = median(times);
        long verifyStart = System.nanoTime();
        Verifier.requireSafe(result.output(), qis, config.models(), suppression);
        double verifyMs = (System.nanoTime() - verifyStart) / 1e6;
        var report = result.report();
        System.out.printf(Locale.ROOT, "median: %.1f ms (cpu %.1f ms)%n", median, median(cpuTimes));
        System.out.printf(Locale.ROOT, "levels %s, suppressed %d, classes %d, loss %.17g, optimal %s, nodes checked %d of %d%n",
                report.levels().values(), report.suppressed(), report.classes(), report.loss(), report.optimal(),
                report.nodesChecked(), report.latticeSize());
        System.out.printf(Locale.ROOT, "verifier: %.0f ms; peak heap %.0f MB (max heap %.0f MB)%n", verifyMs,
                peakHeapBytes() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
