package org.tipx.api.privacy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Differencing through the time parameters of {@code /v1/statistics} ({@code startPeriod},
 * {@code endPeriod}, {@code lastNObservations}): does a period, or a period against a list of years,
 * open a pair of cells that the year filter alone does not? The world's years are 2025 and 2026; Y is
 * the target's, O the other. Four pairs per target, each holding the same persons exactly when the
 * target is absent:
 * <ol>
 *   <li>{country, startPeriod=Y, endPeriod=Y} against the same minus the target's citizenship;</li>
 *   <li>{country, startPeriod..endPeriod = both years} against {country, year=Y,O} minus the target's
 *   citizenship (two spellings of the same years on the two sides);</li>
 *   <li>{country, lastNObservations=2} against the same minus the target's citizenship;</li>
 *   <li>{country, the target's citizenship, both years as a period} against {country, the target's
 *   citizenship, year=O}: "a period minus one of its years", whose rest is the target alone.</li>
 * </ol>
 * Guess rule: <b>present iff any pair's published values differ</b> (a pair with a withheld cell says
 * nothing). A period resolves to the year filter it stands for, so each pair is one the year filter
 * could already ask, and the closure rule holds it to the differencing bound.
 */
final class PeriodDifferencingAttack implements Attack {

    @Override
    public List<AttackResult> run(Context c) {
        Attacker attacker = c.outsider();
        AtomicInteger silentTargets = new AtomicInteger();
        Guesses guesses = Guesses.make(c.targets(), c.threads(), target -> {
            Attacker.Session session = attacker.session();
            String year = target.year();
            String other = year.equals("2025") ? "2026" : "2025";
            String first = year.compareTo(other) < 0 ? year : other;
            String last = year.compareTo(other) < 0 ? other : year;
            Query country = Query.statistics().filter(KnownTarget.COUNTRY, target.country());
            Query oneYear = country.with("startPeriod", year).with("endPeriod", year);
            Query bothYears = country.with("startPeriod", first).with("endPeriod", last);
            Query lastTwo = country.with("lastNObservations", "2");
            Query own = country.filter(KnownTarget.CITIZENSHIP, target.citizenship());
            List<Pairs.Reading> readings = List.of(
                    Pairs.read(session.cell(oneYear), session.cell(Pairs.withoutTarget(attacker, target, oneYear))),
                    Pairs.read(session.cell(bothYears), session.cell(Pairs.withoutTarget(attacker, target,
                            country.filter(KnownTarget.YEAR, List.of(year, other))))),
                    Pairs.read(session.cell(lastTwo), session.cell(Pairs.withoutTarget(attacker, target, lastTwo))),
                    Pairs.read(session.cell(own.with("startPeriod", first).with("endPeriod", last)),
                            session.cell(own.filter(KnownTarget.YEAR, other))));
            if (readings.stream().allMatch(r -> r == Pairs.Reading.SILENT)) {
                silentTargets.incrementAndGet();
            }
            return new Guesses.Guess(readings.contains(Pairs.Reading.DIFFER), session.queries());
        });
        return List.of(guesses.score("differencing-periods", c.world().membership(), c.bound(),
                "4 pairs with startPeriod/endPeriod/lastNObservations; " + silentTargets + " targets without a published pair"));
    }
}
