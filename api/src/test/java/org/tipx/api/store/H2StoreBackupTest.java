package org.tipx.api.store;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** Backup and restore on the embedded H2 file database, a new directory per database. */
class H2StoreBackupTest extends StoreBackupContract {

    @TempDir
    Path databases;

    private final AtomicInteger count = new AtomicInteger();

    @Override
    String newDatabase() {
        return TipxStores.h2Url(databases.resolve("db" + count.incrementAndGet()));
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }
}
