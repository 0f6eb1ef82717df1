package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * The behaviour every {@link TipxStore} must show; each database runs it through a subclass that says
 * how to open a store on a fresh, empty database and how to reach that database directly.
 */
abstract class TipxStoreContract {

    static final Period Q3 = new Period(2026, 3);
    static final Period Q4 = new Period(2026, 4);
    static final String CSV = "text/csv";

    private final TickingClock clock = new TickingClock(Instant.parse("2026-10-01T09:00:00Z"));
    TipxStore store;

    /** A store on a fresh, empty database, stamping uploads with the given clock. */
    abstract TipxStore openStore(Clock clock);

    /** A plain JDBC connection to the database of the last store opened, to see what it left behind. */
    abstract Connection rawConnection() throws SQLException;

    @BeforeEach
    void openFreshStore() {
        store = openStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // --- agencies ---

    @Test
    void createAgency_newId_storesItWithAnActiveToken() {
        Agency police = agency("nl-police");

        assertTrue(store.createAgency(police, "hash-1"));

        assertEquals(Optional.of(police), store.agency("nl-police"));
    }

    @Test
    void createAgency_takenId_returnsFalseAndKeepsTheFirst() {
        Agency first = agency("nl-police");
        store.createAgency(first, "hash-1");
        Agency second = new Agency("nl-police", "Other", "BE", "ngo", Instant.parse("2026-02-02T00:00:00Z"), true);

        assertFalse(store.createAgency(second, "hash-2"));

        assertEquals(Optional.of(first), store.agency("nl-police"));
        assertEquals(Optional.empty(), store.agencyByTokenHash("hash-2"));
    }

    @Test
    void createAgency_tokenHashInUse_throwsAndStoresNothing() {
        store.createAgency(agency("nl-police"), "hash-1");

        assertThrows(StoreException.class, () -> store.createAgency(agency("be-ngo"), "hash-1"));

        assertEquals(Optional.empty(), store.agency("be-ngo"));
    }

    @Test
    void createAgency_inactiveToken_isRefused() {
        Agency revoked = new Agency("nl-police", "Police", "NL", "police", Instant.EPOCH, false);

        assertThrows(IllegalArgumentException.class, () -> store.createAgency(revoked, "hash-1"));
    }

    @Test
    void createAgency_createdWithNanoseconds_isKeptToTheMicrosecond() {
        Agency precise = new Agency("nl-police", "Police", "NL", "police",
                Instant.parse("2026-01-01T00:00:00.123456789Z"), true);
        store.createAgency(precise, "hash-1");

        assertEquals(Instant.parse("2026-01-01T00:00:00.123456Z"), store.agency("nl-police").orElseThrow().created());
    }

    @Test
    void agency_unknownId_isEmpty() {
        assertEquals(Optional.empty(), store.agency("nobody"));
    }

    @Test
    void agencies_listsEveryAgencyById() {
        store.createAgency(agency("ro-ngo"), "hash-1");
        store.createAgency(agency("be-police"), "hash-2");
        store.createAgency(agency("nl-police"), "hash-3");

        assertEquals(List.of("be-police", "nl-police", "ro-ngo"),
                store.agencies().stream().map(Agency::id).toList());
    }

    @Test
    void agencyByTokenHash_findsOnlyTheHolderOfThatHash() {
        store.createAgency(agency("nl-police"), "hash-1");
        store.createAgency(agency("be-police"), "hash-2");

        assertEquals("be-police", store.agencyByTokenHash("hash-2").orElseThrow().id());
        assertEquals(Optional.empty(), store.agencyByTokenHash("hash-3"));
    }

    @Test
    void rotateToken_replacesTheHash() {
        store.createAgency(agency("nl-police"), "hash-1");

        assertTrue(store.rotateToken("nl-police", "hash-2"));

        assertEquals(Optional.empty(), store.agencyByTokenHash("hash-1"));
        assertEquals("nl-police", store.agencyByTokenHash("hash-2").orElseThrow().id());
    }

    @Test
    void rotateToken_unknownAgency_returnsFalse() {
        assertFalse(store.rotateToken("nobody", "hash-2"));
        assertEquals(Optional.empty(), store.agencyByTokenHash("hash-2"));
    }

    @Test
    void revokeToken_deactivatesTheTokenUntilTheNextRotation() {
        store.createAgency(agency("nl-police"), "hash-1");

        assertTrue(store.revokeToken("nl-police"));

        assertFalse(store.agency("nl-police").orElseThrow().tokenActive());
        assertEquals(Optional.empty(), store.agencyByTokenHash("hash-1"));

        assertTrue(store.rotateToken("nl-police", "hash-2"));
        assertTrue(store.agency("nl-police").orElseThrow().tokenActive());
        assertEquals("nl-police", store.agencyByTokenHash("hash-2").orElseThrow().id());
    }

    @Test
    void revokeToken_severalRevokedAgencies_coexist() {
        store.createAgency(agency("nl-police"), "hash-1");
        store.createAgency(agency("be-police"), "hash-2");

        assertTrue(store.revokeToken("nl-police"));
        assertTrue(store.revokeToken("be-police"));

        assertEquals(0, store.agencies().stream().filter(Agency::tokenActive).count());
    }

    @Test
    void revokeToken_unknownAgency_returnsFalse() {
        assertFalse(store.revokeToken("nobody"));
    }

    // --- extracts ---

    @Test
    void commit_returnsTheStoredExtractAndMakesItCurrent() {
        store.createAgency(agency("nl-police"), "hash-1");
        List<CaseRecord> records = List.of(TestRecords.full("p1"), TestRecords.sparse("p2"), TestRecords.full("p3"));

        StoredExtract stored = write("nl-police", Q3, records, "sha-1");

        assertTrue(stored.id().matches("ex-[0-9a-v]{20}"), stored.id());
        assertEquals("nl-police", stored.agency());
        assertEquals(Q3, stored.period());
        assertEquals(3, stored.rows());
        assertEquals(2, stored.linkedRows());
        assertEquals(CSV, stored.mediaType());
        assertEquals("sha-1", stored.sha256());
        assertTrue(stored.current());
        assertEquals(Optional.empty(), stored.replaces());
        assertEquals(Optional.of(stored), store.extract(stored.id()));
        assertEquals(Optional.of(stored), store.currentExtract("nl-police", Q3));
        assertEquals(Optional.empty(), store.currentExtract("nl-police", Q4));
    }

    @Test
    void records_readBackEveryFieldAsWritten() {
        store.createAgency(agency("nl-police"), "hash-1");
        CaseRecord full = TestRecords.full("p1");
        CaseRecord sparse = TestRecords.sparse("p2");
        StoredExtract stored = write("nl-police", Q3, List.of(full, sparse), "sha-1");

        List<CaseRecord> read = readAll(stored.id());

        assertEquals(2, read.size());
        CaseRecord back = read.get(0);
        assertEquals("p1", back.pseudonym());
        assertTrue(back.linked());
        assertEquals(4095, back.recordKey());
        assertEquals(2026, back.registrationYear());
        assertEquals(full.registrationDate(), back.registrationDate());
        assertEquals("confirmed", back.status());
        assertEquals(Optional.of("police"), back.identifiedBy());
        assertEquals("female", back.sex());
        assertEquals(0, back.age().orElseThrow());
        assertEquals(Optional.of("0-8"), back.ageBand());
        assertEquals(Optional.of("yes"), back.minorAtExploitation());
        assertEquals(Optional.of("UA"), back.citizenship());
        assertEquals("NL", back.countryOfIdentification());
        assertEquals(Optional.of("BE"), back.countryOfExploitation());
        assertEquals(List.of("sexual", "forced_labour"), back.exploitation());
        assertEquals(List.of("A", "T"), back.labourSector());
        assertEquals(List.of("prostitution"), back.sexualExploitationType());
        assertEquals(List.of("debt_bondage", "threats", "withholds_documents"), back.meansOfControl());
        assertEquals(List.of("friend"), back.recruiterRelation());
        assertEquals(List.of("shelter", "medical", "legal"), back.assistance());
        assertEquals(full, back);

        CaseRecord empty = read.get(1);
        assertFalse(empty.linked());
        assertEquals(Optional.empty(), empty.registrationDate());
        assertTrue(empty.age().isEmpty());
        assertEquals(Optional.empty(), empty.citizenship());
        assertEquals(List.of(), empty.exploitation());
        assertEquals(List.of(), empty.assistance());
        assertEquals(sparse, empty);
    }

    @Test
    void records_escapeAndSeparatorCharacters_roundTripExactly() {
        store.createAgency(agency("nl-police"), "hash-1");
        CaseRecord awkward = TestRecords.awkward("p\t1\\");

        StoredExtract stored = write("nl-police", Q3, List.of(awkward, TestRecords.sparse("p2")), "sha-1");

        assertEquals(List.of(awkward, TestRecords.sparse("p2")), readAll(stored.id()));
    }

    @Test
    void records_manySeededRandomRecords_comeBackInUploadOrder() {
        store.createAgency(agency("nl-police"), "hash-1");
        Random random = new Random(20261001L);
        List<CaseRecord> records = new ArrayList<>();
        // More than two batches (1,000 rows) and many COPY chunks, ending mid-batch.
        for (int i = 0; i < 2_345; i++) {
            records.add(TestRecords.random(random, i));
        }

        StoredExtract stored = write("nl-police", Q3, records, "sha-1");

        assertEquals(records.size(), stored.rows());
        assertEquals(records.stream().filter(CaseRecord::linked).count(), stored.linkedRows());
        assertEquals(records, readAll(stored.id()));
    }

    @Test
    void commit_withoutRecords_storesAnEmptyExtract() {
        store.createAgency(agency("nl-police"), "hash-1");

        StoredExtract stored = write("nl-police", Q3, List.of(), "sha-empty");

        assertEquals(0, stored.rows());
        assertEquals(List.of(), readAll(stored.id()));
        assertEquals(Optional.of(stored), store.currentExtract("nl-police", Q3));
    }

    @Test
    void add_codeHoldingTheSeparator_isRefusedAndTheWriteGoesOn() {
        store.createAgency(agency("nl-police"), "hash-1");
        CaseRecord bad = withExploitation(TestRecords.sparse("p1"), List.of("sexual;forced_labour"));
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
            assertThrows(IllegalArgumentException.class, () -> write.add(bad));
            write.add(TestRecords.sparse("p2"));

            StoredExtract stored = write.commit("sha-1");

            assertEquals(1, stored.rows());
        }
    }

    @Test
    void commit_rowTheDatabaseRefuses_failsWithoutQuotingItAndStoresNothing() throws SQLException {
        store.createAgency(agency("nl-police"), "hash-1");
        String secret = "S3CRET-" + "x".repeat(100); // longer than the status column allows
        CaseRecord tooLong = new CaseRecord("p1", false, 1, 2026, Optional.empty(), secret,
                Optional.empty(), "male", OptionalInt.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), "NL", Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        StoreException failure = assertThrows(StoreException.class, () -> {
            try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
                write.add(TestRecords.full("p0"));
                write.add(tooLong);
                write.commit("sha-1");
            }
        });

        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("S3CRET"), t.toString());
            for (Throwable suppressed : t.getSuppressed()) {
                assertFalse(String.valueOf(suppressed.getMessage()).contains("S3CRET"), suppressed.toString());
            }
        }
        assertEquals(0, count("SELECT count(*) FROM extract"));
        assertEquals(0, count("SELECT count(*) FROM case_record"));
        assertTrue(store.ping());
    }

    @Test
    void records_unknownExtract_streamsNothing() {
        List<CaseRecord> read = new ArrayList<>();
        store.records("ex-00000000000000000000", read::add);
        assertEquals(List.of(), read);
    }

    @Test
    void openWrite_isInvisibleUntilCommitted() throws SQLException {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
            for (int i = 0; i < 1_500; i++) {
                write.add(TestRecords.full("p" + i));
            }

            assertEquals(Optional.empty(), store.currentExtract("nl-police", Q3));
            assertEquals(List.of(), store.extracts("nl-police"));
            assertEquals(0, count("SELECT count(*) FROM extract"));
            assertEquals(0, count("SELECT count(*) FROM case_record"));

            StoredExtract stored = write.commit("sha-1");

            assertEquals(1_500, count("SELECT count(*) FROM case_record"));
            assertEquals(Optional.of(stored), store.currentExtract("nl-police", Q3));
        }
    }

    @Test
    void close_withoutCommit_leavesNothingBehind() throws SQLException {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
            for (int i = 0; i < 2_500; i++) {
                write.add(TestRecords.full("p" + i));
            }
        }

        assertEquals(Optional.empty(), store.currentExtract("nl-police", Q3));
        assertEquals(List.of(), store.extracts("nl-police"));
        assertEquals(0, count("SELECT count(*) FROM extract"));
        assertEquals(0, count("SELECT count(*) FROM case_record"));
        assertTrue(store.ping(), "the connection went back to the pool in a usable state");
    }

    @Test
    void close_withoutCommit_keepsThePreviousCurrentExtract() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract first = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
            write.add(TestRecords.sparse("p2"));
        }

        assertEquals(Optional.of(first), store.currentExtract("nl-police", Q3));
        assertEquals(List.of(TestRecords.full("p1")), readAll(first.id()));
    }

    @Test
    void write_afterCommit_isRefusedAndCloseKeepsTheCommit() {
        store.createAgency(agency("nl-police"), "hash-1");
        TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV);
        write.add(TestRecords.full("p1"));
        StoredExtract stored = write.commit("sha-1");

        assertThrows(IllegalStateException.class, () -> write.add(TestRecords.full("p2")));
        assertThrows(IllegalStateException.class, () -> write.commit("sha-2"));
        write.close();

        assertEquals(Optional.of(stored), store.extract(stored.id()));
        assertEquals(1, readAll(stored.id()).size());
    }

    @Test
    void write_afterClose_isRefused() {
        store.createAgency(agency("nl-police"), "hash-1");
        TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV);
        write.close();

        assertThrows(IllegalStateException.class, () -> write.add(TestRecords.full("p1")));
        assertThrows(IllegalStateException.class, () -> write.commit("sha-1"));
    }

    @Test
    void beginExtract_unknownAgency_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.beginExtract("nobody", Q3, CSV));
        assertTrue(store.ping(), "the connection went back to the pool");
    }

    @Test
    void commit_samePeriodAgain_replacesTheCurrentExtractAndKeepsItsRecords() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract first = write("nl-police", Q3, List.of(TestRecords.full("p1"), TestRecords.full("p2")), "sha-1");
        StoredExtract otherPeriod = write("nl-police", Q4, List.of(TestRecords.full("p9")), "sha-9");

        StoredExtract second = write("nl-police", Q3, List.of(TestRecords.sparse("p3")), "sha-2");

        assertTrue(second.current());
        assertEquals(Optional.of(first.id()), second.replaces());
        assertEquals(Optional.of(second), store.currentExtract("nl-police", Q3));
        StoredExtract replaced = store.extract(first.id()).orElseThrow();
        assertFalse(replaced.current());
        assertEquals(first.rows(), replaced.rows());
        assertEquals(first.sha256(), replaced.sha256());
        assertEquals(List.of(TestRecords.full("p1"), TestRecords.full("p2")), readAll(first.id()));
        assertEquals(List.of(TestRecords.sparse("p3")), readAll(second.id()));
        assertEquals(Optional.of(otherPeriod), store.currentExtract("nl-police", Q4));
    }

    @Test
    void commit_samePeriodForTwoAgencies_keepsBothCurrent() {
        store.createAgency(agency("nl-police"), "hash-1");
        store.createAgency(agency("be-police"), "hash-2");

        StoredExtract dutch = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        StoredExtract belgian = write("be-police", Q3, List.of(TestRecords.full("p1")), "sha-1");

        assertEquals(Optional.of(dutch), store.currentExtract("nl-police", Q3));
        assertEquals(Optional.of(belgian), store.currentExtract("be-police", Q3));
    }

    @Test
    void commit_concurrentUploadsOfOnePeriod_leaveExactlyOneCurrent() throws Exception {
        store.createAgency(agency("nl-police"), "hash-1");
        int uploads = 4;
        CyclicBarrier allWritten = new CyclicBarrier(uploads);
        ExecutorService pool = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<StoredExtract>> futures = new ArrayList<>();
            for (int u = 0; u < uploads; u++) {
                int upload = u;
                futures.add(pool.submit(() -> {
                    try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
                        for (int i = 0; i < 300; i++) {
                            write.add(TestRecords.full("u" + upload + "-" + i));
                        }
                        allWritten.await();
                        return write.commit("sha-" + upload);
                    }
                }));
            }
            List<StoredExtract> committed = new ArrayList<>();
            for (Future<StoredExtract> future : futures) {
                committed.add(future.get());
            }

            assertEquals(1, count("SELECT count(*) FROM extract WHERE current_flag = TRUE"));
            List<StoredExtract> stored = store.extracts("nl-police");
            assertEquals(uploads, stored.size());
            assertEquals(1, stored.stream().filter(StoredExtract::current).count());
            // The commits took turns: each but the first replaced the one current before it.
            Set<String> replaced = committed.stream().flatMap(e -> e.replaces().stream()).collect(Collectors.toSet());
            assertEquals(uploads - 1, replaced.size());
            Set<String> ids = committed.stream().map(StoredExtract::id).collect(Collectors.toSet());
            assertTrue(ids.containsAll(replaced));
            String current = store.currentExtract("nl-police", Q3).orElseThrow().id();
            assertFalse(replaced.contains(current));
            assertEquals(uploads * 300L, count("SELECT count(*) FROM case_record"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void commit_waitingLongerThanAFewSecondsForThePeriodLock_stillSucceeds() throws Exception {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract first = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        ExecutorService committer = Executors.newSingleThreadExecutor();
        try (Connection holder = rawConnection()) {
            // Stands in for a slow commit of the same period (a large extract's commit takes seconds).
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT agency_id FROM extract_period_lock WHERE agency_id = 'nl-police' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            Future<StoredExtract> second = committer.submit(
                    () -> write("nl-police", Q3, List.of(TestRecords.full("p2")), "sha-2"));
            Thread.sleep(3_000);
            assertFalse(second.isDone(), "the commit waits for the period lock");
            holder.commit();

            assertEquals(Optional.of(first.id()), second.get().replaces());
        } finally {
            committer.shutdownNow();
        }
    }

    @Test
    void openWrite_doesNotBlockTokenChangesOrOtherUploadsOfTheAgency() {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite open = store.beginExtract("nl-police", Q3, CSV)) {
            open.add(TestRecords.full("p1"));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertTrue(store.rotateToken("nl-police", "hash-2"));
                StoredExtract other = write("nl-police", Q4, List.of(TestRecords.full("p2")), "sha-2");
                assertTrue(other.current());
            });
            // The write began under the old token, so it no longer speaks for the agency.
            assertThrows(TokenWithdrawnException.class, () -> open.commit("sha-1"));
        }
        assertEquals(List.of(Q4), store.extracts("nl-police").stream().map(StoredExtract::period).toList());
    }

    @Test
    void commit_tokenRotatedDuringTheWrite_refusedAndNothingStored() {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite open = store.beginExtract("nl-police", Q3, CSV)) {
            open.add(TestRecords.full("p1"));
            assertTrue(store.rotateToken("nl-police", "hash-2"));
            assertThrows(TokenWithdrawnException.class, () -> open.commit("sha-1"));
        }
        assertEquals(List.of(), store.extracts("nl-police"));
        assertEquals(Optional.empty(), store.currentExtract("nl-police", Q3));
    }

    @Test
    void commit_tokenRevokedDuringTheWrite_refusedAndNothingStored() {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite open = store.beginExtract("nl-police", Q3, CSV)) {
            open.add(TestRecords.full("p1"));
            assertTrue(store.revokeToken("nl-police"));
            assertThrows(TokenWithdrawnException.class, () -> open.commit("sha-1"));
        }
        assertEquals(List.of(), store.extracts("nl-police"));
        assertThrows(TokenWithdrawnException.class, () -> store.beginExtract("nl-police", Q3, CSV),
                "a revoked agency cannot begin a write either");
    }

    @Test
    void commit_tokenRevokedThenReissued_refused() {
        store.createAgency(agency("nl-police"), "hash-1");
        try (TipxStore.ExtractWrite open = store.beginExtract("nl-police", Q3, CSV)) {
            assertTrue(store.revokeToken("nl-police"));
            assertTrue(store.rotateToken("nl-police", "hash-3"));
            assertThrows(TokenWithdrawnException.class, () -> open.commit("sha-1"));
        }
        StoredExtract fresh = write("nl-police", Q3, List.of(TestRecords.full("p2")), "sha-2");
        assertTrue(fresh.current(), "a write begun under the new token commits");
    }

    @Test
    void extracts_listsTheAgencysExtractsNewestFirst() {
        store.createAgency(agency("nl-police"), "hash-1");
        store.createAgency(agency("be-police"), "hash-2");
        StoredExtract a = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-a");
        StoredExtract b = write("nl-police", Q4, List.of(TestRecords.full("p2")), "sha-b");
        write("be-police", Q3, List.of(TestRecords.full("p3")), "sha-x");
        StoredExtract c = write("nl-police", Q3, List.of(TestRecords.full("p4")), "sha-c");

        List<StoredExtract> listed = store.extracts("nl-police");

        assertEquals(List.of(c.id(), b.id(), a.id()), listed.stream().map(StoredExtract::id).toList());
        assertEquals(List.of(true, true, false), listed.stream().map(StoredExtract::current).toList());
        assertTrue(listed.get(0).uploaded().isAfter(listed.get(1).uploaded()));
        assertEquals(List.of(), store.extracts("nobody"));
    }

    @Test
    void extractIds_areUnguessable() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract a = write("nl-police", Q3, List.of(), "sha-a");
        StoredExtract b = write("nl-police", Q3, List.of(), "sha-b");

        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id().substring(0, 10), b.id().substring(0, 10));
    }

    // --- operations ---

    @Test
    void auditLog_returnsTheNewestEventsFirst() {
        AuditEvent created = new AuditEvent(Instant.parse("2026-10-01T09:00:00Z"), "admin", "agency.create",
                "nl-police", "created");
        AuditEvent uploaded = new AuditEvent(Instant.parse("2026-10-01T09:05:00Z"), "nl-police", "extract.upload",
                "ex-0000000000000000000a", "rows=3");
        AuditEvent rotated = new AuditEvent(Instant.parse("2026-10-01T09:05:00Z"), "admin", "token.rotate",
                "nl-police", "");
        store.audit(created);
        store.audit(uploaded);
        store.audit(rotated);

        assertEquals(List.of(rotated, uploaded), store.auditLog(2));
        assertEquals(List.of(rotated, uploaded, created), store.auditLog(100));
    }

    @Test
    void auditLog_nonPositiveLimit_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.auditLog(0));
    }

    @Test
    void ping_answersTrueWhileOpenAndFalseOnceClosed() {
        assertTrue(store.ping());
        store.close();
        assertFalse(store.ping());
    }

    @Test
    void schema_hasNoColumnForDirectIdentifiersOrRecordIds() throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Connection c = rawConnection();
                PreparedStatement select = c.prepareStatement(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = ?")) {
            for (String table : List.of("agency", "extract", "case_record", "audit_event")) {
                select.setString(1, table);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        assertTrue(columns.contains("pseudonym"), columns::toString);
        for (String forbidden : List.of("given_name", "family_name", "birth_date", "document_number", "record_id")) {
            assertFalse(columns.contains(forbidden), forbidden);
        }
    }

    // --- releases ---

    @Test
    void currentExtracts_acrossAgencies_orderedByAgencyThenPeriodWithoutReplacedOnes() {
        store.createAgency(agency("b-agency"), "hash-b");
        store.createAgency(agency("a-agency"), "hash-a");
        StoredExtract bQ4 = write("b-agency", Q4, List.of(TestRecords.full("p1")), "sha-1");
        write("a-agency", Q4, List.of(TestRecords.full("p2")), "sha-2");
        StoredExtract aQ4 = write("a-agency", Q4, List.of(TestRecords.full("p3")), "sha-3");
        StoredExtract aQ3 = write("a-agency", Q3, List.of(TestRecords.full("p4")), "sha-4");

        assertEquals(List.of(aQ3.id(), aQ4.id(), bQ4.id()),
                store.currentExtracts().stream().map(StoredExtract::id).toList());
    }

    @Test
    void createRelease_writesEverythingAndReadsItBack() throws Exception {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract q3 = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        StoredExtract q4 = write("nl-police", Q4, List.of(TestRecords.full("p2")), "sha-2");
        Instant created = Instant.parse("2026-11-23T10:00:00.123456Z");

        assertTrue(store.createRelease(new NewRelease("2026-11-23.1", created, "{\"id\":1}",
                List.of(q4.id(), q3.id()), "a,b\n*,\n")));

        StoredRelease read = store.release("2026-11-23.1").orElseThrow();
        assertEquals(new StoredRelease("2026-11-23.1", created, "{\"id\":1}", List.of(q4.id(), q3.id())), read);
        assertEquals(Optional.of(read), store.latestRelease());
        assertEquals(1, store.releasesOn(java.time.LocalDate.of(2026, 11, 23)));
        assertEquals(0, store.releasesOn(java.time.LocalDate.of(2026, 11, 24)));
        java.io.StringWriter microdata = new java.io.StringWriter();
        assertTrue(store.writeMicrodata("2026-11-23.1", microdata));
        assertEquals("a,b\n*,\n", microdata.toString());
        assertFalse(store.writeMicrodata("2026-11-23.2", new java.io.StringWriter()));
    }

    @Test
    void createRelease_takenId_returnsFalseAndKeepsTheFirst() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract q3 = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        assertTrue(store.createRelease(new NewRelease("2026-11-23.1", created, "{}", List.of(q3.id()), "first")));

        assertFalse(store.createRelease(new NewRelease("2026-11-23.1", created, "{\"x\":2}", List.of(q3.id()),
                "second")));

        assertEquals("{}", store.release("2026-11-23.1").orElseThrow().manifest());
        java.io.StringWriter microdata = new java.io.StringWriter();
        store.writeMicrodata("2026-11-23.1", microdata);
        assertEquals("first", microdata.toString());
    }

    @Test
    void createRelease_unknownExtract_writesNothing() throws SQLException {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract q3 = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");

        assertThrows(IllegalArgumentException.class, () -> store.createRelease(new NewRelease("2026-11-23.1",
                Instant.parse("2026-11-23T10:00:00Z"), "{}", List.of(q3.id(), "no-such-extract"), "csv")));

        assertEquals(0, count("SELECT COUNT(*) FROM release"));
        assertEquals(0, count("SELECT COUNT(*) FROM release_extract"));
        assertTrue(store.releases().isEmpty());
        assertTrue(store.latestRelease().isEmpty());
    }

    @Test
    void releases_newestFirst_evenWhenIdsSortOtherwise() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract q3 = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        Instant created = Instant.parse("2026-11-23T10:00:00Z");
        for (String id : List.of("2026-11-23.9", "2026-11-23.10", "2026-11-23.11")) {
            assertTrue(store.createRelease(new NewRelease(id, created, "{}", List.of(q3.id()), "")));
        }

        assertEquals(List.of("2026-11-23.11", "2026-11-23.10", "2026-11-23.9"),
                store.releases().stream().map(StoredRelease::id).toList());
        assertEquals("2026-11-23.11", store.latestRelease().orElseThrow().id());
    }

    // --- release jobs ---

    @Test
    void queueReleaseJob_whileOneIsUnderWay_queuesNothing_untilItEnds() throws SQLException {
        ReleaseJob first = store.queueReleaseJob("admin").orElseThrow();

        assertEquals(Optional.empty(), store.queueReleaseJob("cli"), "queued");
        assertTrue(store.startReleaseJob(first.id()));
        assertFalse(store.startReleaseJob(first.id()), "already running");
        assertEquals(Optional.empty(), store.queueReleaseJob("cli"), "running");
        assertEquals(ReleaseJob.State.RUNNING, store.activeReleaseJob().orElseThrow().state());
        assertEquals(1, count("SELECT COUNT(*) FROM release_job"));

        ReleaseJob.Problem problem = new ReleaseJob.Problem("conflict", "There are no current extracts to release.");
        assertTrue(store.failReleaseJob(first.id(), problem));

        ReleaseJob failed = store.releaseJob(first.id()).orElseThrow();
        assertEquals(ReleaseJob.State.FAILED, failed.state());
        assertEquals(Optional.of(problem), failed.problem());
        assertEquals("admin", failed.requestedBy());
        assertTrue(failed.started().isPresent() && failed.finished().isPresent());
        assertFalse(failed.finished().get().isBefore(failed.started().get()));
        assertFalse(store.abandonReleaseJob(first.id()), "a final state stays");
        assertEquals(Optional.empty(), store.activeReleaseJob());
        ReleaseJob second = store.queueReleaseJob("cli").orElseThrow();
        assertEquals(Optional.of(second), store.activeReleaseJob());
        assertEquals(Optional.empty(), store.releaseJob("job-none"));
    }

    @Test
    void succeedReleaseJob_namesTheRelease_andOnlyARunningJobSucceeds() {
        store.createAgency(agency("nl-police"), "hash-1");
        StoredExtract q3 = write("nl-police", Q3, List.of(TestRecords.full("p1")), "sha-1");
        assertTrue(store.createRelease(new NewRelease("2026-11-23.1", Instant.parse("2026-11-23T10:00:00Z"), "{}",
                List.of(q3.id()), "")));
        ReleaseJob job = store.queueReleaseJob("admin").orElseThrow();

        assertFalse(store.succeedReleaseJob(job.id(), "2026-11-23.1"), "not started");
        assertTrue(store.startReleaseJob(job.id()));
        assertTrue(store.succeedReleaseJob(job.id(), "2026-11-23.1"));

        ReleaseJob done = store.releaseJob(job.id()).orElseThrow();
        assertEquals(ReleaseJob.State.SUCCEEDED, done.state());
        assertEquals(Optional.of("2026-11-23.1"), done.releaseId());
        assertEquals(Optional.empty(), done.problem());
    }

    @Test
    void abandonReleaseJobs_endsTheJobUnderWay_andLeavesFinalOnesAlone() {
        ReleaseJob failed = store.queueReleaseJob("admin").orElseThrow();
        store.failReleaseJob(failed.id(), new ReleaseJob.Problem("internal", "x"));
        ReleaseJob interrupted = store.queueReleaseJob("admin").orElseThrow();
        store.startReleaseJob(interrupted.id());

        assertEquals(1, store.abandonReleaseJobs());

        assertEquals(ReleaseJob.State.ABANDONED, store.releaseJob(interrupted.id()).orElseThrow().state());
        assertEquals(ReleaseJob.State.FAILED, store.releaseJob(failed.id()).orElseThrow().state());
        assertEquals(0, store.abandonReleaseJobs());
        assertTrue(store.queueReleaseJob("admin").isPresent());
    }

    // --- helpers ---

    static Agency agency(String id) {
        return new Agency(id, "Agency " + id, "NL", "police", Instant.parse("2026-01-15T08:30:00.123456Z"), true);
    }

    StoredExtract write(String agencyId, Period period, List<CaseRecord> records, String sha256) {
        try (TipxStore.ExtractWrite write = store.beginExtract(agencyId, period, CSV)) {
            records.forEach(write::add);
            return write.commit(sha256);
        }
    }

    List<CaseRecord> readAll(String extractId) {
        List<CaseRecord> read = new ArrayList<>();
        store.records(extractId, read::add);
        return read;
    }

    long count(String sql) throws SQLException {
        try (Connection c = rawConnection();
                PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static CaseRecord withExploitation(CaseRecord r, List<String> exploitation) {
        return new CaseRecord(r.pseudonym(), r.linked(), r.recordKey(), r.registrationYear(), r.registrationDate(),
                r.status(), r.identifiedBy(), r.sex(), r.age(), r.ageBand(), r.minorAtExploitation(), r.citizenship(),
                r.countryOfIdentification(), r.countryOfExploitation(), exploitation, r.labourSector(),
                r.sexualExploitationType(), r.meansOfControl(), r.recruiterRelation(), r.assistance());
    }
}
