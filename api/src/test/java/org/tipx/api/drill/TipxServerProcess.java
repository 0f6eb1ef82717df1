package org.tipx.api.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code tipx serve} in a process of its own, started from this JVM's class path, so that a drill can kill
 * it with SIGKILL. Its output goes to a log file, never to the drill's output. Not thread-safe, except
 * {@link #kill}, which a timer thread may call while the drill thread waits for an answer.
 */
final class TipxServerProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(25);

    private final Process process;
    private final URI base;
    private final long launchedNanos;
    private final List<ProcessHandle> survivors = new ArrayList<>();

    private TipxServerProcess(Process process, URI base, long launchedNanos) {
        this.process = process;
        this.base = base;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Launches {@code serve} on a free port of 127.0.0.1 against {@code store}; returns at once, before the
     * server answers (see {@link #awaitHealthy}).
     *
     * @param environment the admin token and pseudonymisation secret, as {@code serve} reads them
     * @param workDir     where its log goes
     * @param jvmOptions  further options of the server's JVM
     */
    static TipxServerProcess launch(DrillStore store, Map<String, String> environment, Path workDir,
                                    List<String> jvmOptions) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.tipx.api.Main", "serve", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--rate-limit", "off", "--max-upload-bytes", Long.toString(Long.MAX_VALUE)));
        command.addAll(store.serveArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(workDir).toFile()));
        // Only what serve is given on purpose: a TIPX_JDBC_URL of the machine would pick another store.
        builder.environment().keySet().removeIf(name -> name.startsWith("TIPX_"));
        builder.environment().putAll(environment);
        builder.environment().putAll(store.serveEnvironment());
        try {
            long launched = System.nanoTime();
            return new TipxServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port), launched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch tipx serve", e);
        }
    }

    /** The file every server launched in {@code workDir} writes its output to. */
    static Path log(Path workDir) {
        return workDir.resolve("tipx-server.log");
    }

    URI base() {
        return base;
    }

    /** Nanoseconds since launch. */
    long sinceLaunchNanos() {
        return System.nanoTime() - launchedNanos;
    }

    /**
     * Waits until {@code GET /health} answers 200 and returns the time since launch; empty when the
     * process exits or {@code limit} passes first.
     */
    Optional<Duration> awaitHealthy(HttpClient http, Duration limit) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        while (sinceLaunchNanos() < limit.toNanos()) {
            if (!process.isAlive()) {
                return Optional.empty();
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Optional.of(Duration.ofNanos(sinceLaunchNanos()));
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(POLL);
        }
        return Optional.empty();
    }

    /**
     * SIGKILL, as {@code scope} says, and waits until the server is gone. Descendants are listed before the
     * server dies, since orphans are no longer its descendants. Returns how many descendants it had.
     */
    synchronized int kill(KillScope scope) {
        if (!process.isAlive()) {
            return 0;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        if (scope == KillScope.PROCESS_TREE) {
            descendants.forEach(ProcessHandle::destroyForcibly);
        } else {
            survivors.addAll(descendants);
        }
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
        return descendants.size();
    }

    /** Stops the server as an operator would (SIGTERM: the shutdown hook closes the store), then its leftovers. */
    synchronized void stop() {
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            if (!waitFor(Duration.ofSeconds(60))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(30));
            }
            survivors.addAll(descendants);
        }
        killSurvivors();
    }

    /** Kills what a {@link KillScope#SERVER_ONLY} kill left running. */
    synchronized void killSurvivors() {
        survivors.forEach(ProcessHandle::destroyForcibly);
        survivors.clear();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        kill(KillScope.PROCESS_TREE);
        killSurvivors();
    }

    private boolean waitFor(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
