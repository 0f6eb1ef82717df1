package org.tipx.api.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server behind the embedded store: tipx runs it from its data folder, so the demo and a
 * single-machine install get PostgreSQL's durability (write-ahead log, fsync on commit, crash recovery) with
 * no setup. The folder holds:
 * <ul>
 *   <li>{@code postgres/}: the database cluster (owner-only, as initdb makes it);</li>
 *   <li>{@code postgres.password}: the random password of the database role {@code tipx} (owner-only);</li>
 *   <li>{@code postgres.log}: the server's own messages (terse: never a statement or a row);</li>
 *   <li>{@code postgres.lock}: locked by the one tipx process that runs the server.</li>
 * </ul>
 *
 * <p>The process that takes the lock is the <em>owner</em>: it creates the cluster if needed (initdb into a
 * temporary folder renamed into place, so a kill during initdb leaves no half cluster), stops a server left
 * behind by a killed owner, and starts {@code postgres} as its child. The child runs under a small shell that
 * waits on a pipe from tipx and asks the server for a fast shutdown when the pipe closes: when tipx stops,
 * even by {@code kill -9}, the server shuts down cleanly instead of living on as an orphan. Another tipx
 * process on the same folder (the CLI's {@code release} or {@code backup} while {@code serve} runs) is a
 * <em>guest</em>: it connects to the running server, found through its {@code postmaster.pid}, and leaves it
 * running when it closes.
 *
 * <p>As root (CI containers), PostgreSQL refuses to run; the server then runs in a user namespace
 * ({@code unshare -U}), as the zonky test library does, where it is nobody but its files stay the caller's.
 * Thread-safe.
 */
final class ManagedPostgres implements AutoCloseable {

    static final String ROLE = "tipx";
    static final String DATABASE = "postgres";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(ManagedPostgres.class.getName());

    /**
     * Durability is PostgreSQL's default, stated so that nobody "tunes" it away; the rest keeps the server
     * to loopback, without a Unix socket, and keeps statements and row values out of its log.
     */
    private static final List<String> SETTINGS = List.of(
            "listen_addresses=127.0.0.1",
            "unix_socket_directories=",
            "fsync=on",
            "synchronous_commit=on",
            "full_page_writes=on",
            "max_connections=60",
            "log_error_verbosity=terse",
            "log_min_error_statement=panic",
            "log_min_messages=warning",
            "log_connections=off",
            "log_disconnections=off",
            "log_timezone=UTC");

    /**
     * Runs the server ({@code $0} with arguments {@code "$@"}) and ends with it. The shell's stdin is a pipe
     * from tipx (kept as fd 3, since a background job's stdin is /dev/null): a reader in the background asks
     * the server for a fast shutdown (SIGINT) when that pipe closes, which happens when tipx ends in any way,
     * kill -9 included. When the server ends first, the shell stops the reader and exits with its status.
     */
    private static final String WATCHDOG = "exec 3<&0; \"$0\" \"$@\" </dev/null 3<&- & pid=$!; "
            + "(while read -r _ <&3; do :; done; kill -INT $pid 2>/dev/null) & reader=$!; "
            + "wait $pid; status=$?; kill $reader 2>/dev/null; exit $status";

    private static final java.nio.file.attribute.FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** The data folders whose server this JVM runs. */
    private static final java.util.Set<Path> OWNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final int port;
    private final String password;
    private final Optional<Owner> owner; // present in the process that runs the server

    private ManagedPostgres(Path dataDir, int port, String password, Optional<Owner> owner) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.owner = owner;
    }

    /** Starts (or joins) the server of {@code dataDir}, creating the folder and the cluster if needed. */
    static ManagedPostgres open(Path dataDir, PostgresBinaries binaries) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            createPrivateDirectory(dir);
            // A folder this JVM already runs is joined without touching its lock file: closing any channel
            // of that file would release the owner's lock (POSIX locks belong to the process).
            if (OWNED.contains(dir)) {
                return joinRunning(dir);
            }
            FileChannel lockChannel = FileChannel.open(dir.resolve("postgres.lock"),
                    java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OWNER_ONLY);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // taken by this JVM since the check above
            }
            if (lock == null) {
                lockChannel.close();
                return joinRunning(dir);
            }
            OWNED.add(dir);
            try {
                return startOwned(dir, binaries, lock);
            } catch (RuntimeException | IOException e) {
                OWNED.remove(dir);
                lockChannel.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded PostgreSQL in " + dir + " failed", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String user() {
        return ROLE;
    }

    String password() {
        return password;
    }

    boolean owner() {
        return owner.isPresent();
    }

    // --- the owner ---

    private static ManagedPostgres startOwned(Path dir, PostgresBinaries binaries, FileLock lock) throws IOException {
        Path cluster = dir.resolve("postgres");
        stopOrphan(cluster);
        String password = passwordOf(dir);
        if (!Files.exists(cluster.resolve("PG_VERSION"))) {
            initCluster(dir, cluster, binaries);
        }
        Path log = dir.resolve("postgres.log");
        if (!Files.exists(log)) {
            Files.createFile(log, OWNER_ONLY);
        }
        int port = freePort();
        Owner owner = new Owner(binaries, cluster, log, port, lock);
        ManagedPostgres postgres = new ManagedPostgres(dir, port, password, Optional.of(owner));
        try {
            owner.start(postgres);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "embedded PostgreSQL running on 127.0.0.1:" + port + " with data in " + cluster);
        return postgres;
    }

    /**
     * What the owning process holds: the folder's lock and the server process, which it restarts (on the same
     * port, so the store's connections find it again) when the server stops without being asked to, say
     * killed by an operator or the kernel's OOM killer; meanwhile the store answers "unavailable".
     */
    private static final class Owner {
        private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
        private static final Duration LAST_RETRY = Duration.ofSeconds(30);

        private final PostgresBinaries binaries;
        private final Path cluster;
        private final Path log;
        private final int port;
        private final FileLock lock;
        private Process process; // guarded by this
        private boolean closed;  // guarded by this

        Owner(PostgresBinaries binaries, Path cluster, Path log, int port, FileLock lock) {
            this.binaries = binaries;
            this.cluster = cluster;
            this.log = log;
            this.port = port;
            this.lock = lock;
        }

        @SuppressWarnings("FutureReturnValueIgnored") // the restart runs on a thread of its own and reports there
        void start(ManagedPostgres postgres) throws IOException {
            Process started = launch();
            synchronized (this) {
                process = started;
            }
            try {
                postgres.awaitReady(started);
            } catch (RuntimeException e) {
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
                throw e;
            }
            started.onExit().thenRun(() -> {
                if (!closed()) {
                    Thread.ofPlatform().daemon().name("embedded-postgres-restart")
                            .start(() -> restart(postgres, started.exitValue()));
                }
            });
        }

        private Process launch() throws IOException {
            List<String> command = new ArrayList<>(userNamespace());
            command.addAll(List.of("/bin/sh", "-c", WATCHDOG,
                    binaries.postgres().toString(), "-D", cluster.toString(), "-p", Integer.toString(port)));
            for (String setting : SETTINGS) {
                command.add("-c");
                command.add(setting);
            }
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        }

        private void restart(ManagedPostgres postgres, int exitCode) {
            LOG.log(System.Logger.Level.WARNING, "the embedded PostgreSQL stopped unexpectedly (exit code " + exitCode
                    + "); restarting it");
            long stopped = System.nanoTime();
            Duration wait = FIRST_RETRY;
            while (!closed()) {
                try {
                    stopOrphan(cluster); // a postmaster killed alone may leave its watchdog's child behind
                    start(postgres);
                    LOG.log(System.Logger.Level.INFO, "the embedded PostgreSQL runs again after "
                            + Duration.ofNanos(System.nanoTime() - stopped).toSeconds() + " s");
                    return;
                } catch (IOException | RuntimeException e) {
                    // e.g. the killed server's backends still hold its shared memory for a moment
                    sleepQuietly(wait);
                    wait = wait.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait.multipliedBy(2);
                }
            }
        }

        private synchronized boolean closed() {
            return closed;
        }

        /** A fast shutdown through the watchdog, then the folder's lock is released. */
        void close() {
            Process running;
            synchronized (this) {
                closed = true;
                running = process;
            }
            if (running != null) {
                try {
                    running.getOutputStream().close(); // the watchdog's pipe: a fast shutdown
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing the PostgreSQL watchdog's pipe failed", e);
                }
                if (!awaitExit(running.toHandle(), STOP_TIMEOUT)) {
                    LOG.log(System.Logger.Level.WARNING, "the embedded PostgreSQL did not stop within " + STOP_TIMEOUT
                            + "; killing it (the next start recovers from its write-ahead log)");
                    running.descendants().forEach(ProcessHandle::destroyForcibly);
                    running.destroyForcibly();
                }
            }
            try {
                lock.channel().close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "releasing the data folder lock failed", e);
            }
            OWNED.remove(cluster.getParent());
        }
    }

    /**
     * A server still running on the cluster although no tipx process holds the lock was left by an owner that
     * was killed while its watchdog could not act (both killed at once). It is asked to stop, then stopped.
     */
    private static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> orphan;
        try {
            orphan = lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .filter(ManagedPostgres::runningServer);
        } catch (NumberFormatException e) {
            orphan = Optional.empty();
        }
        if (orphan.isEmpty()) {
            // A stale lock file: its server is gone. PostgreSQL would ignore it, unless its pid now names another
            // process, or a zombie that nobody reaps (a container whose first process reaps nothing): then it
            // refuses to start. The shared-memory interlock still guards against backends of a killed server.
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.log(System.Logger.Level.WARNING, "a PostgreSQL server (pid " + process.pid()
                + ") left by an earlier tipx process is still running on " + cluster + "; stopping it");
        // With its watchdog alive, the server is already on its way down; without, it waits for nobody.
        boolean watched = process.parent().filter(ProcessHandle::isAlive)
                .flatMap(parent -> parent.info().command()).map(c -> c.endsWith("sh")).orElse(false);
        if (!(watched && awaitExit(process, ORPHAN_GRACE))) {
            process.destroy(); // SIGTERM: a smart shutdown; its clients died with the old tipx
            if (!awaitExit(process, STOP_TIMEOUT)) {
                process.destroyForcibly(); // recovery from the write-ahead log takes over at the next start
                awaitExit(process, STOP_TIMEOUT);
            }
        }
    }

    /** A live PostgreSQL server process: not a zombie, and running the postgres binary. */
    private static boolean runningServer(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid())
                && process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    }

    /** On Linux a dead child that nobody has reaped yet still answers as alive; its state in /proc says Z. */
    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat, StandardCharsets.UTF_8);
            int end = line.lastIndexOf(')');
            return end > 0 && end + 2 < line.length() && line.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false; // no /proc (not Linux), or the process just went
        }
    }

    private static void initCluster(Path dir, Path cluster, PostgresBinaries binaries) throws IOException {
        Path staging = dir.resolve("postgres.initdb");
        PostgresBinaries.deleteRecursively(staging);
        PostgresBinaries.deleteRecursively(cluster); // no PG_VERSION: never a cluster that held data
        Path passwordFile = dir.resolve("postgres.password");
        List<String> command = new ArrayList<>(userNamespace());
        command.addAll(List.of(binaries.initdb().toString(), "-D", staging.toString(), "-U", ROLE,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C"));
        Path log = Files.createTempFile(dir, "initdb", ".log");
        try {
            Process initdb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!initdb.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new StoreException("initdb failed in " + staging + ": " + tail(log));
            }
            Files.move(staging, cluster, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.INFO, "created the embedded PostgreSQL cluster in " + cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while creating the embedded PostgreSQL cluster");
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The role's password, made once (before the cluster, which is created with it) and kept owner-only. */
    private static String passwordOf(Path dir) throws IOException {
        Path file = dir.resolve("postgres.password");
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                return stored;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path staging = Files.createTempFile(dir, "postgres.password", ".tmp", OWNER_ONLY);
        try (OutputStream out = Files.newOutputStream(staging, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write((password + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return password;
    }

    private void awaitReady(Process process) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new StoreException("the embedded PostgreSQL stopped while starting: "
                        + tail(dataDir.resolve("postgres.log")));
            }
            if (accepts()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("the embedded PostgreSQL did not accept connections within " + START_TIMEOUT
                        + ": " + tail(dataDir.resolve("postgres.log")));
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private boolean accepts() {
        Properties properties = new Properties();
        properties.setProperty("user", ROLE);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection(jdbcUrl(), properties)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false; // not up yet (connection refused, or "the database system is starting up")
        }
    }

    // --- a guest ---

    /** Connects to the server that another tipx process runs on this folder, waiting for it to be ready. */
    private static ManagedPostgres joinRunning(Path dir) throws IOException {
        Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            // postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status.
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
            if (lines.size() >= 8 && lines.get(7).trim().equals("ready")) {
                ManagedPostgres guest = new ManagedPostgres(dir, Integer.parseInt(lines.get(3).trim()),
                        passwordOf(dir), Optional.empty());
                if (guest.accepts()) {
                    LOG.log(System.Logger.Level.INFO, "using the embedded PostgreSQL that another tipx process runs on "
                            + dir);
                    return guest;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new StoreException("another tipx process holds " + dir
                        + ", but its PostgreSQL server did not become ready within " + START_TIMEOUT);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    // --- shared ---

    /** The owner stops the server and releases the folder; a guest leaves the server running. Idempotent. */
    @Override
    public void close() {
        owner.ifPresent(Owner::close);
    }

    /** Waits for the process to end; a zombie (ended, not yet reaped) counts as ended. */
    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !zombie(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleepQuietly(Duration.ofMillis(20));
        }
        return true;
    }

    /** As root, PostgreSQL runs in a user namespace of its own (it refuses to run as root). */
    private static List<String> userNamespace() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root ? List.of("unshare", "-U") : List.of();
    }

    /** The data folder holds the database and its password: nobody but its owner may read it. */
    private static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The last lines of a server log, for an error message (PostgreSQL's own messages, never rows). */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getClass().getSimpleName() + ")";
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the embedded PostgreSQL");
        }
    }
}
