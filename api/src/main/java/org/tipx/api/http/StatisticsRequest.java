package org.tipx.api.http;

import io.helidon.common.uri.UriQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedReleases;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.format.DimensionInfo;
import org.tipx.api.format.Labels;
import org.tipx.api.format.Language;
import org.tipx.api.format.TableFormat;

/**
 * The query string of {@code GET /v1/statistics}, checked parameter by parameter. Every refusal is a
 * {@link ProblemException} naming the parameter; problems never quote the request's values back.
 *
 * @param query   the table asked for
 * @param format  the representation asked for by {@code format}, if given
 * @param labels  whether labels go next to codes
 * @param release the release id asked for, or {@link PublishedReleases#LATEST}
 * @param period  the years asked for as a period, until {@link #resolved} turns it into a year filter
 * @param language the language of the labels ({@code lang}, else {@code Accept-Language})
 */
record StatisticsRequest(TableQuery query, Optional<TableFormat> format, boolean labels, String release,
                         Optional<YearPeriod> period, Language language) {

    static final String BY = "by";
    static final String MEASURE = "measure";
    static final String FORMAT = "format";
    static final String LABELS = "labels";
    static final String RELEASE = "release";

    private static final List<String> CONTROL = List.of(BY, MEASURE, FORMAT, LABELS, RELEASE, YearPeriod.START,
            YearPeriod.END, YearPeriod.LAST_N, LanguageNegotiation.LANG);
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern RELEASE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Reads and checks every parameter; refuses unknown and repeated ones. */
    static StatisticsRequest parse(UriQuery uriQuery, Optional<String> acceptLanguage, Labels catalog) {
        for (String name : uriQuery.names()) {
            if (!CONTROL.contains(name) && Dimension.byId(name).isEmpty()) {
                throw ProblemException.badRequest("Unknown query parameter. Use " + String.join(", ", CONTROL)
                        + " or a dimension id as a filter (see /v1/dimensions).");
            }
            if (uriQuery.all(name).size() > 1) {
                throw ProblemException.badRequest("Parameter '" + name + "' is given more than once; "
                        + "give one comma list instead.").about(name);
            }
        }
        List<Dimension> by = parseBy(uriQuery);
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Optional<String> value = first(uriQuery, dimension.id());
            if (value.isPresent()) {
                filters.put(dimension, codes(dimension, value.get(), catalog.dimension(dimension)));
            }
        }
        Measure measure = first(uriQuery, MEASURE).map(StatisticsRequest::measure).orElse(Measure.VICTIMS);
        Optional<TableFormat> format = first(uriQuery, FORMAT).map(value -> TableFormat.byId(value)
                .orElseThrow(() -> ProblemException.badRequest("format must be json, csv or jsonstat.").about(FORMAT)));
        boolean labels = first(uriQuery, LABELS).map(StatisticsRequest::bool).orElse(false);
        String release = first(uriQuery, RELEASE).orElse(PublishedReleases.LATEST);
        if (!RELEASE_ID.matcher(release).matches()) {
            throw ProblemException.badRequest("release must be a release id (letters, digits, '.', '_', '-') or latest.")
                    .about(RELEASE);
        }
        Optional<YearPeriod> period = YearPeriod.parse(first(uriQuery, YearPeriod.START), first(uriQuery, YearPeriod.END),
                first(uriQuery, YearPeriod.LAST_N));
        Language language = LanguageNegotiation.choose(first(uriQuery, LanguageNegotiation.LANG), acceptLanguage);
        TableQuery query;
        try {
            query = new TableQuery(by, filters, measure);
        } catch (QueryRuleException e) {
            throw StatisticsServiceImpl.refused(e).about(BY);
        }
        return new StatisticsRequest(query, format, labels, release, period, language);
    }

    /**
     * This request with its period, if any, turned into the year filter it stands for: the query is
     * then the one a list of years would give, so it is answered, tagged and protected as that one.
     *
     * @param listedYears the years the release lists, ascending; asked for only when the period needs them
     */
    StatisticsRequest resolved(Supplier<List<Integer>> listedYears) {
        if (period.isEmpty()) {
            return this;
        }
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        filters.putAll(query.filters());
        filters.put(Dimension.YEAR, period.get().years(Optional.ofNullable(query.filters().get(Dimension.YEAR)),
                listedYears));
        return new StatisticsRequest(new TableQuery(query.by(), filters, query.measure()), format, labels, release,
                Optional.empty(), language);
    }

    /**
     * The query in a canonical form: {@code by} in its order (it orders the output), filters by
     * dimension with their codes sorted (a filter is a set), the language. Two requests with the same
     * canonical form get the same answer. Call it on a {@link #resolved} request: a period is part
     * of the form only as the years it stands for.
     */
    String canonicalQuery() {
        StringBuilder text = new StringBuilder("by=");
        text.append(String.join(",", query.by().stream().map(Dimension::id).toList()));
        text.append(";measure=").append(query.measure().name().toLowerCase(Locale.ROOT));
        query.filters().forEach((dimension, codes) ->
                text.append(';').append(dimension.id()).append('=').append(String.join(",", new TreeSet<>(codes))));
        text.append(";labels=").append(labels);
        text.append(";lang=").append(language.tag());
        return text.toString();
    }

    private static List<Dimension> parseBy(UriQuery uriQuery) {
        Optional<String> value = first(uriQuery, BY);
        if (value.isEmpty() || value.get().isEmpty()) {
            return List.of();
        }
        List<Dimension> by = new ArrayList<>();
        String[] ids = value.get().split(",", -1);
        for (int i = 0; i < ids.length; i++) {
            int position = i + 1;
            by.add(Dimension.byId(ids[i]).orElseThrow(() -> ProblemException.badRequest(
                    "Entry " + position + " of by is not a dimension id; the ids are "
                            + String.join(", ", dimensionIds()) + ".").about(BY)));
        }
        return by;
    }

    /**
     * True when a filter on this dimension may name {@code code}: a listed code, four digits for a
     * year, and the contract's {@code XX} (unknown country) for every country dimension and
     * {@code XS} (stateless) for citizenship, which the country table does not list. Every code that
     * can be a row of a table can be a filter.
     */
    static boolean accepts(DimensionInfo info, String code) {
        Dimension dimension = info.dimension();
        if (dimension == Dimension.YEAR) {
            return YEAR.matcher(code).matches();
        }
        if (code.equals("XX") && (dimension == Dimension.CITIZENSHIP || dimension == Dimension.COUNTRY_OF_EXPLOITATION
                || dimension == Dimension.COUNTRY_OF_IDENTIFICATION)) {
            return true;
        }
        if (code.equals("XS") && dimension == Dimension.CITIZENSHIP) {
            return true;
        }
        return info.codes().stream().anyMatch(listed -> listed.code().equals(code));
    }

    private static Set<String> codes(Dimension dimension, String value, DimensionInfo entry) {
        Set<String> codes = new LinkedHashSet<>();
        String[] parts = value.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String code = parts[i];
            if (code.isEmpty() || !accepts(entry, code)) {
                throw ProblemException.badRequest("Entry " + (i + 1) + " of " + dimension.id() + " is not a code of "
                        + "that dimension" + (dimension == Dimension.YEAR ? " (four digits)" : " (see /v1/dimensions)")
                        + ".").about(dimension.id());
            }
            codes.add(code);
        }
        return codes;
    }

    private static Measure measure(String value) {
        return switch (value) {
            case "victims" -> Measure.VICTIMS;
            case "registrations" -> Measure.REGISTRATIONS;
            default -> throw ProblemException.badRequest("measure must be victims or registrations.").about(MEASURE);
        };
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("labels must be true or false.").about(LABELS);
        };
    }

    private static Optional<String> first(UriQuery query, String name) {
        return query.contains(name) ? Optional.of(query.get(name)) : Optional.empty();
    }

    private static List<String> dimensionIds() {
        return java.util.Arrays.stream(Dimension.values()).map(Dimension::id).toList();
    }
}
