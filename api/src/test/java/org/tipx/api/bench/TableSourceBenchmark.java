package org.tipx.api.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.Period;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractContext;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.sample.SampleAgency;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.statistics.CachingTableSource;
import org.tipx.api.statistics.IndexedTableSource;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/**
 * Table queries on a large synthetic release: the index's load time and memory, and per query the
 * uncached latency of {@link IndexedTableSource} (median, p99), its cold cost (the first query on a
 * set of dimensions), {@link ScanningTableSource} on the same data for the ratio, and a cache hit.
 *
 * <p>The release: {@code PERSONS} persons written as case-record-v1 CSV extracts by the six sample
 * agencies over five years ({@link SyntheticExtracts#writeLargeExtract}), validated and pseudonymised
 * with the real ingestor and HMAC pseudonymiser; then 20 % of the persons are reported a second time
 * by another agency (same pseudonym and record key, that agency's country of identification, and
 * with some probability another year, age band or forms of exploitation), as persons who move
 * between countries are.
 *
 * <p>Usage: {@code TableSourceBenchmark [PERSONS] [REPEATS] [SCAN ROUNDS]}; see docs/benchmarks.md.
 */
public final class TableSourceBenchmark {

    private static final int YEARS = 5;
    private static final int FIRST_YEAR = 2021;
    private static final double REPORTED_TWICE = 0.20;

    private TableSourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int scanRounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;

        long start = System.nanoTime();
        List<CaseRecord> records = release(persons);
        PublishedRelease release = new PublishedRelease("bench", Instant.parse("2026-11-01T00:00:00Z"),
                ProtectionParameters.DEFAULTS);
        InMemoryReleases releases = new InMemoryReleases().add(release, records);
        System.out.printf(Locale.ROOT, "release: %,d persons, %,d records, built in %.1f s; max heap %d MB; %s %s%n",
                persons, records.size(), seconds(start), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), Runtime.version());
        records = null;

        TablePublisher builder = TablePublisher.withDefaults();
        // Load: a fresh source per round; the heap difference of the last one is the index.
        List<Double> loads = new ArrayList<>();
        List<Double> heaps = new ArrayList<>();
        IndexedTableSource indexed = null;
        IndexedTableSource.IndexSize figures = null;
        List<Double> peaks = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            indexed = null;
            long heapBefore = usedHeapAfterGc();
            indexed = new IndexedTableSource(releases, builder);
            PeakHeap peak = PeakHeap.start();
            long loadStart = System.nanoTime();
            figures = indexed.preload(release);
            loads.add(millis(loadStart));
            peaks.add((peak.stop() - heapBefore) / 1e6);
            heaps.add((double) (usedHeapAfterGc() - heapBefore));
        }
        System.out.printf(Locale.ROOT, "index load: median %.0f ms (rounds %s); heap held: median %,.0f bytes "
                        + "(%.1f bytes/person; rounds %s MB); arrays and dictionaries %,d bytes (%.1f bytes/person); "
                        + "peak heap above the release during the load, garbage included: rounds %s MB%n",
                median(loads), rounded(loads), median(heaps), median(heaps) / persons,
                rounded(heaps.stream().map(h -> h / 1e6).toList()), figures.bytes(), figures.bytes() / (double) persons,
                rounded(peaks));

        // Warm the JIT on projections and queries of other dimensions, so that "first on its
        // dimensions" below is the cost a running server pays, not the compiler's.
        for (Dimension dimension : List.of(Dimension.STATUS, Dimension.IDENTIFIED_BY, Dimension.MINOR_AT_EXPLOITATION,
                Dimension.COUNTRY_OF_EXPLOITATION)) {
            for (Measure measure : Measure.values()) {
                for (int i = 0; i < 20; i++) {
                    outcome(indexed, release, new TableQuery(List.of(dimension, Dimension.YEAR),
                            Map.of(Dimension.SEX, java.util.Set.of(i % 2 == 0 ? "female" : "male")), measure));
                }
            }
        }
        Map<String, TableQuery> mix = queryMix();
        TableSource scanning = new ScanningTableSource(releases, builder);
        System.out.println();
        System.out.println("| query | rows | indexed: first on its dimensions (ms) | indexed: median (ms) | indexed: p99 (ms)"
                + " | scanning: median (ms) | ratio |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<Double> allIndexed = new ArrayList<>();
        for (Map.Entry<String, TableQuery> entry : mix.entrySet()) {
            TableQuery query = entry.getValue();
            long coldStart = System.nanoTime();
            String rows = outcome(indexed, release, query);
            double cold = millis(coldStart);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                outcome(indexed, release, query);
                times.add(millis(t));
            }
            allIndexed.addAll(times.subList(times.size() / 4, times.size()));
            List<Double> scans = new ArrayList<>();
            for (int i = 0; i < scanRounds; i++) {
                long t = System.nanoTime();
                String scanned = outcome(scanning, release, query);
                scans.add(millis(t));
                if (!scanned.equals(rows)) {
                    throw new IllegalStateException("scanning and indexed sources disagree on " + entry.getKey());
                }
            }
            List<Double> warm = times.subList(times.size() / 4, times.size());
            String scanned = scans.isEmpty() ? "- | -" : String.format(Locale.ROOT, "%.0f | %,.0f×", median(scans),
                    median(scans) / median(warm));
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.3f | %.3f | %s |%n", entry.getKey(), rows,
                    cold, median(warm), percentile(warm, 0.99), scanned);
        }
        System.out.printf(Locale.ROOT, "%nwhole mix, indexed, uncached: median %.3f ms, p99 %.3f ms over %,d queries%n",
                median(allIndexed), percentile(allIndexed, 0.99), allIndexed.size());
        // New kinds of query whose projection can be made from one the mix left (fewer dimensions).
        for (TableQuery query : List.of(
                TableQuery.of(Measure.VICTIMS, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.SEX),
                TableQuery.of(Measure.VICTIMS, Dimension.AGE_BAND, Dimension.YEAR),
                TableQuery.of(Measure.VICTIMS, Dimension.EXPLOITATION))) {
            long t = System.nanoTime();
            String rows = outcome(indexed, release, query);
            System.out.printf(Locale.ROOT, "first query by=%s (projection from a held one): %.1f ms, %s rows%n",
                    query.by().stream().map(Dimension::id).toList(), millis(t), rows);
        }
        long projectionBytes = indexed.preload(release).projectionBytes();
        System.out.printf(Locale.ROOT, "projections held after the mix: %,d bytes (%.1f bytes/person)%n",
                projectionBytes, projectionBytes / (double) persons);

        CachingTableSource cached = new CachingTableSource(indexed, 1000);
        List<Double> hits = new ArrayList<>();
        for (int i = 0; i < 20 * repeats; i++) {
            for (TableQuery query : mix.values()) {
                long t = System.nanoTime();
                outcome(cached, release, query);
                hits.add(millis(t));
            }
        }
        List<Double> warmHits = hits.subList(hits.size() / 2, hits.size());
        System.out.printf(Locale.ROOT, "cache hit: median %.4f ms, p99 %.4f ms%n", median(warmHits),
                percentile(warmHits, 0.99));
    }

    /** The realistic mix: the tables journalists and organisations ask for. */
    private static Map<String, TableQuery> queryMix() {
        Map<String, TableQuery> mix = new LinkedHashMap<>();
        mix.put("victims by=year,country_of_identification",
                TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION));
        mix.put("victims by=citizenship,year sex=female", new TableQuery(List.of(Dimension.CITIZENSHIP, Dimension.YEAR),
                Map.of(Dimension.SEX, java.util.Set.of("female")), Measure.VICTIMS));
        mix.put("victims by=citizenship,year sex=male (same dimensions)", new TableQuery(
                List.of(Dimension.CITIZENSHIP, Dimension.YEAR), Map.of(Dimension.SEX, java.util.Set.of("male")),
                Measure.VICTIMS));
        mix.put("victims by=exploitation,sex,age_band",
                TableQuery.of(Measure.VICTIMS, Dimension.EXPLOITATION, Dimension.SEX, Dimension.AGE_BAND));
        mix.put("victims by=year,country_of_identification,sex,age_band", TableQuery.of(Measure.VICTIMS,
                Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.SEX, Dimension.AGE_BAND));
        mix.put("victims by=country_of_identification,exploitation,sex,citizenship year=2024,2025", new TableQuery(
                List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.EXPLOITATION, Dimension.SEX, Dimension.CITIZENSHIP),
                Map.of(Dimension.YEAR, java.util.Set.of("2024", "2025")), Measure.VICTIMS));
        mix.put("registrations by=year,exploitation",
                TableQuery.of(Measure.REGISTRATIONS, Dimension.YEAR, Dimension.EXPLOITATION));
        mix.put("victims total", TableQuery.of(Measure.VICTIMS));
        return mix;
    }

    /** The number of rows, or the refusal's rule, plus a digest of the table to compare sources by. */
    private static String outcome(TableSource source, PublishedRelease release, TableQuery query) {
        try {
            ProtectedTable table = source.table(release, query);
            return table.rows().size() + " (#" + Integer.toHexString(table.rows().hashCode()) + ")";
        } catch (QueryRuleException e) {
            return "refused: " + e.rule();
        }
    }

    /**
     * Persons written as extracts by every sample agency, one quarter per year, then some reported
     * twice; also the data of the statistics server's load test.
     */
    public static List<CaseRecord> release(int persons) throws Exception {
        Path dir = Files.createTempDirectory("tipx-tables-bench");
        PseudonymSecret secret = PseudonymSecret.generateInto(dir.resolve("pseudonym.secret"));
        HmacPseudonymiser pseudonymiser = new HmacPseudonymiser(secret);
        ExtractIngestor ingestor = new ExtractIngestor(
                new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), Clock.systemUTC()), Long.MAX_VALUE);
        List<SampleAgency> agencies = SyntheticExtracts.agencies();
        int extracts = agencies.size() * YEARS;
        List<CaseRecord> records = new ArrayList<>(persons + persons / 4);
        int written = 0;
        for (int e = 0; e < extracts; e++) {
            SampleAgency agency = agencies.get(e % agencies.size());
            Period period = new Period(FIRST_YEAR + e / agencies.size(), 1 + e % 4);
            int rows = (persons - written) / (extracts - e);
            Path file = dir.resolve("extract-" + e + ".csv");
            SyntheticExtracts.writeLargeExtract(file, rows, 1000 + e, period, false, agency);
            IngestOutcome outcome;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                outcome = ingestor.ingest(in, ExtractFormat.CSV, new ExtractContext(agency.id(), agency.country(), period),
                        pseudonymiser, records::add);
            }
            if (!outcome.valid()) {
                throw new IllegalStateException("a synthetic extract did not validate: " + outcome);
            }
            Files.delete(file);
            written += rows;
        }
        try (Stream<Path> left = Files.list(dir)) {
            left.forEach(p -> p.toFile().delete());
        }
        Files.delete(dir);
        SplittableRandom random = new SplittableRandom(7);
        int first = records.size();
        String[] bands = {"0-8", "9-17", "18-20", "21-29", "30-38", "39-47", "48+"};
        String[][] forms = {{"sexual"}, {"forced_labour"}, {"sexual", "forced_labour"}, {"forced_criminality"}};
        for (int i = 0; i < first; i++) {
            if (random.nextDouble() >= REPORTED_TWICE) {
                continue;
            }
            CaseRecord r = records.get(i);
            SampleAgency other = agencies.get(random.nextInt(agencies.size()));
            int year = random.nextDouble() < 0.3 ? Math.min(r.registrationYear() + 1, FIRST_YEAR + YEARS - 1)
                    : r.registrationYear();
            Optional<String> band = random.nextDouble() < 0.25 ? Optional.of(bands[random.nextInt(bands.length)])
                    : r.ageBand();
            List<String> exploitation = random.nextDouble() < 0.2 ? Arrays.asList(forms[random.nextInt(forms.length)])
                    : r.exploitation();
            records.add(new CaseRecord(r.pseudonym(), r.linked(), r.recordKey(), year, Optional.empty(), r.status(),
                    Optional.of(other.type()), r.sex(), r.age(), band, r.minorAtExploitation(), r.citizenship(),
                    other.country(), r.countryOfExploitation(), exploitation, r.labourSector(),
                    r.sexualExploitationType(), r.meansOfControl(), r.recruiterRelation(), r.assistance()));
        }
        return records;
    }

    /** Samples the used heap every 10 ms until stopped. */
    private static final class PeakHeap {
        private volatile long max;
        private volatile boolean running = true;
        private Thread sampler;

        static PeakHeap start() {
            PeakHeap heap = new PeakHeap();
            heap.sampler = Thread.ofPlatform().daemon().name("peak-heap").start(() -> {
                while (heap.running) {
                    heap.max = Math.max(heap.max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return heap;
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return max;
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1 < 0 ? 0
                : (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String rounded(List<Double> values) {
        // One decimal below 10, none above: load times in ms, heaps in MB.
        return values.stream().map(v -> String.format(Locale.ROOT, v < 10 ? "%.1f" : "%.0f", v)).toList().toString();
    }
}
