package org.tipx.api.privacy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.api.server.InProcessTipx;

/**
 * The privacy attack suite on a small world against a server in this JVM: every attack of
 * {@link PrivacySuite#ATTACKS} through HTTP, one line printed per figure, and each figure held to its
 * bound (membership accuracy at most 0.60, chance being 0.50; no leaked cell, count or small class; one
 * value per cell however it is spelled). World: seed {@value #SEED}, {@value #TARGETS} planted targets
 * (about half present) over the synthetic sample (about 950 persons), 150 records of 2026-Q3 and 50 late
 * registrations of 2025-Q4 added for release 2; budget {@value #BUDGET} questions per target.
 *
 * <p>Run: {@code ./mvnw -B -o -pl api -am test -Dtest=PrivacyAttackTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PrivacyAttackTest {

    static final long SEED = 20_261_205L;
    static final int TARGETS = 240;
    static final int BUDGET = 50;

    @TempDir
    static Path dir;
    static InProcessTipx server;
    static PrivacySuite suite;

    @BeforeAll
    static void buildTheWorld() {
        server = InProcessTipx.start(dir.resolve("server"), 50L << 20, SEED);
        suite = PrivacySuite.build(server.base(), server.adminToken(),
                new AttackWorld.Settings(SEED, TARGETS, 0, 150, 50), dir, System.out);
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (server != null) {
            server.close();
        }
        // JUnit keeps the class, and so its static fields, to the end of the run: let the rest of the suite have the memory.
        server = null;
        suite = null;
    }

    /** The attacks are only as good as the world: each target must be alone with its citizenship in its country. */
    @Test
    void eachTarget_isAloneWithItsCitizenshipInItsCountry_andInReleaseTwoOnlyIfPresent() {
        AttackWorld world = suite.world();
        long present = 0;
        for (KnownTarget t : world.targets()) {
            Map<String, Set<String>> own = Map.of(KnownTarget.COUNTRY, Set.of(t.country()),
                    KnownTarget.CITIZENSHIP, Set.of(t.citizenship()));
            boolean isPresent = world.membership().present(t.id());
            present += isPresent ? 1 : 0;
            assertEquals(0, world.truth(world.release1()).victims(own), "target " + t.id() + " in release 1");
            assertEquals(isPresent ? 1 : 0, world.truth(world.release2()).victims(own), "target " + t.id() + " in release 2");
        }
        assertTrue(present > TARGETS / 3 && present < 2 * TARGETS / 3, present + " present");
    }

    @Test
    void everyAttack_staysWithinItsBound() {
        List<AttackResult> results = suite.attack(
                new PrivacySuite.Settings(BUDGET, PrivacySuite.Settings.DEFAULT_BOUND, 2, 30), System.out);

        assertEquals(PrivacySuite.ATTACKS.size() + 6, results.size(), "every attack reported (five report two figures or more)");
        assertAll(results.stream().map(r -> (Executable) () -> assertFalse(r.beatsBound(), r.line())));
    }
}
