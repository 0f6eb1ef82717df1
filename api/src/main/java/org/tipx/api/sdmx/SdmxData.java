package org.tipx.api.sdmx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/**
 * Answers SDMX data queries from the protected tables of {@link TableSource}, the engine behind
 * {@code /v1/statistics}: the same cells, the same cell key, the same refusals. No count is read here;
 * a data set is a selection of rows of the tables {@link #plan(DataQuery)} names.
 *
 * <p>A key becomes one {@link TableQuery} per measure asked for ({@code MEASURE}), always broken down by
 * year ({@code TIME_PERIOD}). In each other dimension:
 * <ul>
 *   <li>{@code _T} alone: not broken down, no filter;</li>
 *   <li>one code: filtered to it, not broken down (the series carries the code);</li>
 *   <li>several codes: broken down and filtered to them; with {@code _T} among them, broken down without
 *       a filter (the total must be the unfiltered one) and the other rows left out;</li>
 *   <li>a wildcard: broken down, every row the table has (the codes the release lists, and {@code _T}).</li>
 * </ul>
 * {@code startPeriod}/{@code endPeriod} filter the year to the listed years within the period (see
 * {@link #plan(PublishedRelease, DataQuery)}); {@code first/lastNObservations} then leave out observations;
 * the year total is not an observation. A table that a rule refuses refuses the query:
 * {@link SdmxError#RESPONSE_TOO_LARGE} for too many cells, {@link SdmxError#SEMANTIC_ERROR} for the others.
 * Thread-safe.
 */
public final class SdmxData {

    private final TableSource tables;
    private final ThbStructure structure;

    public SdmxData(TableSource tables, ThbStructure structure) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.structure = Objects.requireNonNull(structure, "structure");
    }

    public ThbStructure structure() {
        return structure;
    }

    /**
     * The tables a query reads and how their rows become series.
     *
     * @param tables per measure, the table query ({@code /v1/statistics} answers the same query with the same cells)
     * @param wanted per tipx dimension broken down, the tipx codes whose rows are kept; absent: every row
     * @param fixed  per tipx dimension filtered to one code and not broken down, that code
     */
    public record Plan(Map<Measure, TableQuery> tables, Map<Dimension, Set<String>> wanted, Map<Dimension, String> fixed) {
        public Plan {
            tables = Map.copyOf(tables);
            wanted = Map.copyOf(wanted);
            fixed = Map.copyOf(fixed);
        }
    }

    /**
     * The tables that answer a query.
     *
     * @throws SdmxException {@link SdmxError#SYNTAX_ERROR} for a code its dimension's codelist lacks,
     *                       {@link SdmxError#NO_RESULTS} for a frequency other than annual,
     *                       {@link SdmxError#SEMANTIC_ERROR} when too many dimensions are broken down
     */
    public Plan plan(DataQuery query) {
        return plan(query, measure -> Optional.empty());
    }

    /**
     * The tables that answer a query on a release. With {@code startPeriod} or {@code endPeriod} the year is
     * filtered to the years the release lists (for the measure) within the period, as {@code year=} filters
     * {@code /v1/statistics}: the table holds those years only, so the period makes it smaller, and a table
     * whose every breakdown is filtered is not refused as sparse.
     *
     * @throws SdmxException as {@link #plan(DataQuery)}, and {@link SdmxError#NO_RESULTS} when the release
     *                       lists no year in the period
     */
    public Plan plan(PublishedRelease release, DataQuery query) {
        if (query.startYear().isEmpty() && query.endYear().isEmpty()) {
            return plan(query);
        }
        return plan(query, measure -> {
            Set<String> years = new java.util.TreeSet<>();
            ProtectedTable listing;
            try {
                listing = tables.table(release, TableQuery.of(measure, Dimension.YEAR));
            } catch (QueryRuleException e) {
                throw refused(e);
            }
            for (ProtectedTable.Row row : listing.rows()) {
                String year = row.codes().getFirst();
                if (!year.equals(ProtectedTable.TOTAL) && query.inPeriod(Integer.parseInt(year))) {
                    years.add(year);
                }
            }
            if (years.isEmpty()) {
                throw new SdmxException(SdmxError.NO_RESULTS, "No results found: no data in this period.");
            }
            return Optional.of(years);
        });
    }

    private Plan plan(DataQuery query, java.util.function.Function<Measure, Optional<Set<String>>> yearsOf) {
        List<Measure> measures = measures(query);
        List<Dimension> by = new ArrayList<>();
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        Map<Dimension, Set<String>> wanted = new EnumMap<>(Dimension.class);
        Map<Dimension, String> fixed = new EnumMap<>(Dimension.class);
        for (SeriesDimension dimension : structure.dimensions()) {
            if (dimension.tipx().isEmpty()) {
                continue;
            }
            Dimension tipx = dimension.tipx().get();
            Set<String> codes = tipxCodes(query, dimension);
            if (codes.isEmpty()) {
                by.add(tipx);
            } else if (codes.equals(Set.of(ProtectedTable.TOTAL))) {
                // Not broken down, not filtered: the total.
            } else if (codes.size() == 1) {
                String code = codes.iterator().next();
                filters.put(tipx, Set.of(code));
                fixed.put(tipx, code);
            } else {
                by.add(tipx);
                wanted.put(tipx, Set.copyOf(codes));
                if (!codes.contains(ProtectedTable.TOTAL)) {
                    filters.put(tipx, Set.copyOf(codes));
                }
            }
        }
        requireAnnual(query);
        by.add(Dimension.YEAR);
        Map<Measure, TableQuery> queries = new EnumMap<>(Measure.class);
        for (Measure measure : measures) {
            try {
                Map<Dimension, Set<String>> withYears = new EnumMap<>(Dimension.class);
                withYears.putAll(filters);
                yearsOf.apply(measure).ifPresent(years -> withYears.put(Dimension.YEAR, years));
                queries.put(measure, new TableQuery(by, withYears, measure));
            } catch (QueryRuleException e) {
                throw refused(e);
            }
        }
        return new Plan(queries, wanted, fixed);
    }

    /**
     * The measures a key asks for ({@code MEASURE}; a wildcard is both).
     *
     * @throws SdmxException {@link SdmxError#SYNTAX_ERROR} for a code that is not a measure
     */
    public static List<Measure> measures(DataQuery query) {
        List<Measure> measures = new ArrayList<>();
        for (String code : query.codes(ThbStructure.MEASURE)) {
            measures.add(SdmxCodes.measure(code).orElseThrow(() -> new SdmxException(SdmxError.SYNTAX_ERROR,
                    "MEASURE is VICTIMS or REGISTRATIONS.")));
        }
        return measures.isEmpty() ? List.of(Measure.values()) : List.copyOf(measures);
    }

    /**
     * The tipx codes a key asks for in a dimension; empty for a wildcard.
     *
     * @throws SdmxException {@link SdmxError#SYNTAX_ERROR} for a code the dimension's codelist lacks
     */
    Set<String> tipxCodes(DataQuery query, SeriesDimension dimension) {
        Dimension tipx = dimension.tipx().orElseThrow();
        Set<String> codes = new LinkedHashSet<>();
        for (String sdmx : query.codes(dimension.id())) {
            codes.add(structure.codes().toTipx(tipx, sdmx).orElseThrow(() -> new SdmxException(
                    SdmxError.SYNTAX_ERROR, "A code of " + dimension.id() + " in the key is not in its codelist "
                    + dimension.codelist() + ".")));
        }
        return codes;
    }

    /** Checked after the codes, so that a bad code is a syntax error whatever the frequency. */
    static void requireAnnual(DataQuery query) {
        Set<String> freq = query.codes(ThbStructure.FREQ);
        if (!freq.isEmpty() && !freq.contains(ThbStructure.ANNUAL)) {
            throw new SdmxException(SdmxError.NO_RESULTS, "No results found: the data are annual (FREQ A).");
        }
    }

    /**
     * The data set answering a query on a release.
     *
     * @throws SdmxException as {@link #plan(DataQuery)}, {@link SdmxError#RESPONSE_TOO_LARGE} or
     *                       {@link SdmxError#SEMANTIC_ERROR} when a table rule refuses, and
     *                       {@link SdmxError#NO_RESULTS} when no observation matches
     */
    public SdmxDataSet dataSet(PublishedRelease release, DataQuery query) {
        Plan plan = plan(release, query);
        Map<List<String>, List<SdmxDataSet.Observation>> series = new LinkedHashMap<>();
        for (Map.Entry<Measure, TableQuery> entry : plan.tables().entrySet()) {
            ProtectedTable table;
            try {
                table = tables.table(release, entry.getValue());
            } catch (QueryRuleException e) {
                throw refused(e);
            }
            addRows(table, entry.getKey(), plan, query, series);
        }
        List<SdmxDataSet.Series> out = new ArrayList<>();
        series.forEach((key, observations) -> {
            List<SdmxDataSet.Observation> kept = firstAndLast(observations, query);
            if (!kept.isEmpty()) {
                out.add(new SdmxDataSet.Series(key, query.detail().observations() ? kept : List.of()));
            }
        });
        if (out.isEmpty()) {
            throw new SdmxException(SdmxError.NO_RESULTS, "No results found for this key and period.");
        }
        return new SdmxDataSet(release, query, out);
    }

    private void addRows(ProtectedTable table, Measure measure, Plan plan, DataQuery query,
                         Map<List<String>, List<SdmxDataSet.Observation>> series) {
        List<Dimension> by = table.by();
        int yearAt = by.indexOf(Dimension.YEAR);
        rows:
        for (ProtectedTable.Row row : table.rows()) {
            String year = row.codes().get(yearAt);
            if (year.equals(ProtectedTable.TOTAL) || !query.inPeriod(Integer.parseInt(year))) {
                continue;
            }
            for (int i = 0; i < by.size(); i++) {
                Set<String> wanted = plan.wanted().get(by.get(i));
                if (wanted != null && !wanted.contains(row.codes().get(i))) {
                    continue rows;
                }
            }
            List<String> key = new ArrayList<>();
            key.add(ThbStructure.ANNUAL);
            key.add(SdmxCodes.toSdmx(measure));
            for (SeriesDimension dimension : structure.dimensions()) {
                Optional<Dimension> tipx = dimension.tipx();
                if (tipx.isEmpty()) {
                    continue;
                }
                int at = by.indexOf(tipx.get());
                String code = at >= 0 ? row.codes().get(at)
                        : plan.fixed().getOrDefault(tipx.get(), ProtectedTable.TOTAL);
                key.add(structure.codes().toSdmx(tipx.get(), code));
            }
            series.computeIfAbsent(List.copyOf(key), k -> new ArrayList<>())
                    .add(new SdmxDataSet.Observation(year, row.cell()));
        }
    }

    private static List<SdmxDataSet.Observation> firstAndLast(List<SdmxDataSet.Observation> observations, DataQuery query) {
        int size = observations.size();
        if (query.firstNObservations().isEmpty() && query.lastNObservations().isEmpty()) {
            return observations;
        }
        List<SdmxDataSet.Observation> kept = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean first = query.firstNObservations().isPresent() && i < query.firstNObservations().getAsInt();
            boolean last = query.lastNObservations().isPresent() && i >= size - query.lastNObservations().getAsInt();
            if (first || last) {
                kept.add(observations.get(i));
            }
        }
        return kept;
    }

    /** A table rule's refusal as SDMX answers it; the rule's message never quotes a true count. */
    static SdmxException refused(QueryRuleException e) {
        SdmxError error = e.rule().equals(QueryRuleException.TOO_MANY_CELLS)
                ? SdmxError.RESPONSE_TOO_LARGE : SdmxError.SEMANTIC_ERROR;
        return new SdmxException(error, "Query refused (" + e.rule() + "): " + e.reason());
    }
}
