package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Differencing through {@code GET /v1/comparisons}: its parameters (countries, years, a breakdown by sex,
 * age band or form of exploitation) cannot exclude a citizenship, so each pair takes its wide cell A from
 * the comparison (the target's country and year: the total, and the target's category of each breakdown)
 * and its narrow cell B from {@code /v1/statistics}: A's filters plus every citizenship but the target's.
 *
 * <p>Guess rule: <b>present iff some pair of published values differs</b>; a withheld or unanswered cell
 * makes its pair silent. At most 4 pairs, 8 questions.
 */
final class ComparisonsAttack implements Attack {

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            List<Optional<String>> breakdowns = new ArrayList<>();
            breakdowns.add(Optional.empty());
            List.of("sex", "age_band", "exploitation").forEach(d -> breakdowns.add(Optional.of(d)));
            boolean differ = false;
            for (Optional<String> by : breakdowns) {
                String category = by.map(target::code).orElse(Answer.TOTAL);
                OptionalLong wide = session.get(Comparisons.query(target.country(), target.year(), by))
                        .filter(TipxHttp.Reply::ok)
                        .flatMap(reply -> Comparisons.count(reply.body(), target.country(), category, target.year()))
                        .orElse(OptionalLong.empty());
                Query narrow = Query.statistics().filter(KnownTarget.COUNTRY, target.country())
                        .filter(KnownTarget.YEAR, target.year());
                if (by.isPresent()) {
                    narrow = narrow.filter(by.get(), category);
                }
                differ |= Pairs.read(wide, session.cell(Pairs.withoutTarget(attacker, target, narrow))) == Pairs.Reading.DIFFER;
            }
            return new Guesses.Guess(differ, session.queries());
        });
        return List.of(guesses.score("comparisons", c.world().membership(), c.bound(),
                "A from /v1/comparisons (country, year[, category]); B from /v1/statistics without the target's citizenship"));
    }
}
