package org.tipx.api.bench;

import org.tipx.anonymizer.cellkey.PTable;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.server.Tipx;
import org.tipx.api.statistics.ComparisonQuery;
import org.tipx.api.statistics.Comparisons;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.statistics.ScanningTableSource;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;
import org.tipx.api.store.TipxStores;

/**
 * Cost of a comparison of 20 countries over 10 years: with the reference {@link ScanningTableSource}
 * (the table built from every record per request), with the table already built (what the
 * comparison itself adds: rates, shares, changes, trends), and over HTTP with the table built
 * (JSON, sequential requests on loopback). Prints one line per measurement.
 *
 * <p>Usage: {@code ComparisonsBenchmark PERSONS_PER_COUNTRY_YEAR ROUNDS}
 */
public final class ComparisonsBenchmark {

    private ComparisonsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int persons = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ReferenceData reference = ReferenceData.load();
        List<String> countries = reference.countries().all().stream()
                .map(c -> c.iso2()).filter(iso -> reference.population().of(iso, 2024).isPresent())
                .limit(ComparisonQuery.MAX_COUNTRIES).toList();
        List<CaseRecord> records = records(countries, persons);
        InMemoryReleases releases = new InMemoryReleases()
                .add(new PublishedRelease("bench", Instant.parse("2026-01-01T00:00:00Z"), ProtectionParameters.DEFAULTS), records);
        PublishedRelease release = releases.find("bench").orElseThrow();
        TableSource scanning = new ScanningTableSource(releases, TablePublisher.withDefaults());
        TableSource built = new Memoized(scanning);
        List<ComparisonQuery> queries = new ArrayList<>();
        queries.add(new ComparisonQuery(Indicator.VICTIMS_PER_100K, countries, OptionalInt.of(2015), OptionalInt.of(2024), Optional.empty()));
        queries.add(new ComparisonQuery(Indicator.VICTIMS_PER_100K, countries, OptionalInt.of(2015), OptionalInt.of(2024), Optional.of(Dimension.EXPLOITATION)));
        System.out.printf(Locale.ROOT, "%d records, %d countries, 10 years%n", records.size(), countries.size());
        for (ComparisonQuery query : queries) {
            String name = query.breakdown().map(Dimension::id).orElse("total");
            time("scanning table source, by=" + name, rounds, () -> new Comparisons(releases, scanning, reference).compare(release, query));
            new Comparisons(releases, built, reference).compare(release, query);
            time("table already built, by=" + name, rounds * 20, () -> new Comparisons(releases, built, reference).compare(release, query));
        }
        Path dir = Files.createTempDirectory("tipx-bench");
        try (Tipx tipx = new Tipx(TipxStores.embedded(dir), PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret")),
                Optional.empty(), 1 << 20, Clock.systemUTC(), releases, built)) {
            WebServer server = tipx.start("127.0.0.1", 0);
            try (HttpClient http = HttpClient.newHttpClient()) {
                for (String by : List.of("", "&by=exploitation")) {
                    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/comparisons?indicator=victims_per_100k&countries="
                            + String.join(",", countries) + "&from=2015&to=2024" + by);
                    HttpRequest request = HttpRequest.newBuilder(uri).build();
                    long[] nanos = new long[rounds * 20];
                    int bytes = 0;
                    for (int i = -rounds; i < nanos.length; i++) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                        bytes = response.body().length;
                        if (i >= 0) {
                            nanos[i] = System.nanoTime() - start;
                        }
                    }
                    Arrays.sort(nanos);
                    System.out.printf(Locale.ROOT, "HTTP JSON, table already built%s: p50 %.2f ms, p99 %.2f ms, %d bytes, %d requests%n",
                            by.isEmpty() ? "" : ", by=exploitation", nanos[nanos.length / 2] / 1e6,
                            nanos[(int) (nanos.length * 0.99)] / 1e6, bytes, nanos.length);
                }
            } finally {
                server.stop();
            }
        }
    }

    private static void time(String name, int rounds, Runnable work) {
        for (int i = 0; i < Math.max(1, rounds / 5); i++) {
            work.run();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms over %d rounds%n", name, nanos[rounds / 2] / 1e6, rounds);
    }

    private static List<CaseRecord> records(List<String> countries, int persons) {
        Random random = new Random(42);
        List<String> forms = List.of("sexual", "labour", "criminal_activity", "forced_marriage", "other");
        List<CaseRecord> records = new ArrayList<>();
        int id = 0;
        for (String country : countries) {
            for (int year = 2015; year <= 2024; year++) {
                for (int p = 0; p < persons; p++) {
                    List<String> exploitation = forms.stream().filter(f -> random.nextDouble() < 0.3).toList();
                    records.add(new CaseRecord(String.format(Locale.ROOT, "%064x", id++), true,
                            random.nextInt(PTable.KEY_SPACE), year, Optional.empty(), "registered",
                            Optional.of("police"), random.nextBoolean() ? "female" : "male", OptionalInt.empty(),
                            Optional.of("21-29"), Optional.empty(), Optional.of(country), country, Optional.empty(),
                            exploitation, List.of(), List.of(), List.of(), List.of(), List.of()));
                }
            }
        }
        return records;
    }

    /** Builds each table once: what a caching table source gives once warm. */
    private record Memoized(TableSource source, Map<TableQuery, ProtectedTable> cache) implements TableSource {
        Memoized(TableSource source) {
            this(source, new ConcurrentHashMap<>());
        }

        @Override
        public ProtectedTable table(PublishedRelease release, TableQuery query) {
            return cache.computeIfAbsent(query, q -> source.table(release, q));
        }
    }
}
