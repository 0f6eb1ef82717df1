package org.tipx.api.reference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Total mid-year population by country and year (World Bank SP.POP.TOTL). Immutable and
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

    /**
     * The denominator of a rate for one year: the observed population of {@code observedYear}, which
     * is the year asked for unless the value was carried forward from the last observed year.
     */
    public record Denominator(long population, int year, int observedYear) {

        /** True when the population is the last observed year's, not the year's own. */
        public boolean carriedForward() {
            return observedYear != year;
        }
    }

    private final Map<String, TreeMap<Integer, Long>> byCountry;
    private final int size;

    public Population(List<Entry> entries) {
        Map<String, TreeMap<Integer, Long>> map = new HashMap<>();
        for (Entry e : entries) {
            Long previous = map.computeIfAbsent(e.iso2(), k -> new TreeMap<>()).put(e.year(), e.population());
            if (previous != null) {
                throw new ReferenceDataException("two population values for " + e.iso2() + " " + e.year());
            }
        }
        this.byCountry = Map.copyOf(map);
        this.size = entries.size();
    }

    /** The population of {@code iso2} in {@code year}, or empty when the source has none. */
    public OptionalLong of(String iso2, int year) {
        Long value = Optional.ofNullable(byCountry.get(iso2)).map(years -> years.get(year)).orElse(null);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    /**
     * The denominator for {@code iso2} in {@code year}: the year's own population, or, for a year up to
     * {@value #MAX_CARRIED_YEARS} years after the country's last observed year, the last observed value
     * marked as carried forward (a population changes by a few percent in three years, far less than
     * counts of detected victims do). Empty before the first observed year, in a gap of the series, and
     * beyond the carry-forward span: a missing denominator is never guessed.
     */
    public Optional<Denominator> denominator(String iso2, int year) {
        TreeMap<Integer, Long> years = byCountry.get(iso2);
        if (years == null) {
            return Optional.empty();
        }
        Long own = years.get(year);
        if (own != null) {
            return Optional.of(new Denominator(own, year, year));
        }
        int last = years.lastKey();
        if (year > last && year - last <= MAX_CARRIED_YEARS) {
            return Optional.of(new Denominator(years.get(last), year, last));
        }
        return Optional.empty();
    }

    /** The latest year with a value for {@code iso2}. */
    public OptionalInt latestYear(String iso2) {
        TreeMap<Integer, Long> years = byCountry.get(iso2);
        return years == null ? OptionalInt.empty() : OptionalInt.of(years.lastKey());
    }

    /** The population in {@code year}, or else in the latest earlier year that has a value. */
    public OptionalLong latestAtOrBefore(String iso2, int year) {
        TreeMap<Integer, Long> years = byCountry.get(iso2);
        Map.Entry<Integer, Long> entry = years == null ? null : years.floorEntry(year);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.getValue());
    }

    /** True when the table has at least one value for {@code iso2}. */
    public boolean covers(String iso2) {
        return byCountry.containsKey(iso2);
    }

    /** The number of countries with at least one value. */
    public int countryCount() {
        return byCountry.size();
    }

    /** The number of (country, year) values. */
    public int size() {
        return size;
    }
}
