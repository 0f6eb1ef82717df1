package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.Population;
import org.tipx.api.reference.ReferenceData;

/**
 * Comparisons across countries: one protected table per query (by country of identification, year
 * and the optional breakdown, filtered on the countries and years asked for), turned into rates per
 * 100,000, shares, year-on-year changes and trends by {@link Rates} and {@link PoissonTrend}.
 *
 * <p>Only the table's published cells are read: a withheld cell stays withheld (no rate, no share,
 * left out of the trend, flagged {@link Flag#WITHHELD}), never zero. A (country, year, category)
 * combination that the table has no row for had no record at all; the table builder would have
 * published such an empty cell as withheld, so it is answered as withheld too — answering 0 would
 * tell apart "no record" from "1 to threshold − 1 records". Coverage comes from
 * {@link PublishedReleases#reportingAgencies(String)}: a year whose agencies differ from the previous
 * reported year's is flagged {@link Flag#COVERAGE_CHANGED}. Completeness comes from
 * {@link PublishedReleases#reportedQuarters(String)}: a year in which an agency of the country has not
 * reported all four quarters is flagged {@link Flag#PARTIAL_PERIOD}, has no change to or from another
 * year, and is left out of the trend. A population carried forward past the source's last year is
 * flagged {@link Flag#POPULATION_CARRIED_FORWARD}, a projected one {@link Flag#POPULATION_PROJECTED}.
 * Rates and shares carry 95 % intervals with the release's cell key variance ({@link Intervals}).
 *
 * <p>A share indicator ({@link Indicator#share()}) reads the same way: its breakdown's categories
 * carry their shares of the country-year total; its group, if any, is one more series whose count
 * is the published cell of a table filtered to the group's codes ({@link #groupQuery}).
 *
 * <p>Thread-safe if the table source is.
 */
public final class Comparisons {

    private final PublishedReleases releases;
    private final TableSource tables;
    private final ReferenceData reference;

    public Comparisons(PublishedReleases releases, TableSource tables, ReferenceData reference) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    /**
     * The comparison on {@code release}.
     *
     * @throws IllegalArgumentException if a country of the query is not an ISO 3166-1 country
     * @throws QueryRuleException       if a query rule refuses the underlying table
     * @throws NoSuchElementException   if the release is not published
     */
    public Comparison compare(PublishedRelease release, ComparisonQuery query) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(query, "query");
        List<Country> countries = new ArrayList<>();
        for (String code : query.countries()) {
            countries.add(reference.countries().byIso2(code)
                    .orElseThrow(() -> new IllegalArgumentException("unknown country " + code)));
        }
        ProtectedTable table = tables.table(release, tableQuery(query));
        Cells cells = new Cells(table, false);
        Optional<YearSpan> span = span(query.from(), query.to(), cells);
        List<Integer> years = new ArrayList<>();
        span.ifPresent(s -> {
            for (int year = s.from(); year <= s.to(); year++) {
                years.add(year);
            }
        });
        Map<String, Map<Integer, Set<String>>> coverage = releases.reportingAgencies(release.id());
        Map<String, Map<Integer, Map<String, Set<Integer>>>> quarters = releases.reportedQuarters(release.id());
        List<String> allCountries = reference.countries().all().stream().map(Country::iso2).toList();
        double noiseVariance = release.protection().ptable().variance();
        List<Comparison.CountrySeries> result = new ArrayList<>();
        for (Country country : countries) {
            Map<Integer, Set<String>> agencies = coverage.getOrDefault(country.iso2(), Map.of());
            Set<Integer> coverageChanges = Rates.coverageChanges(agencies);
            Set<Integer> partialYears = Rates.partialYears(quarters.getOrDefault(country.iso2(), Map.of()));
            Set<Integer> carriedForward = new TreeSet<>();
            Set<Integer> projected = new TreeSet<>();
            for (int year : years) {
                reference.population().denominator(country.iso2(), year).ifPresent(d -> {
                    if (d.carriedForward()) {
                        carriedForward.add(year);
                    } else if (d.projected()) {
                        projected.add(year);
                    }
                });
            }
            IntFunction<OptionalLong> population = year -> reference.population().denominator(country.iso2(), year)
                    .map(d -> OptionalLong.of(d.population())).orElse(OptionalLong.empty());
            // A group's count is the published cell of its own table (one per country: the codes depend on it).
            Optional<GroupCells> group = query.indicator().group().filter(g -> !years.isEmpty()).map(g -> new GroupCells(
                    g.category(), new Cells(tables.table(release, groupQuery(query, g, country.iso2(), allCountries, years)),
                            false)));
            Context context = new Context(query.indicator(), country.iso2(), years, cells, group, population, agencies,
                    coverageChanges, partialYears, carriedForward, projected, noiseVariance);
            result.add(new Comparison.CountrySeries(country, seriesOf(context)));
        }
        return new Comparison(release, query,
                span.map(s -> OptionalInt.of(s.from())).orElse(OptionalInt.empty()),
                span.map(s -> OptionalInt.of(s.to())).orElse(OptionalInt.empty()), result);
    }

    /**
     * One indicator for a group of countries (a region), as the series of one country would be: the total
     * ({@link ProtectedTable#TOTAL}), then the breakdown's categories of a share indicator, then its group when
     * the group's codes do not depend on the country ({@link Indicator.Group#dependsOnCountry()}: "foreign" is
     * relative to each country of identification, so a region has no such cell). Each count is a
     * total-over-countries cell of one protected table filtered to {@code countries}, perturbed by the cell key
     * as a cell of its own (the same cells {@code /v1/statistics} publishes for that filter), never a sum of the
     * countries' cells. Its population is the countries' sum in a year when each has one; a year is partial
     * when it is partial for one of them, and coverage changes when any country's does.
     *
     * @param from first year, or empty for the table's first
     * @param to   last year, or empty for the table's last
     * @return empty if the table has no year in the span asked for
     * @throws IllegalArgumentException if {@code countries} is empty
     * @throws QueryRuleException       if a query rule refuses an underlying table
     * @throws NoSuchElementException   if the release is not published
     */
    public List<Comparison.Series> aggregate(PublishedRelease release, Indicator indicator, Set<String> countries,
                                             OptionalInt from, OptionalInt to) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(indicator, "indicator");
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one country");
        }
        // Not a ComparisonQuery: a region may have more countries than a comparison may name.
        Cells cells = new Cells(tables.table(release,
                tableQuery(indicator, countries, from, to, indicator.breakdown())), true);
        Optional<YearSpan> span = span(from, to, cells);
        if (span.isEmpty()) {
            return List.of();
        }
        List<Integer> years = new ArrayList<>();
        for (int year = span.get().from(); year <= span.get().to(); year++) {
            years.add(year);
        }
        Map<String, Map<Integer, Set<String>>> coverage = releases.reportingAgencies(release.id());
        Map<String, Map<Integer, Map<String, Set<Integer>>>> quarters = releases.reportedQuarters(release.id());
        // Agency ids are unique across countries, so the union of the countries' sets is the region's.
        Map<Integer, Set<String>> agencies = new HashMap<>();
        Set<Integer> partialYears = new TreeSet<>();
        for (String country : countries) {
            coverage.getOrDefault(country, Map.of()).forEach((year, ids) ->
                    agencies.computeIfAbsent(year, y -> new TreeSet<>()).addAll(ids));
            partialYears.addAll(Rates.partialYears(quarters.getOrDefault(country, Map.of())));
        }
        Set<Integer> carriedForward = new TreeSet<>();
        Set<Integer> projected = new TreeSet<>();
        Map<Integer, OptionalLong> populations = new HashMap<>();
        for (int year : years) {
            long sum = 0;
            boolean complete = true;
            for (String country : countries) {
                Optional<Population.Denominator> denominator = reference.population().denominator(country, year);
                if (denominator.isEmpty()) {
                    complete = false;
                    break;
                }
                sum += denominator.get().population();
                if (denominator.get().carriedForward()) {
                    carriedForward.add(year);
                } else if (denominator.get().projected()) {
                    projected.add(year);
                }
            }
            populations.put(year, complete ? OptionalLong.of(sum) : OptionalLong.empty());
        }
        IntFunction<OptionalLong> population = year -> populations.getOrDefault(year, OptionalLong.empty());
        Optional<GroupCells> group = indicator.group().filter(g -> !g.dependsOnCountry()).map(g -> {
            Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
            filters.put(Dimension.COUNTRY_OF_IDENTIFICATION, Set.copyOf(countries));
            filters.put(Dimension.YEAR, yearCodes(years));
            filters.put(g.dimension(), g.codes(ProtectedTable.TOTAL, List.of()));
            TableQuery groupQuery = new TableQuery(List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR),
                    filters, indicator.measure());
            return new GroupCells(g.category(), new Cells(tables.table(release, groupQuery), true));
        });
        Context context = new Context(indicator, ProtectedTable.TOTAL, years, cells, group, population, agencies,
                Rates.coverageChanges(agencies), partialYears, carriedForward, projected,
                release.protection().ptable().variance());
        return seriesOf(context);
    }

    /** The years of every series, from {@code from} to {@code to}. */
    private record YearSpan(int from, int to) {
    }

    /**
     * The years asked for; a missing bound is the first or last year the table has (with one bound
     * or none, its years are those the release lists), and a missing span is empty. Without {@code to} the span
     * is cut after {@link ComparisonQuery#MAX_YEARS} years; without {@code from} before the last
     * {@link ComparisonQuery#MAX_YEARS} years.
     */
    private static Optional<YearSpan> span(OptionalInt from, OptionalInt to, Cells cells) {
        if (from.isPresent() && to.isPresent()) {
            return Optional.of(new YearSpan(from.getAsInt(), to.getAsInt()));
        }
        if (from.isPresent()) {
            int last = Math.max(from.getAsInt(), cells.lastYear().orElse(from.getAsInt()));
            return Optional.of(new YearSpan(from.getAsInt(), Math.min(last, from.getAsInt() + ComparisonQuery.MAX_YEARS - 1)));
        }
        if (to.isPresent()) {
            int first = Math.min(to.getAsInt(), cells.firstYear().orElse(to.getAsInt()));
            return Optional.of(new YearSpan(Math.max(first, to.getAsInt() - ComparisonQuery.MAX_YEARS + 1), to.getAsInt()));
        }
        if (cells.firstYear().isEmpty()) {
            return Optional.empty();
        }
        int last = cells.lastYear().getAsInt();
        return Optional.of(new YearSpan(Math.max(cells.firstYear().getAsInt(), last - ComparisonQuery.MAX_YEARS + 1), last));
    }

    /**
     * The table of a group's count in one country: by country and year like the main table, filtered
     * to the country, to the comparison's years and to the group's codes (so a person counts once however
     * many of them they have). With every breakdown filtered, the table lists exactly the cells it names, so a
     * group too small to publish gives withheld points, not a refusal of the whole comparison.
     */
    static TableQuery groupQuery(ComparisonQuery query, Indicator.Group group, String country, List<String> allCountries,
                                 List<Integer> years) {
        TableQuery main = tableQuery(query);
        Map<Dimension, Set<String>> filters = new EnumMap<>(main.filters());
        filters.put(Dimension.COUNTRY_OF_IDENTIFICATION, Set.of(country));
        filters.put(Dimension.YEAR, yearCodes(years));
        filters.put(group.dimension(), group.codes(country, allCountries));
        return new TableQuery(List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR), filters,
                query.indicator().measure());
    }

    /** The main table a comparison reads (a group indicator reads one more per country, {@link #groupQuery}). */
    static TableQuery tableQuery(ComparisonQuery query) {
        return tableQuery(query.indicator(), query.countries(), query.from(), query.to(), query.breakdown());
    }

    private static TableQuery tableQuery(Indicator indicator, Collection<String> countries, OptionalInt from,
                                         OptionalInt to, Optional<Dimension> breakdown) {
        List<Dimension> by = new ArrayList<>(List.of(Dimension.COUNTRY_OF_IDENTIFICATION, Dimension.YEAR));
        breakdown.ifPresent(by::add);
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        filters.put(Dimension.COUNTRY_OF_IDENTIFICATION, Set.copyOf(countries));
        if (from.isPresent() && to.isPresent()) {
            // With one bound, the table's years are those the release lists (its rows never depend
            // on the filters), and the span is cut from them.
            List<Integer> years = new ArrayList<>();
            for (int year = from.getAsInt(); year <= to.getAsInt(); year++) {
                years.add(year);
            }
            filters.put(Dimension.YEAR, yearCodes(years));
        }
        return new TableQuery(by, filters, indicator.measure());
    }

    private static Set<String> yearCodes(List<Integer> years) {
        Set<String> codes = new TreeSet<>();
        years.forEach(year -> codes.add(Integer.toString(year)));
        return codes;
    }

    /** What every series of one country shares. */
    private record Context(Indicator indicator, String country, List<Integer> years, Cells cells,
                           Optional<GroupCells> group, IntFunction<OptionalLong> population,
                           Map<Integer, Set<String>> agencies, Set<Integer> coverageChanges, Set<Integer> partialYears,
                           Set<Integer> carriedForward, Set<Integer> projected, double noiseVariance) {

        /** The published cell of a category (the group's from its own table) in a year. */
        ProtectedCell cell(int year, String category) {
            if (group.isPresent() && group.get().category().equals(category)) {
                return group.get().cells().cell(country, year, ProtectedTable.TOTAL);
            }
            return cells.cell(country, year, category);
        }
    }

    /** A group's category id and the cells of its table. */
    private record GroupCells(String category, Cells cells) {
    }

    /** The total first, then the breakdown's categories in code order, then the group. */
    private static List<Comparison.Series> seriesOf(Context context) {
        List<Comparison.Series> series = new ArrayList<>();
        series.add(series(context, ProtectedTable.TOTAL));
        for (String category : context.cells().categories()) {
            series.add(series(context, category));
        }
        context.group().ifPresent(group -> series.add(series(context, group.category())));
        return series;
    }

    private static Comparison.Series series(Context context, String category) {
        List<YearValue> counts = new ArrayList<>();
        Map<Integer, ProtectedCell> cellOfYear = new HashMap<>();
        for (int year : context.years()) {
            ProtectedCell cell = context.cell(year, category);
            cellOfYear.put(year, cell);
            counts.add(new YearValue(year, cell.value()));
        }
        // A partial year is left out of the trend like a withheld one: its count is part of a year.
        List<YearValue> wholeYears = counts.stream()
                .map(v -> context.partialYears().contains(v.year()) ? YearValue.withheld(v.year()) : v)
                .toList();
        boolean perPopulation = context.indicator().perPopulation();
        IntFunction<OptionalLong> population = context.population();
        Optional<PoissonTrend.Trend> trend = perPopulation
                ? PoissonTrend.ofRates(wholeYears, population)
                : PoissonTrend.ofCounts(wholeYears);
        // The series' own dispersion widens its yearly rate intervals too; without a trend, Poisson.
        double dispersion = trend.map(PoissonTrend.Trend::dispersion).orElse(1.0);
        List<RatePoint> rates = Rates.series(counts, population, context.coverageChanges());
        List<Comparison.Point> points = new ArrayList<>();
        Map<Integer, RatePoint> rateOfYear = new HashMap<>();
        for (RatePoint plain : rates) {
            Set<Flag> more = EnumSet.noneOf(Flag.class);
            if (context.partialYears().contains(plain.year())) {
                more.add(Flag.PARTIAL_PERIOD);
            }
            if (context.carriedForward().contains(plain.year())) {
                more.add(Flag.POPULATION_CARRIED_FORWARD);
            }
            if (context.projected().contains(plain.year())) {
                more.add(Flag.POPULATION_PROJECTED);
            }
            RatePoint rate = plain.withFlags(more);
            rateOfYear.put(rate.year(), rate);
            OptionalLong total = context.cells().cell(context.country(), rate.year(), ProtectedTable.TOTAL).value();
            boolean isTotal = category.equals(ProtectedTable.TOTAL);
            OptionalDouble share = isTotal ? OptionalDouble.empty() : Rates.share(rate.count(), total);
            Optional<Intervals.Interval> share95 = share.isPresent()
                    ? Intervals.share(rate.count().getAsLong(), total.getAsLong(), context.noiseVariance())
                    : Optional.empty();
            Optional<Intervals.Interval> rate95 = rate.ratePer100k().isPresent()
                    ? Optional.of(Intervals.ratePer100k(rate.count().getAsLong(), rate.population().getAsLong(),
                            dispersion, context.noiseVariance()))
                    : Optional.empty();
            Set<String> reporting = context.agencies().get(rate.year());
            points.add(new Comparison.Point(rate, cellOfYear.get(rate.year()), share,
                    reporting == null ? OptionalInt.empty() : OptionalInt.of(reporting.size()), rate95, share95));
        }
        List<Comparison.YearChange> changes = new ArrayList<>();
        for (Rates.Change change : Rates.yearOnYear(counts)) {
            boolean partial = context.partialYears().contains(change.fromYear())
                    || context.partialYears().contains(change.toYear());
            if (partial) {
                changes.add(new Comparison.YearChange(
                        new Rates.Change(change.fromYear(), change.toYear(), OptionalLong.empty(), OptionalDouble.empty()),
                        OptionalDouble.empty(), true));
                continue;
            }
            OptionalDouble before = rateOfYear.get(change.fromYear()).ratePer100k();
            OptionalDouble after = rateOfYear.get(change.toYear()).ratePer100k();
            OptionalDouble rateRelative = before.isPresent() && after.isPresent() && before.getAsDouble() > 0
                    ? OptionalDouble.of(after.getAsDouble() / before.getAsDouble() - 1)
                    : OptionalDouble.empty();
            changes.add(new Comparison.YearChange(change, rateRelative, false));
        }
        Optional<String> note = trend.isPresent() ? Optional.empty()
                : Optional.of(whyNoTrend(wholeYears, population, perPopulation, !context.partialYears().isEmpty()));
        boolean coverageChanged = false;
        if (trend.isPresent()) {
            List<Integer> used = wholeYears.stream()
                    .filter(v -> v.protectedCount().isPresent() && (!perPopulation || population.apply(v.year()).isPresent()))
                    .map(YearValue::year)
                    .toList();
            int first = used.getFirst();
            int last = used.getLast();
            coverageChanged = context.coverageChanges().stream().anyMatch(year -> year > first && year <= last);
        }
        return new Comparison.Series(category, points, changes, trend, note, coverageChanged);
    }

    private static String whyNoTrend(List<YearValue> counts, IntFunction<OptionalLong> population, boolean perPopulation,
                                     boolean partialYears) {
        long usable = counts.stream()
                .filter(v -> v.protectedCount().isPresent() && (!perPopulation || population.apply(v.year()).isPresent()))
                .count();
        if (usable < PoissonTrend.MIN_YEARS) {
            return "fewer than " + PoissonTrend.MIN_YEARS + " years with a published count"
                    + (perPopulation ? " and a population" : "")
                    + (partialYears ? " (partial years are left out)" : "");
        }
        return "no finite trend: the published counts are all 0, or 0 up to some year and positive after it";
    }

    /** The table's cells by their codes, and the codes it observed. */
    private static final class Cells {
        private final Map<List<String>, ProtectedCell> byCodes = new HashMap<>();
        private final TreeSet<Integer> years = new TreeSet<>();
        private final TreeSet<String> categories = new TreeSet<>();
        private final boolean breakdown;

        /** @param aggregate keep the totals over countries (an aggregate's own cells) instead of the countries' */
        Cells(ProtectedTable table, boolean aggregate) {
            this.breakdown = table.by().size() > 2;
            for (ProtectedTable.Row row : table.rows()) {
                List<String> codes = row.codes();
                if (codes.get(0).equals(ProtectedTable.TOTAL) != aggregate || codes.get(1).equals(ProtectedTable.TOTAL)) {
                    continue; // totals over years are never part of a comparison; over countries only of an aggregate
                }
                byCodes.put(codes, row.cell());
                years.add(Integer.parseInt(codes.get(1)));
                if (breakdown && !codes.get(2).equals(ProtectedTable.TOTAL)) {
                    categories.add(codes.get(2));
                }
            }
        }

        ProtectedCell cell(String country, int year, String category) {
            List<String> key = breakdown
                    ? List.of(country, Integer.toString(year), category)
                    : List.of(country, Integer.toString(year));
            // No row: no record at all in the cell, which the builder publishes as withheld.
            return byCodes.getOrDefault(key, ProtectedCell.withheld());
        }

        OptionalInt firstYear() {
            return years.isEmpty() ? OptionalInt.empty() : OptionalInt.of(years.first());
        }

        OptionalInt lastYear() {
            return years.isEmpty() ? OptionalInt.empty() : OptionalInt.of(years.last());
        }

        List<String> categories() {
            return List.copyOf(categories);
        }
    }
}
