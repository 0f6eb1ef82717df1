package org.tipx.api.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Opens a {@link TipxStore}: the embedded PostgreSQL that tipx runs in its data folder by default
 * ({@link ManagedPostgres}), or a PostgreSQL server given by its JDBC URL in production. Both bring the schema
 * up to date with the Flyway migrations in {@code db/migration} before they answer.
 */
public final class TipxStores {

    /** Connections per store: uploads hold one each for their whole duration, reads borrow briefly. */
    public static final int POOL_SIZE = 10;
    static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(TipxStores.class.getName());

    private TipxStores() {
    }

    /**
     * The embedded store: a PostgreSQL server that tipx runs on the cluster in {@code dataDir/postgres}
     * (created on first use, owner-only), stopped when the store closes. The server binaries are unpacked
     * once into the user's cache folder. A second tipx process on the same folder uses the running server.
     */
    public static TipxStore embedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        ManagedPostgres postgres = ManagedPostgres.open(dataDir, PostgresBinaries.in(PostgresBinaries.defaultCacheRoot()));
        try {
            return open(postgres.jdbcUrl(), postgres.user(), postgres.password(), Clock.systemUTC(), postgres);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** A store on a PostgreSQL server: {@code jdbc:postgresql://host/db}. */
    public static TipxStore jdbc(String url, String user, String password) {
        return open(url, user, password, Clock.systemUTC(), () -> { });
    }

    /** Migrates, then opens the pooled store; the clock stamps uploads (tests pass their own). */
    static TipxStore open(String url, String user, String password, Clock clock) {
        return open(url, user, password, clock, () -> { });
    }

    /** As {@link #open(String, String, String, Clock)}; {@code server} is closed after the store's connections. */
    private static TipxStore open(String url, String user, String password, Clock clock, AutoCloseable server) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        migrate(url, user, password);
        ConnectionPool pool = new ConnectionPool(() -> connect(url, user, password), POOL_SIZE, BORROW_TIMEOUT);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            String product = lease.connection().getMetaData().getDatabaseProductName();
            if (!product.equalsIgnoreCase("PostgreSQL")) {
                throw new StoreException("unsupported database: " + product + " (tipx runs on PostgreSQL)");
            }
            LOG.log(System.Logger.Level.INFO, "store opened on PostgreSQL");
            return new JdbcTipxStore(pool, clock, new ExtractIds(new SecureRandom()),
                    new StoreAvailability(System::nanoTime), server);
        } catch (SQLException e) {
            pool.close();
            throw StoreFailures.of("opening the store", e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
    private static void migrate(String url, String user, String password) {
        try {
            var result = Flyway.configure()
                    .dataSource(url, user, password)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.log(System.Logger.Level.INFO, "schema at version " + result.targetSchemaVersion
                    + ", " + result.migrationsExecuted + " migration(s) applied");
        } catch (FlywayException e) {
            // The cause in the message: a CLI user sees one line, and "failed" alone sends them to a trace file.
            throw new StoreException("migrating the schema failed: " + causeInOneLine(e), e);
        }
    }

    /**
     * The innermost cause's message on one line, at most 400 characters, any password in a JDBC URL masked.
     * Migration and connection failures quote no record (the driver keeps PostgreSQL's row detail out).
     */
    @SuppressWarnings("ReferenceEquality") // a throwable that is its own cause ends the chain
    static String causeInOneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        String line = message.replaceAll("(?i)(password=)[^&\\s)]*", "$1***")
                .replaceAll("\\s*\\R[-\\s]*", "; ")
                // Flyway's advertisement for its paid rules says nothing about this failure.
                .replaceAll(";? ?Need more flexibility.*$", "").strip();
        return line.length() <= 400 ? line : line.substring(0, 400) + "...";
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Keep row values out of exception messages and the driver's log: PostgreSQL's "Detail" line
        // quotes the failing row.
        properties.setProperty("logServerErrorDetail", "false");
        return DriverManager.getConnection(url, properties);
    }
}
