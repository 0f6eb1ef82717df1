package org.tipx.api.server;

import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.tipx.api.bench.TableSourceBenchmark;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.http.RateLimitPolicy;
import org.tipx.api.http.StatisticsLimits;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.statistics.CachingTableSource;
import org.tipx.api.statistics.IndexedTableSource;
import org.tipx.api.store.TipxStores;

/**
 * A server for load tests of the public statistics API (docs/statistics-api.md): one synthetic
 * release {@code bench} of PERSONS persons held in memory, read by the default table source of
 * {@link StatisticsApi#over}, rate limit off unless given. Runs until killed.
 *
 * <p>Usage: {@code StatisticsBenchmarkServer PERSONS PORT [QUOTA/SECONDS|off] [fixture|synthetic]
 * [cached|uncached]}. {@code synthetic} generates the persons as {@link TableSourceBenchmark} does
 * (every sample agency, five years, a fifth reported twice with disagreeing codes) instead of the
 * small test fixture; {@code uncached} reads tables through the {@link IndexedTableSource} alone,
 * without the table cache in front of it, so every request computes its table. The release is
 * indexed before the server starts, as {@code serve} does for the latest release.
 */
public final class StatisticsBenchmarkServer {

    private StatisticsBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8089;
        Optional<RateLimitPolicy> limit = RateLimitPolicy.parse(args.length > 2 ? args[2] : "off");
        Path dir = Files.createTempDirectory("tipx-stats-bench");
        boolean synthetic = args.length > 3 && args[3].equals("synthetic");
        boolean cached = args.length <= 4 || !args[4].equals("uncached");
        PublishedRelease release = StatisticsFixture.release("bench", Instant.parse("2026-06-30T00:00:00Z"));
        InMemoryReleases releases = new InMemoryReleases().add(release,
                synthetic ? TableSourceBenchmark.release(persons) : StatisticsFixture.records(1, persons));
        IndexedTableSource indexed = new IndexedTableSource(releases, StatisticsLimits.DEFAULTS.publisher());
        indexed.preload(release);
        StatisticsApi api = StatisticsApi.over(releases).withRateLimit(limit).withTables(cached
                ? new CachingTableSource(indexed, StatisticsApi.DEFAULT_CACHED_TABLES) : indexed);
        Tipx tipx = new Tipx(TipxStores.embedded(dir), PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret")),
                Optional.empty(), 1024, Clock.systemUTC(), api);
        WebServer server = tipx.start("127.0.0.1", port);
        System.out.println("statistics benchmark server on http://127.0.0.1:" + server.port() + "/ with "
                + persons + " persons, rate limit " + limit.map(RateLimitPolicy::headerValue).orElse("off")
                + (cached ? ", table cache on" : ", table cache off"));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
