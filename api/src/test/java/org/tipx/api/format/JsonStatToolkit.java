package org.tipx.api.format;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tipx.api.NodeTools;

/**
 * Runs the JSON-stat checks of {@code src/test/js} ({@code check-jsonstat.mjs}, {@code read-over-http.mjs}),
 * which read our answers with the npm packages jsonstat-toolkit and jsonstat-euro. Tests call
 * {@link #requireInstalled()} first; see {@link NodeTools} for when they skip and when they fail.
 */
public final class JsonStatToolkit {

    private static final String SCRIPT = "check-jsonstat.mjs";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private JsonStatToolkit() {
    }

    /** Skips the calling test without node or the JSON-stat packages, or fails it where they are required. */
    public static void requireInstalled() {
        NodeTools.require("jsonstat-toolkit", "jsonstat-euro");
    }

    /** Checks these JSON-stat files (each beside its {@code .expected.json}, when it has one). */
    public static NodeTools.Result check(List<Path> files) throws IOException, InterruptedException {
        return run(SCRIPT, files.stream().map(Path::toString).toList());
    }

    /** Runs a script of {@code src/test/js} with these arguments. */
    public static NodeTools.Result run(String script, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(NodeTools.DIR.resolve(script).toString()));
        command.addAll(arguments);
        return NodeTools.run(LIMIT, command);
    }
}
