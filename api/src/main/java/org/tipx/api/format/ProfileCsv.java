package org.tipx.api.format;

import java.util.ArrayList;
import java.util.List;

import org.tipx.api.statistics.Comparison;
import org.tipx.api.statistics.Flag;
import org.tipx.api.statistics.Profile;
import org.tipx.api.statistics.RatePoint;

/**
 * The CSV form of a country profile: one row per indicator, area, category and year, the country's rows before
 * its region's. Columns: {@code indicator}, {@code area} ({@code country} or {@code region}), {@code area_code}
 * (ISO 3166-1 alpha-2 or UN M49), {@code category} ({@code _T} for the total, else a share indicator's code or
 * group), {@code year}, {@code OBS_VALUE} (empty when withheld), {@code POPULATION}, {@code RATE_PER_100K},
 * {@code RATE_LOWER95}, {@code RATE_UPPER95}, {@code SHARE}, {@code SHARE_LOWER95}, {@code SHARE_UPPER95},
 * {@code OBS_STATUS}, {@code CONF_STATUS},
 * {@code REPORTING_AGENCIES}, one {@code true}/{@code false} column per {@link Flag}, and the series' trend on
 * each of its rows ({@code TREND_ANNUAL_CHANGE}, {@code TREND_LOWER95}, {@code TREND_UPPER95},
 * {@code TREND_DISPERSION}). Every value is a code or a number (Locale.ROOT), so no field needs quoting; an
 * area without figures has no rows.
 */
public final class ProfileCsv {

    private ProfileCsv() {
    }

    public static String write(Profile profile) {
        StringBuilder csv = new StringBuilder();
        csv.append("indicator,area,area_code,category,year,OBS_VALUE,POPULATION,RATE_PER_100K,RATE_LOWER95,"
                + "RATE_UPPER95,SHARE,SHARE_LOWER95,SHARE_UPPER95,OBS_STATUS,CONF_STATUS,REPORTING_AGENCIES");
        for (Flag flag : Flag.values()) {
            csv.append(',').append(flag.name());
        }
        csv.append(",TREND_ANNUAL_CHANGE,TREND_LOWER95,TREND_UPPER95,TREND_DISPERSION\r\n");
        for (Profile.IndicatorSeries indicator : profile.indicators()) {
            String id = indicator.indicator().id();
            indicator.country().forEach(s -> rows(csv, id, "country", profile.country().iso2(), s));
            profile.region().ifPresent(region -> indicator.region()
                    .forEach(s -> rows(csv, id, "region", region.m49(), s)));
        }
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String indicator, String area, String code, Comparison.Series series) {
        for (Comparison.Point point : series.points()) {
            RatePoint rate = point.rate();
            List<String> fields = new ArrayList<>();
            fields.add(indicator);
            fields.add(area);
            fields.add(code);
            fields.add(series.category());
            fields.add(Integer.toString(rate.year()));
            ComparisonCsv.figures(fields, point);
            fields.add(point.reportingAgencies().isPresent() ? Integer.toString(point.reportingAgencies().getAsInt()) : "");
            ComparisonCsv.flags(fields, rate);
            ComparisonCsv.trend(fields, series);
            csv.append(String.join(",", fields)).append("\r\n");
        }
    }
}
