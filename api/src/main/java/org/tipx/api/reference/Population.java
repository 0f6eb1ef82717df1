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
