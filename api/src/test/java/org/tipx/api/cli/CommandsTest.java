package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.pseudonym.PseudonymSecret;

/** The command line: help everywhere, offline validation, usage errors. */
class CommandsTest {

    static final String HEADER = "record_id,registration_date,status,sex,age,citizenship,exploitation";

    @TempDir
    Path dir;



    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("serve", "validate", "upload", "demo", "anonymize", "backup", "restore")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("Usage: tipx " + command), run.out());
        }
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exit());
        for (String command : List.of("serve", "validate", "upload", "demo", "anonymize", "backup", "restore")) {
            assertTrue(top.out().contains(command), top.out());
        }
    }

    @Test
    void validateAcceptsAValidExtract() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.csv"), HEADER + "\nr1,2026-07-01,confirmed,female,30,UA,sexual\n");
        CliRun run = CliRun.of("validate", file.toString(), "--period", "2026-Q3");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("valid, 1 rows"), run.out());
    }

    @Test
    void validateListsEveryProblemAndExitsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.ndjson"),
                "{\"record_id\":\"r1\",\"registration_date\":\"2026-07-01\",\"status\":\"maybe\",\"sex\":\"female\"}\n"
                        + "{\"record_id\":\"r1\",\"registration_date\":\"2026-07-01\",\"status\":\"confirmed\",\"sex\":\"female\",\"age\":200}\n");
        CliRun run = CliRun.of("validate", file.toString(), "--period", "2026-Q3");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("row 1, status [unknown_code]"), run.out());
        assertTrue(run.out().contains("row 2, age [out_of_range]"), run.out());
        assertTrue(run.out().contains("[duplicate]"), run.out());
    }

    @Test
    void usageErrorsExitTwoWithAReason() throws Exception {
        Path file = Files.writeString(dir.resolve("extract.txt"), HEADER + "\n");
        CliRun badPeriod = CliRun.of("validate", file.toString(), "--period", "2026-Q9");
        assertEquals(2, badPeriod.exit());
        assertTrue(badPeriod.err().contains("2026-Q9"), badPeriod.err());
        CliRun unknownFormat = CliRun.of("validate", file.toString(), "--period", "2026-Q3");
        assertEquals(2, unknownFormat.exit());
        assertTrue(unknownFormat.err().contains("--format"), unknownFormat.err());
        CliRun missingToken = CliRun.of("upload", file.toString(), "--period", "2026-Q3", "--server", "http://127.0.0.1:9",
                "--token-file", dir.resolve("none.token").toString(), "--format", "csv");
        assertEquals(2, missingToken.exit());
        assertTrue(missingToken.err().contains("token file"), missingToken.err());
    }

    @Test
    void serveRefusesToStartWithoutAPseudonymisationSecret() {
        CliRun run = CliRun.of("serve", "--data", dir.resolve("data").toString(), "--port", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("No pseudonymisation secret"), run.err());
    }

    @Test
    void serveRefusesAMalformedRateLimit_beforeOpeningTheStore() throws Exception {
        Path data = dir.resolve("limited");
        Files.createDirectories(data);
        PseudonymSecret.loadOrGenerate(data.resolve("pseudonym.secret"));
        CliRun run = CliRun.of("serve", "--data", data.toString(), "--port", "0", "--rate-limit", "fast");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("rate limit must be QUOTA/SECONDS"), run.err());
        assertFalse(Files.exists(data.resolve("tipx.mv.db")), "the store was not opened");
    }

    @Test
    void serveRefusesUploadLimitsThatCouldHoldThePool_beforeOpeningTheStore() throws Exception {
        Path data = dir.resolve("uploads");
        Files.createDirectories(data);
        PseudonymSecret.loadOrGenerate(data.resolve("pseudonym.secret"));
        CliRun all = CliRun.of("serve", "--data", data.toString(), "--port", "0", "--uploads-in-all", "10");
        assertEquals(2, all.exit());
        assertTrue(all.err().contains("--uploads-in-all must stay below the store's 10 connections"), all.err());
        CliRun perAgency = CliRun.of("serve", "--data", data.toString(), "--port", "0", "--uploads-per-agency", "6");
        assertEquals(2, perAgency.exit());
        assertTrue(perAgency.err().contains("uploads per agency (6)"), perAgency.err());
        assertFalse(Files.exists(data.resolve("tipx.mv.db")), "the store was not opened");
    }
}
