package org.tipx.api.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spellings: one cell, the target's country × year × sex, reached through every other spelling the API
 * offers: JSON, CSV, JSON-stat, CSV with labels, the parameters in another order, a filter listing every
 * code of a dimension (status) against none and its codes reversed, the release pinned by id against
 * {@code latest}, the deprecated {@code /v1/tables}, the year as a period ({@code startPeriod} =
 * {@code endPeriod}) and with {@code lastNObservations} around it, rows and margins of three larger tables, and
 * {@code /v1/comparisons} (which covers exactly this cell). Averaging many draws of one cell would defeat
 * the noise if spellings gave different values; with one value per cell it gains nothing.
 *
 * <p>Reported: the largest number of distinct outcomes (a value, or withheld) seen for one cell; it must be
 * 1. Spellings the server does not answer (a refused table, a route after its sunset) add no outcome.
 */
final class SpellingsAttack implements Attack {

    private static final int SPELLINGS = 15;

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        String release = c.world().release2();
        List<KnownTarget> targets = c.targets().subList(0, Math.min(c.spellingTargets(), c.targets().size()));
        AtomicInteger worst = new AtomicInteger();
        AtomicInteger fewestAnswered = new AtomicInteger(Integer.MAX_VALUE);
        Guesses.make(targets, c.threads(), target -> {
            Attacker.Session session = attacker.session();
            String country = target.country();
            String year = target.year();
            String sex = target.code("sex");
            List<Optional<OptionalLong>> outcomes = new ArrayList<>();
            Query cell = Query.statistics().filter(KnownTarget.COUNTRY, country).filter(KnownTarget.YEAR, year)
                    .filter("sex", sex);
            for (String format : List.of("json", "csv", "jsonstat")) {
                outcomes.add(single(session.table(cell.with("format", format))));
            }
            outcomes.add(single(session.table(cell.with("format", "csv").with("labels", "true"))));
            outcomes.add(single(session.table(Query.statistics().filter("sex", sex).filter(KnownTarget.YEAR, year)
                    .filter(KnownTarget.COUNTRY, country))));
            List<String> statuses = attacker.codes("status");
            outcomes.add(single(session.table(cell.filter("status", statuses))));
            outcomes.add(single(session.table(cell.filter("status", statuses.reversed()))));
            outcomes.add(single(session.table(cell.release(release))));
            outcomes.add(single(session.table(cell.onPath("/v1/tables"))));
            outcomes.add(row(session.table(Query.statistics().by("sex").filter(KnownTarget.COUNTRY, country)
                    .filter(KnownTarget.YEAR, year)), Map.of("sex", sex)));
            outcomes.add(row(session.table(Query.statistics().by(KnownTarget.COUNTRY, KnownTarget.YEAR).filter("sex", sex)),
                    Map.of(KnownTarget.COUNTRY, country, KnownTarget.YEAR, year)));
            outcomes.add(row(session.table(Query.statistics().by("age_band", "status").filter(KnownTarget.COUNTRY, country)
                    .filter(KnownTarget.YEAR, year).filter("sex", sex)), Map.of("age_band", Answer.TOTAL, "status", Answer.TOTAL)));
            Query withoutYear = Query.statistics().filter(KnownTarget.COUNTRY, country).filter("sex", sex);
            outcomes.add(single(session.table(withoutYear.with("startPeriod", year).with("endPeriod", year))));
            outcomes.add(single(session.table(cell.with("lastNObservations", "2"))));
            outcomes.add(session.get(Comparisons.query(country, year, Optional.of("sex")))
                    .filter(TipxHttp.Reply::ok)
                    .flatMap(reply -> Comparisons.count(reply.body(), country, sex, year)));
            Set<OptionalLong> distinct = new HashSet<>();
            outcomes.forEach(o -> o.ifPresent(distinct::add));
            worst.accumulateAndGet(distinct.size(), Math::max);
            fewestAnswered.accumulateAndGet((int) outcomes.stream().filter(Optional::isPresent).count(), Math::min);
            return new Guesses.Guess(false, session.queries());
        });
        return List.of(new AttackResult("spellings", AttackResult.Metric.DISTINCT_VALUES, worst.get(), 1, targets.size(),
                Double.NaN, SPELLINGS, SPELLINGS + " spellings of country x year x sex, at least " + fewestAnswered
                        + " answered per cell"));
    }

    private static Optional<OptionalLong> single(Answer answer) {
        return answer.answered() ? Optional.of(answer.total()) : Optional.empty();
    }

    private static Optional<OptionalLong> row(Answer answer, Map<String, String> codes) {
        return answer.answered() ? answer.row(codes) : Optional.empty();
    }
}
