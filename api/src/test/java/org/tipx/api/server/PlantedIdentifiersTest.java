package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.cli.Commands;
import org.tipx.api.store.TestStores;

/**
 * Direct identifiers planted in uploads (valid and invalid ones, through the API and the CLI validator)
 * appear in no table, no file of the data folder, no log record and no response. A control value that
 * is stored on purpose (the agency's name) is found by the same searches, so they can fail. Malformed
 * requests and the server library's own log records are {@link LogPrivacyTest}'s.
 */
class PlantedIdentifiersTest {

    @TempDir
    Path dir;

    @Test
    void plantedIdentifiersAreNowhere() throws Exception {
        Random random = new Random(7);
        String given = "Zorvalisk" + (100000 + random.nextInt(900000));
        String family = "Quenthardo" + (100000 + random.nextInt(900000));
        String cyrillic = "Жовтоблакитенко" + (100000 + random.nextInt(900000));
        String document = "PX" + (10000000 + random.nextInt(90000000));
        String birth = "1931-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
        String control = "Control Agency Wexfordia";
        List<String> planted = List.of(given, family, cyrillic, document, birth, birth.replace("-", ""));

        List<String> seen = new ArrayList<>();
        List<LogRecord> records;
        try (RunningTipx server = RunningTipx.embedded(dir.resolve("data"), 1 << 20);
             LogCapture capture = new LogCapture("")) {
            String admin = "Bearer " + RunningTipx.ADMIN_TOKEN;
            seen.add(server.send(server.request("/v1/agencies").header("Authorization", admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"planted\",\"name\":\"" + control + "\",\"country\":\"UA\",\"type\":\"ngo\"}"))).body());
            String token = seen.getFirst().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");

            String valid = Extracts.HEADER + "\n"
                    + "p-1,2026-07-03,confirmed,female,31,UA,sexual," + given + "," + family + "," + birth + "," + document + "\n"
                    + "p-2,2026-07-04,confirmed,female,31,UA,sexual,," + cyrillic + "," + birth + ",\n";
            // Invalid rows with identifiers in bad shapes: the problem report must not quote them.
            String invalid = Extracts.HEADER + "\n"
                    + "q-1,2026-07-03,confirmed,female,31,UA,sexual,=" + given + "," + family + ",31/02/" + birth + "," + document + "\n"
                    + "q-2,2026-07-03,confirmed,nope,31,UA,sexual,+" + cyrillic + ",@" + family + ",x" + birth + ",-" + document + "\n";
            for (String body : List.of(valid, valid, invalid)) {
                HttpResponse<String> response = server.send(server.request("/v1/extracts?period=2026-Q3")
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                seen.add(response.statusCode() + " " + response.headers().map() + " " + response.body());
            }
            assertTrue(seen.get(1).startsWith("201"), seen.get(1));
            assertTrue(seen.get(2).startsWith("200"), seen.get(2));
            assertTrue(seen.get(3).startsWith("422"), seen.get(3));
            for (String path : List.of("/v1/extracts", "/health", "/metrics", "/openapi")) {
                seen.add(server.send(server.request(path).header("Authorization", "Bearer " + token)).body());
            }
            records = capture.records();
        }
        Path extract = dir.resolve("bad.csv");
        Files.writeString(extract, Extracts.HEADER + "\nv-1,2026-07-03,confirmed,female,31,UA,sexual,=" + given + ","
                + family + ",99-" + birth + "," + document + "\n");
        StringWriter cliOut = new StringWriter();
        int exit = Commands.commandLine().setOut(new PrintWriter(cliOut)).setErr(new PrintWriter(cliOut))
                .execute("validate", extract.toString(), "--period", "2026-Q3");
        assertEquals(1, exit, cliOut.toString());
        seen.add(cliOut.toString());

        String tables = dumpDatabase(dir.resolve("data"));
        List<String> searched = new ArrayList<>(planted);
        searched.add(control);
        java.util.Set<String> inFiles = valuesInFiles(dir.resolve("data"), searched);
        SimpleFormatter formatter = new SimpleFormatter();
        String logText = records.stream().map(formatter::format).collect(Collectors.joining("\n"));
        assertTrue(tables.contains(control), "control value must be found in the database dump");
        assertTrue(inFiles.contains(control), "control value must be found in the data files");
        assertFalse(logText.isEmpty(), "the log capture works");
        for (String value : planted) {
            String lower = value.toLowerCase(Locale.ROOT);
            assertFalse(tables.toLowerCase(Locale.ROOT).contains(lower), "database holds " + value);
            assertFalse(inFiles.contains(value), "a data file holds " + value);
            assertFalse(logText.toLowerCase(Locale.ROOT).contains(lower), "the log holds " + value);
            for (String response : seen) {
                assertFalse(response.toLowerCase(Locale.ROOT).contains(lower), "a response holds " + value + ": " + response);
            }
        }
    }

    /** The whole embedded database as text (every table, every row). */
    private static String dumpDatabase(Path dataDir) throws Exception {
        return TestStores.dumpTables(dataDir);
    }

    /**
     * The values found in any file under the folder (the database cluster, its write-ahead log, the server's
     * log), its bytes read as UTF-8 and as Latin-1 (binary files), lower-cased; one file at a time, since
     * the write-ahead log alone holds segments of 16 MB.
     */
    private static java.util.Set<String> valuesInFiles(Path root, List<String> values) throws IOException {
        java.util.Set<String> found = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (java.nio.charset.Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
                    String text = new String(bytes, charset).toLowerCase(Locale.ROOT);
                    for (String value : values) {
                        if (text.contains(value.toLowerCase(Locale.ROOT))) {
                            found.add(value);
                        }
                    }
                }
            }
        }
        return found;
    }
}
