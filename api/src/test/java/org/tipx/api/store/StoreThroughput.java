package org.tipx.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * Bench, not a test: writes N synthetic records through one {@link TipxStore.ExtractWrite}, commits, reads
 * them back, and prints rows per second and the peak heap. Run with the test classpath, e.g.
 * {@code java -Xmx512m -cp ... org.tipx.api.store.StoreThroughput pg 1000000} ({@code h2} or {@code pg}).
 */
public final class StoreThroughput {

    private static final int DISTINCT_TEMPLATES = 1024;
    /** Pseudonyms are 64 hex digits; the row number fills the last 16, so each row has its own. */
    private static final String PSEUDONYM_PREFIX = "9f".repeat(24);
    private static final HexFormat HEX = HexFormat.of();

    private StoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("embedded") || args[0].equals("pg"))) {
            System.err.println("usage: StoreThroughput embedded|pg rows");
            System.exit(2);
        }
        long rows = Long.parseLong(args[1]);
        Path dir = Files.createTempDirectory("tipx-bench");
        try {
            if (args[0].equals("embedded")) {
                run("embedded", rows, TipxStores.embedded(dir));
            } else {
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                        .setCleanDataDirectory(true).start()) {
                    run("pg", rows, TipxStores.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String database, long rows, TipxStore store) {
        try (store; LiveHeapSampler liveHeap = new LiveHeapSampler()) {
            store.createAgency(new Agency("bench", "Bench", "NL", "police", Instant.now(), true), "bench-hash");
            CaseRecord[] templates = new CaseRecord[DISTINCT_TEMPLATES];
            Random random = new Random(42);
            for (int i = 0; i < templates.length; i++) {
                templates[i] = TestRecords.random(random, i);
            }
            System.gc();
            resetPeakHeap();
            liveHeap.peakAndReset();

            long start = System.nanoTime();
            long commitStart;
            StoredExtract stored;
            try (TipxStore.ExtractWrite write = store.beginExtract("bench", new Period(2026, 3), "text/csv")) {
                for (long i = 0; i < rows; i++) {
                    CaseRecord t = templates[(int) (i % DISTINCT_TEMPLATES)];
                    write.add(new CaseRecord(PSEUDONYM_PREFIX + HEX.toHexDigits(i), t.linked(), t.recordKey(),
                            t.registrationYear(), t.registrationDate(), t.status(), t.identifiedBy(), t.sex(), t.age(),
                            t.ageBand(), t.minorAtExploitation(), t.citizenship(), t.countryOfIdentification(),
                            t.countryOfExploitation(), t.exploitation(), t.labourSector(),
                            t.sexualExploitationType(), t.meansOfControl(), t.recruiterRelation(), t.assistance()));
                }
                commitStart = System.nanoTime();
                stored = write.commit("0".repeat(64));
            }
            long end = System.nanoTime();
            double writeSeconds = (end - start) / 1e9;
            double commitSeconds = (end - commitStart) / 1e9;
            long writePeak = peakHeapBytes();
            long writeLivePeak = liveHeap.peakAndReset();

            resetPeakHeap();
            start = System.nanoTime();
            AtomicLong read = new AtomicLong();
            store.records(stored.id(), r -> read.incrementAndGet());
            double readSeconds = (System.nanoTime() - start) / 1e9;
            long readPeak = peakHeapBytes();
            long readLivePeak = liveHeap.peakAndReset();

            if (read.get() != rows || stored.rows() != rows) {
                throw new IllegalStateException("wrote " + stored.rows() + ", read " + read.get() + ", expected " + rows);
            }
            System.out.printf(Locale.ROOT, "%s write: %,d rows in %.2f s (commit %.2f s) = %,.0f rows/s;"
                    + " heap peak %,d MiB, after-GC peak %,d MiB (max %,d MiB)%n",
                    database, rows, writeSeconds, commitSeconds, rows / writeSeconds, writePeak >> 20,
                    writeLivePeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.ROOT, "%s read:  %,d rows in %.2f s = %,.0f rows/s;"
                    + " heap peak %,d MiB, after-GC peak %,d MiB%n",
                    database, rows, readSeconds, rows / readSeconds, readPeak >> 20, readLivePeak >> 20);
        }
    }

    /**
     * Samples the heap as the last garbage collection left it, so the peak counts live data rather than
     * garbage that a roomy heap lets pile up between collections.
     */
    private static final class LiveHeapSampler implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread = Thread.ofPlatform().daemon().name("live-heap-sampler").start(this::sample);

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                        .mapToLong(p -> p.getCollectionUsage().getUsed())
                        .sum();
                peak.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakAndReset() {
            return peak.getAndSet(0);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static void resetPeakHeap() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the true peak). */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
