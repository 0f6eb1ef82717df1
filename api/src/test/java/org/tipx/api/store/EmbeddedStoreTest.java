package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/**
 * The embedded default store's life: the PostgreSQL server that tipx runs in its data folder. The store
 * contract itself runs on PostgreSQL in {@link PostgresTipxStoreTest}; this is what only the embedded
 * server adds: the folder, its permissions and password, reopening, a second process, and a killed owner.
 */
class EmbeddedStoreTest {

    private static final Period Q3 = new Period(2026, 3);

    @TempDir
    Path dir;

    @Test
    void embedded_reopened_keepsWhatWasCommitted() {
        Path data = dir.resolve("nested/data");
        StoredExtract stored;
        try (TipxStore first = TipxStores.embedded(data)) {
            stored = commitOneExtract(first, "p1");
        }
        try (TipxStore second = TipxStores.embedded(data)) {
            assertEquals(Optional.of(stored), second.currentExtract("nl-police", Q3));
            assertEquals(List.of(TestRecords.full("p1")), records(second, stored.id()));
        }
    }

    @Test
    void embedded_dataFolder_isOwnerOnlyAndTheDatabaseNeedsItsPassword() throws IOException {
        Path data = dir.resolve("data");
        try (TipxStore store = TipxStores.embedded(data)) {
            assertTrue(store.ping());
            assertEquals("rwx------", permissions(data));
            assertEquals("rwx------", permissions(data.resolve("postgres")));
            assertEquals("rw-------", permissions(data.resolve("postgres.password")));
            assertEquals("rw-------", permissions(data.resolve("postgres.log")));
            String password = Files.readString(data.resolve("postgres.password")).strip();
            assertTrue(password.length() >= 32, "a random password of 24 bytes");
            String hba = Files.readString(data.resolve("postgres/pg_hba.conf"));
            assertFalse(hba.lines().filter(line -> !line.startsWith("#")).anyMatch(line -> line.contains("trust")), hba);
            int port = Integer.parseInt(Files.readAllLines(data.resolve("postgres/postmaster.pid")).get(3).trim());
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "tipx", ""));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "tipx", "wrong"));
        }
    }

    @Test
    void embedded_openedTwice_theSecondUsesTheRunningServerAndLeavesItRunning() {
        Path data = dir.resolve("data");
        try (TipxStore owner = TipxStores.embedded(data)) {
            StoredExtract stored;
            try (TipxStore guest = TipxStores.embedded(data)) {
                stored = commitOneExtract(guest, "p1");
            }
            assertEquals(List.of(TestRecords.full("p1")), records(owner, stored.id()));
        }
    }

    /**
     * {@code kill -9} of the tipx process that runs the server: its watchdog shuts the server down, and the
     * next start finds everything that was committed. Then the harder case: the owner and the watchdog both
     * killed, the server left running as an orphan, which the next start stops before starting its own.
     */
    @Test
    void embedded_ownerKilled_nextStartKeepsTheCommittedExtractAndStopsAnyOrphanServer() throws Exception {
        Path data = dir.resolve("data");
        for (boolean orphan : List.of(false, true)) {
            Process owner = startOwner(data, orphan ? "p2" : "p1");
            List<ProcessHandle> servers = owner.descendants().toList();
            List<ProcessHandle> watchdog = servers.stream()
                    .filter(p -> p.info().command().map(c -> c.endsWith("sh")).orElse(false)).toList();
            assertFalse(watchdog.isEmpty(), "the server runs under its watchdog");
            if (orphan) {
                for (ProcessHandle shell : watchdog) {
                    shell.destroyForcibly();
                    assertTrue(shell.onExit().get(10, TimeUnit.SECONDS) != null);
                }
            }
            owner.destroyForcibly();
            assertTrue(owner.waitFor(10, TimeUnit.SECONDS));

            try (TipxStore next = TipxStores.embedded(data)) {
                List<StoredExtract> extracts = next.extracts("nl-police");
                assertEquals(orphan ? 2 : 1, extracts.size(), extracts.toString());
                for (StoredExtract extract : extracts) {
                    assertEquals(1, records(next, extract.id()).size());
                }
            }
            for (ProcessHandle server : servers) {
                assertFalse(running(server), "a server process of the killed owner lives on: " + server.info());
            }
        }
    }

    /** The server killed under a running store (an operator, the OOM killer): tipx starts it again. */
    @Test
    void embedded_serverKilledWhileTheStoreRuns_isStartedAgainAndKeepsTheCommits() throws Exception {
        Path data = dir.resolve("data");
        try (TipxStore store = TipxStores.embedded(data)) {
            StoredExtract stored = commitOneExtract(store, "p1");
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid")).getFirst().trim());
            ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

            // A ping right after the kill may still reach a backend of the dying server: wait for a new one.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(serverOtherThan(data, postmaster) && pingQuietly(store)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(serverOtherThan(data, postmaster), "a new server runs");
            assertTrue(store.ping(), "the store answers again");
            assertEquals(List.of(TestRecords.full("p1")), records(store, stored.id()));
        }
    }

    /** Whether the folder's postmaster.pid names a server other than {@code pid}. */
    private static boolean serverOtherThan(Path data, long pid) throws IOException {
        Path pidFile = data.resolve("postgres/postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return !lines.isEmpty() && Long.parseLong(lines.getFirst().trim()) != pid;
        } catch (java.nio.file.NoSuchFileException | NumberFormatException e) {
            return false; // between two servers, or being written
        }
    }

    private static boolean pingQuietly(TipxStore store) {
        try {
            return store.ping();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A separate JVM that opens the embedded store, commits one extract and waits to be killed. */
    private static Process startOwner(Path data, String person) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedStoreOwner.class.getName(), data.toString(), person)
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            lines.add(line);
            if (line.equals(EmbeddedStoreOwner.READY)) {
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the owner process did not get ready: " + lines);
    }

    static StoredExtract commitOneExtract(TipxStore store, String person) {
        store.createAgency(new Agency("nl-police", "NL police", "NL", "police", Instant.parse("2026-07-01T00:00:00Z"),
                true), "hash-1");
        try (TipxStore.ExtractWrite write = store.beginExtract("nl-police", Q3, "text/csv")) {
            write.add(TestRecords.full(person));
            return write.commit("sha-" + person);
        }
    }

    private static List<CaseRecord> records(TipxStore store, String extractId) {
        List<CaseRecord> read = new ArrayList<>();
        store.records(extractId, read::add);
        return read;
    }

    /** Alive and not a zombie (a killed process's children may wait for a reaper that a container lacks). */
    private static boolean running(ProcessHandle process) throws IOException {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        if (!process.isAlive() || !Files.exists(stat)) {
            return false;
        }
        String line = Files.readString(stat);
        return line.charAt(line.lastIndexOf(')') + 2) != 'Z';
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
