package org.tipx.api.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.helidon.webserver.WebServer;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.tipx.api.domain.Period;
import org.tipx.api.http.Tokens;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractContext;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.server.Tipx;
import org.tipx.api.store.Agency;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/**
 * Upload throughput of a large synthetic extract, measured two ways: validate + pseudonymise alone (the
 * ingestor with the real HMAC pseudonymiser and a sink that only counts), and end to end (an HTTP upload
 * to a running server that validates, pseudonymises and stores into H2 or PostgreSQL). Prints one line
 * per round and the median, and the peak heap of this JVM (server and client share it).
 *
 * <p>Usage: {@code UploadBenchmark ROWS ingest|embedded|pg [csv|ndjson] [ROUNDS] [WARM-UP ROUNDS]}; see docs/benchmarks.md.
 */
public final class UploadBenchmark {

    private static final Period PERIOD = new Period(2026, 3);

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String mode = args.length > 1 ? args[1] : "ingest";
        boolean ndjson = args.length > 2 && args[2].equals("ndjson");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int warmups = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        ExtractFormat format = ndjson ? ExtractFormat.NDJSON : ExtractFormat.CSV;

        Path dir = Files.createTempDirectory("tipx-bench");
        Path extract = dir.resolve(ndjson ? "extract.ndjson" : "extract.csv");
        SyntheticExtracts.writeLargeExtract(extract, rows, 42, PERIOD, ndjson);
        System.out.printf(Locale.ROOT, "extract: %,d rows, %,d bytes, %s; mode %s; max heap %d MB%n", rows,
                Files.size(extract), format.mediaType(), mode, Runtime.getRuntime().maxMemory() >> 20);
        PseudonymSecret secret = PseudonymSecret.generateInto(dir.resolve("pseudonym.secret"));

        PeakHeap peakHeap = PeakHeap.start();
        List<Double> rates = new ArrayList<>();
        switch (mode) {
            case "ingest" -> {
                ExtractIngestor ingestor = new ExtractIngestor(
                        new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), Clock.systemUTC()), Long.MAX_VALUE);
                HmacPseudonymiser pseudonymiser = new HmacPseudonymiser(secret);
                for (int round = 1; round <= warmups + rounds; round++) {
                    LongAdder seen = new LongAdder();
                    long start = System.nanoTime();
                    IngestOutcome outcome;
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(extract), 1 << 16)) {
                        outcome = ingestor.ingest(in, format, new ExtractContext("bench", "UA", PERIOD), pseudonymiser,
                                record -> seen.increment());
                    }
                    rates.add(report(round, rows, start, outcome.valid() && seen.sum() == rows));
                }
            }
            case "embedded", "pg" -> {
                EmbeddedPostgres postgres = mode.equals("pg") ? EmbeddedPostgres.builder().start() : null;
                TipxStore store = postgres == null ? TipxStores.embedded(dir.resolve("data"))
                        : TipxStores.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
                try {
                    rates.addAll(endToEnd(store, secret, extract, format, warmups + rounds, rows));
                } finally {
                    if (postgres != null) {
                        postgres.close();
                    }
                }
            }
            default -> throw new IllegalArgumentException("mode must be ingest, embedded or pg, was " + mode);
        }
        // The first rounds run while the JIT compiler is still at work: reported, not counted.
        rates = new ArrayList<>(rates.subList(Math.min(warmups, rates.size() - 1), rates.size()));
        rates.sort(Double::compare);
        System.out.printf(Locale.ROOT, "median: %,.0f rows/s over %d rounds; peak heap in use %d MB (of %d MB max)%n",
                rates.get(rates.size() / 2), rates.size(), peakHeap.maxBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Uploads the extract over HTTP once per round, each time as a new agency so that every round stores it. */
    private static List<Double> endToEnd(TipxStore store, PseudonymSecret secret, Path extract, ExtractFormat format,
                                         int rounds, long rows) throws Exception {
        List<Double> rates = new ArrayList<>();
        try (Tipx tipx = new Tipx(store, secret, Optional.empty(), Long.MAX_VALUE, Clock.systemUTC());
             HttpClient http = HttpClient.newHttpClient()) {
            WebServer server = tipx.start("127.0.0.1", 0);
            try {
                for (int round = 1; round <= rounds; round++) {
                    String token = Tokens.newToken();
                    store.createAgency(new Agency("bench-" + round, "Bench " + round, "UA", "police", Instant.now(), true),
                            Tokens.hash(token));
                    long start = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + server.port() + "/v1/extracts?period=" + PERIOD))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", format.mediaType())
                            .POST(HttpRequest.BodyPublishers.ofFile(extract)).build(), HttpResponse.BodyHandlers.ofString());
                    rates.add(report(round, rows, start, response.statusCode() == 201));
                }
            } finally {
                server.stop();
            }
        }
        return rates;
    }

    private static double report(int round, long rows, long startNanos, boolean ok) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (!ok) {
            throw new IllegalStateException("round " + round + " did not store every row");
        }
        double rate = rows / seconds;
        System.out.printf(Locale.ROOT, "round %d: %.2f s, %,.0f rows/s%n", round, seconds, rate);
        return rate;
    }

    /**
     * The largest heap in use, garbage included, sampled every 20 ms. The collector lets garbage pile up to what
     * {@code -Xmx} allows, so this says little about what an upload keeps alive; running the same upload under a
     * much smaller {@code -Xmx} is what shows that it streams.
     */
    private static final class PeakHeap {
        private volatile long max;

        static PeakHeap start() {
            PeakHeap heap = new PeakHeap();
            Thread.ofPlatform().daemon().name("live-heap").start(() -> {
                while (true) {
                    heap.max = Math.max(heap.max, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return heap;
        }

        long maxBytes() {
            return max;
        }
    }
}
