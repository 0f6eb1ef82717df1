package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.cli.Commands;

/**
 * {@code tipx upload} against a running server: stored, unchanged, rejected, replacing, with progress on a large
 * file; and the failures before any upload: no file, an empty one, no server.
 */
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

    @Test
    void saysWhenAnUploadReplacesAnExtractAndThatStatisticsWaitForARelease() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 1L << 20)) {
            Path tokenFile = Files.writeString(dir.resolve("agency.token"), server.agency("cli-replace", "UA") + "\n");
            String[] common = {"--period", "2026-Q3", "--server", server.base().toString(), "--token-file", tokenFile.toString()};
            Path first = Files.writeString(dir.resolve("first.csv"), Extracts.csv(3, "first"));
            Path second = Files.writeString(dir.resolve("second.csv"), Extracts.csv(4, "second"));

            String[] stored = run(concat("upload", first.toString(), common));
            assertEquals("0", stored[0], stored[2]);
            assertFalse(stored[1].contains("replaces"), "nothing to replace yet: " + stored[1]);
            assertTrue(stored[1].contains("change only at the next release"), stored[1]);
            String firstId = stored[1].substring(stored[1].indexOf("stored as ") + 10).split(",")[0];

            String[] replacing = run(concat("upload", second.toString(), common));
            assertEquals("0", replacing[0], replacing[2]);
            assertTrue(replacing[1].contains("It replaces " + firstId), replacing[1]);
            assertTrue(replacing[1].contains("change only at the next release"), replacing[1]);
        }
    }

    @Test
    void aMissingOrEmptyFileIsAUsageErrorThatSaysWhatToDo() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("agency.token"), "tipx_not-used\n");
        String[] common = {"--period", "2026-Q3", "--server", "http://127.0.0.1:9", "--token-file", tokenFile.toString()};

        String[] missing = run(concat("upload", dir.resolve("nowhere.csv").toString(), common));
        assertEquals("2", missing[0], missing[2]);
        assertTrue(missing[2].contains("no such file") && missing[2].contains("nowhere.csv"), missing[2]);

        Path empty = Files.createFile(dir.resolve("empty.csv"));
        String[] nothing = run(concat("upload", empty.toString(), common));
        assertEquals("2", nothing[0], nothing[2]);
        assertTrue(nothing[2].contains("is empty") && nothing[2].contains("header row"), nothing[2]);
        assertFalse(nothing[2].contains("contentLength"), nothing[2]);
    }

    @Test
    void anUnreachableServerIsNamedWithWhatToCheck() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path tokenFile = Files.writeString(dir.resolve("agency.token"), "tipx_not-used\n");
        Path file = Files.writeString(dir.resolve("small.csv"), Extracts.csv(2, "unreachable"));
        String server = "http://127.0.0.1:" + closedPort;

        String[] failed = run("upload", file.toString(), "--period", "2026-Q3", "--server", server,
                "--token-file", tokenFile.toString());
        assertEquals("1", failed[0], failed[2]);
        assertTrue(failed[2].contains("cannot reach " + server) && failed[2].contains("--server"), failed[2]);
        assertFalse(failed[2].contains("(null)"), failed[2]);
        assertFalse(failed[2].contains("tipx_not-used"), "the token is never printed");
    }

    @Test
    void validateAndUploadAgreeOnAnExtractWithoutRecords_andOnADeclaredQuarterWithoutCases() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 1L << 20)) {
            Path tokenFile = Files.writeString(dir.resolve("agency.token"), server.agency("cli-no-cases", "UA") + "\n");
            String[] common = {"--period", "2026-Q3", "--server", server.base().toString(), "--token-file", tokenFile.toString()};
            Path headerOnly = Files.writeString(dir.resolve("header-only.csv"), Extracts.HEADER + "\n");

            String[] checked = run("validate", headerOnly.toString(), "--period", "2026-Q3");
            String[] refused = run(concat("upload", headerOnly.toString(), common));
            assertEquals("1", checked[0], checked[1] + checked[2]);
            assertEquals("1", refused[0], refused[1] + refused[2]);
            assertTrue(checked[1].contains("[no_records]") && checked[1].contains("--no-cases"), checked[1]);
            assertTrue(refused[2].contains("422") && refused[2].contains("[no_records]"), refused[2]);

            String[] declaredCheck = run("validate", headerOnly.toString(), "--period", "2026-Q3", "--no-cases");
            assertEquals("0", declaredCheck[0], declaredCheck[1] + declaredCheck[2]);
            String[] declared = run(concat("upload", headerOnly.toString(), common, "--no-cases"));
            assertEquals("0", declared[0], declared[2]);
            assertTrue(declared[1].contains(" 0 rows for 2026-Q3"), declared[1]);

            Path emptyNdjson = Files.createFile(dir.resolve("nothing.ndjson"));
            String[] emptyDeclared = run("upload", emptyNdjson.toString(), "--period", "2026-Q2", "--server",
                    server.base().toString(), "--token-file", tokenFile.toString(), "--no-cases");
            assertEquals("0", emptyDeclared[0], emptyDeclared[2]);

            Path withRecords = Files.writeString(dir.resolve("records.csv"), Extracts.csv(2, "contradicts"));
            String[] contradictoryCheck = run("validate", withRecords.toString(), "--period", "2026-Q3", "--no-cases");
            String[] contradictory = run(concat("upload", withRecords.toString(), common, "--no-cases"));
            assertEquals("1", contradictoryCheck[0]);
            assertEquals("1", contradictory[0]);
            assertTrue(contradictoryCheck[1].contains("[records_with_no_cases]"), contradictoryCheck[1]);
            assertTrue(contradictory[2].contains("[records_with_no_cases]"), contradictory[2]);
        }
    }

    @Test
    void aSemicolonSeparatedFileGetsTheSameOneProblemFromValidateAndUpload() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 1L << 20)) {
            Path tokenFile = Files.writeString(dir.resolve("agency.token"), server.agency("cli-semicolons", "UA") + "\n");
            Path semicolons = Files.writeString(dir.resolve("excel.csv"),
                    Extracts.HEADER.replace(',', ';') + "\r\nr1;2026-07-01;confirmed;female;30;UA;sexual;;;;\r\n");

            String[] checked = run("validate", semicolons.toString(), "--period", "2026-Q3");
            String[] uploaded = run("upload", semicolons.toString(), "--period", "2026-Q3", "--server",
                    server.base().toString(), "--token-file", tokenFile.toString());

            assertEquals("1", checked[0], checked[1] + checked[2]);
            assertEquals("1", uploaded[0], uploaded[2]);
            String line = checked[1].lines().filter(l -> l.contains("[wrong_separator]")).findFirst().orElseThrow();
            assertTrue(line.contains("semicolon-separated"), line);
            assertTrue(checked[1].contains("invalid, 1 problem;"), checked[1]);
            assertTrue(uploaded[2].contains(line.strip()), uploaded[2]);
        }
    }

    @Test
    void aServerUrlThatIsNotOneIsAUsageError_andAServerThatIsNotTipxIsNamed() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("agency.token"), "tipx_not-used\n");
        Path file = Files.writeString(dir.resolve("small.csv"), Extracts.csv(2, "url"));

        for (String url : List.of("localhost:8080", "ftp://127.0.0.1/", "http:///v1")) {
            String[] wrong = run("upload", file.toString(), "--period", "2026-Q3", "--server", url,
                    "--token-file", tokenFile.toString());
            assertEquals("2", wrong[0], url + ": " + wrong[2]);
            assertTrue(wrong[2].contains("--server must be the server's http:// or https:// URL"), wrong[2]);
            assertFalse(wrong[2].contains("null") || wrong[2].contains("Exception"), wrong[2]);
        }

        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "{\"error\":\"no such route\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(404, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        other.start();
        try {
            String url = "http://127.0.0.1:" + other.getAddress().getPort();
            String[] notTipx = run("upload", file.toString(), "--period", "2026-Q3", "--server", url,
                    "--token-file", tokenFile.toString());
            assertEquals("1", notTipx[0], notTipx[2]);
            assertTrue(notTipx[2].contains("unexpected answer 404 from " + url) && notTipx[2].contains("tipx server"),
                    notTipx[2]);
            assertFalse(notTipx[2].contains("null"), notTipx[2]);
        } finally {
            other.stop(0);
        }
    }

    private static String[] concat(String command, String file, String[] rest, String... more) {
        return concat(command, file, java.util.stream.Stream.concat(java.util.Arrays.stream(rest),
                java.util.Arrays.stream(more)).toArray(String[]::new));
    }

    private static String[] concat(String command, String file, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = command;
        all[1] = file;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
