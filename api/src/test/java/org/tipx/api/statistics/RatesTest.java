package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void rateWithAKnownDenominator() {
        RatePoint point = Rates.rate(2022, OptionalLong.of(50), OptionalLong.of(2_000_000));

        assertEquals(2.5, point.ratePer100k().orElseThrow(), 1e-12);
        assertEquals(Set.of(), point.flags());
    }

    @Test
    void noPopulationMeansNoRateAndTheNoDenominatorFlag() {
        RatePoint point = Rates.rate(2022, OptionalLong.of(50), OptionalLong.empty());

        assertTrue(point.ratePer100k().isEmpty());
        assertEquals(Set.of(Flag.NO_DENOMINATOR), point.flags());
        assertEquals(OptionalLong.of(50), point.count());
    }

    @Test
    void withheldCountMeansNoRateAndTheWithheldFlag() {
        RatePoint point = Rates.rate(2022, OptionalLong.empty(), OptionalLong.of(2_000_000));

        assertTrue(point.ratePer100k().isEmpty());
        assertEquals(Set.of(Flag.WITHHELD), point.flags());
    }

    @Test
    void withheldAndNoDenominatorAreBothFlagged() {
        RatePoint point = Rates.rate(2022, OptionalLong.empty(), OptionalLong.empty());

        assertEquals(Set.of(Flag.WITHHELD, Flag.NO_DENOMINATOR), point.flags());
    }

    @Test
    void zeroCountIsARateOfZeroNotAWithheldCell() {
        RatePoint point = Rates.rate(2022, OptionalLong.of(0), OptionalLong.of(1_000));

        assertEquals(OptionalDouble.of(0.0), point.ratePer100k());
        assertFalse(point.has(Flag.WITHHELD));
    }

    @Test
    void nonPositivePopulationIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rates.rate(2022, OptionalLong.of(1), OptionalLong.of(0)));
    }

    @Test
    void seriesIsInYearOrderAndCarriesCoverageFlags() {
        Map<Integer, Long> population = Map.of(2020, 1_000_000L, 2021, 1_000_000L);
        List<RatePoint> points = Rates.series(
                List.of(YearValue.of(2021, 30), YearValue.withheld(2022), YearValue.of(2020, 20)),
                year -> population.containsKey(year) ? OptionalLong.of(population.get(year)) : OptionalLong.empty(),
                Set.of(2021));

        assertEquals(List.of(2020, 2021, 2022), points.stream().map(RatePoint::year).toList());
        assertEquals(2.0, points.get(0).ratePer100k().orElseThrow(), 1e-12);
        assertEquals(3.0, points.get(1).ratePer100k().orElseThrow(), 1e-12);
        assertEquals(Set.of(Flag.COVERAGE_CHANGED), points.get(1).flags());
        assertEquals(Set.of(Flag.WITHHELD, Flag.NO_DENOMINATOR), points.get(2).flags());
    }

    @Test
    void twoValuesForOneYearAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Rates.yearOnYear(List.of(YearValue.of(2020, 1), YearValue.of(2020, 2))));
    }

    @Test
    void yearOnYearAbsoluteAndRelative() {
        Rates.Change change = Rates.change(YearValue.of(2020, 40), YearValue.of(2021, 50));

        assertEquals(OptionalLong.of(10), change.absolute());
        assertEquals(0.25, change.relative().orElseThrow(), 1e-12);
    }

    @Test
    void yearOnYearFromZeroHasAnAbsoluteButNoRelativeChange() {
        Rates.Change change = Rates.change(YearValue.of(2020, 0), YearValue.of(2021, 7));

        assertEquals(OptionalLong.of(7), change.absolute());
        assertTrue(change.relative().isEmpty());
    }

    @Test
    void yearOnYearWithAWithheldSideIsEmpty() {
        Rates.Change before = Rates.change(YearValue.withheld(2020), YearValue.of(2021, 7));
        Rates.Change after = Rates.change(YearValue.of(2020, 7), YearValue.withheld(2021));

        assertTrue(before.absolute().isEmpty() && before.relative().isEmpty());
        assertTrue(after.absolute().isEmpty() && after.relative().isEmpty());
    }

    @Test
    void yearOnYearSeriesSkipsGapsInTheYears() {
        List<Rates.Change> changes = Rates.yearOnYear(List.of(
                YearValue.of(2018, 10), YearValue.of(2019, 20), YearValue.of(2021, 5), YearValue.of(2022, 4)));

        assertEquals(2, changes.size());
        assertEquals(new Rates.Change(2018, 2019, OptionalLong.of(10), OptionalDouble.of(1.0)), changes.get(0));
        assertEquals(2021, changes.get(1).fromYear());
        assertEquals(-0.2, changes.get(1).relative().orElseThrow(), 1e-12);
    }

    @Test
    void shareOfAPartInATotal() {
        assertEquals(0.4, Rates.share(OptionalLong.of(20), OptionalLong.of(50)).orElseThrow(), 1e-12);
    }

    @Test
    void shareIsEmptyWhenWithheldOrTheTotalIsZero() {
        assertTrue(Rates.share(OptionalLong.empty(), OptionalLong.of(50)).isEmpty());
        assertTrue(Rates.share(OptionalLong.of(3), OptionalLong.empty()).isEmpty());
        assertTrue(Rates.share(OptionalLong.of(0), OptionalLong.of(0)).isEmpty());
    }

    @Test
    void perturbedPartMayExceedItsPerturbedTotalAndIsNotClamped() {
        assertEquals(52 / 50.0, Rates.share(OptionalLong.of(52), OptionalLong.of(50)).orElseThrow(), 1e-12);
    }

    @Test
    void coverageChangesAreTheYearsWhoseAgenciesDifferFromThePreviousYear() {
        Map<Integer, Set<String>> agencies = Map.of(
                2018, Set.of("police"),
                2019, Set.of("police"),
                2020, Set.of("police", "labour-inspectorate"),
                2021, Set.of("labour-inspectorate", "police"),
                2023, Set.of("police"));

        assertEquals(Set.of(2020, 2023), Rates.coverageChanges(agencies));
    }

    @Test
    void aSingleYearOrNoYearsHaveNoCoverageChange() {
        assertEquals(Set.of(), Rates.coverageChanges(Map.of(2020, Set.of("police"))));
        assertEquals(Set.of(), Rates.coverageChanges(Map.of()));
    }
}
