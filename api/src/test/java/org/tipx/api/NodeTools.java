package org.tipx.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm packages some tests read our answers with (JSON-stat readers, the spec's linter), pinned in
 * {@code src/test/js/package-lock.json} and installed there by the build. Without Node.js or a package a
 * test that needs them is skipped, unless {@code TIPX_REQUIRE_NODE_TOOLS=1} (as in {@code .ci/run}), where
 * it fails: CI can never pass a check that did not run.
 */
public final class NodeTools {

    /** The npm project of the test suite. */
    public static final Path DIR = Path.of(System.getProperty("user.dir"), "src", "test", "js");

    /** What a node run printed (standard output and error), and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private NodeTools() {
    }

    /** Skips the calling test unless node runs and each of these packages is installed; fails instead where required. */
    public static void require(String... packages) {
        boolean installed = Arrays.stream(packages).allMatch(name -> Files.isDirectory(DIR.resolve("node_modules").resolve(name)))
                && nodeRuns();
        String reason = "node or " + String.join(", ", packages)
                + " is missing: install Node.js 20+ and run npm ci --prefix api/src/test/js";
        if ("1".equals(System.getenv("TIPX_REQUIRE_NODE_TOOLS"))) {
            assertTrue(installed, reason + " (TIPX_REQUIRE_NODE_TOOLS=1 makes this check mandatory)");
        } else {
            Assumptions.assumeTrue(installed, reason);
        }
    }

    /** Runs {@code node} with these arguments in {@link #DIR}; fails the test if it has not ended within {@code limit}. */
    public static Result run(Duration limit, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node did not finish within " + limit.toSeconds() + " s: " + output);
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
