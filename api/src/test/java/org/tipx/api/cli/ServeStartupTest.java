package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.pseudonym.PseudonymSecret;

/**
 * {@code serve} and {@code demo} that cannot start say why in one line and exit, before they start a database.
 * The timeout guards against the old behaviour, a server left running on port -1 that never returned.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeStartupTest {

    @TempDir
    Path dir;

    @Test
    void serveOnAPortInUseSaysWhichAndExits() throws Exception {
        Path secret = dir.resolve("pseudonym.secret");
        PseudonymSecret.generateInto(secret);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of("serve", "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--data", dir.resolve("data").toString(), "--secret-file", secret.toString());

            assertEquals(1, run.exit(), run.err());
            assertOneLine(run.err());
            assertTrue(run.err().contains("port " + port + " is already in use") && run.err().contains("--port"),
                    run.err());
            assertFalse(run.out().contains("localhost:-1"), run.out());
            assertFalse(Files.exists(dir.resolve("data").resolve("postgres")), "no database started for nothing");
        }
    }

    @Test
    void demoOnAPortInUseSaysWhichAndExits() throws Exception {
        // The demo listens on every address; a socket on all of them takes its port.
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            CliRun run = CliRun.of("demo", "--port", String.valueOf(port), "--data", dir.resolve("demo").toString());

            assertEquals(1, run.exit(), run.err());
            assertOneLine(run.err());
            assertTrue(run.err().contains("port " + port + " is already in use") && run.err().contains("--port"),
                    run.err());
            assertFalse(Files.exists(dir.resolve("demo")), "nothing created, no database started");
        }
    }

    @Test
    void serveWithoutASecretSaysWhereToPutOneInOneLine() {
        assumeTrue(System.getenv(PseudonymSecret.ENVIRONMENT_VARIABLE) == null, "the secret comes from the environment");
        CliRun run = CliRun.of("serve", "--port", "0", "--data", dir.resolve("data").toString());

        assertEquals(2, run.exit(), run.err());
        assertOneLine(run.err());
        assertTrue(run.err().contains("TIPX_PSEUDONYM_SECRET") && run.err().contains("pseudonym.secret"), run.err());
    }

    private static void assertOneLine(String err) {
        assertEquals(1, err.strip().lines().count(), "one line, no usage text or trace: " + err);
    }
}
