package org.tipx.api.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
 * Opens a {@link TipxStore}: an embedded H2 file database by default, PostgreSQL in production. Both
 * bring the schema up to date with the Flyway migrations in {@code db/migration} before they answer.
 */
public final class TipxStores {

    /** Connections per store: uploads hold one each for their whole duration, reads borrow briefly. */
    public static final int POOL_SIZE = 10;
    static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);

    /**
     * H2 speaks PostgreSQL's dialect closely enough for one set of migrations; lower-case names and
     * NULLs sorting last make it behave like PostgreSQL in the places the store relies on. H2 gives up
     * on a row lock after 2 s by default, less than committing a million-row extract takes, so a second
     * upload of the same period waiting for that commit would fail; PostgreSQL waits without limit.
     * Lazy query execution streams a result as it is read instead of first copying it into a temporary
     * result, which doubled the speed of reading a million-row extract back in StoreThroughput.
     */
    static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";LOCK_TIMEOUT=120000;LAZY_QUERY_EXECUTION=TRUE";

    private static final System.Logger LOG = System.getLogger(TipxStores.class.getName());

    private TipxStores() {
    }

    /** The embedded store: an H2 database in {@code dataDir/tipx.mv.db}; the directory is created if needed. */
    public static TipxStore h2(Path dataDir) {
        return open(h2Url(dataDir), "sa", "", Clock.systemUTC());
    }

    /** A store on any supported JDBC URL, in practice {@code jdbc:postgresql://host/db}. */
    public static TipxStore jdbc(String url, String user, String password) {
        return open(url, user, password, Clock.systemUTC());
    }

    /** The JDBC URL of the embedded store in {@code dataDir}, creating the directory. */
    public static String h2Url(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path absolute = dataDir.toAbsolutePath();
        if (absolute.toString().indexOf(';') >= 0) {
            // A ';' would start a new setting inside the URL.
            throw new IllegalArgumentException("data directory must not contain ';': " + absolute);
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + absolute, e);
        }
        return "jdbc:h2:file:" + absolute.resolve("tipx") + H2_SETTINGS;
    }

    /** Migrates, then opens the pooled store; the clock stamps uploads (tests pass their own). */
    static TipxStore open(String url, String user, String password, Clock clock) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        migrate(url, user, password);
        ConnectionPool pool = new ConnectionPool(() -> connect(url, user, password), POOL_SIZE, BORROW_TIMEOUT);
        try (ConnectionPool.Lease lease = pool.borrow()) {
            Dialect dialect = Dialect.of(lease.connection());
            LOG.log(System.Logger.Level.INFO, "store opened on " + dialect);
            return new JdbcTipxStore(pool, dialect, clock, new ExtractIds(new SecureRandom()));
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
            throw new StoreException("migrating the schema failed", e);
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (url.startsWith("jdbc:postgresql:")) {
            // Keep row values out of exception messages and the driver's log: PostgreSQL's "Detail" line
            // quotes the failing row.
            properties.setProperty("logServerErrorDetail", "false");
        }
        return DriverManager.getConnection(url, properties);
    }
}
