package org.tipx.api.reference;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ISO 3166-1 countries and the UN M49 areas they belong to. Immutable and thread-safe.
 * Kosovo ({@code XK}) is not ISO 3166-1 and is not known here (see datasets/geo/PROVENANCE.md).
 */
public final class Countries {

    private final List<Country> all;
    private final Map<String, Country> byIso2;
    private final Map<String, Country> byIso3;
    private final List<M49Area> areas;
    private final Map<String, M49Area> areaByM49;

    /**
     * @throws ReferenceDataException if a code repeats or a country points at an area not in {@code areas}
     */
    public Countries(List<Country> countries, List<M49Area> areas) {
        this.all = countries.stream().sorted(Comparator.comparing(Country::iso2)).toList();
        this.byIso2 = index(all, Country::iso2, "ISO alpha-2 code");
        this.byIso3 = index(all, Country::iso3, "ISO alpha-3 code");
        this.areas = List.copyOf(areas);
        this.areaByM49 = index(this.areas, M49Area::m49, "M49 area");
        for (M49Area area : this.areas) {
            requireArea(area.parentM49(), "parent of M49 area " + area.m49());
        }
        for (Country country : all) {
            requireArea(country.regionM49(), "region of " + country.iso2());
            requireArea(country.subregionM49(), "sub-region of " + country.iso2());
        }
    }

    private void requireArea(String m49, String what) {
        if (!m49.isEmpty() && !areaByM49.containsKey(m49)) {
            throw new ReferenceDataException(what + " is not a known M49 area: " + m49);
        }
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> key, String what) {
        return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity(), (a, b) -> {
            throw new ReferenceDataException("duplicate " + what + ": " + key.apply(a));
        }));
    }

    /** The country with this alpha-2 code; case-insensitive, so {@code "na"} finds Namibia. */
    public Optional<Country> byIso2(String iso2) {
        return Optional.ofNullable(byIso2.get(iso2.toUpperCase(Locale.ROOT)));
    }

    /** The country with this alpha-3 code; case-insensitive. */
    public Optional<Country> byIso3(String iso3) {
        return Optional.ofNullable(byIso3.get(iso3.toUpperCase(Locale.ROOT)));
    }

    /** True for an ISO 3166-1 alpha-2 code (exact, upper case, as the extract contract requires). */
    public boolean isKnown(String iso2) {
        return byIso2.containsKey(iso2);
    }

    /** Every country, sorted by alpha-2 code. */
    public List<Country> all() {
        return all;
    }

    /** Every M49 area, world first, then regions, sub-regions and intermediate regions. */
    public List<M49Area> areas() {
        return areas;
    }

    public Optional<M49Area> area(String m49) {
        return Optional.ofNullable(areaByM49.get(m49));
    }

    public List<M49Area> regions() {
        return atLevel(M49Area.REGION);
    }

    public List<M49Area> subregions() {
        return atLevel(M49Area.SUBREGION);
    }

    /** The areas directly inside {@code parentM49}, e.g. the sub-regions of Europe ({@code "150"}). */
    public List<M49Area> children(String parentM49) {
        return areas.stream().filter(a -> a.parentM49().equals(parentM49)).toList();
    }

    /** The countries whose region or sub-region is {@code m49}. */
    public List<Country> in(String m49) {
        return all.stream().filter(c -> c.regionM49().equals(m49) || c.subregionM49().equals(m49)).toList();
    }

    private List<M49Area> atLevel(String level) {
        return areas.stream().filter(a -> a.level().equals(level)).toList();
    }
}
