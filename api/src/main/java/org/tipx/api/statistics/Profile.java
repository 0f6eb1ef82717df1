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
     * One indicator: the country's total series and the region's; either is absent when its table has no year
     * (a country without any record: nothing to show, rather than invented zeros) or a query rule refused it.
     *
     * @param notes why a series is missing: the query rule that refused its table, never a count
     */
    public record IndicatorSeries(Indicator indicator, Optional<Comparison.Series> country,
                                  Optional<Comparison.Series> region, List<String> notes) {
        public IndicatorSeries {
            notes = List.copyOf(notes);
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(country, "country");
            Objects.requireNonNull(region, "region");
        }
    }
}
