package org.tipx.api.statistics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.tipx.api.ingest.CodeList;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.reference.Countries;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;

/**
 * What the public API tells about each {@link Dimension}: an English label, the codes a filter may
 * name (in their published order, each with a label) and whether one person can lie in several of
 * them. Codes follow the extract contract: the contract's code lists, ISO 3166-1 alpha-2 for
 * countries (with {@code XX}, unknown country, and for citizenship {@code XS}, stateless), and
 * {@link Dimension#UNKNOWN} for a field that was not recorded. Years have no closed list: a code
 * is four digits.
 *
 * <p>Immutable and thread-safe; load once.
 */
public final class DimensionCatalog {

    /** The pattern of a year code. */
    public static final Pattern YEAR_CODE = Pattern.compile("[0-9]{4}");

    private static final String NOT_RECORDED = "Not recorded";

    private final Map<Dimension, Entry> entries;

    /**
     * One dimension.
     *
     * @param dimension   the dimension
     * @param label       its English label
     * @param codes       code → English label in published order; empty for {@link Dimension#YEAR}
     * @param codePattern for a dimension without a closed list, the pattern its codes match
     */
    public record Entry(Dimension dimension, String label, Map<String, String> codes, Optional<Pattern> codePattern) {
        public Entry {
            if (dimension == null || label == null || codes == null || codePattern == null) {
                throw new IllegalArgumentException("dimension, label, codes and codePattern are required");
            }
            codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        }

        /** True when a filter on this dimension may name {@code code}. */
        public boolean accepts(String code) {
            return codePattern.map(p -> p.matcher(code).matches()).orElseGet(() -> codes.containsKey(code));
        }

        /** The English label of a code, if the dimension has a closed list holding it. */
        public Optional<String> label(String code) {
            return Optional.ofNullable(codes.get(code));
        }
    }

    private DimensionCatalog(Map<Dimension, Entry> entries) {
        this.entries = java.util.Collections.unmodifiableMap(new EnumMap<>(entries));
    }

    /** The catalogue over the contract's code lists and the shipped country table. */
    public static DimensionCatalog load() {
        return of(CodeLists.load(), ReferenceData.load().countries());
    }

    /** The catalogue over these code lists and countries. */
    public static DimensionCatalog of(CodeLists lists, Countries countries) {
        Map<Dimension, Entry> entries = new EnumMap<>(Dimension.class);
        entries.put(Dimension.YEAR, new Entry(Dimension.YEAR, "Year of registration", Map.of(), Optional.of(YEAR_CODE)));
        entries.put(Dimension.SEX, coded(Dimension.SEX, "Sex", lists.get("sex")));
        entries.put(Dimension.AGE_BAND, coded(Dimension.AGE_BAND, "Age band", lists.get("age_band")));
        entries.put(Dimension.MINOR_AT_EXPLOITATION, coded(Dimension.MINOR_AT_EXPLOITATION,
                "Minor when exploited", lists.get("minor_at_exploitation")));
        entries.put(Dimension.CITIZENSHIP, countries(Dimension.CITIZENSHIP, "Citizenship", countries, true));
        entries.put(Dimension.COUNTRY_OF_IDENTIFICATION,
                countries(Dimension.COUNTRY_OF_IDENTIFICATION, "Country of identification", countries, false));
        entries.put(Dimension.COUNTRY_OF_EXPLOITATION,
                countries(Dimension.COUNTRY_OF_EXPLOITATION, "Country of exploitation", countries, false));
        entries.put(Dimension.EXPLOITATION, coded(Dimension.EXPLOITATION, "Form of exploitation",
                lists.get("exploitation")));
        entries.put(Dimension.IDENTIFIED_BY, coded(Dimension.IDENTIFIED_BY, "Identified by", lists.get("identified_by")));
        entries.put(Dimension.STATUS, coded(Dimension.STATUS, "Status", lists.get("status")));
        return new DimensionCatalog(entries);
    }

    /** The entry of a dimension. */
    public Entry entry(Dimension dimension) {
        return entries.get(dimension);
    }

    /** Every dimension's entry, in {@link Dimension} order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    private static Entry coded(Dimension dimension, String label, CodeList list) {
        Map<String, String> codes = new LinkedHashMap<>(list.labels());
        // A field left empty in an extract is published as "unknown"; some lists already have it.
        codes.putIfAbsent(Dimension.UNKNOWN, NOT_RECORDED);
        return new Entry(dimension, label, codes, Optional.empty());
    }

    private static Entry countries(Dimension dimension, String label, Countries countries, boolean citizenship) {
        Map<String, String> iso = new TreeMap<>();
        for (Country country : countries.all()) {
            iso.put(country.iso2(), country.name());
        }
        // Codes the JDK knows but the shipped table lacks still pass ingestion, so they must be filterable.
        for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
            iso.putIfAbsent(code, Locale.of("", code).getDisplayCountry(Locale.ROOT));
        }
        Map<String, String> codes = new LinkedHashMap<>(iso);
        codes.put("XX", "Unknown country");
        if (citizenship) {
            codes.put("XS", "Stateless");
        }
        if (dimension != Dimension.COUNTRY_OF_IDENTIFICATION) {
            codes.put(Dimension.UNKNOWN, NOT_RECORDED);
        }
        return new Entry(dimension, label, codes, Optional.empty());
    }
}
