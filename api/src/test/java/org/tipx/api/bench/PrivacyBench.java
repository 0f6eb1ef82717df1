package org.tipx.api.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tipx.api.privacy.AttackResult;
import org.tipx.api.privacy.AttackWorld;
import org.tipx.api.privacy.PrivacySuite;
import org.tipx.api.server.InProcessTipx;

/**
 * The privacy attack suite ({@code org.tipx.api.privacy}) at a chosen size, against a tipx server in this
 * JVM or against any running server, followed by a utility report of the latest release against the truth.
 * One line per attack figure; exit status 0 when every attack stays within its bound, 1 otherwise.
 *
 * <p>With the classpath of docs/benchmarks.md ({@code CP=api/target/test-classes:api/target/classes:$(cat
 * api/target/cp.txt)}):
 * <pre>
 * # in process (a fresh database of an embedded PostgreSQL; the server's secret derives from the seed)
 * java -cp $CP org.tipx.api.bench.PrivacyBench --targets 400 --base-records 4000 --budget 1000 --seed 20261205
 *
 * # against a running server, e.g. an older jar: it must be fresh (no release yet), with its rate limit off
 * # (or the attacker waits out every 429) and an admin token, given by file or TIPX_ADMIN_TOKEN
 * TIPX_ADMIN_TOKEN=$(cat admin.token) java -jar old/tipx.jar serve --port 18081 --data /tmp/fresh --rate-limit off &amp;
 * java -cp $CP org.tipx.api.bench.PrivacyBench --server http://127.0.0.1:18081 --admin-token-file admin.token --targets 400
 * </pre>
 * Options (defaults): {@code --targets} planted persons (300), {@code --base-records} records beyond the
 * synthetic sample of about 1,150 (0), {@code --new-records} ordinary 2026-Q3 records for release 2 (300),
 * {@code --late-records} ordinary late registrations of 2025-Q4 for release 2 (100), {@code --budget} questions
 * per target (1000), {@code --seed} (20261205), {@code --threads} targets attacked at once (2),
 * {@code --spelling-targets} (50), {@code --bound} membership accuracy accepted (0.60), {@code --work-dir}
 * (a new temporary folder). The token is never printed.
 */
public final class PrivacyBench {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected logger forgets its level. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.flywaydb"), Logger.getLogger("org.tipx"),
            Logger.getLogger("io.helidon"));

    private PrivacyBench() {
    }

    @SuppressWarnings("ClosingStandardOutputStreams") // PrivacySuite.close closes its HTTP client, never the stream it prints to
    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        long seed = Long.parseLong(options.getOrDefault("seed", "20261205"));
        AttackWorld.Settings world = new AttackWorld.Settings(seed,
                Integer.parseInt(options.getOrDefault("targets", "300")),
                Integer.parseInt(options.getOrDefault("base-records", "0")),
                Integer.parseInt(options.getOrDefault("new-records", "300")),
                Integer.parseInt(options.getOrDefault("late-records", "100")));
        PrivacySuite.Settings attack = new PrivacySuite.Settings(
                Integer.parseInt(options.getOrDefault("budget", "1000")),
                Double.parseDouble(options.getOrDefault("bound", Double.toString(PrivacySuite.Settings.DEFAULT_BOUND))),
                Integer.parseInt(options.getOrDefault("threads", "2")),
                Integer.parseInt(options.getOrDefault("spelling-targets", "50")));
        Path workDir = options.containsKey("work-dir") ? Files.createDirectories(Path.of(options.get("work-dir")))
                : Files.createTempDirectory("tipx-privacy");
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        System.out.printf(Locale.ROOT, "privacy bench: %s; %s%n", world, attack);

        Optional<InProcessTipx> inProcess = Optional.empty();
        URI base;
        String token;
        if (options.containsKey("server")) {
            base = URI.create(options.get("server"));
            token = options.containsKey("admin-token-file")
                    ? Files.readString(Path.of(options.get("admin-token-file")), StandardCharsets.UTF_8).strip()
                    : Optional.ofNullable(System.getenv("TIPX_ADMIN_TOKEN")).orElseThrow(
                            () -> new IllegalArgumentException("--server needs --admin-token-file or TIPX_ADMIN_TOKEN"));
        } else {
            InProcessTipx server = InProcessTipx.start(workDir.resolve("server"), 512L << 20, seed);
            inProcess = Optional.of(server);
            base = server.base();
            token = server.adminToken();
        }
        boolean safe;
        long start = System.nanoTime();
        try (PrivacySuite suite = PrivacySuite.build(base, token, world, workDir, System.out)) {
            System.out.printf(Locale.ROOT, "world built in %.1f s%n", (System.nanoTime() - start) / 1e9);
            List<AttackResult> results = suite.attack(attack, System.out);
            safe = results.stream().noneMatch(AttackResult::beatsBound);
            System.out.println(suite.utility().text());
            System.out.printf(Locale.ROOT, "%d of %d figures within their bounds; %.1f s in all%n",
                    results.stream().filter(r -> !r.beatsBound()).count(), results.size(), (System.nanoTime() - start) / 1e9);
        } finally {
            inProcess.ifPresent(InProcessTipx::close);
        }
        System.exit(safe ? 0 : 1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: PrivacyBench [--targets N] [--base-records N] [--new-records N] [--late-records N] "
                        + "[--budget N] [--seed S] [--threads N] [--spelling-targets N] [--bound B] [--work-dir DIR] "
                        + "[--server URL (--admin-token-file F | env TIPX_ADMIN_TOKEN)]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
