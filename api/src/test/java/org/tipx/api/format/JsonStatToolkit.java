package org.tipx.api.format;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code src/test/js/check-jsonstat.mjs}, which reads JSON-stat files with the npm package
 * jsonstat-toolkit (installed by the build through {@code src/test/js/install.sh}). Tests call
 * {@link #requireInstalled()} first: without Node.js or the toolkit they are skipped, unless
 * {@code TIPX_REQUIRE_NODE_TOOLS=1} (as in {@code .ci/run}), where they fail, so CI can never pass
 * a JSON-stat check that did not run.
 */
public final class JsonStatToolkit {

    private static final Path SCRIPT_DIR = Path.of(System.getProperty("user.dir"), "src", "test", "js");
    private static final Path SCRIPT = SCRIPT_DIR.resolve("check-jsonstat.mjs");

    /** What the check printed, and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private JsonStatToolkit() {
    }

    /** Skips the calling test without the tools, or fails it where they are required. */
    public static void requireInstalled() {
        boolean installed = Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("jsonstat-toolkit"))
                && Files.isDirectory(SCRIPT_DIR.resolve("node_modules").resolve("jsonstat-euro"))
                && nodeRuns();
        String reason = "node, jsonstat-toolkit or jsonstat-euro is missing: install Node.js 20+ and run npm ci --prefix api/src/test/js";
        if ("1".equals(System.getenv("TIPX_REQUIRE_NODE_TOOLS"))) {
            assertTrue(installed, reason + " (TIPX_REQUIRE_NODE_TOOLS=1 makes this check mandatory)");
        } else {
            Assumptions.assumeTrue(installed, reason);
        }
    }

    /** Checks these JSON-stat files (each beside its {@code .expected.json}, when it has one). */
    public static Result check(List<Path> files) throws IOException, InterruptedException {
        return run(SCRIPT.getFileName().toString(), files.stream().map(Path::toString).toList());
    }

    /** Runs a script of {@code src/test/js} with these arguments. */
    public static Result run(String script, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT_DIR.resolve(script).toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(SCRIPT_DIR.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node did not finish within 60 s: " + output);
        }
        return new Result(process.exitValue(), output);
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
