package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Differencing through one table: {@code by=citizenship} with a citizenship filter listing two codes, the
 * target's and a common one X (the country's own nationals first, then the release's most common
 * citizenships), under filters on the target's country ({country}, {country, year}, {country, sex}).
 * The margin {@code _T} holds X's persons plus the target if present; the row X holds X's persons. Absent,
 * they are the same persons and get the same value.
 *
 * <p>Guess rule: <b>present iff in some answer the published {@code _T} differs from the published row
 * X</b> (the row of the target's own code is not looked at: that is row listing). An answer with either
 * withheld says nothing. At most 6 questions.
 */
final class MarginDifferencingAttack implements Attack {

    private static final int QUESTIONS = 6;

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            List<String> others = new ArrayList<>();
            others.add(target.country());
            attacker.commonCitizenships().stream().filter(code -> !others.contains(code)).limit(2).forEach(others::add);
            others.remove(target.citizenship());
            boolean differ = false;
            int asked = 0;
            outer:
            for (List<String> subset : Pairs.WITH_COUNTRY.subList(0, 3)) {
                for (String other : others) {
                    if (asked++ == QUESTIONS) {
                        break outer;
                    }
                    Answer table = session.table(Query.statistics().by(KnownTarget.CITIZENSHIP)
                            .filter(KnownTarget.CITIZENSHIP, List.of(target.citizenship(), other)).filtersOf(target, subset));
                    if (!table.answered()) {
                        continue;
                    }
                    OptionalLong margin = table.published(Map.of(KnownTarget.CITIZENSHIP, Answer.TOTAL));
                    OptionalLong row = table.published(Map.of(KnownTarget.CITIZENSHIP, other));
                    differ |= Pairs.read(margin, row) == Pairs.Reading.DIFFER;
                }
            }
            return new Guesses.Guess(differ, session.queries());
        });
        return List.of(guesses.score("margin-differencing", c.world().membership(), c.bound(),
                "by=citizenship over {target's code, a common code}: _T against the common row"));
    }
}
