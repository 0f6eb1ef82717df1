package org.tipx.api.sdmx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDMX 2.1 REST data query on {@code TIPX:DF_THB}: {@code data/{flowRef}/{key}/{providerRef}} and its
 * query parameters, checked.
 *
 * @param key                     per series dimension in key order, the SDMX codes asked for; an empty
 *                                set is a wildcard (every code)
 * @param startYear               {@code startPeriod}'s year, inclusive (annual data: a period inside a year takes that year in)
 * @param endYear                 {@code endPeriod}'s year, inclusive
 * @param firstNObservations      the most observations per series, from the first
 * @param lastNObservations       the most observations per series, back from the last
 * @param allDimensionsAtObservation true for {@code dimensionAtObservation=AllDimensions} (a flat data set),
 *                                false for the time series view ({@code TIME_PERIOD}, the default)
 * @param detail                  how much of each series to write
 */
public record DataQuery(List<Set<String>> key, OptionalInt startYear, OptionalInt endYear,
                        OptionalInt firstNObservations, OptionalInt lastNObservations,
                        boolean allDimensionsAtObservation, Detail detail) {

    /** The query parameters of a data query; {@code format} is the HTTP layer's. */
    public static final List<String> PARAMETERS = List.of("startPeriod", "endPeriod", "firstNObservations",
            "lastNObservations", "dimensionAtObservation", "detail", "updatedAfter", "includeHistory");

    private static final Pattern PERIOD = Pattern.compile(
            "([0-9]{4})(-(A1|S[12]|T[1-3]|Q[1-4]|M(0[1-9]|1[0-2])|W([0-4][0-9]|5[0-3])|D[0-3][0-9]{2}|(0[1-9]|1[0-2])(-[0-3][0-9])?))?"
                    + "(T.*)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_@$\\-]+");

    public DataQuery {
        Objects.requireNonNull(key, "key");
        if (key.size() != ThbStructure.KEY.size()) {
            throw new IllegalArgumentException("a key has " + ThbStructure.KEY.size() + " parts");
        }
        key = key.stream().map(Set::copyOf).toList();
        Objects.requireNonNull(startYear, "startYear");
        Objects.requireNonNull(endYear, "endYear");
        Objects.requireNonNull(firstNObservations, "firstNObservations");
        Objects.requireNonNull(lastNObservations, "lastNObservations");
        Objects.requireNonNull(detail, "detail");
    }

    /** Every series, every observation, in full. */
    public static DataQuery all() {
        return parse("all", Map.of());
    }

    /**
     * The query of a key ({@code all}, empty, or one part per series dimension separated by {@code .}, each
     * empty or codes joined by {@code +}) and its parameters.
     *
     * @throws SdmxException {@link SdmxError#SYNTAX_ERROR} for a malformed key or parameter,
     *                       {@link SdmxError#NOT_IMPLEMENTED} for {@code updatedAfter}, {@code includeHistory=true}
     *                       or a cross-sectional {@code dimensionAtObservation}
     */
    public static DataQuery parse(String key, Map<String, String> parameters) {
        Objects.requireNonNull(key, "key");
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new SdmxException(SdmxError.SYNTAX_ERROR, "Unknown query parameter; a data query takes "
                        + String.join(", ", PARAMETERS) + " and format.");
            }
        }
        List<Set<String>> parts = parseKey(key);
        OptionalInt start = year(parameters.get("startPeriod"), "startPeriod");
        OptionalInt end = year(parameters.get("endPeriod"), "endPeriod");
        OptionalInt firstN = positive(parameters.get("firstNObservations"), "firstNObservations");
        OptionalInt lastN = positive(parameters.get("lastNObservations"), "lastNObservations");
        boolean flat = false;
        String atObservation = parameters.getOrDefault("dimensionAtObservation", ThbStructure.TIME_PERIOD);
        if (atObservation.equals("AllDimensions")) {
            flat = true;
        } else if (!atObservation.equals(ThbStructure.TIME_PERIOD)) {
            if (ThbStructure.KEY.contains(atObservation)) {
                throw new SdmxException(SdmxError.NOT_IMPLEMENTED, "Cross-sectional data is not offered: "
                        + "dimensionAtObservation is TIME_PERIOD or AllDimensions.");
            }
            throw new SdmxException(SdmxError.SYNTAX_ERROR,
                    "dimensionAtObservation is TIME_PERIOD, AllDimensions or a dimension of the dataflow.");
        }
        Detail detail = Optional.ofNullable(parameters.get("detail")).map(value -> Detail.byId(value).orElseThrow(
                () -> new SdmxException(SdmxError.SYNTAX_ERROR, "detail is full, dataonly, serieskeysonly or nodata.")))
                .orElse(Detail.FULL);
        if (parameters.containsKey("updatedAfter")) {
            throw new SdmxException(SdmxError.NOT_IMPLEMENTED,
                    "updatedAfter is not offered: a release never changes; ask for the newest release instead.");
        }
        String history = parameters.getOrDefault("includeHistory", "false");
        if (history.equals("true")) {
            throw new SdmxException(SdmxError.NOT_IMPLEMENTED, "includeHistory is not offered: each release is "
                    + "its own data set (see /v1/releases).");
        } else if (!history.equals("false")) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, "includeHistory is true or false.");
        }
        if (start.isPresent() && end.isPresent() && start.getAsInt() > end.getAsInt()) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, "startPeriod is after endPeriod.");
        }
        return new DataQuery(parts, start, end, firstN, lastN, flat, detail);
    }

    /** The codes asked for in the series dimension with this id; empty for a wildcard. */
    public Set<String> codes(String dimensionId) {
        int index = ThbStructure.KEY.indexOf(dimensionId);
        if (index < 0) {
            throw new IllegalArgumentException("not a series dimension: " + dimensionId);
        }
        return key.get(index);
    }

    /** True when a year is inside {@code startPeriod}..{@code endPeriod}. */
    public boolean inPeriod(int year) {
        return (startYear.isEmpty() || year >= startYear.getAsInt()) && (endYear.isEmpty() || year <= endYear.getAsInt());
    }

    /** The same query with another detail. */
    public DataQuery withDetail(Detail other) {
        return new DataQuery(key, startYear, endYear, firstNObservations, lastNObservations, allDimensionsAtObservation, other);
    }

    static List<Set<String>> parseKey(String key) {
        int size = ThbStructure.KEY.size();
        List<Set<String>> parts = new ArrayList<>();
        if (key.isEmpty() || key.equals("all")) {
            for (int i = 0; i < size; i++) {
                parts.add(Set.of());
            }
            return parts;
        }
        String[] split = key.split("\\.", -1);
        if (split.length != size) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, "The key has " + size + " parts separated by '.' ("
                    + String.join(".", ThbStructure.KEY) + "), each empty (every code) or codes joined by '+'.");
        }
        for (int i = 0; i < size; i++) {
            Set<String> codes = new LinkedHashSet<>();
            if (!split[i].isEmpty()) {
                for (String code : split[i].split("\\+", -1)) {
                    if (!CODE.matcher(code).matches()) {
                        throw new SdmxException(SdmxError.SYNTAX_ERROR, "Part " + (i + 1) + " of the key ("
                                + ThbStructure.KEY.get(i) + ") is not a list of codes joined by '+'.");
                    }
                    codes.add(code);
                }
            }
            parts.add(codes);
        }
        return parts;
    }

    private static OptionalInt year(String value, String name) {
        if (value == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = PERIOD.matcher(value);
        if (!matcher.matches()) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, name + " is a period such as 2020, 2020-Q1, 2020-06 or 2020-06-30.");
        }
        return OptionalInt.of(Integer.parseInt(matcher.group(1)));
    }

    private static OptionalInt positive(String value, String name) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new SdmxException(SdmxError.SYNTAX_ERROR, name + " is a positive integer.");
        }
        return OptionalInt.of(Integer.parseInt(value));
    }
}
