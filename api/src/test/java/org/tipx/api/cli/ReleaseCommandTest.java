package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.domain.Period;
import org.tipx.api.release.People;
import org.tipx.api.store.Agency;
import org.tipx.api.store.TestStores;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/** {@code tipx release} on the embedded store. */
class ReleaseCommandTest {

    @TempDir
    Path dir;

    @Test
    void release_onAStoreWithExtracts_storesOneAndPrintsItsSummary() {
        try (TipxStore store = TipxStores.embedded(dir)) {
            store.createAgency(new Agency("ua-police", "UA police", "UA", "police", Instant.now(), true), "hash");
            Random random = new Random(11);
            try (TipxStore.ExtractWrite write = store.beginExtract("ua-police", new Period(2025, 1), "text/csv")) {
                for (int i = 0; i < 200; i++) {
                    write.add(People.record("p" + i, 2025, "UA", random));
                }
                write.commit("sha");
            }
        }

        CliRun run = CliRun.of("release", "--data", dir.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("release \\d{4}-\\d{2}-\\d{2}\\.1: 200 victims, 200 registrations from 1 extracts; "
                + "microdata k = 11, \\d+ suppressed \\(\\d+\\.\\d %; CTDC: 41 %\\)\\R"), run.out());
        try (TipxStore store = TipxStores.embedded(dir)) {
            assertEquals(1, store.releases().size());
            assertEquals("release.create", store.auditLog(1).getFirst().action());
        }
    }

    @Test
    void release_withoutExtracts_failsWithAClearMessage() {
        CliRun run = CliRun.of("release", "--data", dir.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("tipx release: there are no current extracts to release"), run.err());
        try (TipxStore store = TipxStores.embedded(dir)) {
            assertTrue(store.releases().isEmpty());
        }
    }

    @Test
    void release_whileAnotherBuildIsUnderWayOnTheStore_refusesAndNamesIt() {
        String other;
        try (TipxStore store = TipxStores.embedded(dir)) {
            store.createAgency(new Agency("ua-police", "UA police", "UA", "police", Instant.now(), true), "hash");
            try (TipxStore.ExtractWrite write = store.beginExtract("ua-police", new Period(2025, 1), "text/csv")) {
                Random random = new Random(12);
                for (int i = 0; i < 50; i++) {
                    write.add(People.record("p" + i, 2025, "UA", random));
                }
                write.commit("sha");
            }
            other = store.queueReleaseJob("admin").orElseThrow().id(); // a server's build, say
        }

        CliRun run = CliRun.of("release", "--data", dir.toString());

        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("tipx release: another release build is under way (job " + other), run.err());
        try (TipxStore store = TipxStores.embedded(dir)) {
            assertTrue(store.releases().isEmpty());
            assertEquals(other, store.activeReleaseJob().orElseThrow().id());
        }
    }


    @Test
    void release_onAStoreWhoseSchemaCannotBeMigrated_namesTheCauseInOneLine() throws Exception {
        TestStores.TestDatabase database = TestStores.newDatabase();
        database.store().close();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // What a migration that crashed half-way leaves behind.
            statement.executeUpdate("UPDATE flyway_schema_history SET success = false WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history)");
        }
        String url = database.url() + "?user=" + encode(database.user()) + "&password=" + encode(database.password());

        CliRun run = CliRun.of("release", "--jdbc-url", url);

        assertEquals(1, run.exit());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("tipx release: migrating the schema failed: "), run.err());
        assertTrue(run.err().contains("failed migration to version"), run.err());
        assertFalse(run.err().contains(database.password()), "the password is never printed");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
