package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.store.StoreException;

/** The worker stage behind {@link ExtractIngestor#ingest}: order, counts and failures across the thread hop. */
class PseudonymisingStageTest {

    private static String extract(int rows) {
        List<Map<String, String>> all = IntStream.rangeClosed(1, rows)
                .mapToObj(i -> TestExtracts.with(TestExtracts.with(TestExtracts.validRow("r" + i), "family_name",
                        i % 2 == 0 ? "Kovalenko" : null), "given_name", i % 2 == 0 ? "Olena" + i : null))
                .map(row -> TestExtracts.with(row, "birth_date", row.containsKey("given_name") ? "1990-01-01" : null))
                .toList();
        return TestExtracts.csv(all);
    }

    @Test
    void recordsReachTheSinkInUploadOrderWithLinkedRowsCounted() {
        List<CaseRecord> records = new ArrayList<>();
        IngestOutcome outcome = TestExtracts.ingestor().ingest(TestExtracts.body(extract(5_000)), ExtractFormat.CSV,
                TestExtracts.CONTEXT, new HashingPseudonymiser(), records::add);
        assertEquals(5_000, outcome.rows());
        assertEquals(5_000, records.size());
        assertEquals(2_500, outcome.linkedRows());
        for (int i = 0; i < records.size(); i++) {
            // Even rows (1-based) carry names and a birth date: the linked flags alternate only in upload order.
            assertEquals(i % 2 == 1, records.get(i).linked(), "row " + (i + 1) + " out of order");
        }
    }

    @Test
    void aSinkFailureReachesTheCallerWithoutHanging() {
        StoreException broken = new StoreException("disk full");
        String csv = extract(20_000);
        StoreException thrown = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(StoreException.class,
                () -> TestExtracts.ingestor().ingest(TestExtracts.body(csv), ExtractFormat.CSV, TestExtracts.CONTEXT,
                        new HashingPseudonymiser(), new FailingSink(700, broken))));
        assertSame(broken, thrown);
    }

    @Test
    void aFailureOnTheLastBatchIsStillReported() {
        StoreException broken = new StoreException("late");
        StoreException thrown = assertThrows(StoreException.class, () -> TestExtracts.ingestor().ingest(
                TestExtracts.body(extract(10)), ExtractFormat.CSV, TestExtracts.CONTEXT, new HashingPseudonymiser(),
                new FailingSink(10, broken)));
        assertSame(broken, thrown);
    }

    /** Accepts records until the n-th, which it refuses. */
    private static final class FailingSink implements RecordSink {
        private final int failAt;
        private final RuntimeException failure;
        private int seen;

        FailingSink(int failAt, RuntimeException failure) {
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public void accept(CaseRecord record) {
            if (++seen == failAt) {
                throw failure;
            }
        }
    }
}
