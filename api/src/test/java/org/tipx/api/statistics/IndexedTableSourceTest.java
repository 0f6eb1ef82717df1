package org.tipx.api.statistics;

import org.tipx.anonymizer.cellkey.PTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.release.InMemoryReleases;

class IndexedTableSourceTest {

    /** A table, or the rule and message of a refusal. */
    private record Outcome(Optional<ProtectedTable> table, String refusal) {
        static Outcome of(TableSource source, PublishedRelease release, TableQuery query) {
            try {
                return new Outcome(Optional.of(source.table(release, query)), "");
            } catch (QueryRuleException e) {
                return new Outcome(Optional.empty(), e.rule() + " | " + e.getMessage());
            }
        }

        String kind() {
            return table.isPresent() ? "table" : refusal.substring(0, refusal.indexOf(' '));
        }
    }

    @ParameterizedTest(name = "seed {0}, {1} persons, maxCells {2}, max withheld share {3}")
    @CsvSource({
        "1, 3000, 10000, 0.8",
        "2, 800, 10000, 0.8",
        "3, 5000, 400, 0.8",
        "4, 200, 10000, 0.5",
        "5, 3000, 150, 1.0",
    })
    void randomQueries_giveTheScanningSourcesTables_refusalsIncluded(long seed, int persons, int maxCells,
                                                                     double maxWithheldShare) {
        PublishedRelease release = TableTestData.release("r" + seed);
        InMemoryReleases releases = new InMemoryReleases().add(release, TableTestData.records(seed, persons));
        TablePublisher builder = new TablePublisher(maxCells, maxWithheldShare);
        TableSource scanning = new ScanningTableSource(releases, builder);
        TableSource indexed = new IndexedTableSource(releases, builder);
        Random random = new Random(seed * 31);
        Map<String, Integer> kinds = new TreeMap<>();
        int queries = 300;
        for (int q = 0; q < queries; q++) {
            TableQuery query = TableTestData.query(random);
            Outcome expected = Outcome.of(scanning, release, query);
            Outcome actual = Outcome.of(indexed, release, query);
            assertEquals(expected, actual, () -> "query " + query);
            kinds.merge(expected.kind(), 1, Integer::sum);
        }
        // The comparison means something only if the queries reached tables and the refusals the limits allow.
        assertTrue(kinds.getOrDefault("table", 0) >= queries / 5, kinds::toString);
        if (maxWithheldShare < 1) {
            assertTrue(kinds.getOrDefault(QueryRuleException.TOO_SPARSE, 0) >= 3, kinds::toString);
        }
        if (maxCells < 1000) {
            assertTrue(kinds.getOrDefault(QueryRuleException.TOO_MANY_CELLS, 0) >= 3, kinds::toString);
        }
    }

    @Test
    void tablesWithPublishedCells_matchCellByCell_forEveryMeasureAndMultiValuedBreakdown() {
        PublishedRelease release = TableTestData.release("dense");
        InMemoryReleases releases = new InMemoryReleases().add(release, TableTestData.records(11, 20_000));
        TablePublisher builder = TablePublisher.withDefaults();
        TableSource scanning = new ScanningTableSource(releases, builder);
        TableSource indexed = new IndexedTableSource(releases, builder);
        List<TableQuery> queries = List.of(
                TableQuery.of(Measure.VICTIMS),
                TableQuery.of(Measure.REGISTRATIONS),
                TableQuery.of(Measure.VICTIMS, Dimension.EXPLOITATION, Dimension.SEX),
                TableQuery.of(Measure.VICTIMS, Dimension.AGE_BAND, Dimension.COUNTRY_OF_IDENTIFICATION),
                TableQuery.of(Measure.REGISTRATIONS, Dimension.EXPLOITATION, Dimension.YEAR),
                new TableQuery(List.of(Dimension.EXPLOITATION, Dimension.YEAR),
                        Map.of(Dimension.EXPLOITATION, Set.of("sexual", "other"), Dimension.SEX, Set.of("female")),
                        Measure.VICTIMS),
                new TableQuery(List.of(Dimension.CITIZENSHIP, Dimension.YEAR),
                        Map.of(Dimension.SEX, Set.of("female", "unknown")), Measure.VICTIMS));
        for (TableQuery query : queries) {
            ProtectedTable expected = scanning.table(release, query);
            ProtectedTable actual = indexed.table(release, query);
            assertEquals(expected, actual, query::toString);
            assertTrue(actual.rows().stream().anyMatch(r -> r.cell().value().isPresent()), query::toString);
        }
    }

    @Test
    void moreCompoundValuesThanACharColumnHolds_areCountedDirectly_withTheScanningSourcesTables() {
        // 100,000 persons each reported with two of 600 citizenships: about 87,000 distinct pairs, more
        // than the 65,536 value ids of a projected column once citizenship is filtered on.
        Random random = new Random(17);
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < 100_000; p++) {
            String pseudonym = "p" + p;
            int key = random.nextInt(PTable.KEY_SPACE);
            for (int copy = 0; copy < 2; copy++) {
                String citizenship = String.format(java.util.Locale.ROOT, "C%03d", random.nextInt(600));
                records.add(new CaseRecord(pseudonym, true, key, 2020 + random.nextInt(2), Optional.empty(),
                        "registered", Optional.empty(), "female", java.util.OptionalInt.empty(), Optional.empty(),
                        Optional.empty(), Optional.of(citizenship), "NL", Optional.empty(), List.of(),
                        List.of(), List.of(), List.of(), List.of(), List.of()));
            }
        }
        PublishedRelease release = TableTestData.release("many-pairs");
        InMemoryReleases releases = new InMemoryReleases().add(release, records);
        TablePublisher builder = TablePublisher.withDefaults();
        TableQuery query = new TableQuery(List.of(Dimension.YEAR),
                Map.of(Dimension.CITIZENSHIP, Set.of("C001", "C002", "C300", "C599")), Measure.VICTIMS);
        assertEquals(Outcome.of(new ScanningTableSource(releases, builder), release, query),
                Outcome.of(new IndexedTableSource(releases, builder), release, query));
    }

    @Test
    void emptyRelease_givesTheScanningSourcesTables() {
        PublishedRelease release = TableTestData.release("empty");
        InMemoryReleases releases = new InMemoryReleases().add(release, List.of());
        TablePublisher builder = TablePublisher.withDefaults();
        TableSource scanning = new ScanningTableSource(releases, builder);
        TableSource indexed = new IndexedTableSource(releases, builder);
        for (TableQuery query : List.of(TableQuery.of(Measure.VICTIMS),
                TableQuery.of(Measure.REGISTRATIONS, Dimension.SEX, Dimension.EXPLOITATION),
                new TableQuery(List.of(Dimension.YEAR), Map.of(Dimension.SEX, Set.of("female")), Measure.VICTIMS))) {
            assertEquals(Outcome.of(scanning, release, query), Outcome.of(indexed, release, query), query::toString);
        }
    }

    @Test
    void concurrentFirstQueries_readTheReleaseOnce() throws Exception {
        PublishedRelease release = TableTestData.release("once");
        CountingReleases releases = new CountingReleases(
                new InMemoryReleases().add(release, TableTestData.records(7, 5000)), 50);
        IndexedTableSource indexed = new IndexedTableSource(releases, TablePublisher.withDefaults());
        TableQuery query = TableQuery.of(Measure.VICTIMS, Dimension.YEAR);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ProtectedTable>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return indexed.table(release, query);
                }));
            }
            start.countDown();
            ProtectedTable first = answers.get(0).get();
            for (Future<ProtectedTable> answer : answers) {
                assertEquals(first, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, releases.reads.get());
        indexed.table(release, TableQuery.of(Measure.REGISTRATIONS, Dimension.SEX));
        assertEquals(1, releases.reads.get(), "later queries use the index");
    }

    @Test
    void concurrentQueriesOnOneIndex_giveTheScanningSourcesTables_whileProjectionsAreBuilt() throws Exception {
        PublishedRelease release = TableTestData.release("parallel");
        InMemoryReleases releases = new InMemoryReleases().add(release, TableTestData.records(9, 4000));
        TablePublisher builder = TablePublisher.withDefaults();
        TableSource scanning = new ScanningTableSource(releases, builder);
        Random random = new Random(99);
        List<TableQuery> queries = new ArrayList<>();
        List<Outcome> expected = new ArrayList<>();
        for (int q = 0; q < 60; q++) {
            TableQuery query = TableTestData.query(random);
            queries.add(query);
            expected.add(Outcome.of(scanning, release, query));
        }
        IndexedTableSource indexed = new IndexedTableSource(releases, builder);
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                runs.add(pool.submit(() -> {
                    start.await();
                    // Each thread walks the queries from another starting point, so projections are
                    // asked for by several threads at once.
                    for (int i = 0; i < queries.size(); i++) {
                        int q = (i + offset) % queries.size();
                        assertEquals(expected.get(q), Outcome.of(indexed, release, queries.get(q)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void releasesBeyondTheBound_areDroppedAndReadAgainWhenAsked() {
        PublishedRelease a = TableTestData.release("a");
        PublishedRelease b = TableTestData.release("b");
        CountingReleases releases = new CountingReleases(new InMemoryReleases()
                .add(a, TableTestData.records(1, 300)).add(b, TableTestData.records(2, 300)), 0);
        IndexedTableSource indexed = new IndexedTableSource(releases, TablePublisher.withDefaults(), 1);
        TableQuery query = TableQuery.of(Measure.VICTIMS);
        indexed.table(a, query);
        indexed.table(a, query);
        assertEquals(1, releases.reads.get());
        indexed.table(b, query);
        assertEquals(2, releases.reads.get());
        indexed.table(a, query);
        assertEquals(3, releases.reads.get(), "a was dropped to hold b");
    }

    @Test
    void unknownRelease_failsLikeTheScanningSource_andIsNotRemembered() {
        CountingReleases releases = new CountingReleases(new InMemoryReleases(), 0);
        IndexedTableSource indexed = new IndexedTableSource(releases, TablePublisher.withDefaults());
        PublishedRelease missing = TableTestData.release("missing");
        TableQuery query = TableQuery.of(Measure.VICTIMS);
        assertThrows(NoSuchElementException.class, () -> indexed.table(missing, query));
        assertThrows(NoSuchElementException.class, () -> indexed.table(missing, query));
        assertEquals(2, releases.reads.get(), "a failed load is tried again");
    }

    @Test
    void recordKeysDifferingWithinAPerson_refuseToLoad_withoutQuotingThePseudonymOrTheKeys() {
        List<CaseRecord> records = new ArrayList<>(TableTestData.records(3, 50));
        CaseRecord r = records.get(0);
        int otherKey = (r.recordKey() + 1) % PTable.KEY_SPACE;
        records.add(new CaseRecord(r.pseudonym(), r.linked(), otherKey, r.registrationYear(),
                r.registrationDate(), r.status(), r.identifiedBy(), r.sex(), r.age(), r.ageBand(),
                r.minorAtExploitation(), r.citizenship(), r.countryOfIdentification(), r.countryOfExploitation(),
                r.exploitation(), List.of(), List.of(), List.of(), List.of(), List.of()));
        PublishedRelease release = TableTestData.release("broken");
        IndexedTableSource indexed = new IndexedTableSource(new InMemoryReleases().add(release, records),
                TablePublisher.withDefaults());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> indexed.table(release, TableQuery.of(Measure.VICTIMS)));
        assertFalse(e.getMessage().contains(r.pseudonym()));
        assertFalse(e.getMessage().contains(Integer.toString(r.recordKey())));
        assertFalse(e.getMessage().contains(Integer.toString(otherKey)));
    }

    @Test
    void preload_reportsTheIndexSize_andTheFirstQueryReadsNothingMore() {
        PublishedRelease release = TableTestData.release("pre");
        List<CaseRecord> records = TableTestData.records(5, 2000);
        CountingReleases releases = new CountingReleases(new InMemoryReleases().add(release, records), 0);
        IndexedTableSource indexed = new IndexedTableSource(releases, TablePublisher.withDefaults());
        IndexedTableSource.IndexSize size = indexed.preload(release);
        assertTrue(size.bytes() > 0 && size.bytes() < 200L * records.size(), size::toString);
        // The release's code listing (one-way tables) is made at load, so its projections exist already.
        assertTrue(size.projectionBytes() > 0, size::toString);
        indexed.table(release, TableQuery.of(Measure.VICTIMS, Dimension.SEX, Dimension.YEAR));
        assertEquals(1, releases.reads.get());
        assertTrue(indexed.preload(release).projectionBytes() > size.projectionBytes(), "the query's projection is kept");
    }

    /** Counts (and optionally slows) reads of the records, so tests can see when a release is loaded. */
    private static final class CountingReleases implements PublishedReleases {
        private final PublishedReleases delegate;
        private final long delayMillis;
        final AtomicInteger reads = new AtomicInteger();

        CountingReleases(PublishedReleases delegate, long delayMillis) {
            this.delegate = delegate;
            this.delayMillis = delayMillis;
        }

        @Override
        public List<PublishedRelease> list() {
            return delegate.list();
        }

        @Override
        public Optional<PublishedRelease> find(String idOrLatest) {
            return delegate.find(idOrLatest);
        }

        @Override
        public void records(String releaseId, Consumer<CaseRecord> consumer) {
            reads.incrementAndGet();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            delegate.records(releaseId, consumer);
        }

        @Override
        public Map<String, Map<Integer, Set<String>>> reportingAgencies(String releaseId) {
            return delegate.reportingAgencies(releaseId);
        }

        @Override
        public Map<String, Map<Integer, Map<String, Set<Integer>>>> reportedQuarters(String releaseId) {
            return delegate.reportedQuarters(releaseId);
        }
    }
}
