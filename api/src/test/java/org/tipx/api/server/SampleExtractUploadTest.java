package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.cli.Commands;

/**
 * The upload command {@code tipx demo} prints, run as printed against a real server: the shipped sample
 * extract, for a quarter the demo's own extracts do not cover, is stored whole.
 */
class SampleExtractUploadTest {

    @TempDir
    Path dir;

    @Test
    void theSampleExtractUploadsAsTheDemoPrintsIt() throws Exception {
        try (RunningTipx server = RunningTipx.fresh(dir.resolve("data"), 1L << 20)) {
            Path tokenFile = Files.writeString(dir.resolve("ua-police.token"), server.agency("ua-police", "UA") + "\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Commands.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                    .execute("upload", Path.of("..", "samples", "extract-sample.csv").toString(), "--period", "2026-Q3",
                            "--server", server.base().toString(), "--token-file", tokenFile.toString());
            assertEquals(0, exit, err.toString());
            assertTrue(out.toString().contains("12 rows"), out.toString());

            // The offline check counts the rows with direct identifiers exactly as the server did.
            Matcher stored = Pattern.compile("stored as (ex-[a-z0-9]+)").matcher(out.toString());
            assertTrue(stored.find(), out.toString());
            HttpResponse<String> extract = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            server.base().resolve("/v1/extracts/" + stored.group(1)))
                    .header("Authorization", "Bearer " + Files.readString(tokenFile).trim()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher linked = Pattern.compile("\"linkedRows\"\\s*:\\s*(\\d+)").matcher(extract.body());
            assertTrue(linked.find(), extract.body());
            assertTrue(Long.parseLong(linked.group(1)) > 0, "the sample has rows with names and birth dates");
            StringWriter validated = new StringWriter();
            Commands.commandLine().setOut(new PrintWriter(validated, true))
                    .execute("validate", Path.of("..", "samples", "extract-sample.csv").toString(), "--period", "2026-Q3");
            assertTrue(validated.toString().contains("(" + linked.group(1) + " with direct identifiers)"),
                    validated + " against the server's " + linked.group(1));
        }
    }
}
