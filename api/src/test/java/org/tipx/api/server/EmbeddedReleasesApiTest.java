package org.tipx.api.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Releases API on the embedded default store (the PostgreSQL that tipx runs in its data folder). */
class EmbeddedReleasesApiTest extends ReleasesApiContract {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = RunningTipx.embedded(dir, LIMIT);
    }

    @AfterAll
    static void stop() {
        server.close();
        server = null; // the class and its static fields outlive it: free the memory for the rest of the suite
    }
}
