package org.tipx.api.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Total mid-year population by country and year: observed (World Bank SP.POP.TOTL) and, for the years
 * after the observed ones, projected (UN World Population Prospects 2024, medium variant). Immutable and
 * thread-safe. A missing value means there is no denominator: callers must say so, not guess.
 */
public final class Population {

    /** One row of the table. */
    public record Entry(String iso2, int year, long population) {
        public Entry {
            if (population <= 0) {
                throw new IllegalArgumentException("population must be positive, was " + population + " for " + iso2 + " " + year);
            }
        }
    }

    /**
     * How many years past a country's last observed year its population is carried forward. The
     * source ends in 2024 while agencies report the current year; three years reach 2027, and a gap
     * longer than that is old enough that a rate on it should rather have no denominator.
     */
    public static final int MAX_CARRIED_YEARS = 3;

    /** Where the population of a {@link Denominator} comes from. */
    public enum Basis {
        /** The year's own observed value. */
        OBSERVED,
        /**
         * The projection for the year, after the country's last observed year: another source than the
         * observed series, so the two do not join seamlessly (a series break).
         */
        PROJECTED,
        /** The last observed year's value, for a later year without a projection. */
        CARRIED_FORWARD
    }

    /**
     * The denominator of a rate for one year.
     *
     * @param population the population used
     * @param year       the year asked for
     * @param valueYear  the year of the value used: {@code year} itself unless carried forward
     * @param basis      whether the value is observed, projected or carried forward
     */
    public record Denominator(long population, int year, int valueYear, Basis basis) {

        /** True when the population is the last observed year's, not the year's own. */
        public boolean carriedForward() {
            return basis == Basis.CARRIED_FORWARD;
        }

        /** True when the population is a projection for the year, not an observed value. */
        public boolean projected() {
            return basis == Basis.PROJECTED;
        }
    }

    private final Map<String, NavigableMap<Integer, Long>> byCountry;
    private final Map<String, Map<Integer, Long>> projectedByCountry;
    private final int size;

    /** Observed values only: a later year is carried forward, never projected. */
    public Population(List<Entry> entries) {
        this(entries, List.of());
    }

    /**
     * @param entries     observed values
     * @param projections projected values, used only for years after a country's last observed one
     */
    public Population(List<Entry> entries, List<Entry> projections) {
        this.byCountry = Map.copyOf(byCountry(entries, "population"));
        this.projectedByCountry = Map.copyOf(byCountry(projections, "projected population"));
        this.size = entries.size();
    }

    private static Map<String, NavigableMap<Integer, Long>> byCountry(List<Entry> entries, String what) {
        Map<String, NavigableMap<Integer, Long>> map = new HashMap<>();
        for (Entry e : entries) {
            Long previous = map.computeIfAbsent(e.iso2(), k -> new TreeMap<>()).put(e.year(), e.population());
            if (previous != null) {
                throw new ReferenceDataException("two " + what + " values for " + e.iso2() + " " + e.year());
            }
        }
        return map;
    }

    /** The observed population of {@code iso2} in {@code year}, or empty when the source has none. */
    public OptionalLong of(String iso2, int year) {
        Long value = Optional.ofNullable(byCountry.get(iso2)).map(years -> years.get(year)).orElse(null);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * The denominator for {@code iso2} in {@code year}: the year's own observed population; for a year
     * after the country's last observed year (or any year of a country without observed values), the
     * projection for the year when there is one, marked as projected; otherwise, for a year up to
     * {@value #MAX_CARRIED_YEARS} years after the last observed year, the last observed value marked as
     * carried forward (a population changes by a few percent in three years, far less than counts of
     * detected victims do). Empty before the first observed year, in a gap of the series, and beyond
     * both: a missing denominator is never guessed.
     */
    public Optional<Denominator> denominator(String iso2, int year) {
        NavigableMap<Integer, Long> years = byCountry.get(iso2);
        Long own = years == null ? null : years.get(year);
        if (own != null) {
            return Optional.of(new Denominator(own, year, year, Basis.OBSERVED));
        }
        // A projection never fills a gap or precedes the observed series: it only continues it.
        boolean afterObserved = years == null || year > years.lastKey();
        Long projected = Optional.ofNullable(projectedByCountry.get(iso2)).map(p -> p.get(year)).orElse(null);
        if (afterObserved && projected != null) {
            return Optional.of(new Denominator(projected, year, year, Basis.PROJECTED));
        }
        if (years == null) {
            return Optional.empty();
        }
        int last = years.lastKey();
        if (year > last && year - last <= MAX_CARRIED_YEARS) {
            return Optional.of(new Denominator(years.get(last), year, last, Basis.CARRIED_FORWARD));
        }
        return Optional.empty();
    }

    /** The latest year with an observed value for {@code iso2}. */
    public OptionalInt latestYear(String iso2) {
        NavigableMap<Integer, Long> years = byCountry.get(iso2);
        return years == null ? OptionalInt.empty() : OptionalInt.of(years.lastKey());
    }

    /** The observed population in {@code year}, or else in the latest earlier year that has one. */
    public OptionalLong latestAtOrBefore(String iso2, int year) {
        NavigableMap<Integer, Long> years = byCountry.get(iso2);
        Map.Entry<Integer, Long> entry = years == null ? null : years.floorEntry(year);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.getValue());
    }

    /** True when the table has at least one observed value for {@code iso2}. */
    public boolean covers(String iso2) {
        return byCountry.containsKey(iso2);
    }

    /** The number of countries with at least one observed value. */
    public int countryCount() {
        return byCountry.size();
    }

    /** The number of observed (country, year) values. */
    public int size() {
        return size;
    }

    /** The number of projected (country, year) values. */
    public int projectedSize() {
        return projectedByCountry.values().stream().mapToInt(Map::size).sum();
    }
}
