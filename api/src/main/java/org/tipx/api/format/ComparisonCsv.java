package org.tipx.api.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.Comparison;
import org.tipx.api.statistics.Flag;
import org.tipx.api.statistics.Intervals;
import org.tipx.api.statistics.PoissonTrend;
import org.tipx.api.statistics.RatePoint;

/**
 * The CSV form of a comparison: one row per country, year and category, in the order of the JSON
 * answer. Columns: {@code country_of_identification}, {@code year}, the breakdown dimension's id
 * (with a breakdown; {@code _T} for the total), {@code OBS_VALUE} (empty when withheld),
 * {@code POPULATION}, {@code RATE_PER_100K} with its 95 % interval {@code RATE_LOWER95},
 * {@code RATE_UPPER95}, {@code SHARE} with {@code SHARE_LOWER95}, {@code SHARE_UPPER95},
 * {@code OBS_STATUS}, {@code CONF_STATUS}, one {@code true}/{@code false} column per {@link Flag}, and the
 * series' trend, repeated on each of its rows so that a row reads on its own: {@code TREND_ANNUAL_CHANGE},
 * {@code TREND_LOWER95}, {@code TREND_UPPER95}, {@code TREND_DISPERSION} (empty without a trend). Numbers use {@link Locale#ROOT};
 * every value is a code or a number, so no field needs quoting.
 */
public final class ComparisonCsv {

    private ComparisonCsv() {
    }

    public static String write(Comparison comparison) {
        StringBuilder csv = new StringBuilder();
        csv.append("country_of_identification,year");
        // A group-only indicator (foreign nationals) has its group as a category beside the total.
        Optional<String> categoryColumn = comparison.query().breakdown().map(Dimension::id)
                .or(() -> comparison.query().indicator().group().map(g -> "category"));
        categoryColumn.ifPresent(id -> csv.append(',').append(id));
        csv.append(",OBS_VALUE,POPULATION,RATE_PER_100K,RATE_LOWER95,RATE_UPPER95,SHARE,SHARE_LOWER95,SHARE_UPPER95,"
                + "OBS_STATUS,CONF_STATUS");
        for (Flag flag : Flag.values()) {
            csv.append(',').append(flag.name());
        }
        csv.append(",TREND_ANNUAL_CHANGE,TREND_LOWER95,TREND_UPPER95,TREND_DISPERSION");
        csv.append("\r\n");
        boolean breakdown = categoryColumn.isPresent();
        for (Comparison.CountrySeries country : comparison.countries()) {
            for (Comparison.Series series : country.series()) {
                for (Comparison.Point point : series.points()) {
                    RatePoint rate = point.rate();
                    List<String> fields = new java.util.ArrayList<>();
                    fields.add(country.country().iso2());
                    fields.add(Integer.toString(rate.year()));
                    if (breakdown) {
                        fields.add(series.category());
                    }
                    figures(fields, point);
                    flags(fields, rate);
                    trend(fields, series);
                    csv.append(String.join(",", fields)).append("\r\n");
                }
            }
        }
        return csv.toString();
    }

    /**
     * A point's figures, the columns {@code OBS_VALUE} to {@code CONF_STATUS}: the count (empty when withheld),
     * population, rate per 100,000 and its range, share and its range, and the two SDMX statuses.
     */
    static void figures(List<String> fields, Comparison.Point point) {
        RatePoint rate = point.rate();
        fields.add(rate.count().isPresent() ? Long.toString(rate.count().getAsLong()) : "");
        fields.add(rate.population().isPresent() ? Long.toString(rate.population().getAsLong()) : "");
        fields.add(decimal(rate.ratePer100k()));
        fields.add(decimal(point.rate95().map(Intervals.Interval::lower)));
        fields.add(decimal(point.rate95().map(Intervals.Interval::upper)));
        fields.add(decimal(point.share()));
        fields.add(decimal(point.share95().map(Intervals.Interval::lower)));
        fields.add(decimal(point.share95().map(Intervals.Interval::upper)));
        fields.add(point.cell().obsStatus().code());
        fields.add(point.cell().confStatus().code());
    }

    /** One {@code true}/{@code false} column per {@link Flag}, in its order. */
    static void flags(List<String> fields, RatePoint rate) {
        for (Flag flag : Flag.values()) {
            fields.add(Boolean.toString(rate.has(flag)));
        }
    }

    /** The series' trend, on each of its rows: annual change, its range, the dispersion. */
    static void trend(List<String> fields, Comparison.Series series) {
        fields.add(decimal(series.trend().map(PoissonTrend.Trend::annualChange)));
        fields.add(decimal(series.trend().map(PoissonTrend.Trend::lower95)));
        fields.add(decimal(series.trend().map(PoissonTrend.Trend::upper95)));
        fields.add(decimal(series.trend().map(PoissonTrend.Trend::dispersion)));
    }

    /** Six decimals: a rate per 100,000 to a millionth, a share to a ten-thousandth of a percent. */
    private static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.6f", value.getAsDouble()) : "";
    }

    private static String decimal(Optional<Double> value) {
        return value.map(v -> String.format(Locale.ROOT, "%.6f", v)).orElse("");
    }
}
