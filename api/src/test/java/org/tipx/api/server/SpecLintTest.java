package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.NodeTools;

/**
 * {@code spec/tipx-v1.yaml} lints clean with Spectral (npm {@code @stoplight/spectral-cli}, pinned in
 * {@code src/test/js/package-lock.json} and installed by the build with the JSON-stat client) under
 * {@code spec/.spectral.yaml}: the recommended OpenAPI ruleset and our own rules, hints included. Skipped
 * without Node.js or the package, unless {@code TIPX_REQUIRE_NODE_TOOLS=1} (CI), where it fails instead.
 */
class SpecLintTest {

    private static final Path SPECTRAL = NodeTools.DIR.resolve(Path.of("node_modules", "@stoplight", "spectral-cli", "dist", "index.js"));
    private static final Path SPEC_DIR = Path.of(System.getProperty("user.dir")).resolveSibling("spec");
    private static final Path SPEC = SPEC_DIR.resolve("tipx-v1.yaml");
    private static final Path RULESET = SPEC_DIR.resolve(".spectral.yaml");

    @TempDir
    Path dir;

    @BeforeEach
    void requireSpectral() {
        NodeTools.require("@stoplight/spectral-cli");
    }

    @Test
    void theSpecLintsClean() throws Exception {
        NodeTools.Result lint = lint(SPEC);
        assertEquals(0, lint.exitCode(), lint.output());
    }

    @Test
    void anOperationPublicByOmission_failsTheLint() throws Exception {
        String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
        String publicOperation = "      operationId: getStatistics\n      security: []\n";
        assertTrue(spec.contains(publicOperation), "the statistics operation declares itself public");
        Path planted = Files.writeString(dir.resolve("tipx-v1.yaml"),
                spec.replace(publicOperation, "      operationId: getStatistics\n"), StandardCharsets.UTF_8);

        NodeTools.Result lint = lint(planted);

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

        NodeTools.Result lint = lint(planted);

        assertNotEquals(0, lint.exitCode(), lint.output());
        assertTrue(lint.output().contains("oas3-valid-media-example"), lint.output());
    }

    private static NodeTools.Result lint(Path spec) throws IOException, InterruptedException {
        return NodeTools.run(Duration.ofMinutes(2), List.of(SPECTRAL.toString(), "lint", spec.toString(), "--ruleset",
                RULESET.toString(), "--fail-severity=hint", "--format", "text"));
    }
}
