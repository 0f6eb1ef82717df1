package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.release.InMemoryReleases;

class CachingTableSourceTest {

    private static final PublishedRelease RELEASE = TableTestData.release("cached");
    private static final PublishedRelease OTHER = TableTestData.release("other");
    private static final InMemoryReleases RELEASES = new InMemoryReleases()
            .add(RELEASE, TableTestData.records(21, 3000))
            .add(OTHER, TableTestData.records(22, 3000));

    /** The scanning source, counting how often it is asked. */
    private static final class Counting implements TableSource {
        private final TableSource delegate = new ScanningTableSource(RELEASES, TablePublisher.withDefaults());
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ProtectedTable table(PublishedRelease release, TableQuery query) {
            calls.incrementAndGet();
            return delegate.table(release, query);
        }
    }

    @Test
    void sameReleaseAndQuery_isAnsweredFromTheCache_withTheDelegatesTable() {
        Counting counting = new Counting();
        CachingTableSource cache = new CachingTableSource(counting, 10);
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.SEX, Dimension.YEAR);
        ProtectedTable first = cache.table(RELEASE, query);
        ProtectedTable again = cache.table(RELEASE, TableQuery.of(Measure.VICTIMS, Dimension.SEX, Dimension.YEAR));
        assertSame(first, again);
        assertEquals(counting.delegate.table(RELEASE, query), first);
        assertEquals(1, counting.calls.get());
    }

    @Test
    void anotherReleaseOrQuery_isAnotherEntry() {
        Counting counting = new Counting();
        CachingTableSource cache = new CachingTableSource(counting, 10);
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.SEX);
        cache.table(RELEASE, query);
        cache.table(OTHER, query);
        cache.table(RELEASE, TableQuery.of(Measure.REGISTRATIONS, Dimension.SEX));
        cache.table(RELEASE, new TableQuery(List.of(Dimension.SEX), Map.of(Dimension.YEAR, Set.of("2021")),
                Measure.VICTIMS));
        assertEquals(4, counting.calls.get());
        assertEquals(4, cache.size());
    }

    @Test
    void refusals_areCached_withTheSameRuleAndMessage() {
        Counting counting = new Counting();
        CachingTableSource cache = new CachingTableSource(counting, 10);
        TableQuery tooSparse = new TableQuery(List.of(Dimension.CITIZENSHIP, Dimension.AGE_BAND, Dimension.IDENTIFIED_BY),
                Map.of(Dimension.YEAR, Set.of("2020"), Dimension.SEX, Set.of("male")), Measure.VICTIMS);
        QueryRuleException expected = assertThrows(QueryRuleException.class,
                () -> counting.delegate.table(RELEASE, tooSparse));
        QueryRuleException first = assertThrows(QueryRuleException.class, () -> cache.table(RELEASE, tooSparse));
        QueryRuleException second = assertThrows(QueryRuleException.class, () -> cache.table(RELEASE, tooSparse));
        assertEquals(QueryRuleException.TOO_SPARSE, expected.rule());
        for (QueryRuleException refusal : List.of(first, second)) {
            assertEquals(expected.rule(), refusal.rule());
            assertEquals(expected.getMessage(), refusal.getMessage());
        }
        assertNotSame(first, second, "each caller gets its own exception");
        assertEquals(1, counting.calls.get());
    }

    @Test
    void theEntryBound_holds_whenMoreAnswersAreAsked() {
        // Which answer goes is Caffeine's choice (rarely used before often used), not asserted here.
        Counting counting = new Counting();
        CachingTableSource cache = new CachingTableSource(counting, 2);
        cache.table(RELEASE, TableQuery.of(Measure.VICTIMS, Dimension.SEX));
        cache.table(RELEASE, TableQuery.of(Measure.VICTIMS, Dimension.YEAR));
        cache.table(RELEASE, TableQuery.of(Measure.VICTIMS, Dimension.STATUS));
        assertEquals(3, counting.calls.get());
        assertEquals(2, cache.size());
    }

    @Test
    void theCellBound_limitsTheRowsHeld() {
        Counting counting = new Counting();
        // sex x year: (3 + 1) * (4 + 1) = 20 rows; a budget of 30 rows holds one such table.
        CachingTableSource cache = new CachingTableSource(counting, 100, 30);
        TableQuery sexByYear = TableQuery.of(Measure.VICTIMS, Dimension.SEX, Dimension.YEAR);
        TableQuery yearBySex = TableQuery.of(Measure.VICTIMS, Dimension.YEAR, Dimension.SEX);
        cache.table(RELEASE, sexByYear);
        cache.table(RELEASE, yearBySex);
        assertEquals(1, cache.size());
        cache.table(RELEASE, yearBySex);
        assertEquals(2, counting.calls.get());
    }

    @Test
    void otherFailures_areNotCached() {
        AtomicInteger calls = new AtomicInteger();
        CachingTableSource cache = new CachingTableSource((release, query) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("store unavailable");
        }, 10);
        TableQuery query = TableQuery.of(Measure.VICTIMS);
        assertThrows(IllegalStateException.class, () -> cache.table(RELEASE, query));
        assertThrows(IllegalStateException.class, () -> cache.table(RELEASE, query));
        assertEquals(2, calls.get());
        assertEquals(0, cache.size());
    }

    @Test
    void overIndexedSource_givesTheScanningSourcesTables() {
        TablePublisher builder = TablePublisher.withDefaults();
        TableSource cached = new CachingTableSource(new IndexedTableSource(RELEASES, builder), 100);
        TableSource scanning = new ScanningTableSource(RELEASES, builder);
        java.util.Random random = new java.util.Random(5);
        for (int q = 0; q < 100; q++) {
            TableQuery query = TableTestData.query(random);
            for (int repeat = 0; repeat < 2; repeat++) {
                assertEquals(outcome(scanning, query), outcome(cached, query), query::toString);
            }
        }
    }

    private static Object outcome(TableSource source, TableQuery query) {
        try {
            return source.table(RELEASE, query);
        } catch (QueryRuleException e) {
            return e.getMessage();
        }
    }
}
