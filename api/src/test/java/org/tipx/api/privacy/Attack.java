package org.tipx.api.privacy;

import java.util.List;
import java.util.Optional;

/** One way of attacking a release through HTTP; it may report more than one figure (variants). */
interface Attack {

    /**
     * What an attack works with. The attacker classes ask the server; the world's membership and truth are
     * for scoring the guesses and for judging leaks, never an input to a guess.
     *
     * @param outsider        the anonymous attacker
     * @param registered      an attacker holding a registered user's token, for the attacks that say so
     * @param world           the targets (what the attacker knows of them), the release ids (public), the truth
     * @param bound           the largest membership accuracy accepted (chance is 0.5)
     * @param threads         targets attacked at once
     * @param spellingTargets targets whose cell the spellings attack respells
     */
    record Context(Attacker outsider, Optional<Attacker> registered, AttackWorld world, double bound, int threads,
                   int spellingTargets) {

        List<KnownTarget> targets() {
            return world.targets();
        }
    }

    List<AttackResult> run(Context context);
}
