package org.tipx.api.statistics;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import org.tipx.anonymizer.cellkey.ProtectedCell;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.reference.Country;

/**
 * The answer to a {@link ComparisonQuery}: per country, one series per category (the total
 * {@link ProtectedTable#TOTAL} and, with a breakdown, each observed code), every figure derived from
 * the release's protected cells. Holds no true count and no cell key.
 *
 * @param release   the release the counts come from
 * @param query     the query answered
 * @param from      the first year of every series; empty only when neither the query nor the data give one
 * @param to        the last year of every series
 * @param countries in the order of the query
 */
public record Comparison(PublishedRelease release, ComparisonQuery query, OptionalInt from, OptionalInt to,
                         List<CountrySeries> countries) {

    public Comparison {
        countries = List.copyOf(countries);
    }

    /** The series of one country. */
    public record CountrySeries(Country country, List<Series> series) {
        public CountrySeries {
            series = List.copyOf(series);
        }
    }

    /**
     * One category of one country over the years.
     *
     * @param category        the breakdown code, {@link ProtectedTable#TOTAL} for the country's total
     * @param points          one per year from {@code from} to {@code to}
     * @param changes         year-on-year changes
     * @param trend           the Poisson log-linear trend, empty when it cannot be fitted (see {@code trendNote})
     * @param trendNote       why there is no trend; empty when there is one
     * @param trendCoverageChanged true when the set of reporting agencies changed within the years the trend used
     */
    public record Series(String category, List<Point> points, List<YearChange> changes,
                         Optional<PoissonTrend.Trend> trend, Optional<String> trendNote, boolean trendCoverageChanged) {
        public Series {
            points = List.copyOf(points);
            changes = List.copyOf(changes);
        }
    }

    /**
     * One year of a series.
     *
     * @param rate              the protected count, population, rate per 100,000 and flags
     * @param cell              the protected cell (its SDMX statuses)
     * @param share             with a breakdown: this count over the protected country-year total
     * @param reportingAgencies agencies with extracts for the country and year, when the release knows them
     * @param rate95            95 % interval of the expected rate per 100,000, with the cell key noise and the
     *                          series' dispersion (see {@link Intervals#ratePer100k}); empty without a rate
     * @param share95           95 % interval of the share, with the cell key noise (see {@link Intervals#share});
     *                          empty without a share
     */
    public record Point(RatePoint rate, ProtectedCell cell, OptionalDouble share, OptionalInt reportingAgencies,
                        Optional<Intervals.Interval> rate95, Optional<Intervals.Interval> share95) {
    }

    /**
     * A year-on-year change of the protected count, with the relative change of the rate per 100,000
     * (empty when either rate is). {@code partialPeriod} is true when either year is partial
     * ({@link Flag#PARTIAL_PERIOD}); the change is then not computed, since part of a year is not
     * comparable with a whole one.
     */
    public record YearChange(Rates.Change count, OptionalDouble rateRelative, boolean partialPeriod) {
    }
}
