package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * Backup and restore on one database: every table and every release comes back equal, a backup is one
 * snapshot, and a restore that is refused writes nothing. Each database runs it through a subclass
 * that says how to make a fresh, empty database.
 */
abstract class StoreBackupContract {

    static final Period Q3 = new Period(2026, 3);
    static final Period Q4 = new Period(2026, 4);
    static final String CSV = "text/csv";
    static final Set<String> SCHEMA_TABLES = Set.of("agency", "agency_token", "extract", "extract_period_lock",
            "case_record", "release", "release_extract", "audit_event", "release_job");

    @TempDir
    Path dir;

    private final List<TipxStore> opened = new ArrayList<>();
    private final Map<TipxStore, String> urls = new LinkedHashMap<>();

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabase();

    abstract String user();

    abstract String password();

    @AfterEach
    void closeStores() {
        opened.forEach(TipxStore::close);
    }

    TipxStore newStore() {
        String url = newDatabase();
        TipxStore store = TipxStores.open(url, user(), password(), new TickingClock(Instant.parse("2026-10-01T09:00:00Z")));
        opened.add(store);
        urls.put(store, url);
        return store;
    }

    // --- round trip ---

    @Test
    void restore_ofABackup_givesEveryTableAndEveryReleaseBackEqual() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path backup = dir.resolve("tipx.backup");

        BackupSummary taken = source.backup(backup);
        TipxStore target = newStore();
        BackupSummary restored = target.restore(backup);

        assertEquals(taken, restored);
        assertEquals(SCHEMA_TABLES, taken.rows().keySet());
        assertEquals(SCHEMA_TABLES, dump(target).keySet());
        // More than ten multi-row INSERTs of 100 rows: a full JDBC batch, one more INSERT and a short one.
        assertEquals(3 + 1100 + 30 + 2, taken.rows().get("case_record"));
        assertEquals(dump(source), dump(target));
        assertSameThroughTheApi(source, target);
    }

    /** What the store's users see: agencies, extracts and their records, releases byte for byte, the audit log. */
    static void assertSameThroughTheApi(TipxStore source, TipxStore target) {
        assertEquals(source.releases(), target.releases());
        for (StoredRelease release : source.releases()) {
            assertEquals(release.manifest(), target.release(release.id()).orElseThrow().manifest());
            assertTrue(microdata(source, release.id()).length > 3 * ColumnKind.CHUNK_CHARS);
            assertTrue(Arrays.equals(microdata(source, release.id()), microdata(target, release.id())));
        }
        assertEquals(source.agencies(), target.agencies());
        for (Agency agency : source.agencies()) {
            assertEquals(source.extracts(agency.id()), target.extracts(agency.id()));
            for (StoredExtract extract : source.extracts(agency.id())) {
                assertEquals(records(source, extract.id()), records(target, extract.id()));
            }
        }
        assertEquals(source.currentExtracts(), target.currentExtracts());
        assertEquals(source.auditLog(100), target.auditLog(100));
    }

    @Test
    void restore_thenNewRows_continueAfterTheRestoredIdentities() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path backup = dir.resolve("tipx.backup");
        source.backup(backup);
        TipxStore target = newStore();
        target.restore(backup);
        long lastAuditId = maxOf(target, "SELECT MAX(id) FROM audit_event");
        long lastOrdinal = maxOf(target, "SELECT MAX(ordinal) FROM release");

        target.audit(new AuditEvent(Instant.parse("2026-11-01T00:00:00Z"), "admin", "after.restore", "s", "d"));
        String extract = target.currentExtracts().getFirst().id();
        assertTrue(target.createRelease(new NewRelease("2026-11-01.1", Instant.parse("2026-11-01T00:00:00Z"),
                "{}", List.of(extract), "a\n")));

        assertEquals(lastAuditId + 1, maxOf(target, "SELECT MAX(id) FROM audit_event"));
        assertEquals(lastOrdinal + 1, maxOf(target, "SELECT MAX(ordinal) FROM release"));
        assertEquals("2026-11-01.1", target.latestRelease().orElseThrow().id());
        assertEquals("after.restore", target.auditLog(1).getFirst().action());
    }

    @Test
    void backup_sameData_givesTheSameBytes() throws Exception {
        TipxStore source = newStore();
        fill(source);
        // The second backup must not differ in its time: the clock only stamps the header.
        Path first = dir.resolve("first.backup");
        Path second = dir.resolve("second.backup");
        BackupSummary a = source.backup(first);
        BackupSummary b = source.backup(second);

        assertEquals(a.rows(), b.rows());
        assertEquals(tableEntries(first), tableEntries(second));
    }

    // --- the schema as the database describes it ---

    @Test
    void backup_tableAddedByALaterMigration_isBackedUpAndRestoredWithoutBeingListed() throws Exception {
        TipxStore source = newStore();
        fill(source);
        TipxStore target = newStore();
        for (TipxStore store : List.of(source, target)) {
            execute(store, "CREATE TABLE later_table (id INTEGER NOT NULL PRIMARY KEY,"
                    + " agency_id VARCHAR(64) NOT NULL REFERENCES agency (id), note VARCHAR(100))");
        }
        execute(source, "INSERT INTO later_table (id, agency_id, note) VALUES (1, 'nl-police', 'a'), (2, 'be-ngo', NULL)");
        Path backup = dir.resolve("tipx.backup");

        BackupSummary taken = source.backup(backup);
        target.restore(backup);

        assertEquals(2L, taken.rows().get("later_table"));
        assertEquals(dump(source), dump(target));
    }

    @Test
    void backup_columnOfATypeItDoesNotKnow_failsNamingItAndWritesNoFile() throws Exception {
        TipxStore source = newStore();
        fill(source);
        execute(source, "CREATE TABLE later_blob (id INTEGER NOT NULL PRIMARY KEY, content BYTEA)");
        Path backup = dir.resolve("tipx.backup");

        StoreException failure = assertThrows(StoreException.class, () -> source.backup(backup));

        assertTrue(failure.getMessage().startsWith("column later_blob.content has type "), failure.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    // --- consistency ---

    @Test
    void backup_whileAnUploadIsOpen_holdsNoneOfItAndTheNextBackupAllOfIt() throws Exception {
        TipxStore source = newStore();
        fill(source);
        long recordsBefore = countOf(source, "case_record");
        try (TipxStore.ExtractWrite upload = source.beginExtract("nl-police", Q4, CSV)) {
            upload.add(TestRecords.full("open-1"));
            upload.add(TestRecords.sparse("open-2"));

            BackupSummary during = source.backup(dir.resolve("during.backup"));
            assertEquals(recordsBefore, during.rows().get("case_record"));

            upload.commit("sha-open");
        }
        BackupSummary after = source.backup(dir.resolve("after.backup"));
        assertEquals(recordsBefore + 2, after.rows().get("case_record"));
        TipxStore target = newStore();
        target.restore(dir.resolve("after.backup"));
        assertEquals(dump(source), dump(target));
    }

    @Test
    void backup_uploadCommittedWhileTheBackupRuns_holdsNoneOfIt() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path backup = dir.resolve("tipx.backup");
        Map<String, Long> before = rowCounts(source);
        StoredExtract[] committed = new StoredExtract[1];
        try (TipxStore.ExtractWrite upload = source.beginExtract("nl-police", Q4, CSV)) {
            upload.add(TestRecords.full("late-1"));
            upload.add(TestRecords.awkward("late-2"));
            // The records' table is backed up before the extracts' table: committing in between would tear
            // a backup that read each table as it stood at that moment.
            ((JdbcTipxStore) source).backup(backup, table -> {
                if (table.equals("case_record")) {
                    committed[0] = upload.commit("sha-late");
                }
            });
        }
        assertTrue(source.extract(committed[0].id()).isPresent());

        TipxStore target = newStore();
        BackupSummary restored = target.restore(backup);

        assertEquals(before, restored.rows());
        assertTrue(target.extract(committed[0].id()).isEmpty());
        assertTrue(records(target, committed[0].id()).isEmpty());
    }

    // --- refusals ---

    @Test
    void restore_intoAStoreWithRows_isRefusedAndChangesNothing() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path backup = dir.resolve("tipx.backup");
        source.backup(backup);
        TipxStore target = newStore();
        target.createAgency(agency("xx-other"), "other-hash");
        Map<String, List<List<String>>> before = dump(target);

        RestoreRefusedException refused = assertThrows(RestoreRefusedException.class, () -> target.restore(backup));

        assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
        assertEquals(before, dump(target));
    }

    @Test
    void restore_backupWithAFlippedByte_isRefusedAndChangesNothing() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path backup = dir.resolve("tipx.backup");
        source.backup(backup);
        byte[] bytes = Files.readAllBytes(backup);
        TipxStore target = newStore();
        Map<String, List<List<String>>> empty = dump(target);
        Random random = new Random(7);
        List<Integer> positions = new ArrayList<>(List.of(0, 436, bytes.length / 3, bytes.length / 2, bytes.length - 40,
                bytes.length - 1));
        // Any byte: table data, the header, local headers no zip reader looks at, the central directory.
        random.ints(40, 0, bytes.length).forEach(positions::add);
        for (int position : positions) {
            byte[] damaged = bytes.clone();
            damaged[position] ^= 0x10;
            Path file = Files.write(dir.resolve("damaged.backup"), damaged);

            RestoreRefusedException refused = assertThrows(RestoreRefusedException.class, () -> target.restore(file),
                    "flipped byte at " + position);

            assertTrue(refused.getMessage().startsWith("damaged backup") || refused.getMessage().startsWith("not a tipx"),
                    refused.getMessage());
        }
        assertEquals(empty, dump(target));
        target.restore(backup);
        assertEquals(dump(source), dump(target));
    }

    @Test
    void restore_notABackup_isRefused() throws Exception {
        TipxStore target = newStore();
        Path file = Files.writeString(dir.resolve("notes.txt"), "agency,name\n");

        RestoreRefusedException refused = assertThrows(RestoreRefusedException.class, () -> target.restore(file));

        assertTrue(refused.getMessage().startsWith("not a tipx backup"), refused.getMessage());
        assertTrue(target.agencies().isEmpty());
    }

    @Test
    void backup_toAnExistingFile_isRefusedAndLeavesNoPartialFile() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path existing = Files.writeString(dir.resolve("tipx.backup"), "keep me");

        assertThrows(IllegalArgumentException.class, () -> source.backup(existing));

        assertEquals("keep me", Files.readString(existing));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(existing), files.filter(f -> f.getFileName().toString().contains("backup")).toList());
        }
    }

    @Test
    void backup_leavesOnlyTheFinishedFile() throws Exception {
        TipxStore source = newStore();
        fill(source);
        Path folder = Files.createDirectories(dir.resolve("backups"));

        source.backup(folder.resolve("b1.zip"));

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("b1.zip")), files.toList());
        }
    }

    // --- fixture ---

    /** Two agencies (one token revoked), four extracts (one replaced), two releases, audit events. */
    static void fill(TipxStore store) {
        store.createAgency(agency("nl-police"), "hash-nl");
        store.createAgency(agency("be-ngo"), "hash-be");
        Random random = new Random(42);
        String first;
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, CSV)) {
            write.add(TestRecords.full("p-full"));
            write.add(TestRecords.sparse("p-sparse"));
            write.add(TestRecords.awkward("p-awkward"));
            first = write.commit("sha-1").id();
        }
        String replacement;
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, "application/x-ndjson")) {
            for (int i = 0; i < 1100; i++) {
                write.add(TestRecords.random(random, i));
            }
            replacement = write.commit("sha-2").id();
        }
        String belgian;
        try (TipxStore.ExtractWrite write = store.beginExtract("be-ngo", Q3, CSV)) {
            for (int i = 0; i < 30; i++) {
                write.add(TestRecords.random(random, 2000 + i));
            }
            belgian = write.commit("sha-3").id();
        }
        store.revokeToken("be-ngo"); // a revoked agency's hash row is backed up too
        String q4;
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q4, CSV)) {
            write.add(TestRecords.full("p-q4"));
            write.add(TestRecords.sparse("p-q4b"));
            q4 = write.commit("sha-4").id();
        }
        assertNotEquals(first, replacement);
        store.createRelease(new NewRelease("2026-10-01.1", Instant.parse("2026-10-01T12:00:00.123456Z"),
                "{\"id\":\"2026-10-01.1\",\"note\":\"Ко\u00e9\uD83D\uDE00\"}", List.of(replacement, belgian),
                microdata(1)));
        store.createRelease(new NewRelease("2026-10-01.2", Instant.parse("2026-10-01T13:00:00Z"),
                "{\"id\":\"2026-10-01.2\"}\n", List.of(belgian, replacement, q4), microdata(2)));
        store.audit(new AuditEvent(Instant.parse("2026-10-01T12:00:00Z"), "admin", "release.create", "2026-10-01.1", "x"));
        store.audit(new AuditEvent(Instant.parse("2026-10-01T13:00:00Z"), "admin", "release.create", "2026-10-01.2", "y"));
        store.audit(new AuditEvent(Instant.parse("2026-10-01T14:00:00Z"), "nl-police", "token.rotate", "nl-police", ""));
    }

    /**
     * Microdata longer than several chunks, with characters outside the BMP at every offset, so some
     * surrogate pair straddles each chunk boundary.
     */
    static String microdata(int seed) {
        StringBuilder text = new StringBuilder("country;year;sex\r\n");
        Random random = new Random(seed);
        while (text.length() < 4 * ColumnKind.CHUNK_CHARS + 17) {
            text.append(random.nextBoolean() ? "UA;2025;*\n" : "MD;\uD83D\uDE00;é\n");
            if (random.nextInt(7) == 0) {
                text.append('\uD83D').append('\uDE01');
            }
        }
        return text.toString();
    }

    static Agency agency(String id) {
        return new Agency(id, "Agency " + id, id.substring(0, 2).toUpperCase(Locale.ROOT), "police",
                Instant.parse("2026-01-01T10:00:00.654321Z"), true);
    }

    // --- looking inside ---

    private Connection connect(TipxStore store) throws SQLException {
        return DriverManager.getConnection(urls.get(store), user(), password());
    }

    /** Every row of every table, each value as the database's own text, in primary key order. */
    Map<String, List<List<String>>> dump(TipxStore store) throws SQLException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (Connection c = connect(store)) {
            for (TableSchema table : StoreSchema.tables(c)) {
                List<List<String>> rows = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(LogicalBackup.selectAll(table));
                        ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= table.columns().size(); i++) {
                            row.add(rs.getString(i));
                        }
                        rows.add(row);
                    }
                }
                tables.put(table.name(), rows);
            }
        }
        return tables;
    }

    private void execute(TipxStore store, String sql) throws SQLException {
        try (Connection c = connect(store); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private Map<String, Long> rowCounts(TipxStore store) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        dump(store).forEach((table, rows) -> counts.put(table, (long) rows.size()));
        return counts;
    }

    private long countOf(TipxStore store, String table) throws SQLException {
        return maxOf(store, "SELECT COUNT(*) FROM " + table);
    }

    private long maxOf(TipxStore store, String sql) throws SQLException {
        try (Connection c = connect(store); PreparedStatement select = c.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static byte[] microdata(TipxStore store, String releaseId) {
        StringWriter out = new StringWriter();
        assertTrue(store.writeMicrodata(releaseId, out));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<CaseRecord> records(TipxStore store, String extractId) {
        List<CaseRecord> records = new ArrayList<>();
        store.records(extractId, records::add);
        return records;
    }

    /** Each table entry's bytes, uncompressed, by entry name. */
    private static Map<String, byte[]> tableEntriesRaw(Path backup) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (var entry : Collections.list(zip.entries())) {
                if (entry.getName().startsWith(LogicalBackup.TABLE_ENTRY_PREFIX)) {
                    try (var in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return entries;
    }

    private static Map<String, String> tableEntries(Path backup) throws IOException {
        Map<String, String> digests = new LinkedHashMap<>();
        tableEntriesRaw(backup).forEach((name, bytes) -> digests.put(name,
                HexFormat.of().formatHex(LogicalBackup.sha256().digest(bytes))));
        assertFalse(digests.isEmpty());
        return digests;
    }
}
