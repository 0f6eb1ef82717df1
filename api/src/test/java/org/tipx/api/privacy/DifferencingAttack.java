package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Differencing: a cell A (filters: a subset of the target's attributes, always with the country of
 * identification) and B, the same cell plus a filter on citizenship listing every code of
 * {@code /v1/dimensions} but the target's. Within the country no one else has the target's citizenship, so
 * A and B hold the same persons exactly when the target is absent, and the cell key method gives the same
 * persons the same value.
 *
 * <p>Guess rule: <b>present iff the two published values differ</b>; a pair with a withheld cell says
 * nothing, and a target with no telling pair is guessed absent. Reported for one pair (A = the country,
 * 2 questions) and amplified: up to 10 pairs from different subsets, present iff any pair differs
 * (20 questions).
 */
final class DifferencingAttack implements Attack {

    private static final int AMPLIFIED_PAIRS = 10;

    @Override
    public List<AttackResult> run(Context c) {
        List<AttackResult> results = new ArrayList<>();
        results.add(attack(c, 1, "differencing", "A = {country}; B = A minus the target's citizenship"));
        results.add(attack(c, AMPLIFIED_PAIRS, "differencing-amplified",
                "up to " + AMPLIFIED_PAIRS + " pairs (subsets of the target's attributes with the country)"));
        return results;
    }

    private static AttackResult attack(Context c, int pairs, String name, String note) {
        Attacker attacker = c.outsider();
        AtomicInteger silentTargets = new AtomicInteger();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            boolean differ = false;
            boolean heard = false;
            for (List<String> subset : Pairs.WITH_COUNTRY.subList(0, Math.min(pairs, Pairs.WITH_COUNTRY.size()))) {
                Query a = Query.statistics().filtersOf(target, subset);
                Pairs.Reading reading = Pairs.read(session.cell(a), session.cell(Pairs.withoutTarget(attacker, target, a)));
                heard |= reading != Pairs.Reading.SILENT;
                differ |= reading == Pairs.Reading.DIFFER;
            }
            if (!heard) {
                silentTargets.incrementAndGet();
            }
            return new Guesses.Guess(differ, session.queries());
        });
        return guesses.score(name, c.world().membership(), c.bound(),
                note + "; " + silentTargets + " targets without a published pair");
    }
}
