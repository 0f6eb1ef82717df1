package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ConfStatus;
import org.tipx.anonymizer.cellkey.ObsStatus;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.reference.Population;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.InMemoryReleases;

class ComparisonsTest {

    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final InMemoryReleases RELEASES = ComparisonFixture.releases();
    private static final TableSource TABLES = new ScanningTableSource(RELEASES, TablePublisher.withDefaults());
    private static final PublishedRelease LATEST = RELEASES.find(ComparisonFixture.NEW).orElseThrow();

    private static ComparisonQuery query(Indicator indicator, int from, int to, Optional<Dimension> by, String... countries) {
        return new ComparisonQuery(indicator, List.of(countries), OptionalInt.of(from), OptionalInt.of(to), by);
    }

    private static Comparison compare(ReferenceData reference, ComparisonQuery query) {
        return new Comparisons(RELEASES, TABLES, reference).compare(LATEST, query);
    }

    /** The protected cells of the country × year table, read straight from the table source. */
    private static Map<List<String>, ProtectedCell> protectedCells(Measure measure) {
        ProtectedTable table = TABLES.table(LATEST, TableQuery.of(measure, Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR));
        return table.rows().stream().collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));
    }

    private static Comparison.Series total(Comparison comparison, String country) {
        return comparison.countries().stream().filter(c -> c.country().iso2().equals(country)).findFirst().orElseThrow()
                .series().getFirst();
    }

    private static Comparison.Point point(Comparison.Series series, int year) {
        return series.points().stream().filter(p -> p.rate().year() == year).findFirst().orElseThrow();
    }

    @Test
    void rateWithAKnownDenominator_isTheProtectedCountOverThePopulation_notTheTrueCount() {
        // A denominator we choose: 2,000,000 people in Moldova every year.
        List<Population.Entry> entries = new ArrayList<>();
        for (int year = 2015; year <= 2024; year++) {
            entries.add(new Population.Entry("MD", year, 2_000_000L));
        }
        ReferenceData reference = new ReferenceData(REFERENCE.countries(), new Population(entries));
        Comparison comparison = compare(reference, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.empty(), "MD"));
        Map<List<String>, ProtectedCell> cells = protectedCells(Measure.VICTIMS);
        List<CaseRecord> records = ComparisonFixture.latestRecords();

        int perturbed = 0;
        for (Comparison.Point point : total(comparison, "MD").points()) {
            int year = point.rate().year();
            ProtectedCell cell = cells.get(List.of("MD", Integer.toString(year)));
            assertEquals(cell, point.cell(), "the point is the table source's protected cell, " + year);
            assertEquals(cell.value(), point.rate().count());
            if (cell.value().isPresent()) {
                long published = cell.value().getAsLong();
                assertEquals(published / 2_000_000.0 * 100_000, point.rate().ratePer100k().getAsDouble(), 1e-12, "" + year);
                long truth = ComparisonFixture.trueVictims(records, "MD", year);
                if (published != truth) {
                    perturbed++;
                    assertNotEquals(truth / 2_000_000.0 * 100_000, point.rate().ratePer100k().getAsDouble(), 1e-12);
                }
            }
        }
        assertTrue(perturbed >= 3, "the fixture must have cells the perturbation changed, got " + perturbed);
    }

    @Test
    void realPopulationIsTheDenominator_projectedAfter2024AndFlagged_thenNoDenominator() {
        // Observed population ends in 2024; the shipped WPP 2024 projections cover 2025–2030, flagged; 2031 has none.
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2023, 2031, Optional.empty(), "UA"));
        Comparison.Series ua = total(comparison, "UA");

        RatePoint y2024 = point(ua, 2024).rate();
        assertEquals(REFERENCE.population().of("UA", 2024), y2024.population());
        assertEquals(y2024.count().getAsLong() / (double) y2024.population().getAsLong() * 100_000,
                y2024.ratePer100k().getAsDouble(), 1e-12);
        assertFalse(y2024.has(Flag.POPULATION_CARRIED_FORWARD) || y2024.has(Flag.POPULATION_PROJECTED));
        for (int year = 2025; year <= 2030; year++) {
            RatePoint projected = point(ua, year).rate();
            Population.Denominator denominator = REFERENCE.population().denominator("UA", year).orElseThrow();
            assertTrue(denominator.projected(), "" + year);
            assertEquals(OptionalLong.of(denominator.population()), projected.population(), "" + year);
            assertTrue(projected.has(Flag.POPULATION_PROJECTED), projected.flags().toString());
            assertFalse(projected.has(Flag.POPULATION_CARRIED_FORWARD) || projected.has(Flag.NO_DENOMINATOR));
        }
        RatePoint y2031 = point(ua, 2031).rate();
        assertTrue(y2031.ratePer100k().isEmpty());
        assertTrue(y2031.has(Flag.NO_DENOMINATOR), y2031.flags().toString());
        assertFalse(y2031.has(Flag.POPULATION_CARRIED_FORWARD) || y2031.has(Flag.POPULATION_PROJECTED));
        assertTrue(y2031.population().isEmpty());
    }

    @Test
    void withoutAProjection_theLastObservedPopulationIsCarriedForwardThreeYearsAndFlagged() {
        ReferenceData observedOnly = new ReferenceData(REFERENCE.countries(), new Population(List.of(
                new Population.Entry("UA", 2024, 37_000_000))));
        Comparison.Series ua = total(compare(observedOnly,
                query(Indicator.VICTIMS_PER_100K, 2024, 2028, Optional.empty(), "UA")), "UA");
        for (int year = 2025; year <= 2027; year++) {
            RatePoint carried = point(ua, year).rate();
            assertEquals(OptionalLong.of(37_000_000), carried.population(), "" + year);
            assertTrue(carried.has(Flag.POPULATION_CARRIED_FORWARD), carried.flags().toString());
            assertFalse(carried.has(Flag.POPULATION_PROJECTED));
        }
        assertTrue(point(ua, 2028).rate().has(Flag.NO_DENOMINATOR));
    }

    @Test
    void aPublishedCountWithoutPopulationKeepsItsCountButHasNoRate() {
        ReferenceData noPopulation = new ReferenceData(REFERENCE.countries(), new Population(List.of()));
        Comparison comparison = compare(noPopulation, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.empty(), "UA"));

        for (Comparison.Point point : total(comparison, "UA").points()) {
            assertTrue(point.rate().count().isPresent(), "UA's counts are all published");
            assertTrue(point.rate().ratePer100k().isEmpty());
            assertEquals(Set.of(Flag.NO_DENOMINATOR), point.rate().flags().stream()
                    .filter(f -> f != Flag.COVERAGE_CHANGED).collect(Collectors.toSet()));
        }
        Comparison.Series ua = total(comparison, "UA");
        assertTrue(ua.trend().isEmpty(), "no rate trend without populations");
        assertTrue(ua.trendNote().orElseThrow().contains("population"), ua.trendNote().orElseThrow());
    }

    @Test
    void aWithheldCountIsFlaggedAndNeverZero() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.empty(), "MD"));
        Comparison.Series md = total(comparison, "MD");
        Comparison.Point withheld = point(md, ComparisonFixture.WITHHELD_YEAR);

        assertTrue(withheld.rate().count().isEmpty());
        assertTrue(withheld.rate().ratePer100k().isEmpty());
        assertTrue(withheld.rate().has(Flag.WITHHELD));
        assertEquals(ObsStatus.MISSING_SUPPRESSED, withheld.cell().obsStatus());
        assertEquals(ConfStatus.PRIMARY_CONFIDENTIAL, withheld.cell().confStatus());
        // No change into or out of the withheld year; the trend leaves the year out instead of using 0.
        for (Comparison.YearChange change : md.changes()) {
            boolean touches = change.count().fromYear() == ComparisonFixture.WITHHELD_YEAR
                    || change.count().toYear() == ComparisonFixture.WITHHELD_YEAR;
            assertEquals(touches, change.count().absolute().isEmpty(), change.toString());
            assertEquals(touches, change.rateRelative().isEmpty(), change.toString());
        }
        assertEquals(9, md.trend().orElseThrow().years());
    }

    @Test
    void aCountryWithoutAnyRecordIsWithheldEveryYear_notZero() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS, 2020, 2022, Optional.empty(), "UA", "PL"));
        Comparison.Series pl = total(comparison, "PL");

        assertEquals(3, pl.points().size());
        for (Comparison.Point point : pl.points()) {
            assertEquals(OptionalLong.empty(), point.rate().count());
            assertTrue(point.rate().has(Flag.WITHHELD));
        }
        assertTrue(pl.trend().isEmpty());
    }

    @Test
    void aChangeOfReportingAgenciesIsFlaggedInItsYearAndOnTheTrend() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.empty(), "UA", "MD", "BY"));

        Comparison.Series ua = total(comparison, "UA");
        for (Comparison.Point point : ua.points()) {
            assertEquals(point.rate().year() == ComparisonFixture.COVERAGE_CHANGE_YEAR, point.rate().has(Flag.COVERAGE_CHANGED),
                    "year " + point.rate().year());
            assertEquals(point.rate().year() < ComparisonFixture.COVERAGE_CHANGE_YEAR ? 1 : 2,
                    point.reportingAgencies().getAsInt());
        }
        assertTrue(ua.trendCoverageChanged());
        Comparison.Series md = total(comparison, "MD");
        assertTrue(md.points().stream().noneMatch(p -> p.rate().has(Flag.COVERAGE_CHANGED)));
        assertFalse(md.trendCoverageChanged());
        Comparison.Series by = total(comparison, "BY");
        assertTrue(by.points().stream().allMatch(p -> p.reportingAgencies().isEmpty()), "no coverage data for BY");
    }

    @Test
    void aCoverageChangeBeforeTheRequestedYearsIsNotFlagged_butOneAtTheFirstYearIs() {
        Comparison after = compare(REFERENCE, query(Indicator.VICTIMS, 2021, 2024, Optional.empty(), "UA"));
        assertTrue(total(after, "UA").points().stream().noneMatch(p -> p.rate().has(Flag.COVERAGE_CHANGED)));
        assertFalse(total(after, "UA").trendCoverageChanged());

        Comparison from = compare(REFERENCE, query(Indicator.VICTIMS, 2020, 2024, Optional.empty(), "UA"));
        assertTrue(point(total(from, "UA"), 2020).rate().has(Flag.COVERAGE_CHANGED),
                "compared with 2019's agencies, which lie outside the requested years");
        assertFalse(total(from, "UA").trendCoverageChanged(), "the trend starts with the new coverage");
    }

    @Test
    void aTrendWithItsIntervalFromThreeYearsOn_andNoneFromTwo() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.empty(), "UA"));
        PoissonTrend.Trend trend = total(comparison, "UA").trend().orElseThrow();
        assertEquals(10, trend.years());
        assertTrue(trend.lower95() < trend.annualChange() && trend.annualChange() < trend.upper95(), trend.toString());
        assertTrue(trend.converged());
        // The fixture's counts rise (60 → 96 persons) while Ukraine's population falls: the rate rises.
        assertTrue(trend.annualChange() > 0, trend.toString());
        List<YearValue> counts = total(comparison, "UA").points().stream()
                .map(p -> new YearValue(p.rate().year(), p.rate().count())).toList();
        assertEquals(PoissonTrend.ofRates(counts, y -> REFERENCE.population().of("UA", y)).orElseThrow(), trend);

        Comparison three = compare(REFERENCE, query(Indicator.VICTIMS, 2022, 2024, Optional.empty(), "UA"));
        assertEquals(3, total(three, "UA").trend().orElseThrow().years());
        Comparison two = compare(REFERENCE, query(Indicator.VICTIMS, 2023, 2024, Optional.empty(), "UA"));
        assertTrue(total(two, "UA").trend().isEmpty());
        assertTrue(total(two, "UA").trendNote().orElseThrow().startsWith("fewer than 3 years"));
    }

    @Test
    void theCountIndicatorTrendsTheCount_andRegistrationsCountReports() {
        Comparison victims = compare(REFERENCE, query(Indicator.VICTIMS, 2015, 2024, Optional.empty(), "UA"));
        List<YearValue> counts = total(victims, "UA").points().stream()
                .map(p -> new YearValue(p.rate().year(), p.rate().count())).toList();
        assertEquals(PoissonTrend.ofCounts(counts), total(victims, "UA").trend());

        Comparison registrations = compare(REFERENCE, query(Indicator.REGISTRATIONS, 2015, 2024, Optional.empty(), "UA"));
        Map<List<String>, ProtectedCell> cells = protectedCells(Measure.REGISTRATIONS);
        for (Comparison.Point point : total(registrations, "UA").points()) {
            assertEquals(cells.get(List.of("UA", Integer.toString(point.rate().year()))), point.cell());
        }
    }

    @Test
    void sharesAreProtectedPartsOverTheProtectedCountryYearTotal() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.of(Dimension.SEX), "UA", "MD"));
        ProtectedTable table = TABLES.table(LATEST, TableQuery.of(Measure.VICTIMS,
                Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR, Dimension.SEX));
        Map<List<String>, ProtectedCell> cells = table.rows().stream()
                .collect(Collectors.toMap(ProtectedTable.Row::codes, ProtectedTable.Row::cell));

        Comparison.CountrySeries ua = comparison.countries().getFirst();
        assertEquals(List.of(ProtectedTable.TOTAL, "female", "male"), ua.series().stream().map(Comparison.Series::category).toList());
        for (Comparison.Series series : ua.series().subList(1, 3)) {
            for (Comparison.Point point : series.points()) {
                String year = Integer.toString(point.rate().year());
                ProtectedCell part = cells.get(List.of("UA", year, series.category()));
                ProtectedCell whole = cells.get(List.of("UA", year, ProtectedTable.TOTAL));
                assertEquals(part, point.cell());
                assertEquals(Rates.share(part.value(), whole.value()), point.share());
            }
        }
        // The total series is the country-year cell, identical to the one of the table without breakdown.
        Map<List<String>, ProtectedCell> totals = protectedCells(Measure.VICTIMS);
        for (Comparison.Point point : ua.series().getFirst().points()) {
            assertEquals(totals.get(List.of("UA", Integer.toString(point.rate().year()))), point.cell());
            assertTrue(point.share().isEmpty());
        }
        // MD 2018: 3 persons, the total and both parts are withheld, so there is no share.
        Comparison.Series mdFemale = comparison.countries().get(1).series().get(1);
        assertTrue(point(mdFemale, ComparisonFixture.WITHHELD_YEAR).share().isEmpty());
    }

    @Test
    void withoutYearsTheSpanIsTheDataSpan() {
        Comparison comparison = compare(REFERENCE, new ComparisonQuery(Indicator.VICTIMS, List.of("UA"),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        assertEquals(OptionalInt.of(2015), comparison.from());
        assertEquals(OptionalInt.of(2024), comparison.to());
        assertEquals(10, total(comparison, "UA").points().size());

        Comparison fromOnly = compare(REFERENCE, new ComparisonQuery(Indicator.VICTIMS, List.of("UA"),
                OptionalInt.of(2022), OptionalInt.empty(), Optional.empty()));
        assertEquals(List.of(2022, 2023, 2024), total(fromOnly, "UA").points().stream().map(p -> p.rate().year()).toList());

        Comparison toOnly = compare(REFERENCE, new ComparisonQuery(Indicator.VICTIMS, List.of("UA"),
                OptionalInt.empty(), OptionalInt.of(2016), Optional.empty()));
        assertEquals(List.of(2015, 2016), total(toOnly, "UA").points().stream().map(p -> p.rate().year()).toList());

        Comparison beyond = compare(REFERENCE, new ComparisonQuery(Indicator.VICTIMS, List.of("UA"),
                OptionalInt.of(2030), OptionalInt.empty(), Optional.empty()));
        assertEquals(OptionalInt.of(2030), beyond.to(), "after the last record: the one year asked for, withheld");
        assertTrue(point(total(beyond, "UA"), 2030).rate().has(Flag.WITHHELD));

        // A country without data over the release's years: every cell withheld, so the table is refused as too sparse.
        QueryRuleException nothing = assertThrows(QueryRuleException.class, () -> compare(REFERENCE,
                new ComparisonQuery(Indicator.VICTIMS, List.of("PL"), OptionalInt.empty(), OptionalInt.empty(),
                        Optional.empty())));
        assertEquals(QueryRuleException.TOO_SPARSE, nothing.rule());
    }

    @Test
    void aGroupTooSmallToPublish_givesWithheldPoints_notARefusalOfTheComparison() {
        // The fixture's victims are all citizens of the country that identified them: no foreign nationals.
        Comparison comparison = compare(REFERENCE, new ComparisonQuery(Indicator.SHARE_FOREIGN_NATIONALS,
                List.of("UA"), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        List<Comparison.Series> series = comparison.countries().getFirst().series();
        assertEquals(List.of(ProtectedTable.TOTAL, "foreign"), series.stream().map(Comparison.Series::category).toList());
        Comparison.Series foreign = series.get(1);
        assertEquals(10, foreign.points().size(), "2015-2024");
        for (Comparison.Point point : foreign.points()) {
            assertTrue(point.rate().has(Flag.WITHHELD), "" + point.rate().year());
            assertTrue(point.share().isEmpty(), "no share of a withheld count");
        }
        assertTrue(total(comparison, "UA").points().stream().allMatch(p -> p.rate().count().isPresent()),
                "the total is published beside it");
    }

    @Test
    void yearOnYearChangesAreOfProtectedCountsAndRates() {
        Comparison comparison = compare(REFERENCE, query(Indicator.VICTIMS_PER_100K, 2015, 2017, Optional.empty(), "UA"));
        Comparison.Series ua = total(comparison, "UA");
        assertEquals(2, ua.changes().size());
        Comparison.YearChange first = ua.changes().getFirst();
        RatePoint y2015 = point(ua, 2015).rate();
        RatePoint y2016 = point(ua, 2016).rate();
        assertEquals(y2016.count().getAsLong() - y2015.count().getAsLong(), first.count().absolute().getAsLong());
        assertEquals(y2016.ratePer100k().getAsDouble() / y2015.ratePer100k().getAsDouble() - 1,
                first.rateRelative().getAsDouble(), 1e-12);
    }

    @Test
    void theQueryRefusesWhatTheSpecForbids() {
        List<String> many = REFERENCE.countries().all().stream().limit(ComparisonQuery.MAX_COUNTRIES + 1)
                .map(c -> c.iso2()).toList();
        assertThrows(IllegalArgumentException.class, () -> new ComparisonQuery(Indicator.VICTIMS, many,
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> query(Indicator.VICTIMS, 2024, 2015, Optional.empty(), "UA"));
        assertThrows(IllegalArgumentException.class, () -> query(Indicator.VICTIMS, 1950, 2024, Optional.empty(), "UA"));
        assertThrows(IllegalArgumentException.class, () -> query(Indicator.VICTIMS, 2015, 2024, Optional.of(Dimension.CITIZENSHIP), "UA"));
        assertThrows(IllegalArgumentException.class, () -> query(Indicator.VICTIMS, 2015, 2024, Optional.empty(), "UA", "UA"));
        assertThrows(IllegalArgumentException.class, () -> compare(REFERENCE, query(Indicator.VICTIMS, 2015, 2024, Optional.empty(), "QQ")));
    }

    @Test
    void theSameQueryTwiceGivesTheSameComparison() {
        ComparisonQuery query = query(Indicator.VICTIMS_PER_100K, 2015, 2024, Optional.of(Dimension.EXPLOITATION), "UA", "MD", "BY");
        assertEquals(compare(REFERENCE, query), compare(REFERENCE, query));
    }

    @Test
    void theTableQueryAsksOnlyForTheCountriesAndYearsOfTheComparison() {
        TableQuery table = Comparisons.tableQuery(query(Indicator.REGISTRATIONS, 2019, 2021, Optional.of(Dimension.AGE_BAND), "UA", "MD"));
        assertEquals(List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR, Dimension.AGE_BAND), table.by());
        assertEquals(Map.of(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of("UA", "MD"), Dimension.YEAR, Set.of("2019", "2020", "2021")),
                table.filters());
        assertEquals(Measure.REGISTRATIONS, table.measure());
    }
}
