package org.tipx.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores for tests: a database of its own on one embedded PostgreSQL per test JVM, run by the same
 * {@link ManagedPostgres} as the embedded default store. A new database costs a {@code CREATE DATABASE}
 * (a fraction of a second) instead of an initdb and a server start. The server stops when the JVM ends:
 * its watchdog sees the JVM's pipe close.
 */
public final class TestStores {

    /** A database of the shared server: its URL and credentials. */
    public record TestDatabase(String url, String user, String password) {

        /** The tipx store on this database (migrated on open). */
        public TipxStore store() {
            return store(Clock.systemUTC());
        }

        TipxStore store(Clock clock) {
            return TipxStores.open(url, user, password, clock);
        }

        /** A plain connection, for tests that look at what is stored. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static ManagedPostgres server; // guarded by TestStores.class

    private TestStores() {
    }

    /** A tipx store on a new, empty database. */
    public static TipxStore fresh() {
        return newDatabase().store();
    }

    /** A new, empty database of the shared server. */
    public static TestDatabase newDatabase() {
        ManagedPostgres postgres = server();
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        String url = postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + name;
        return new TestDatabase(url, postgres.user(), postgres.password());
    }

    /**
     * Every row of every table of the embedded store in {@code dataDir}, as text: for tests that look for what
     * must never be stored. Starts the folder's server (or joins the one running).
     */
    public static String dumpTables(Path dataDir) throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (ManagedPostgres postgres = ManagedPostgres.open(dataDir, PostgresBinaries.in(PostgresBinaries.defaultCacheRoot()));
                Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = c.createStatement()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (java.sql.ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        dump.append(table);
                        for (int i = 1; i <= columns; i++) {
                            dump.append('|').append(rs.getString(i));
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** Creates the embedded store of {@code dataDir} (as {@code serve --data} would) with the schema at {@code version} only. */
    public static void migrateEmbedded(Path dataDir, String version) {
        try (ManagedPostgres postgres = ManagedPostgres.open(dataDir, PostgresBinaries.in(PostgresBinaries.defaultCacheRoot()))) {
            org.flywaydb.core.Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.user(), postgres.password())
                    .locations("classpath:db/migration").target(version).load().migrate();
        }
    }

    private static synchronized ManagedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("tipx-test-postgres");
                server = ManagedPostgres.open(dir, PostgresBinaries.in(PostgresBinaries.defaultCacheRoot()));
                ManagedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    try {
                        PostgresBinaries.deleteRecursively(dir);
                    } catch (IOException e) {
                        // a temporary folder: the system cleans it eventually
                    }
                }, "test-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL", e);
            }
        }
        return server;
    }
}
