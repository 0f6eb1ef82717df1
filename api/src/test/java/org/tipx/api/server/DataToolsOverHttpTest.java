package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.release.InMemoryReleases;

/**
 * A CSV answer fetched from a running server by the readers analysts use, each with its defaults:
 * pandas' {@code read_csv(url)}, R's {@code read.csv(url)} and readr's {@code read_csv(url)}
 * ({@code src/test/data-tools/}). Each must see Namibia's row under its code (alpha-2 {@code NA}
 * would be read as missing), the measure, filter and release columns, a numeric year, and, where
 * the reader decodes UTF-8 by default, {@code Türkiye} intact.
 *
 * <p>Skipped without python3 with pandas, or Rscript with readr, unless
 * {@code TIPX_REQUIRE_DATA_TOOLS=1} (set by {@code .ci/run} after it installs them), where it fails.
 */
class DataToolsOverHttpTest {

    private static final Path SCRIPTS = Path.of(System.getProperty("user.dir"), "src", "test", "data-tools");
    private static final String RELEASE = "2026-09-30.1";
    private static final String QUERY = "/v1/statistics?by=citizenship,year&sex=female&format=csv&labels=true";

    @TempDir
    Path dir;

    @Test
    void pandasAndR_readNamibiaTheContextColumnsAndNumericYears_withTheirDefaults() throws Exception {
        String python = findPython();
        boolean r = runs(List.of("Rscript", "-e", "library(readr)"));
        require(python != null && r, "python3 with pandas and Rscript with readr are needed: apt-get install "
                + "python3-pandas r-base-core r-cran-readr");
        try (RunningStatistics server = new RunningStatistics(dir, StatisticsApi.over(releases())
                .withRateLimit(Optional.empty()))) {
            String url = server.uri(QUERY).toString();
            List<Map<String, List<String>>> readings = List.of(
                    run(List.of(python, SCRIPTS.resolve("read_csv.py").toString(), url)),
                    run(List.of("Rscript", SCRIPTS.resolve("read_csv.R").toString(), url, "base")),
                    run(List.of("Rscript", SCRIPTS.resolve("read_csv.R").toString(), url, "readr")));
            for (Map<String, List<String>> seen : readings) {
                String reader = seen.get("reader").getFirst();
                assertEquals(List.of("citizenship,citizenship_label,year,year_label,OBS_VALUE,OBS_STATUS,CONF_STATUS,"
                        + "measure,measure_label,sex,sex_label,release"), seen.get("columns"), reader);
                assertEquals(List.of("true"), seen.get("year_numeric"), reader + ": year is numeric");
                assertEquals(List.of("0"), seen.get("missing_codes"), reader + ": no country code read as missing");
                List<String> namibia = seen.getOrDefault("namibia", List.of());
                assertEquals(3, namibia.size(), reader + ": one Namibia row per year " + namibia);
                for (String row : namibia) {
                    assertTrue(row.matches("NAM\\|Namibia\\|[0-9]+\\|202[0-2]"), reader + ": " + row);
                }
                assertEquals(List.of("victims"), seen.get("measure"), reader);
                assertEquals(List.of("female"), seen.get("sex"), reader);
                assertEquals(List.of(RELEASE), seen.get("release"), reader);
                if (!reader.startsWith("read.csv")) {
                    // read.csv decodes in the session's locale, which a CI machine may leave at C.
                    assertEquals(List.of("Türkiye", "Türkiye", "Türkiye"), seen.get("turkiye"), reader);
                }
            }
        }
    }

    /** One release in which Namibian and Turkish women are numerous enough for published cells. */
    private static InMemoryReleases releases() {
        List<CaseRecord> records = new ArrayList<>(StatisticsFixture.records(13, 600));
        SplittableRandom random = new SplittableRandom(20261205);
        for (int p = 0; p < 240; p++) {
            String pseudonym = String.format(Locale.ROOT, "%064x", 9_000_000L + p);
            records.add(StatisticsFixture.record(pseudonym, random.nextInt(PTable.KEY_SPACE), 2020 + p % 3, "female",
                    "18-20", p % 2 == 0 ? "NA" : "TR", "UA", List.of("sexual")));
        }
        return new InMemoryReleases().add(StatisticsFixture.release(RELEASE, Instant.parse("2026-09-30T12:00:00Z")),
                records);
    }

    private static void require(boolean installed, String reason) {
        if ("1".equals(System.getenv("TIPX_REQUIRE_DATA_TOOLS"))) {
            assertTrue(installed, reason + " (TIPX_REQUIRE_DATA_TOOLS=1 makes this check mandatory)");
        } else {
            Assumptions.assumeTrue(installed, reason);
        }
    }

    /** A python3 that imports pandas: the one on PATH, or Debian's where PATH leads to another (pyenv). */
    private static String findPython() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (runs(List.of(candidate, "-c", "import pandas"))) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a reader script; its key=value lines, values of a repeated key in order. */
    private static Map<String, List<String>> run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.getFirst() + " did not finish within 120 s: " + output);
        }
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (String line : output.lines().toList()) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                seen.computeIfAbsent(line.substring(0, equals), key -> new ArrayList<>()).add(line.substring(equals + 1));
            }
        }
        assertTrue(seen.containsKey("reader"), output);
        return seen;
    }
}
