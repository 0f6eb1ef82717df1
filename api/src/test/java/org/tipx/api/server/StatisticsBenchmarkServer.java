package org.tipx.api.server;

import io.helidon.webserver.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.tipx.api.http.RateLimitPolicy;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.InMemoryReleases;
import org.tipx.api.store.TipxStores;

/**
 * A server for load tests of the public statistics API (docs/statistics-api.md): one synthetic
 * release {@code bench} of PERSONS persons held in memory, read by the default table source of
 * {@link StatisticsApi#over}, rate limit off unless given. Runs until killed.
 *
 * <p>Usage: {@code StatisticsBenchmarkServer PERSONS PORT [QUOTA/SECONDS|off]}.
 */
public final class StatisticsBenchmarkServer {

    private StatisticsBenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8089;
        Optional<RateLimitPolicy> limit = RateLimitPolicy.parse(args.length > 2 ? args[2] : "off");
        Path dir = Files.createTempDirectory("tipx-stats-bench");
        InMemoryReleases releases = new InMemoryReleases().add(
                StatisticsFixture.release("bench", Instant.parse("2026-06-30T00:00:00Z")),
                StatisticsFixture.records(1, persons));
        Tipx tipx = new Tipx(TipxStores.h2(dir), PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret")),
                Optional.empty(), 1024, Clock.systemUTC(), StatisticsApi.over(releases).withRateLimit(limit));
        WebServer server = tipx.start("127.0.0.1", port);
        System.out.println("statistics benchmark server on http://127.0.0.1:" + server.port() + "/ with "
                + persons + " persons, rate limit " + limit.map(RateLimitPolicy::headerValue).orElse("off"));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
