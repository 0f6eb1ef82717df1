package org.tipx.api.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The Releases API on the embedded H2 store. */
class H2ReleasesApiTest extends ReleasesApiContract {

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = RunningTipx.h2(dir, LIMIT);
    }

    @AfterAll
    static void stop() {
        server.close();
    }
}
