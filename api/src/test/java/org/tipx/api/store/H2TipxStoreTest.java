package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file database, one fresh directory per test. */
class H2TipxStoreTest extends TipxStoreContract {

    @TempDir
    Path dataDir;

    @Override
    TipxStore openStore(Clock clock) {
        return TipxStores.open(TipxStores.h2Url(dataDir), "sa", "", clock);
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(TipxStores.h2Url(dataDir), "sa", "");
    }

    @Test
    void h2_reopened_keepsWhatWasCommittedAndMigratesOnlyOnce() {
        Path dir = dataDir.resolve("nested/data");
        StoredExtract stored;
        try (TipxStore first = TipxStores.h2(dir)) {
            first.createAgency(agency("nl-police"), "hash-1");
            try (TipxStore.ExtractWrite write = first.beginExtract("nl-police", Q3, CSV)) {
                write.add(TestRecords.full("p1"));
                stored = write.commit("sha-1");
            }
        }
        assertTrue(Files.isRegularFile(dir.resolve("tipx.mv.db")));

        try (TipxStore second = TipxStores.h2(dir)) {
            assertEquals(Optional.of(stored), second.currentExtract("nl-police", Q3));
            List<org.tipx.api.ingest.CaseRecord> read = new java.util.ArrayList<>();
            second.records(stored.id(), read::add);
            assertEquals(List.of(TestRecords.full("p1")), read);
        }
    }
}
