package org.tipx.api.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.tipx.api.domain.Period;
import org.tipx.api.release.People;
import org.tipx.api.store.Agency;
import org.tipx.api.store.AuditEvent;
import org.tipx.api.store.BackupSummary;
import org.tipx.api.store.NewRelease;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/**
 * Bench, not a test: backup and restore of a store holding RECORDS case records. Four agencies upload
 * RECORDS / 4 records each (one of them twice, the first extract replaced), and one release holds
 * microdata of one line per record (a text value of tens of MB, as a real release of that size has).
 * Then it times {@code backup} into a new file and {@code restore} into a new, empty database (PostgreSQL: on a second server), checks
 * that the restored rows and the release's microdata are those backed up, and prints time, rows per
 * second, the file's size and the heap peaks (in use, and as garbage collections left it).
 *
 * <p>Usage: {@code BackupBenchmark [RECORDS] [pg|embedded]}, default 1000000 pg; see docs/benchmarks.md.
 */
public final class BackupBenchmark {

    private static final int AGENCIES = 4;

    private BackupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String database = args.length > 1 ? args[1] : "pg";
        Path dir = Files.createTempDirectory("tipx-backup-bench");
        try {
            if (database.equals("embedded")) {
                run("embedded", records, dir, () -> TipxStores.embedded(dir.resolve("source")),
                        () -> TipxStores.embedded(dir.resolve("target")));
            } else {
                // The restore's target is a second server, as a restore onto a new machine would be.
                try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                        .setCleanDataDirectory(true).start();
                        EmbeddedPostgres restored = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg-restored"))
                                .setCleanDataDirectory(true).start()) {
                    run("pg", records, dir, () -> TipxStores.jdbc(postgres.getJdbcUrl("postgres", "postgres"),
                            "postgres", "postgres"), () -> TipxStores.jdbc(restored.getJdbcUrl("postgres", "postgres"),
                            "postgres", "postgres"));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String database, long records, Path dir, Supplier<TipxStore> source,
            Supplier<TipxStore> target) throws Exception {
        Path file = dir.resolve("tipx.backup");
        String microdataBefore;
        BackupSummary backup;
        try (TipxStore store = source.get()) {
            String releaseId = load(store, records);
            microdataBefore = microdataSha256(store, releaseId);
            Measured<BackupSummary> taken = measure(() -> store.backup(file));
            backup = taken.value();
            System.out.printf(Locale.ROOT, "%s backup:  %,d rows (%,d records) in %.2f s = %,.0f rows/s; file %,d bytes"
                    + " (%.1f MB); heap peak %,d MiB, after-GC peak %,d MiB (max %,d MiB)%n", database,
                    backup.totalRows(), backup.rows().get("case_record"), taken.seconds(),
                    backup.totalRows() / taken.seconds(), Files.size(file), Files.size(file) / 1e6,
                    taken.heapPeak() >> 20, taken.liveHeapPeak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        try (TipxStore store = target.get()) {
            Measured<BackupSummary> restored = measure(() -> store.restore(file));
            System.out.printf(Locale.ROOT, "%s restore: %,d rows in %.2f s = %,.0f rows/s; heap peak %,d MiB,"
                    + " after-GC peak %,d MiB%n", database, restored.value().totalRows(), restored.seconds(),
                    restored.value().totalRows() / restored.seconds(), restored.heapPeak() >> 20,
                    restored.liveHeapPeak() >> 20);
            String releaseId = store.latestRelease().orElseThrow().id();
            if (!restored.value().equals(backup) || !microdataSha256(store, releaseId).equals(microdataBefore)) {
                throw new IllegalStateException("the restored store differs from the one backed up");
            }
        }
    }

    /** Loads the data (not timed); returns the release's id. */
    private static String load(TipxStore store, long records) {
        Random random = new Random(42);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        long perAgency = records / AGENCIES;
        List<String> extracts = new java.util.ArrayList<>();
        for (int a = 0; a < AGENCIES; a++) {
            String agency = "agency-" + a;
            store.createAgency(new Agency(agency, "Agency " + a, "UA", "police", now, true), "hash-" + a);
            if (a == 0) {
                write(store, agency, 1000, random, "replaced-");
            }
            extracts.add(write(store, agency, a == AGENCIES - 1 ? records - 3 * perAgency : perAgency, random, "p" + a + "-"));
            store.audit(new AuditEvent(now, agency, "extract.upload", agency, "bench"));
        }
        StringBuilder microdata = new StringBuilder("sex;age_band;citizenship;year;exploitation\n");
        for (long i = 0; i < records; i++) {
            microdata.append(random.nextBoolean() ? "female" : "male").append(";18-29;")
                    .append(random.nextInt(5) == 0 ? "*" : "UA").append(";2025;sexual\n");
        }
        store.createRelease(new NewRelease("2026-12-01.1", now, "{\"id\":\"2026-12-01.1\"}", extracts, microdata.toString()));
        return "2026-12-01.1";
    }

    private static String write(TipxStore store, String agency, long records, Random random, String prefix) {
        try (TipxStore.ExtractWrite write = store.beginExtract(agency, new Period(2025, 1), "text/csv")) {
            for (long i = 0; i < records; i++) {
                write.add(People.record(prefix + "9f".repeat(24) + HexFormat.of().toHexDigits(i), 2025, "UA", random));
            }
            return write.commit("0".repeat(64)).id();
        }
    }

    private static String microdataSha256(TipxStore store, String releaseId) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        store.writeMicrodata(releaseId, new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                sha256.update(new String(chars, off, len).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return HexFormat.of().formatHex(sha256.digest());
    }

    private record Measured<T>(T value, double seconds, long heapPeak, long liveHeapPeak) {
    }

    private static <T> Measured<T> measure(Supplier<T> work) throws IOException {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong live = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().name("live-heap-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long afterGc = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null)
                        .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
                live.accumulateAndGet(afterGc, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        T value = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured<>(value, seconds, peak, live.get());
    }
}
