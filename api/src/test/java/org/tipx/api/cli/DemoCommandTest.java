package org.tipx.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.store.TestStores;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.server.Tipx;

/** The demo's loading step: sample agencies with their tokens, every sample extract stored once. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheSampleOnceAndReusesItOnTheNextStart() throws Exception {
        PseudonymSecret secret = PseudonymSecret.loadOrGenerate(dir.resolve("pseudonym.secret"));
        int extracts = new SyntheticExtracts(DemoCommand.SAMPLE_SEED).generate().size();
        try (Tipx tipx = new Tipx(TestStores.fresh(), secret, Optional.empty(), Tipx.DEFAULT_MAX_UPLOAD_BYTES,
                Clock.systemUTC())) {
            StringWriter out = new StringWriter();
            assertEquals(extracts, DemoCommand.loadSample(tipx, dir, new PrintWriter(out)), out.toString());
            assertEquals(SyntheticExtracts.agencies().size(), tipx.store().agencies().size());
            long stored = tipx.store().agencies().stream().mapToLong(a -> tipx.store().extracts(a.id()).size()).sum();
            assertEquals(extracts, stored);

            DemoCommand.loadSample(tipx, dir, new PrintWriter(out));
            long again = tipx.store().agencies().stream().mapToLong(a -> tipx.store().extracts(a.id()).size()).sum();
            assertEquals(extracts, again, "a second start stores nothing new");
        }
        for (var agency : SyntheticExtracts.agencies()) {
            Path token = dir.resolve("tokens").resolve(agency.id() + ".token");
            assertTrue(Files.readString(token).strip().startsWith("tipx_"));
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(token));
        }
    }
}
