package org.tipx.api.server;

import java.util.Objects;
import java.util.Optional;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.http.RateLimitPolicy;
import org.tipx.api.http.StatisticsLimits;
import org.tipx.api.release.NoPublishedReleases;
import org.tipx.api.statistics.CachingTableSource;
import org.tipx.api.statistics.IndexedTableSource;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/**
 * What the public statistics API answers from, and how it is limited.
 *
 * @param releases  the published releases
 * @param tables    the tables of those releases; it must enforce {@code limits}, which {@code /v1/config} publishes
 * @param limits    the table limits in force
 * @param rateLimit the rate limit per client address on the public endpoints; empty switches it off (benchmarks)
 */
public record StatisticsApi(PublishedReleases releases, TableSource tables, StatisticsLimits limits,
                            Optional<RateLimitPolicy> rateLimit) {

    public StatisticsApi {
        Objects.requireNonNull(releases, "releases");
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(rateLimit, "rateLimit");
    }

    /** Nothing published: every table query answers 404 "no release published yet". */
    public static StatisticsApi none() {
        return over(new NoPublishedReleases());
    }

    /** Most table answers the default source keeps (its rows are bounded too, see {@link CachingTableSource}). */
    public static final int DEFAULT_CACHED_TABLES = 10_000;

    /**
     * These releases with the default limits and rate limit, read through an {@link IndexedTableSource}
     * (each release indexed in memory on its first query) behind a {@link CachingTableSource}.
     */
    public static StatisticsApi over(PublishedReleases releases) {
        TableSource tables = new CachingTableSource(
                new IndexedTableSource(releases, StatisticsLimits.DEFAULTS.publisher()), DEFAULT_CACHED_TABLES);
        return new StatisticsApi(releases, tables, StatisticsLimits.DEFAULTS, Optional.of(RateLimitPolicy.DEFAULT));
    }

    /** The same with another table source (which must enforce the same limits). */
    public StatisticsApi withTables(TableSource source) {
        return new StatisticsApi(releases, source, limits, rateLimit);
    }

    /** The same with another rate limit; empty switches it off. */
    public StatisticsApi withRateLimit(Optional<RateLimitPolicy> policy) {
        return new StatisticsApi(releases, tables, limits, policy);
    }

    /**
     * Asks the latest release's grand total, so that the table source reads the release (seconds for
     * a million persons, see docs/benchmarks.md) before a client's first request rather than during it.
     *
     * @return false when nothing is published yet
     */
    public boolean warmLatest() {
        return releases.find(PublishedReleases.LATEST)
                .map(release -> tables.table(release, TableQuery.of(Measure.VICTIMS)) != null)
                .orElse(false);
    }
}
