package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.sdmx.Codelist;
import org.tipx.api.sdmx.ThbStructure;

/**
 * A second, independent SDMX reader, in another language: R's rsdmx (Debian's {@code r-cran-rsdmx}) runs
 * {@code src/test/r/read-tipx.R} against a running server and writes what it read (dataflows, the DSD's
 * dimensions and codes, data frames); they must be what tipx serves, and the observations those of
 * {@code /v1/statistics} for the same query, withheld cells included (NA, OBS_STATUS Q). Skipped without
 * Rscript and rsdmx, unless {@code TIPX_REQUIRE_DATA_TOOLS=1} (as in {@code .ci/run}), where it fails.
 */
class RsdmxClientTest {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir"), "src", "test", "r", "read-tipx.R");

    @TempDir
    Path dir;

    @BeforeAll
    static void rsdmxInstalled() {
        boolean installed = run(List.of("Rscript", "-e", "library(rsdmx)"), Path.of(".")).exitCode() == 0;
        String reason = "Rscript or rsdmx is missing: apt-get install r-base-core r-cran-rsdmx";
        if ("1".equals(System.getenv("TIPX_REQUIRE_DATA_TOOLS"))) {
            assertTrue(installed, reason + " (TIPX_REQUIRE_DATA_TOOLS=1 makes this check mandatory)");
        } else {
            Assumptions.assumeTrue(installed, reason);
        }
    }

    @Test
    void rsdmxReadsTheDataflow_theStructure_andTheDataOfStatistics() throws Exception {
        Path out = Files.createDirectories(dir.resolve("read"));
        List<Map<String, String>> expected = new ArrayList<>();
        try (RunningStatistics server = new RunningStatistics(dir.resolve("server"),
                StatisticsApi.over(StatisticsApiTest.releases()).withRateLimit(Optional.empty()))) {
            List<String> command = new ArrayList<>(List.of("Rscript", SCRIPT.toString(),
                    server.request("/sdmx/2.1").build().uri().toString(), out.toString()));
            for (SdmxClientCases.Case c : SdmxClientCases.CASES) {
                command.add(c.key());
                expected.add(SdmxClientCases.expected(server, c));
            }
            Result result = run(command, dir);
            assertEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("read " + SdmxClientCases.CASES.size() + " data sets"), result.output());
        }

        assertEquals(List.of(Map.of("id", "DF_THB", "agencyID", "TIPX", "version", "1.0", "dsdRef", "DSD_THB")),
                csv(out.resolve("dataflows.csv")));

        ThbStructure structure = SdmxClientCases.STRUCTURE;
        List<Map<String, String>> dimensions = csv(out.resolve("dimensions.csv"));
        assertEquals(ThbStructure.KEY, dimensions.stream().map(d -> d.get("id")).toList());
        for (Map<String, String> dimension : dimensions) {
            assertEquals(structure.dimension(dimension.get("id")).orElseThrow().codelist().id(), dimension.get("codelist"));
        }
        Map<String, List<String>> codesRead = new LinkedHashMap<>();
        for (Map<String, String> code : csv(out.resolve("codes.csv"))) {
            codesRead.computeIfAbsent(code.get("codelist"), k -> new ArrayList<>()).add(code.get("id") + " " + code.get("name"));
        }
        Map<String, List<String>> codesServed = new LinkedHashMap<>();
        for (Codelist codelist : structure.codelists()) {
            codesServed.put(codelist.ref().id(), codelist.codes().stream().map(c -> c.id() + " " + c.name()).toList());
        }
        assertEquals(codesServed, codesRead);

        int withheld = 0;
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> read = new TreeMap<>();
            for (Map<String, String> row : csv(out.resolve("data-" + (i + 1) + ".csv"))) {
                List<String> key = ThbStructure.KEY.stream().map(row::get).toList();
                String value = row.get("obsValue").equals("NA") ? "NaN" : row.get("obsValue");
                read.put(String.join(".", key) + "|" + row.get("obsTime"),
                        value + " " + row.get("OBS_STATUS") + " " + row.get("CONF_STATUS"));
            }
            assertNotEquals(0, expected.get(i).size());
            assertEquals(expected.get(i), read, SdmxClientCases.CASES.get(i).key());
            withheld += (int) read.values().stream().filter(v -> v.startsWith("NaN Q A")).count();
        }
        assertNotEquals(0, withheld, "rsdmx sees the withheld cells too");
    }

    /** The rows of a CSV file R's write.csv wrote (quoted strings, "" inside them), by column name. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (ch != '\r') {
                field.append(ch);
            }
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> values : rows.subList(1, rows.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                record.put(header.get(c), values.get(c));
            }
            records.add(record);
        }
        return records;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path directory) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Rscript did not finish within 120 s: " + output);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }
}
