package org.tipx.api.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.SplittableRandom;
import org.tipx.api.pseudonym.PseudonymSecret;

/**
 * A tipx server in this JVM for tests and benchmarks outside this package (the privacy attack suite): a
 * fresh database of the tests' shared PostgreSQL, an admin token, the rate limit off. Only what an outside
 * client sees is exposed: the base URL and the admin token.
 */
public final class InProcessTipx implements AutoCloseable {

    private final RunningTipx server;

    private InProcessTipx(RunningTipx server) {
        this.server = server;
    }

    /**
     * Starts a server on a free loopback port whose pseudonymisation secret derives from {@code secretSeed}
     * (written to {@code dataDir} first), so that its record keys, and with them every perturbation, are the
     * same from run to run: a seeded world then gives the same tables. A test secret, never a real one.
     */
    public static InProcessTipx start(Path dataDir, long maxUploadBytes, long secretSeed) {
        byte[] secret = new byte[PseudonymSecret.MIN_BYTES];
        new SplittableRandom(secretSeed).nextBytes(secret);
        Path file = dataDir.resolve("pseudonym.secret");
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test secret", e);
        }
        return new InProcessTipx(RunningTipx.fresh(dataDir, maxUploadBytes));
    }

    public URI base() {
        return server.base();
    }

    /** The administrator's bearer token of this server. */
    public String adminToken() {
        return RunningTipx.ADMIN_TOKEN;
    }

    @Override
    public void close() {
        server.close();
    }
}
