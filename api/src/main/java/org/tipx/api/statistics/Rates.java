package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Rates per 100,000 population, year-on-year changes and shares, computed only from protected
 * counts (SDG indicator 16.2.2 style). Stateless and thread-safe.
 *
 * <p>A withheld count is never replaced by zero or by an estimate: every derived figure that needs
 * it is empty, and rate points carry a {@link Flag} saying why.
 */
public final class Rates {

    /** The indicator is expressed per 100,000 population. */
    public static final double PER = 100_000.0;

    private Rates() {
    }

    /**
     * The change of a protected count from {@code fromYear} to {@code toYear}. {@code absolute} is
     * empty when either count is withheld; {@code relative} (0.25 = +25 %) is also empty when the
     * earlier count is 0, since a change from nothing has no ratio.
     */
    public record Change(int fromYear, int toYear, OptionalLong absolute, OptionalDouble relative) {
    }

    /**
     * The rate per 100,000 for one year: {@code count / population × 100,000} when both are known;
     * otherwise empty, flagged {@link Flag#WITHHELD} and/or {@link Flag#NO_DENOMINATOR}.
     */
    public static RatePoint rate(int year, OptionalLong protectedCount, OptionalLong population) {
        Objects.requireNonNull(protectedCount, "protectedCount");
        Objects.requireNonNull(population, "population");
        if (population.isPresent() && population.getAsLong() <= 0) {
            throw new IllegalArgumentException("population must be positive, was " + population.getAsLong() + " for year " + year);
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (protectedCount.isEmpty()) {
            flags.add(Flag.WITHHELD);
        }
        if (population.isEmpty()) {
            flags.add(Flag.NO_DENOMINATOR);
        }
        OptionalDouble rate = flags.isEmpty()
                ? OptionalDouble.of(protectedCount.getAsLong() / (double) population.getAsLong() * PER)
                : OptionalDouble.empty();
        return new RatePoint(year, protectedCount, population, rate, flags);
    }

    /**
     * Rates for a series of years, in year order. {@code populationOfYear} gives the denominator
     * (for instance {@code year -> population.of(iso2, year)}); years in {@code coverageChangeYears}
     * (see {@link #coverageChanges(Map)}) are flagged {@link Flag#COVERAGE_CHANGED}.
     */
    public static List<RatePoint> series(List<YearValue> counts, IntFunction<OptionalLong> populationOfYear, Set<Integer> coverageChangeYears) {
        Objects.requireNonNull(populationOfYear, "populationOfYear");
        Objects.requireNonNull(coverageChangeYears, "coverageChangeYears");
        List<RatePoint> points = new ArrayList<>();
        for (YearValue value : byYear(counts).values()) {
            RatePoint point = rate(value.year(), value.protectedCount(), populationOfYear.apply(value.year()));
            if (coverageChangeYears.contains(value.year())) {
                Set<Flag> flags = EnumSet.of(Flag.COVERAGE_CHANGED);
                flags.addAll(point.flags());
                point = new RatePoint(point.year(), point.count(), point.population(), point.ratePer100k(), flags);
            }
            points.add(point);
        }
        return List.copyOf(points);
    }

    /** The change between two protected counts; see {@link Change} for when parts are empty. */
    public static Change change(YearValue previous, YearValue current) {
        OptionalLong before = previous.protectedCount();
        OptionalLong after = current.protectedCount();
        if (before.isEmpty() || after.isEmpty()) {
            return new Change(previous.year(), current.year(), OptionalLong.empty(), OptionalDouble.empty());
        }
        long absolute = after.getAsLong() - before.getAsLong();
        OptionalDouble relative = before.getAsLong() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(absolute / (double) before.getAsLong());
        return new Change(previous.year(), current.year(), OptionalLong.of(absolute), relative);
    }

    /**
     * Year-on-year changes: one for every year whose immediately preceding calendar year is also in
     * the series. A gap in the years yields no change across it, because a two-year difference is
     * not a year-on-year change.
     */
    public static List<Change> yearOnYear(List<YearValue> counts) {
        NavigableMap<Integer, YearValue> byYear = byYear(counts);
        List<Change> changes = new ArrayList<>();
        for (YearValue current : byYear.values()) {
            YearValue previous = byYear.get(current.year() - 1);
            if (previous != null) {
                changes.add(change(previous, current));
            }
        }
        return List.copyOf(changes);
    }

    /**
     * The share of a part (for instance victims of forced labour) in a total (all victims), both
     * protected counts. Empty when either is withheld or the total is 0.
     *
     * <p>Each protected count is perturbed on its own, so protected parts need not add up to the
     * protected total, and a share may even exceed 1 for a part close to its total. It is returned
     * as computed rather than clamped, so that the figure can be traced back to the two published
     * counts.
     */
    public static OptionalDouble share(OptionalLong protectedPart, OptionalLong protectedTotal) {
        Objects.requireNonNull(protectedPart, "protectedPart");
        Objects.requireNonNull(protectedTotal, "protectedTotal");
        if (protectedPart.isEmpty() || protectedTotal.isEmpty() || protectedTotal.getAsLong() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(protectedPart.getAsLong() / (double) protectedTotal.getAsLong());
    }

    /**
     * The years whose set of reporting agencies differs from that of the previous year in the map
     * (the closest earlier year present). The earliest year has nothing to compare with and is
     * never returned. A count that rises because more agencies reported is a change in coverage,
     * not in trafficking, and must be flagged as such.
     */
    public static Set<Integer> coverageChanges(Map<Integer, Set<String>> reportingAgenciesByYear) {
        Objects.requireNonNull(reportingAgenciesByYear, "reportingAgenciesByYear");
        Set<Integer> changed = new TreeSet<>();
        Set<String> previous = null;
        for (Map.Entry<Integer, Set<String>> entry : new TreeMap<>(reportingAgenciesByYear).entrySet()) {
            Set<String> agencies = new HashSet<>(Objects.requireNonNull(entry.getValue(), "agencies of " + entry.getKey()));
            if (previous != null && !previous.equals(agencies)) {
                changed.add(entry.getKey());
            }
            previous = agencies;
        }
        return Collections.unmodifiableSet(changed);
    }

    /**
     * The years that are partial for a country: some agency reporting in the year has extracts for
     * fewer than its four quarters. {@code quartersByYear} maps a year to each reporting agency's
     * quarters (1–4). A partial year's count covers only part of the year, so comparing it with a
     * whole year would read a gap in reporting as a fall in trafficking.
     */
    public static Set<Integer> partialYears(Map<Integer, Map<String, Set<Integer>>> quartersByYear) {
        Objects.requireNonNull(quartersByYear, "quartersByYear");
        Set<Integer> partial = new TreeSet<>();
        quartersByYear.forEach((year, agencies) -> {
            for (Set<Integer> quarters : agencies.values()) {
                if (!quarters.containsAll(ALL_QUARTERS)) {
                    partial.add(year);
                }
            }
        });
        return Collections.unmodifiableSet(partial);
    }

    private static final Set<Integer> ALL_QUARTERS = Set.of(1, 2, 3, 4);

    /** The values keyed by year, refusing two values for the same year. */
    static NavigableMap<Integer, YearValue> byYear(List<YearValue> counts) {
        Objects.requireNonNull(counts, "counts");
        TreeMap<Integer, YearValue> byYear = new TreeMap<>();
        for (YearValue value : counts) {
            if (byYear.put(value.year(), value) != null) {
                throw new IllegalArgumentException("two values for year " + value.year());
            }
        }
        return byYear;
    }
}
