package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Row listing: a table lists a row for a code only if someone has it. The attacker asks, for each target,
 * the table by citizenship with a filter listing the target's (rare) citizenship, a canary code no one can
 * have (AQ, Antarctica), the country's own nationals and the three most common citizenships of the release
 * (enough published rows that the table is not refused as too sparse), under filters on subsets of
 * the target's other attributes ({country}, {country, year}, {country, sex}, {country, year, sex}): at
 * most 4 questions.
 *
 * <p>Guess rule: <b>present iff some answer shows the target's code</b>: listed as a row when the canary is
 * not listed (rows are then the observed codes), or published with a value above 0 when the canary is listed
 * (rows are then every code asked for, and only a value can tell).
 */
final class RowListingAttack implements Attack {

    static final String CANARY = "AQ";

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        List<String> common = attacker.commonCitizenships();
        AtomicInteger unanswered = new AtomicInteger();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            List<String> codes = new ArrayList<>(List.of(target.citizenship(), CANARY, target.country()));
            common.stream().filter(code -> !codes.contains(code)).limit(3).forEach(codes::add);
            boolean seen = false;
            boolean answered = false;
            for (List<String> subset : List.of(List.of(KnownTarget.COUNTRY), List.of(KnownTarget.COUNTRY, KnownTarget.YEAR),
                    List.of(KnownTarget.COUNTRY, "sex"), List.of(KnownTarget.COUNTRY, KnownTarget.YEAR, "sex"))) {
                Answer table = session.table(Query.statistics().by(KnownTarget.CITIZENSHIP)
                        .filter(KnownTarget.CITIZENSHIP, codes).filtersOf(target, subset));
                if (!table.answered()) {
                    continue;
                }
                answered = true;
                Map<String, String> row = Map.of(KnownTarget.CITIZENSHIP, target.citizenship());
                boolean everyCodeListed = table.listedCodes(KnownTarget.CITIZENSHIP).contains(CANARY);
                seen |= everyCodeListed ? table.published(row).orElse(0) > 0 : table.row(row).isPresent();
            }
            if (!answered) {
                unanswered.incrementAndGet();
            }
            return new Guesses.Guess(seen, session.queries());
        });
        return List.of(guesses.score("row-listing", c.world().membership(), c.bound(),
                "by=citizenship filtered on the target's code, a canary, the country's nationals and 3 common codes; "
                        + unanswered + " targets without an answered table"));
    }
}
