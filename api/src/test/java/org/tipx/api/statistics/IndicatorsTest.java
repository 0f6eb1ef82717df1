package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.reference.ReferenceData;
import org.tipx.api.release.InMemoryReleases;

/**
 * The share indicators, computed from published cells only: on hand-set published tables whose
 * shares are worked out by hand here, and on the comparison fixture through a table source that
 * records every table asked, so that every count and total in the answer is shown to be a cell of
 * a recorded protected table (no other way to a count exists: {@link Comparisons} holds no records).
 */
class IndicatorsTest {

    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final double V = ProtectionParameters.DEFAULTS.ptable().variance();

    /** A table source that answers hand-set cells and records every query. */
    private static final class HandMadeTables implements TableSource {
        final List<TableQuery> asked = new ArrayList<>();

        @Override
        public ProtectedTable table(PublishedRelease release, TableQuery query) {
            asked.add(query);
            List<ProtectedTable.Row> rows = new ArrayList<>();
            Optional<Dimension> breakdown = query.by().size() > 2 ? Optional.of(query.by().get(2)) : Optional.empty();
            Set<String> citizenship = query.filters().get(Dimension.CITIZENSHIP);
            Set<String> exploitedIn = query.filters().get(Dimension.COUNTRY_OF_EXPLOITATION);
            Set<String> assistance = query.filters().get(Dimension.ASSISTANCE);
            // Two years in Moldova: 40 victims in 2022, 50 in 2023.
            Map<Integer, Long> totals = Map.of(2022, 40L, 2023, 50L);
            for (int year : List.of(2022, 2023)) {
                String y = Integer.toString(year);
                long total = totals.get(year);
                if (citizenship != null) {
                    rows.add(row(y, year == 2022 ? 10 : 20)); // foreign nationals or stateless
                } else if (exploitedIn != null) {
                    rows.add(row(y, year == 2022 ? 4 : 5)); // exploited abroad
                } else if (assistance != null) {
                    rows.add(row(y, year == 2022 ? 30 : 25)); // received at least one form
                } else if (breakdown.isEmpty()) {
                    rows.add(row(y, total));
                }
                breakdown.ifPresent(d -> {
                    switch (d) {
                        case IDENTIFIED_BY -> {
                            rows.add(new ProtectedTable.Row(List.of("MD", y, "police"), ProtectedCell.published(year == 2022 ? 28 : 30)));
                            rows.add(new ProtectedTable.Row(List.of("MD", y, "ngo"), ProtectedCell.published(year == 2022 ? 12 : 15)));
                            rows.add(new ProtectedTable.Row(List.of("MD", y, ProtectedTable.TOTAL), ProtectedCell.published(total)));
                        }
                        case ASSISTANCE -> {
                            rows.add(new ProtectedTable.Row(List.of("MD", y, "shelter"), ProtectedCell.published(20)));
                            rows.add(new ProtectedTable.Row(List.of("MD", y, "medical"), ProtectedCell.published(year == 2022 ? 16 : 12)));
                            rows.add(new ProtectedTable.Row(List.of("MD", y, ProtectedTable.TOTAL), ProtectedCell.published(total)));
                        }
                        default -> throw new AssertionError("unexpected breakdown " + d.id());
                    }
                });
            }
            return new ProtectedTable(query, rows);
        }

        private static ProtectedTable.Row row(String year, long value) {
            return new ProtectedTable.Row(List.of("MD", year), ProtectedCell.published(value));
        }
    }

    private static final PublishedRelease RELEASE = new PublishedRelease("hand", Instant.parse("2026-01-15T00:00:00Z"),
            ProtectionParameters.DEFAULTS);

    private static Comparison handMade(HandMadeTables tables, Indicator indicator) {
        InMemoryReleases releases = new InMemoryReleases().add(RELEASE, List.of());
        return new Comparisons(releases, tables, REFERENCE).compare(RELEASE, new ComparisonQuery(indicator,
                List.of("MD"), OptionalInt.of(2022), OptionalInt.of(2023), Optional.empty()));
    }

    private static Comparison.Series series(Comparison comparison, String category) {
        return comparison.countries().getFirst().series().stream().filter(s -> s.category().equals(category))
                .findFirst().orElseThrow(() -> new AssertionError("no series " + category));
    }

    private static double share(Comparison.Series series, int year) {
        return series.points().stream().filter(p -> p.rate().year() == year).findFirst().orElseThrow()
                .share().orElseThrow();
    }

    @Test
    void foreignNationals_areTheFilteredTablesCellOverTheTotal_workedOutByHand() {
        HandMadeTables tables = new HandMadeTables();
        Comparison comparison = handMade(tables, Indicator.SHARE_FOREIGN_NATIONALS);
        Comparison.Series foreign = series(comparison, "foreign");
        assertEquals(10.0 / 40, share(foreign, 2022), 1e-12); // 0.25
        assertEquals(20.0 / 50, share(foreign, 2023), 1e-12); // 0.40
        Comparison.Point point = foreign.points().getFirst();
        assertEquals(Intervals.share(10, 40, V), point.share95());
        // By hand: the p with |p − 0.25| = 1.96·sqrt(p(1 − p)/40 + 3(1 + p²)/40²), the roots of a quadratic.
        assertEquals(0.118, point.share95().orElseThrow().lower(), 0.001);
        assertEquals(0.429, point.share95().orElseThrow().upper(), 0.001);
        // Two tables: the main one and Moldova's group table, filtered to every citizenship but Moldova's.
        assertEquals(2, tables.asked.size());
        Set<String> codes = tables.asked.get(1).filters().get(Dimension.CITIZENSHIP);
        assertFalse(codes.contains("MD"), "Moldovans are not foreign in Moldova");
        assertTrue(codes.contains("UA") && codes.contains("XS"), "other citizens and stateless persons are");
        assertFalse(codes.contains("XX") || codes.contains(Dimension.UNKNOWN), "unknown is not known to be foreign");
        assertEquals(Set.of("MD"), tables.asked.get(1).filters().get(Dimension.COUNTRY_OF_IDENTIFICATION));
    }

    @Test
    void exploitedAbroad_isTheCellOfEveryOtherCountryOfExploitation() {
        HandMadeTables tables = new HandMadeTables();
        Comparison.Series abroad = series(handMade(tables, Indicator.SHARE_EXPLOITED_ABROAD), "abroad");
        assertEquals(4.0 / 40, share(abroad, 2022), 1e-12); // 0.10
        assertEquals(5.0 / 50, share(abroad, 2023), 1e-12); // 0.10
        Set<String> codes = tables.asked.get(1).filters().get(Dimension.COUNTRY_OF_EXPLOITATION);
        assertFalse(codes.contains("MD") || codes.contains("XS") || codes.contains("XX"));
        assertTrue(codes.contains("RU"));
    }

    @Test
    void identifiedBy_sharesOfEachAgencyType_workedOutByHand() {
        Comparison comparison = handMade(new HandMadeTables(), Indicator.SHARE_IDENTIFIED_BY);
        assertEquals(Optional.of(Dimension.IDENTIFIED_BY), comparison.query().breakdown());
        assertEquals(28.0 / 40, share(series(comparison, "police"), 2022), 1e-12); // 0.70
        assertEquals(15.0 / 50, share(series(comparison, "ngo"), 2023), 1e-12);    // 0.30
    }

    @Test
    void assistance_eachFormAndAny_workedOutByHand() {
        HandMadeTables tables = new HandMadeTables();
        Comparison comparison = handMade(tables, Indicator.SHARE_ASSISTANCE);
        assertEquals(20.0 / 40, share(series(comparison, "shelter"), 2022), 1e-12); // 0.50
        assertEquals(12.0 / 50, share(series(comparison, "medical"), 2023), 1e-12); // 0.24
        // Any form: its own table's cell, not shelter + medical (which would count a person twice).
        assertEquals(30.0 / 40, share(series(comparison, "any"), 2022), 1e-12);     // 0.75
        assertEquals(25.0 / 50, share(series(comparison, "any"), 2023), 1e-12);     // 0.50
        assertEquals(Set.copyOf(Indicator.Group.FORMS_OF_ASSISTANCE), tables.asked.get(1).filters().get(Dimension.ASSISTANCE));
    }

    @Test
    void aShareIndicator_refusesAnotherBreakdown() {
        assertThrows(IllegalArgumentException.class, () -> new ComparisonQuery(Indicator.SHARE_STATUS, List.of("MD"),
                OptionalInt.empty(), OptionalInt.empty(), Optional.of(Dimension.SEX)));
        assertEquals(Optional.of(Dimension.STATUS), new ComparisonQuery(Indicator.SHARE_STATUS, List.of("MD"),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty()).breakdown());
    }

    /** Every table the comparisons ask for, with the answer it got. */
    private static final class RecordingTables implements TableSource {
        private final TableSource inner;
        final Map<TableQuery, ProtectedTable> asked = new HashMap<>();

        RecordingTables(TableSource inner) {
            this.inner = inner;
        }

        @Override
        public ProtectedTable table(PublishedRelease release, TableQuery query) {
            ProtectedTable table = inner.table(release, query);
            asked.put(query, table);
            return table;
        }
    }

    @Test
    void everyIndicator_onTheFixture_publishesOnlyCellsOfTheTablesItAsked() {
        InMemoryReleases releases = ComparisonFixture.releases();
        PublishedRelease latest = releases.find(ComparisonFixture.NEW).orElseThrow();
        for (Indicator indicator : Indicator.values()) {
            RecordingTables tables = new RecordingTables(new ScanningTableSource(releases, TablePublisher.withDefaults()));
            Comparison comparison = new Comparisons(releases, tables, REFERENCE).compare(latest, new ComparisonQuery(
                    indicator, List.of("UA", "MD"), OptionalInt.of(2019), OptionalInt.of(2022), Optional.empty()));
            Set<Long> published = new java.util.HashSet<>();
            tables.asked.values().forEach(t -> t.rows().forEach(r -> r.cell().value().ifPresent(published::add)));
            int checked = 0;
            for (Comparison.CountrySeries country : comparison.countries()) {
                for (Comparison.Series series : country.series()) {
                    for (Comparison.Point point : series.points()) {
                        if (point.rate().count().isPresent()) {
                            assertTrue(published.contains(point.rate().count().getAsLong()),
                                    indicator.id() + ": a count that no asked table published");
                            checked++;
                        }
                        if (point.share().isPresent()) {
                            // The share's denominator is the country-year total, a published cell too.
                            double denominator = point.rate().count().getAsLong() / point.share().getAsDouble();
                            assertTrue(published.contains(Math.round(denominator)), indicator.id());
                        }
                    }
                }
            }
            assertTrue(checked > 0, indicator.id() + " published nothing to check");
            int expectedTables = 1 + (indicator.group().isPresent() ? 2 : 0);
            assertEquals(expectedTables, tables.asked.size(), indicator.id());
        }
    }
}
