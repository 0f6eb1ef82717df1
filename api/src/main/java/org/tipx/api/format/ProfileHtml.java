package org.tipx.api.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeSet;

import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.Comparison;
import org.tipx.api.statistics.Flag;
import org.tipx.api.statistics.Indicator;
import org.tipx.api.statistics.Intervals;
import org.tipx.api.statistics.Profile;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.RatePoint;

/**
 * A country profile as a printable page (A4 landscape), for the coordinator's yearly report: one table per
 * indicator, a row per area and category, a column per year, each cell the figure the JSON answer holds
 * (a rate per 100,000 or a count for the total, a share in per cent for a category) with its 95 % range
 * and the letters of its flags. Headings and labels are in the labels' language; numbers in its format.
 *
 * <p>No script, no external resource: the one stylesheet is inline and {@link #CONTENT_SECURITY_POLICY}
 * allows exactly it by its hash. Every text from data (names, codes) is escaped. Each figure's cell carries
 * {@code data-indicator}, {@code data-area}, {@code data-category}, {@code data-year} and {@code data-count}
 * (the published count, empty when withheld), so that a script can take the figures back without parsing text.
 */
public final class ProfileHtml {

    private static final String STYLE = "body{font:11pt/1.4 system-ui,sans-serif;margin:1.5em;color:#111}"
            + "h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.4em 0 .2em}"
            + "p{margin:.2em 0 .5em}.definition,.meta{color:#333}"
            + "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}"
            + "caption{text-align:left;font-weight:600;padding:.2em 0}"
            + "th,td{border-bottom:1px solid #bbb;padding:.25em .4em;text-align:right;vertical-align:top}"
            + "th[scope=row]{text-align:left;font-weight:normal}thead th{border-bottom:2px solid #444}"
            + "thead th:first-child{text-align:left}"
            + ".range{display:block;font-size:.8em;color:#444}sup{color:#444}"
            + "section{break-inside:avoid}@page{size:A4 landscape;margin:12mm}";

    /** The page's policy: nothing may load, and only the inline stylesheet (by its hash) applies. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; frame-ancestors 'none'";

    /** The flags shown as letters after a figure (withheld shows as a dash, no population as no rate). */
    private static final List<Flag> MARKED = List.of(Flag.PARTIAL_PERIOD, Flag.COVERAGE_CHANGED,
            Flag.POPULATION_PROJECTED, Flag.POPULATION_CARRIED_FORWARD);
    private static final String DASH = "\u2013";

    private ProfileHtml() {
    }

    public static String write(Profile profile, Labels labels) {
        Locale locale = Locale.forLanguageTag(labels.language().tag());
        StringBuilder html = new StringBuilder(16_384);
        String country = labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, profile.country().iso2());
        html.append("<!DOCTYPE html>\n<html lang=\"").append(labels.language().tag()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(escape(country)).append(" \u2014 ")
                .append(escape(labels.text("profile.page.title"))).append(" \u2014 tipx</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(escape(country)).append("</h1>\n")
                .append("<p class=\"meta\">").append(escape(labels.text("profile.page.title"))).append(" \u00b7 ")
                .append(escape(labels.text("profile.page.release"))).append(' ')
                .append(escape(profile.release().id())).append("</p>\n");
        profile.region().ifPresent(region -> html.append("<p class=\"meta\">")
                .append(escape(labels.text("profile.page.region"))).append(": ").append(escape(region.name()))
                .append(" (M49 ").append(escape(region.m49())).append("); ")
                .append(escape(labels.text("profile.page.region_counts"))).append(": ")
                .append(escape(countries(region.reportingCountries(), labels))).append("</p>\n"));
        html.append("<p class=\"meta\">").append(escape(labels.text("profile.page.reporting"))).append(": ")
                .append(escape(countries(profile.reportingCountries(), labels))).append("</p>\n");
        ProtectionParameters protection = profile.release().protection();
        html.append("<p>").append(escape(String.format(locale, labels.text("profile.page.protection"),
                protection.ptable().maxPerturbation(), trim(protection.ptable().variance()), protection.threshold())))
                .append("</p>\n<p>");
        List<String> legend = new ArrayList<>();
        for (Flag flag : MARKED) {
            legend.add(letter(flag) + " = " + labels.text("profile.page.flag." + flag.name()));
        }
        html.append(escape(DASH + " = " + labels.text("profile.page.withheld") + "; " + String.join("; ", legend)))
                .append("</p>\n");
        for (Profile.IndicatorSeries indicator : profile.indicators()) {
            section(html, profile, indicator, labels, locale);
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, Profile profile, Profile.IndicatorSeries indicator, Labels labels,
                                Locale locale) {
        String id = indicator.indicator().id();
        String name = labels.text("indicator." + id + ".name");
        html.append("<section>\n<h2>").append(escape(name)).append("</h2>\n<p class=\"definition\">")
                .append(escape(labels.text("indicator." + id + ".definition"))).append("</p>\n");
        SortedSet<Integer> years = new TreeSet<>();
        for (Comparison.Series series : all(indicator)) {
            series.points().forEach(point -> years.add(point.rate().year()));
        }
        if (years.isEmpty()) {
            html.append("<p>").append(escape(labels.text("profile.page.no_figures"))).append("</p>\n");
        } else {
            html.append("<table>\n<caption>").append(escape(name)).append(": ")
                    .append(escape(labels.text(unitKey(indicator.indicator())))).append("</caption>\n<thead><tr><th scope=\"col\">")
                    .append(escape(labels.text("profile.page.series"))).append("</th>");
            for (int year : years) {
                html.append("<th scope=\"col\">").append(year).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            String countryName = labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, profile.country().iso2());
            rows(html, "country", countryName, indicator.indicator(), indicator.country(), years, labels, locale);
            if (profile.region().isPresent()) {
                rows(html, "region", profile.region().get().name(), indicator.indicator(), indicator.region(), years,
                        labels, locale);
            }
            html.append("</tbody>\n</table>\n");
        }
        for (String note : indicator.notes()) {
            html.append("<p class=\"definition\">").append(escape(note)).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private static List<Comparison.Series> all(Profile.IndicatorSeries indicator) {
        List<Comparison.Series> all = new ArrayList<>(indicator.country());
        all.addAll(indicator.region());
        return all;
    }

    private static void rows(StringBuilder html, String area, String areaName, Indicator indicator,
                             List<Comparison.Series> seriesList, SortedSet<Integer> years, Labels labels, Locale locale) {
        for (Comparison.Series series : seriesList) {
            html.append("<tr><th scope=\"row\">").append(escape(areaName)).append(" \u2014 ")
                    .append(escape(categoryLabel(indicator, series.category(), labels))).append("</th>");
            for (int year : years) {
                Optional<Comparison.Point> point = series.points().stream()
                        .filter(p -> p.rate().year() == year).findFirst();
                html.append("<td data-indicator=\"").append(indicator.id()).append("\" data-area=\"").append(area)
                        .append("\" data-category=\"")
                        .append(escape(series.category())).append("\" data-year=\"").append(year)
                        .append("\" data-count=\"");
                point.flatMap(p -> p.rate().count().isPresent()
                        ? Optional.of(p.rate().count().getAsLong()) : Optional.empty()).ifPresent(html::append);
                html.append("\">");
                point.ifPresent(p -> figure(html, indicator, series.category(), p, locale));
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
    }

    /**
     * The figure of a point: a share in per cent for a category, else a rate per 100,000 or a count; then its
     * flags' letters, then its 95 % range on a line of its own.
     */
    private static void figure(StringBuilder html, Indicator indicator, String category, Comparison.Point point,
                               Locale locale) {
        RatePoint rate = point.rate();
        Optional<Intervals.Interval> range = Optional.empty();
        boolean rateShown = false;
        if (rate.count().isEmpty()) {
            html.append(DASH);
        } else if (!category.equals(ProtectedTable.TOTAL)) {
            html.append(percent(point.share(), locale));
            range = point.share95().map(r -> new Intervals.Interval(100 * r.lower(), 100 * r.upper()));
        } else if (indicator.perPopulation() && rate.ratePer100k().isPresent()) {
            html.append(decimal(rate.ratePer100k().getAsDouble(), 2, locale));
            range = point.rate95();
            rateShown = true;
        } else {
            html.append(NumberFormat.getIntegerInstance(locale).format(rate.count().getAsLong()));
        }
        StringBuilder letters = new StringBuilder();
        for (Flag flag : MARKED) {
            // The population's flags concern a rate only: a count or a share has no population in it.
            boolean aboutPopulation = flag == Flag.POPULATION_PROJECTED || flag == Flag.POPULATION_CARRIED_FORWARD;
            if (rate.has(flag) && (rateShown || !aboutPopulation)) {
                letters.append(letter(flag));
            }
        }
        if (!letters.isEmpty()) {
            html.append("<sup>").append(letters).append("</sup>");
        }
        boolean share = !category.equals(ProtectedTable.TOTAL);
        range.ifPresent(r -> html.append("<span class=\"range\">").append(decimal(r.lower(), share ? 1 : 2, locale))
                .append(DASH).append(decimal(r.upper(), share ? 1 : 2, locale)).append(share ? "\u00a0%" : "")
                .append("</span>"));
    }

    private static String unitKey(Indicator indicator) {
        if (indicator.share()) {
            return "profile.page.unit.share";
        }
        return indicator.perPopulation() ? "profile.page.unit.rate" : "profile.page.unit.count";
    }

    private static String categoryLabel(Indicator indicator, String category, Labels labels) {
        if (indicator.group().isPresent() && indicator.group().get().category().equals(category)) {
            return labels.text("profile.page.group." + category);
        }
        return indicator.breakdown().map(d -> labels.label(d, category))
                .orElseGet(() -> labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, category));
    }

    private static String countries(List<String> codes, Labels labels) {
        if (codes.isEmpty()) {
            return DASH;
        }
        List<String> names = new ArrayList<>();
        codes.forEach(code -> names.add(labels.label(Dimension.COUNTRY_OF_IDENTIFICATION, code)));
        return String.join(", ", names);
    }

    private static char letter(Flag flag) {
        return switch (flag) {
            case PARTIAL_PERIOD -> 'p';
            case COVERAGE_CHANGED -> 'c';
            case POPULATION_PROJECTED -> 'e';
            case POPULATION_CARRIED_FORWARD -> 'f';
            default -> throw new IllegalArgumentException("no letter for " + flag);
        };
    }

    /** A parameter as written in the release: {@code 3} rather than {@code 3.0}. */
    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String percent(OptionalDouble share, Locale locale) {
        return share.isPresent() ? decimal(100 * share.getAsDouble(), 1, locale) + "\u00a0%" : DASH;
    }

    private static String decimal(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** Text for an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
