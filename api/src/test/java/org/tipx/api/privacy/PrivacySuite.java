package org.tipx.api.privacy;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The privacy attack suite against a running tipx server: builds an {@link AttackWorld} through its API,
 * runs every {@link Attack} through HTTP, prints one line per figure. Used by {@code PrivacyAttackTest}
 * (small, in process) and {@code PrivacyBench} (configurable, in process or against any server).
 */
public final class PrivacySuite implements AutoCloseable {

    /**
     * How hard to attack.
     *
     * @param budget          questions per target (no attack needs more than 24)
     * @param bound           largest membership accuracy accepted; chance is 0.5
     * @param threads         targets attacked at once
     * @param spellingTargets targets whose cell the spellings attack respells
     */
    public record Settings(int budget, double bound, int threads, int spellingTargets) {
        public static final double DEFAULT_BOUND = 0.60;
    }

    /** Every attack of the suite, in report order. */
    static final List<Attack> ATTACKS = List.of(new RowListingAttack(), new DifferencingAttack(), new PeriodDifferencingAttack(),
            new MarginDifferencingAttack(), new ReleaseOverReleaseAttack(), new ComparisonsAttack(), new ProfileAttack(),
            new SpellingsAttack(),
            new MicrodataAttack(), new ManifestAttack(), new SdmxAttack());

    private final TipxHttp http;
    private final String adminToken;
    private final AttackWorld world;

    private PrivacySuite(TipxHttp http, String adminToken, AttackWorld world) {
        this.http = http;
        this.adminToken = adminToken;
        this.world = world;
    }

    /**
     * Builds the world on the (fresh) server at {@code base}.
     *
     * @param adminToken registers the agencies, builds the releases, and is the registered user of the microdata
     *                   attacks; never printed
     */
    public static PrivacySuite build(URI base, String adminToken, AttackWorld.Settings world, Path workDir, PrintStream log) {
        TipxHttp http = new TipxHttp(base);
        try {
            return new PrivacySuite(http, adminToken, AttackWorld.build(http, adminToken, world, workDir, log));
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    AttackWorld world() {
        return world;
    }

    /** Runs every attack, printing each figure as it comes. */
    public List<AttackResult> attack(Settings settings, PrintStream out) {
        Attacker outsider = Attacker.outsider(http, settings.budget());
        Attacker registered = Attacker.registered(http, adminToken, settings.budget());
        Attack.Context context = new Attack.Context(outsider, Optional.of(registered), world, settings.bound(),
                settings.threads(), settings.spellingTargets());
        List<AttackResult> results = new ArrayList<>();
        for (Attack attack : ATTACKS) {
            long start = System.nanoTime();
            for (AttackResult result : attack.run(context)) {
                out.println(result.line());
                results.add(result);
            }
            out.printf(Locale.ROOT, "    (%s: %.1f s)%n", attack.getClass().getSimpleName(), (System.nanoTime() - start) / 1e9);
        }
        return results;
    }

    /** The utility of the latest release, from the truth (see {@link UtilityReport}). */
    public UtilityReport utility() {
        return UtilityReport.measure(http, adminToken, world);
    }

    @Override
    public void close() {
        http.close();
    }
}
