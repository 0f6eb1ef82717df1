package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code spec/tipx-v1.yaml} lints clean with Spectral (npm {@code @stoplight/spectral-cli}, pinned in
 * {@code src/test/js/package-lock.json} and installed by the build with the JSON-stat client) under
 * {@code spec/.spectral.yaml}: the recommended OpenAPI ruleset and our own rules, hints included. Skipped
 * without Node.js or the package, unless {@code TIPX_REQUIRE_NODE_TOOLS=1} (CI), where it fails instead.
 */
class SpecLintTest {

    private static final Path JS_DIR = Path.of(System.getProperty("user.dir"), "src", "test", "js");
    private static final Path SPECTRAL = JS_DIR.resolve(Path.of("node_modules", "@stoplight", "spectral-cli", "dist", "index.js"));
    private static final Path SPEC_DIR = Path.of(System.getProperty("user.dir")).resolveSibling("spec");
    private static final Path SPEC = SPEC_DIR.resolve("tipx-v1.yaml");
    private static final Path RULESET = SPEC_DIR.resolve(".spectral.yaml");

    @TempDir
    Path dir;

    /** What Spectral printed, and its exit code. */
    private record Lint(int exitCode, String output) {
    }

    @BeforeEach
    void requireSpectral() {
        boolean installed = Files.isRegularFile(SPECTRAL) && nodeRuns();
        String reason = "node or @stoplight/spectral-cli is missing: install Node.js 20+ and run npm ci --prefix api/src/test/js";
        if ("1".equals(System.getenv("TIPX_REQUIRE_NODE_TOOLS"))) {
            assertTrue(installed, reason + " (TIPX_REQUIRE_NODE_TOOLS=1 makes this check mandatory)");
        } else {
            Assumptions.assumeTrue(installed, reason);
        }
    }

    @Test
    void theSpecLintsClean() throws Exception {
        Lint lint = lint(SPEC);
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void anOperationPublicByOmission_failsTheLint() throws Exception {
        String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
        String publicOperation = "      operationId: getStatistics\n      security: []\n";
        assertTrue(spec.contains(publicOperation), "the statistics operation declares itself public");
        Path planted = Files.writeString(dir.resolve("tipx-v1.yaml"),
                spec.replace(publicOperation, "      operationId: getStatistics\n"), StandardCharsets.UTF_8);

        Lint lint = lint(planted);

        assertNotEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("tipx-operation-security-declared"), lint.output());
    }

    @Test
    void anExampleThatBreaksItsSchema_failsTheLint() throws Exception {
        String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
        String rows = "        rows: 12\n";
        assertTrue(spec.contains(rows), "the upload example has its row count");
        Path planted = Files.writeString(dir.resolve("tipx-v1.yaml"), spec.replace(rows, "        rows: twelve\n"),
                StandardCharsets.UTF_8);

        Lint lint = lint(planted);

        assertNotEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("oas3-valid-media-example"), lint.output());
    }

    private static Lint lint(Path spec) throws IOException, InterruptedException {
        List<String> command = List.of("node", SPECTRAL.toString(), "lint", spec.toString(), "--ruleset", RULESET.toString(),
                "--fail-severity=hint", "--format", "text");
        Process process = new ProcessBuilder(command).directory(JS_DIR.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("spectral did not finish within 120 s: " + output);
        }
        return new Lint(process.exitValue(), output);
    }

    private static boolean nodeRuns() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
