package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.domain.Period;
import org.tipx.api.release.People;
import org.tipx.api.store.Agency;
import org.tipx.api.store.NewRelease;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/** {@code tipx backup} and {@code tipx restore} on the embedded store: exit codes, messages, what they leave. */
class BackupCommandTest {

    @TempDir
    Path dir;

    @Test
    void backupThenRestore_intoANewDataFolder_exitZeroAndGiveTheSameReleases() {
        Path source = dir.resolve("source");
        fill(source);
        Path file = dir.resolve("tipx-2026-12-04.backup");

        CliRun backup = CliRun.of("backup", file.toString(), "--data", source.toString());

        assertEquals(0, backup.exit(), backup.err());
        // 1 agency, its token, 1 extract, its period lock, 40 records, 2 releases, 2 release extracts; no release job.
        assertTrue(backup.out().startsWith("backup " + file + ": 48 rows from 9 tables, schema version 3, "),
                backup.out());

        Path target = dir.resolve("target");
        CliRun restore = CliRun.of("restore", file.toString(), "--data", target.toString());

        assertEquals(0, restore.exit(), restore.err());
        assertTrue(restore.out().contains("case_record 40"), restore.out());
        try (TipxStore before = TipxStores.embedded(source); TipxStore after = TipxStores.embedded(target)) {
            List<StoredRelease> releases = before.releases();
            assertEquals(releases, after.releases());
            for (StoredRelease release : releases) {
                assertEquals(microdata(before, release.id()), microdata(after, release.id()));
            }
            assertEquals("backup.restore", after.auditLog(1).getFirst().action());
            assertEquals("backup.create", before.auditLog(1).getFirst().action());
        }
    }

    @Test
    void restore_intoAStoreWithData_exitsOneWithAClearMessageAndChangesNothing() {
        Path source = dir.resolve("source");
        fill(source);
        Path file = dir.resolve("tipx.backup");
        assertEquals(0, CliRun.of("backup", file.toString(), "--data", source.toString()).exit());
        List<StoredRelease> releases;
        try (TipxStore store = TipxStores.embedded(source)) {
            releases = store.releases();
        }

        CliRun restore = CliRun.of("restore", file.toString(), "--data", source.toString());

        assertEquals(1, restore.exit());
        assertTrue(restore.err().startsWith("tipx restore: the store is not empty (table "), restore.err());
        assertEquals("", restore.out());
        try (TipxStore store = TipxStores.embedded(source)) {
            assertEquals(releases, store.releases());
            assertEquals("backup.create", store.auditLog(1).getFirst().action());
        }
    }

    @Test
    void restore_damagedBackup_exitsOneAndLeavesTheStoreEmpty() throws Exception {
        Path source = dir.resolve("source");
        fill(source);
        Path file = dir.resolve("tipx.backup");
        assertEquals(0, CliRun.of("backup", file.toString(), "--data", source.toString()).exit());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Path target = dir.resolve("target");

        CliRun restore = CliRun.of("restore", file.toString(), "--data", target.toString());

        assertEquals(1, restore.exit());
        assertTrue(restore.err().startsWith("tipx restore: damaged backup: the SHA-256 of "), restore.err());
        try (TipxStore store = TipxStores.embedded(target)) {
            assertTrue(store.agencies().isEmpty());
            assertTrue(store.releases().isEmpty());
        }
    }

    @Test
    void restore_missingFile_exitsOne() {
        CliRun restore = CliRun.of("restore", dir.resolve("nothing.backup").toString(), "--data", dir.resolve("t").toString());

        assertEquals(1, restore.exit());
        assertTrue(restore.err().startsWith("tipx restore: no backup file "), restore.err());
    }

    @Test
    void backup_toAnExistingFile_exitsOneAndKeepsTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("tipx.backup"), "older");

        CliRun backup = CliRun.of("backup", file.toString(), "--data", dir.resolve("source").toString());

        assertEquals(1, backup.exit());
        assertTrue(backup.err().startsWith("tipx backup: the backup file " + file + " exists already"), backup.err());
        assertEquals("older", Files.readString(file));
        assertFalse(Files.exists(dir.resolve("source")), "the store is not even opened");
    }

    @Test
    void backup_storeThatCannotBeOpened_exitsOneNamingTheStore() {
        CliRun backup = CliRun.of("backup", dir.resolve("tipx.backup").toString(), "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none");

        assertEquals(1, backup.exit());
        assertTrue(backup.err().startsWith("tipx backup: cannot open the store (PostgreSQL): "), backup.err());
        assertFalse(Files.exists(dir.resolve("tipx.backup")));
    }

    @Test
    void backup_withoutFile_isAUsageError() {
        CliRun backup = CliRun.of("backup", "--data", dir.toString());

        assertEquals(2, backup.exit());
        assertTrue(backup.err().contains("Missing required parameter: 'FILE'"), backup.err());
    }

    /** One agency, one extract of 40 records, two releases. */
    private static void fill(Path data) {
        try (TipxStore store = TipxStores.embedded(data)) {
            store.createAgency(new Agency("ua-police", "UA police", "UA", "police", Instant.parse("2026-01-01T00:00:00Z"),
                    true), "hash");
            Random random = new Random(3);
            String extract;
            try (TipxStore.ExtractWrite write = store.beginExtract("ua-police", new Period(2025, 1), "text/csv")) {
                for (int i = 0; i < 40; i++) {
                    write.add(People.record("p" + i, 2025, "UA", random));
                }
                extract = write.commit("sha").id();
            }
            store.createRelease(new NewRelease("2026-12-01.1", Instant.parse("2026-12-01T10:00:00Z"), "{\"a\":1}",
                    List.of(extract), "sex;year\nfemale;2025\n"));
            store.createRelease(new NewRelease("2026-12-01.2", Instant.parse("2026-12-01T11:00:00Z"), "{\"b\":\"Ж\"}",
                    List.of(extract), "sex;year\n*;2025\n"));
        }
    }

    private static String microdata(TipxStore store, String releaseId) {
        StringWriter out = new StringWriter();
        assertTrue(store.writeMicrodata(releaseId, out));
        return out.toString();
    }

}
