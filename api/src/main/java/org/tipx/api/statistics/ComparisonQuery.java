package org.tipx.api.statistics;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.tipx.api.domain.Dimension;

/**
 * A comparison across countries: an indicator for some countries of identification over a span of
 * registration years, optionally broken down by one dimension. The compact constructor enforces the
 * limits; its messages name the offending part and quote only the numbers involved.
 *
 * @param indicator what is compared
 * @param countries ISO 3166-1 alpha-2 codes (upper case), in the order the answer lists them, no duplicates
 * @param from      the first year; empty for the earliest year with records
 * @param to        the last year; empty for the latest year with records
 * @param breakdown one of {@link #BREAKDOWNS}, or empty for totals only; for an indicator that fixes its
 *                  breakdown ({@link Indicator#breakdown()}), that one (empty is taken as it)
 */
public record ComparisonQuery(Indicator indicator, List<String> countries, OptionalInt from, OptionalInt to,
                              Optional<Dimension> breakdown) {

    /** Most countries in one comparison: keeps tables (and answers) small enough to read and to compute. */
    public static final int MAX_COUNTRIES = 20;
    /** Most years in one comparison. */
    public static final int MAX_YEARS = 51;
    /** Earliest year a comparison may ask for. */
    public static final int MIN_YEAR = 1900;
    /** Latest year a comparison may ask for. */
    public static final int MAX_YEAR = 2100;
    /** The dimensions a comparison can be broken down by: the SDG 16.2.2 disaggregations. */
    public static final Set<Dimension> BREAKDOWNS = EnumSet.of(Dimension.SEX, Dimension.AGE_BAND, Dimension.EXPLOITATION);

    public ComparisonQuery {
        if (indicator == null || countries == null || from == null || to == null || breakdown == null) {
            throw new IllegalArgumentException("indicator, countries, from, to and breakdown are required (use empty optionals)");
        }
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("at least one country is required");
        }
        if (countries.size() > MAX_COUNTRIES) {
            throw new IllegalArgumentException("at most " + MAX_COUNTRIES + " countries, got " + countries.size());
        }
        if (new LinkedHashSet<>(countries).size() != countries.size()) {
            throw new IllegalArgumentException("a country is listed twice");
        }
        for (String country : countries) {
            if (country == null || !country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("countries are ISO 3166-1 alpha-2 codes, two capital letters");
            }
        }
        requireYear(from, "from");
        requireYear(to, "to");
        if (from.isPresent() && to.isPresent()) {
            if (from.getAsInt() > to.getAsInt()) {
                throw new IllegalArgumentException("from (" + from.getAsInt() + ") is after to (" + to.getAsInt() + ")");
            }
            if (to.getAsInt() - from.getAsInt() + 1 > MAX_YEARS) {
                throw new IllegalArgumentException("at most " + MAX_YEARS + " years, got " + (to.getAsInt() - from.getAsInt() + 1));
            }
        }
        if (indicator.share()) {
            // A share indicator is the shares of its own breakdown (or group); another one would mix two.
            if (breakdown.isPresent() && !breakdown.equals(indicator.breakdown())) {
                throw new IllegalArgumentException("the indicator " + indicator.id() + " cannot be broken down by "
                        + breakdown.get().id());
            }
            breakdown = indicator.breakdown();
        } else if (breakdown.isPresent() && !BREAKDOWNS.contains(breakdown.get())) {
            throw new IllegalArgumentException("a comparison can be broken down by sex, age_band or exploitation, not by "
                    + breakdown.get().id());
        }
        countries = List.copyOf(countries);
    }

    private static void requireYear(OptionalInt year, String name) {
        if (year.isPresent() && (year.getAsInt() < MIN_YEAR || year.getAsInt() > MAX_YEAR)) {
            throw new IllegalArgumentException(name + " must be a year from " + MIN_YEAR + " to " + MAX_YEAR
                    + ", was " + year.getAsInt());
        }
    }
}
