package org.tipx.api.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;
import org.tipx.api.store.Agency;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.TipxStore;

/** The drill's invariants find what they claim to find, on a store written directly. */
class StoreCheckTest {

    private static final String AGENCY = "drill-agency";
    private static final Period PERIOD = new Period(2026, 1);

    @TempDir
    Path dataDir;

    private final DrillLedger ledger = new DrillLedger();

    @BeforeEach
    void registerAgency() {
        try (TipxStore store = EmbeddedDrillStore.openEmbedded(dataDir)) {
            store.createAgency(new Agency(AGENCY, "Drill", "UA", "police", Instant.parse("2026-12-04T00:00:00Z"), true),
                    "hash");
        }
    }

    @Test
    void check_acknowledgedExtractWholeAndCurrent_findsNothing() {
        StoredExtract stored = commit(3);
        ledger.acknowledged(new DrillLedger.Extract(stored.id(), AGENCY, PERIOD, 3, 1, true));

        CheckFindings findings = check(1);

        assertTrue(findings.clean(), findings.notes().toString());
        assertEquals(0, findings.extractsKeptWithoutAck());
    }

    @Test
    void check_acknowledgedExtractMissing_countsItLostOnceOnly() {
        ledger.acknowledged(new DrillLedger.Extract("ex-never-stored", AGENCY, PERIOD, 3, 1, true));

        assertEquals(1, check(1).lostExtracts());
        assertEquals(0, check(2).lostExtracts());
    }

    @Test
    void check_extractWithFewerRecordsThanRowsSent_countsItTorn() {
        StoredExtract stored = commit(3);
        ledger.acknowledged(new DrillLedger.Extract(stored.id(), AGENCY, PERIOD, 4, 1, true));

        assertEquals(1, check(1).torn());
    }

    @Test
    void check_unacknowledgedUploadStoredWhole_isKeptAndBecomesTheExpectedCurrent() {
        StoredExtract first = commit(2);
        ledger.acknowledged(new DrillLedger.Extract(first.id(), AGENCY, PERIOD, 2, 1, true));
        commit(3);
        ledger.unacknowledged(new DrillLedger.UploadAttempt(AGENCY, PERIOD, 3, 2));

        CheckFindings findings = check(2);

        assertTrue(findings.clean(), findings.notes().toString());
        assertEquals(1, findings.extractsKeptWithoutAck());
    }

    @Test
    void check_unacknowledgedUploadStoredPartly_countsItTorn() {
        commit(2);
        ledger.unacknowledged(new DrillLedger.UploadAttempt(AGENCY, PERIOD, 3, 1));

        assertEquals(1, check(1).torn());
    }

    @Test
    void check_tornExtractStillCurrent_isNotAlsoCountedLost() {
        StoredExtract first = commit(2);
        ledger.acknowledged(new DrillLedger.Extract(first.id(), AGENCY, PERIOD, 2, 1, true));
        StoredExtract torn = commit(3);
        ledger.acknowledged(new DrillLedger.Extract(torn.id(), AGENCY, PERIOD, 4, 2, true));
        assertEquals(1, check(2).torn());

        CheckFindings later = check(3);

        assertEquals(0, later.torn());
        assertEquals(0, later.lostAfterAck(), later.notes().toString());
    }

    @Test
    void check_acknowledgedReleaseMissing_countsItLost() {
        ledger.acknowledged(new DrillLedger.Release("2026-12-04.1", "{}", Optional.empty(), 1, true));

        assertEquals(1, check(1).lostReleases());
    }

    private StoredExtract commit(int records) {
        try (TipxStore store = EmbeddedDrillStore.openEmbedded(dataDir);
                TipxStore.ExtractWrite write = store.beginExtract(AGENCY, PERIOD, "text/csv")) {
            for (int i = 0; i < records; i++) {
                write.add(record("p" + i));
            }
            return write.commit("sha-" + records + "-" + System.nanoTime());
        }
    }

    private CheckFindings check(int trial) {
        try (TipxStore store = EmbeddedDrillStore.openEmbedded(dataDir)) {
            return StoreCheck.check(store, ledger, trial, Set.of(AGENCY));
        }
    }

    private static CaseRecord record(String pseudonym) {
        return new CaseRecord(pseudonym, false, 0, 2026, Optional.empty(), "presumed", Optional.empty(), "unknown",
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "XX", Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
