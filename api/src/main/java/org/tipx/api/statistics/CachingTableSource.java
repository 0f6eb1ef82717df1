package org.tipx.api.statistics;

import java.util.Objects;

import org.tipx.api.domain.PublishedRelease;

/**
 * A bounded cache (Caffeine, through {@link BoundedMemo}) in front of another {@link TableSource}, keyed by the release
 * and the query.
 *
 * <h2>Why a cached answer is always right</h2>
 * A release is immutable and pins its protection, and {@link TableSource#table} gives the same table
 * for the same release and query; so a cached table is exactly the table a recomputation would give,
 * and caching adds nothing an attacker could not get by asking again. Refusals by a query rule
 * ({@link QueryRuleException}) are answers too and are cached the same way (rethrown as a new
 * exception with the same rule and message). Other failures are never cached.
 *
 * <h2>Bounds</h2>
 * At most {@code maxEntries} answers and {@code maxCells} table rows in all (a row holds its codes and
 * one published cell, about 100 bytes; a refusal weighs one row); rarely used answers go first
 * (Caffeine's Window TinyLFU). The default of {@value #DEFAULT_MAX_CELLS} rows keeps the cache near 50 MB whatever the
 * queries. Concurrent requests for the same missing answer compute it once.
 *
 * <p>Thread-safe if the delegate is.
 */
public final class CachingTableSource implements TableSource {

    /** Default bound on the table rows held. */
    public static final long DEFAULT_MAX_CELLS = 500_000;

    private final TableSource delegate;
    private final BoundedMemo<Key, Object> answers;

    /** A cache of at most {@code maxEntries} answers and {@link #DEFAULT_MAX_CELLS} rows. */
    public CachingTableSource(TableSource delegate, int maxEntries) {
        this(delegate, maxEntries, DEFAULT_MAX_CELLS);
    }

    /** A cache of at most {@code maxEntries} answers and {@code maxCells} rows in all. */
    public CachingTableSource(TableSource delegate, int maxEntries, long maxCells) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.answers = new BoundedMemo<>(maxEntries, maxCells, CachingTableSource::weight);
    }

    @Override
    public ProtectedTable table(PublishedRelease release, TableQuery query) {
        Key key = new Key(Objects.requireNonNull(release, "release"), Objects.requireNonNull(query, "query"));
        Object answer = answers.get(key, this::compute);
        if (answer instanceof Refusal refusal) {
            throw new QueryRuleException(refusal.rule(), refusal.reason());
        }
        return (ProtectedTable) answer;
    }

    /** The number of answers held. */
    public int size() {
        return answers.size();
    }

    private Object compute(Key key) {
        try {
            return delegate.table(key.release(), key.query());
        } catch (QueryRuleException e) {
            return new Refusal(e.rule(), e.reason());
        }
    }

    private static long weight(Object answer) {
        return answer instanceof ProtectedTable table ? Math.max(1, table.rows().size()) : 1;
    }

    /** The whole release value, not just its id: two values with one id can never share an answer. */
    private record Key(PublishedRelease release, TableQuery query) {
    }

    private record Refusal(String rule, String reason) {
    }
}
