package org.tipx.api.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * What a comparison across countries measures. Every indicator reports, per country and year,
 * protected counts of a {@link Measure}, populations and rates; the indicators differ in the
 * breakdown whose shares they are about and in the trend they fit:
 * <ul>
 *   <li>rates: the trend of the rate per 100,000 population (SDG indicator 16.2.2) or of the count;</li>
 *   <li>shares of a breakdown ({@link #breakdown()}): each category's protected count over the
 *       protected country-year total, e.g. the share identified by each type of agency;</li>
 *   <li>shares of a {@link Group}: the protected count of a table filtered to a set of codes that
 *       depends on the country (every other country, for foreign nationals), over the same total.</li>
 * </ul>
 * Numerators and denominators are always published cells of the protected table engine; docs/indicators.md
 * defines each indicator for its readers.
 */
public enum Indicator {
    /** SDG 16.2.2: distinct victims per 100,000 population; the trend is the rate's. */
    VICTIMS_PER_100K("victims_per_100k", Measure.VICTIMS, true, Optional.empty(), Optional.empty()),
    /** Distinct victims; the trend is the count's. */
    VICTIMS("victims", Measure.VICTIMS, false, Optional.empty(), Optional.empty()),
    /** Registrations (a person reported by two agencies counts twice) per 100,000 population. */
    REGISTRATIONS_PER_100K("registrations_per_100k", Measure.REGISTRATIONS, true, Optional.empty(), Optional.empty()),
    /** Registrations; the trend is the count's. */
    REGISTRATIONS("registrations", Measure.REGISTRATIONS, false, Optional.empty(), Optional.empty()),
    /** Share of victims who were minors when exploited ({@code minor_at_exploitation=yes}), and of adults and unknown. */
    SHARE_MINORS("share_minors", Measure.VICTIMS, false, Optional.of(Dimension.MINOR_AT_EXPLOITATION), Optional.empty()),
    /** Share of victims identified by each type of agency: the NRM's reach beyond the police. */
    SHARE_IDENTIFIED_BY("share_identified_by", Measure.VICTIMS, false, Optional.of(Dimension.IDENTIFIED_BY),
            Optional.empty()),
    /** Share of victims receiving each form of assistance, and ({@link Group#ANY_ASSISTANCE}) any form. */
    SHARE_ASSISTANCE("share_assistance", Measure.VICTIMS, false, Optional.of(Dimension.ASSISTANCE),
            Optional.of(Group.ANY_ASSISTANCE)),
    /** Share of presumed and of confirmed victims. */
    SHARE_STATUS("share_status", Measure.VICTIMS, false, Optional.of(Dimension.STATUS), Optional.empty()),
    /** Share of victims who are foreign nationals or stateless in the country that identified them. */
    SHARE_FOREIGN_NATIONALS("share_foreign_nationals", Measure.VICTIMS, false, Optional.empty(),
            Optional.of(Group.FOREIGN_NATIONALS)),
    /** Share of victims exploited in another country than the one that identified them. */
    SHARE_EXPLOITED_ABROAD("share_exploited_abroad", Measure.VICTIMS, false, Optional.empty(),
            Optional.of(Group.EXPLOITED_ABROAD));

    /**
     * A category that is not one code but a set of codes, possibly depending on the country of
     * identification; its count is the published cell of a table filtered to those codes (a person
     * counts once however many of them they have), never a sum of cells.
     */
    public enum Group {
        /** Received at least one form of assistance (not {@code none}, {@code declined} or not recorded). */
        ANY_ASSISTANCE("any", Dimension.ASSISTANCE),
        /** A citizenship other than the country of identification, or stateless; unknown citizenship is not. */
        FOREIGN_NATIONALS("foreign", Dimension.CITIZENSHIP),
        /** A country of exploitation other than the country of identification; unknown is not. */
        EXPLOITED_ABROAD("abroad", Dimension.COUNTRY_OF_EXPLOITATION);

        /** The contract's forms of assistance actually received. */
        public static final List<String> FORMS_OF_ASSISTANCE = List.of("shelter", "medical", "psychological", "legal",
                "reintegration", "return", "financial");
        /** The contract's code for stateless persons (citizenship). */
        static final String STATELESS = "XS";

        private final String category;
        private final Dimension dimension;

        Group(String category, Dimension dimension) {
            this.category = category;
            this.dimension = dimension;
        }

        /** The category id the answer lists the group's series under. */
        public String category() {
            return category;
        }

        /**
         * True when the group's codes depend on the country of identification ("foreign" is relative to it):
         * then a group of countries has no single cell for the group.
         */
        public boolean dependsOnCountry() {
            return this != ANY_ASSISTANCE;
        }

        /** The dimension whose codes the group's table is filtered on. */
        public Dimension dimension() {
            return dimension;
        }

        /**
         * The codes of the group for a country of identification, out of every ISO 3166-1 alpha-2 code
         * (the unknown codes {@code XX} and {@code unknown} are in no group: they are not known to be foreign).
         */
        public Set<String> codes(String country, List<String> allCountries) {
            Set<String> codes = new TreeSet<>();
            switch (this) {
                case ANY_ASSISTANCE -> codes.addAll(FORMS_OF_ASSISTANCE);
                case FOREIGN_NATIONALS -> {
                    codes.addAll(allCountries);
                    codes.remove(country);
                    codes.add(STATELESS);
                }
                case EXPLOITED_ABROAD -> {
                    codes.addAll(allCountries);
                    codes.remove(country);
                }
            }
            return codes;
        }
    }

    private final String id;
    private final Measure measure;
    private final boolean perPopulation;
    private final Optional<Dimension> breakdown;
    private final Optional<Group> group;

    Indicator(String id, Measure measure, boolean perPopulation, Optional<Dimension> breakdown, Optional<Group> group) {
        this.id = id;
        this.measure = measure;
        this.perPopulation = perPopulation;
        this.breakdown = breakdown;
        this.group = group;
    }

    /** The id used in queries. */
    public String id() {
        return id;
    }

    /** What the protected counts count. */
    public Measure measure() {
        return measure;
    }

    /** True when the trend is of the rate per population (a log-population offset), not of the count. */
    public boolean perPopulation() {
        return perPopulation;
    }

    /** The breakdown whose shares this indicator is, when it fixes one; then a query may not choose another. */
    public Optional<Dimension> breakdown() {
        return breakdown;
    }

    /** The group whose share this indicator reports besides its breakdown's, if any. */
    public Optional<Group> group() {
        return group;
    }

    /** True for the indicators that are shares (of a breakdown or of a group), not counts or rates. */
    public boolean share() {
        return breakdown.isPresent() || group.isPresent();
    }

    /** The indicator with this id, if any. */
    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
