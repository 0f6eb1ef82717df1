package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.reference.Country;
import org.tipx.api.reference.ReferenceData;

/**
 * Country profiles: every {@link Indicator} of the comparisons for one country, each computed by
 * {@link Comparisons} exactly as {@code /v1/comparisons} computes it, beside the same indicator for the
 * country's UN M49 sub-region ({@link Comparisons#aggregate}). The region's years are the country's when the
 * country has any, so that the two read side by side. Thread-safe if the table source is.
 */
public final class Profiles {

    private final PublishedReleases releases;
    private final ReferenceData reference;
    private final Comparisons comparisons;

    public Profiles(PublishedReleases releases, TableSource tables, ReferenceData reference) {
        this.releases = Objects.requireNonNull(releases, "releases");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.comparisons = new Comparisons(releases, tables, reference);
    }

    /**
     * The profile of {@code country} on {@code release}.
     *
     * A table a query rule refuses leaves its series out, with the rule in the indicator's notes.
     *
     * @throws NoSuchElementException if the release is not published
     */
    public Profile profile(PublishedRelease release, Country country) {
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(country, "country");
        // Which countries report is public already: the manifest lists every extract with its agency's country.
        Set<String> reporting = new TreeSet<>(releases.reportingAgencies(release.id()).keySet());
        Optional<Profile.Region> region = Optional.empty();
        if (!country.subregionM49().isEmpty()) {
            List<String> members = reference.countries().in(country.subregionM49()).stream()
                    .map(Country::iso2)
                    .filter(reporting::contains)
                    .sorted()
                    .toList();
            region = Optional.of(new Profile.Region(country.subregionM49(), country.subregionName(), members));
        }
        List<Profile.IndicatorSeries> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<String> notes = new ArrayList<>();
            List<Comparison.Series> own = List.of();
            OptionalInt from = OptionalInt.empty();
            OptionalInt to = OptionalInt.empty();
            try {
                Comparison comparison = comparisons.compare(release, new ComparisonQuery(indicator,
                        List.of(country.iso2()), OptionalInt.empty(), OptionalInt.empty(), Optional.empty()));
                if (comparison.from().isPresent()) {
                    own = comparison.countries().getFirst().series();
                    from = comparison.from();
                    to = comparison.to();
                }
            } catch (QueryRuleException e) {
                // What /v1/comparisons would refuse is left out here too; the rest of the profile still answers.
                notes.add("country: " + e.getMessage());
            }
            List<Comparison.Series> aggregate = List.of();
            if (region.isPresent() && !region.get().reportingCountries().isEmpty()) {
                indicator.group().filter(Indicator.Group::dependsOnCountry).ifPresent(group -> notes.add(
                        "region: no share '" + group.category() + "', which is relative to each country of identification"));
                try {
                    aggregate = comparisons.aggregate(release, indicator,
                            Set.copyOf(region.get().reportingCountries()), from, to);
                } catch (QueryRuleException e) {
                    notes.add("region: " + e.getMessage());
                }
            }
            indicators.add(new Profile.IndicatorSeries(indicator, own, aggregate, notes));
        }
        return new Profile(release, country, region, List.copyOf(reporting), indicators);
    }
}
