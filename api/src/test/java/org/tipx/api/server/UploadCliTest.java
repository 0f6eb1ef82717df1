package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.cli.Commands;

/** {@code tipx upload} against a running server: stored, unchanged, rejected, with progress on a large file. */
class UploadCliTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Commands.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void uploadsWithProgressAndReportsEachOutcome() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 8L << 20)) {
            Path tokenFile = Files.writeString(dir.resolve("agency.token"), server.agency("cli-agency", "UA") + "\n");
            Path large = Files.writeString(dir.resolve("large.csv"), Extracts.csv(20_000, "cli"));
            assertTrue(Files.size(large) > 1 << 20);
            String[] common = {"--period", "2026-Q3", "--server", server.base().toString(), "--token-file", tokenFile.toString()};

            String[] stored = run(concat("upload", large.toString(), common));
            assertEquals("0", stored[0], stored[2]);
            assertTrue(stored[1].contains("stored as ex-") || stored[1].contains("stored as "), stored[1]);
            assertTrue(stored[1].contains("20000 rows"), stored[1]);
            assertTrue(stored[2].contains("uploading") && stored[2].contains("(100%)"), "progress: " + stored[2]);

            String[] again = run(concat("upload", large.toString(), common));
            assertEquals("0", again[0]);
            assertTrue(again[1].contains("unchanged"), again[1]);

            Path bad = Files.writeString(dir.resolve("bad.csv"), Extracts.csv(3, "bad").replace("confirmed", "sure"));
            String[] rejected = run(concat("upload", bad.toString(), common));
            assertEquals("1", rejected[0]);
            assertTrue(rejected[2].contains("422") && rejected[2].contains("[unknown_code]"), rejected[2]);
            assertTrue(!rejected[2].contains(Files.readString(tokenFile).strip()), "the token is never printed");
        }
    }

    private static String[] concat(String command, String file, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = command;
        all[1] = file;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
