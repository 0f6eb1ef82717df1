package org.tipx.api.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.tipx.api.pseudonym.DirectIdentifiers;
import org.tipx.api.pseudonym.Pseudonym;
import org.tipx.api.pseudonym.Pseudonymiser;

/**
 * Throughput bench (not a test): writes a synthetic valid extract to a temporary file, ingests it several times
 * with a trivial pseudonymiser and a counting sink, and prints rows per second per round and the peak heap.
 *
 * <pre>java -Xmx512m -cp ... org.tipx.api.ingest.IngestThroughput [rows] [rounds] [csv|ndjson]</pre>
 */
public final class IngestThroughput {

    private static final String[] SEXES = {"female", "male", "other", "unknown"};
    private static final String[] COUNTRIES = {"UA", "PL", "NG", "TH", "VN", "RO", "XX"};
    private static final String[] EXPLOITATION = {"sexual", "forced_labour", "forced_begging", "servitude"};
    private static final String[] SECTORS = {"A", "C", "F", "I", "T"};
    private static final String[] MEANS = {"debt_bondage", "threats", "withholds_documents", "false_promises"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IngestThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ExtractFormat format = args.length > 2 ? ExtractFormat.valueOf(args[2].toUpperCase(Locale.ROOT))
                : ExtractFormat.CSV;
        Path extract = Files.createTempFile("tipx-bench", "." + format.name().toLowerCase(Locale.ROOT));
        try {
            write(extract, rows, format);
            long size = Files.size(extract);
            ExtractValidator validator = new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(),
                    TestExtracts.CLOCK);
            ExtractIngestor ingestor = new ExtractIngestor(validator, Long.MAX_VALUE);
            ExtractContext context = new ExtractContext("bench-agency", "UA", TestExtracts.Q3_2026);
            System.out.printf(Locale.ROOT, "%s extract: %,d rows, %,d bytes (%.1f bytes/row)%n", format, rows, size,
                    (double) size / rows);
            for (int round = 1; round <= rounds; round++) {
                long[] sunk = {0};
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                IngestOutcome outcome;
                try (InputStream body = Files.newInputStream(extract)) {
                    outcome = ingestor.ingest(body, format, context, new CheapPseudonymiser(), record -> sunk[0]++);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                if (!outcome.valid() || sunk[0] != rows) {
                    throw new IllegalStateException("bench extract rejected: " + outcome.problems());
                }
                // CPU time of the reading thread: steadier than wall time on a shared machine (excludes GC threads).
                System.out.printf(Locale.ROOT, "round %d: %,.0f rows/s, %.1f MB/s, %.2f s wall; %,.0f rows per CPU-second%n",
                        round, rows / seconds, size / seconds / 1e6, seconds, rows / cpuSeconds);
            }
            System.out.printf(Locale.ROOT, "peak heap used: %,d MB (max heap %,d MB)%n", peakHeap() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(extract);
        }
    }

    private static long peakHeap() {
        long peak = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A realistic mix: a third of rows with names, most with an age, some multi-valued fields. */
    private static void write(Path file, int rows, ExtractFormat format) throws IOException {
        Random random = new Random(2026);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (format == ExtractFormat.CSV) {
                out.write("record_id,registration_date,status,sex,given_name,family_name,birth_date,age,citizenship,"
                        + "country_of_exploitation,exploitation,labour_sector,means_of_control\n");
            }
            LocalDate first = TestExtracts.Q3_2026.firstDay();
            for (int i = 0; i < rows; i++) {
                boolean named = i % 3 == 0;
                String[] cells = {
                    "CASE-2026-" + i,
                    first.plusDays(random.nextInt(92)).toString(),
                    random.nextInt(3) == 0 ? "confirmed" : "presumed",
                    SEXES[random.nextInt(SEXES.length)],
                    named ? "Olena" + random.nextInt(1000) : "",
                    named ? "Kovalenko" : "",
                    named ? LocalDate.of(1970 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28))
                            .toString() : "",
                    random.nextInt(5) == 0 ? "" : Integer.toString(random.nextInt(70)),
                    COUNTRIES[random.nextInt(COUNTRIES.length)],
                    COUNTRIES[random.nextInt(COUNTRIES.length)],
                    EXPLOITATION[random.nextInt(EXPLOITATION.length)]
                            + (random.nextBoolean() ? "" : ";" + "other"),
                    SECTORS[random.nextInt(SECTORS.length)],
                    MEANS[random.nextInt(MEANS.length)] + ";" + "physical_abuse",
                };
                out.write(format == ExtractFormat.CSV ? String.join(",", cells) : json(cells));
                out.write('\n');
            }
        }
    }

    private static String json(String[] cells) {
        StringBuilder line = new StringBuilder("{\"record_id\":\"").append(cells[0])
                .append("\",\"registration_date\":\"").append(cells[1])
                .append("\",\"status\":\"").append(cells[2])
                .append("\",\"sex\":\"").append(cells[3]).append('"');
        if (!cells[4].isEmpty()) {
            line.append(",\"given_name\":\"").append(cells[4]).append("\",\"family_name\":\"").append(cells[5])
                    .append("\",\"birth_date\":\"").append(cells[6]).append('"');
        }
        if (!cells[7].isEmpty()) {
            line.append(",\"age\":").append(cells[7]);
        }
        line.append(",\"citizenship\":\"").append(cells[8]).append("\",\"country_of_exploitation\":\"")
                .append(cells[9]).append('"');
        line.append(",\"exploitation\":").append(array(cells[10])).append(",\"labour_sector\":")
                .append(array(cells[11])).append(",\"means_of_control\":").append(array(cells[12]));
        return line.append('}').toString();
    }

    private static String array(String codes) {
        return "[\"" + String.join("\",\"", codes.split(";")) + "\"]";
    }

    /** Trivial and fast: a 64-bit hash in hex; enough to exercise the path without HMAC's cost. */
    private static final class CheapPseudonymiser implements Pseudonymiser {
        @Override
        public Pseudonym pseudonymise(String agencyId, String recordId, DirectIdentifiers identifiers) {
            boolean linked = !identifiers.equals(DirectIdentifiers.NONE);
            long hash = linked ? identifiers.givenName().hashCode() * 31L + identifiers.birthDate().hashCode()
                    : agencyId.hashCode() * 31L + recordId.hashCode();
            hash *= 0x9E3779B97F4A7C15L;
            return new Pseudonym(Long.toHexString(hash), linked, (int) (hash >>> 52));
        }
    }
}
