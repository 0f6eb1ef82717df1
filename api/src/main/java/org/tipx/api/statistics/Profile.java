package org.tipx.api.statistics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.reference.Country;

/**
 * One country's indicators over the years beside its UN M49 sub-region, from one release's protected counts.
 *
 * @param reportingCountries every country with an agency reporting in the release, in code order
 * @param indicators         one per {@link Indicator}, in the catalogue's order
 */
public record Profile(PublishedRelease release, Country country, Optional<Region> region,
                      List<String> reportingCountries, List<IndicatorSeries> indicators) {

    public Profile {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(region, "region");
        reportingCountries = List.copyOf(reportingCountries);
        indicators = List.copyOf(indicators);
    }

    /**
     * The country's sub-region and the countries of it whose records its figures count.
     *
     * @param reportingCountries the sub-region's countries reporting in the release; empty: no figures
     */
    public record Region(String m49, String name, List<String> reportingCountries) {
        public Region {
            Objects.requireNonNull(m49, "m49");
            Objects.requireNonNull(name, "name");
            reportingCountries = List.copyOf(reportingCountries);
        }
    }

    /**
     * One indicator: the country's series and the region's, each as {@code /v1/comparisons} lists a country's
     * (the total, then a share indicator's categories and group). Either list is empty when its table has no
     * year (a country without any record: nothing to show, rather than invented zeros) or a query rule refused
     * it; the region's lacks a group relative to each country ({@link Indicator.Group#dependsOnCountry()}).
     *
     * @param notes why series are missing: the query rule that refused a table, never a count
     */
    public record IndicatorSeries(Indicator indicator, List<Comparison.Series> country,
                                  List<Comparison.Series> region, List<String> notes) {
        public IndicatorSeries {
            Objects.requireNonNull(indicator, "indicator");
            country = List.copyOf(country);
            region = List.copyOf(region);
            notes = List.copyOf(notes);
        }
    }
}
