package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.store.TestStores;

/** A port taken between the CLI's check and the server's start: Tipx.start fails instead of serving on port -1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PortInUseTest {

    @TempDir
    Path dir;

    @Test
    void startOnATakenPortThrowsNamingThePort() throws Exception {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Tipx tipx = new Tipx(TestStores.fresh(), secret, Optional.empty(), 1 << 20, Clock.systemUTC())) {
            int port = taken.getLocalPort();
            PortUnavailableException e = assertThrows(PortUnavailableException.class, () -> tipx.start("127.0.0.1", port));
            assertEquals(port, e.port());
        }
    }
}
