package org.tipx.api.sdmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;
import org.tipx.api.statistics.QueryRuleException;
import org.tipx.api.statistics.TableQuery;
import org.tipx.api.statistics.TableSource;

/**
 * Which codes have data in a release, for content constraints: per component, the codes of the
 * release-wide one-way tables ({@code by=<dimension>}, no filter) of {@link TableSource}. Those rows are
 * exactly the codes the release lists, each published on its own (see {@code CodeListing}), so no code
 * is said to have data on the evidence of a withheld cell. The year total and {@code _T} of every
 * other dimension are always available (a table always has its totals).
 *
 * <p>A key narrows the answer dimension by dimension (a code is available when the release lists it and
 * the key asks for it); it does not cross dimensions, which would need the cells of a cross table.
 */
public final class Availability {

    private final TableSource tables;
    private final ThbStructure structure;

    public Availability(TableSource tables, ThbStructure structure) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.structure = Objects.requireNonNull(structure, "structure");
    }

    /**
     * Per component ({@link ThbStructure#KEY} then {@link ThbStructure#TIME_PERIOD}), the SDMX codes with
     * data in the release that the query's key asks for, in codelist order (years ascending).
     *
     * @throws SdmxException {@link SdmxError#NO_RESULTS} when some component has none
     */
    public Map<String, List<String>> available(PublishedRelease release, DataQuery query) {
        SdmxData data = new SdmxData(tables, structure);
        Set<Measure> measures = new java.util.TreeSet<>(SdmxData.measures(query));
        for (SeriesDimension dimension : structure.dimensions()) {
            if (dimension.tipx().isPresent()) {
                data.tipxCodes(query, dimension);
            }
        }
        SdmxData.requireAnnual(query);
        Map<String, List<String>> available = new LinkedHashMap<>();
        available.put(ThbStructure.FREQ, List.of(ThbStructure.ANNUAL));
        available.put(ThbStructure.MEASURE, measures.stream().map(SdmxCodes::toSdmx).toList());
        for (SeriesDimension dimension : structure.dimensions()) {
            if (dimension.tipx().isEmpty()) {
                continue;
            }
            Dimension tipx = dimension.tipx().get();
            Set<String> listed = listed(release, measures, tipx);
            Set<String> asked = query.codes(dimension.id());
            List<String> codes = new ArrayList<>();
            for (String code : structure.codelist(dimension.codelist()).codes().stream().map(Code::id).toList()) {
                boolean inRelease = code.equals(SdmxCodes.TOTAL)
                        || listed.contains(structure.codes().toTipx(tipx, code).orElse(""));
                if (inRelease && (asked.isEmpty() || asked.contains(code))) {
                    codes.add(code);
                }
            }
            available.put(dimension.id(), List.copyOf(codes));
        }
        List<String> years = new ArrayList<>();
        for (String year : new java.util.TreeSet<>(listed(release, measures, Dimension.YEAR))) {
            if (query.inPeriod(Integer.parseInt(year))) {
                years.add(year);
            }
        }
        available.put(ThbStructure.TIME_PERIOD, List.copyOf(years));
        if (available.values().stream().anyMatch(List::isEmpty)) {
            throw new SdmxException(SdmxError.NO_RESULTS, "No results found: no data for this key and period.");
        }
        return available;
    }

    /** The tipx codes listed release-wide in a dimension under any of the measures. */
    private Set<String> listed(PublishedRelease release, Set<Measure> measures, Dimension dimension) {
        Set<String> listed = new LinkedHashSet<>();
        for (Measure measure : measures) {
            ProtectedTable table;
            try {
                table = tables.table(release, TableQuery.of(measure, dimension));
            } catch (QueryRuleException e) {
                throw SdmxData.refused(e);
            }
            for (ProtectedTable.Row row : table.rows()) {
                String code = row.codes().getFirst();
                if (!code.equals(ProtectedTable.TOTAL) && row.cell().value().isPresent()) {
                    listed.add(code);
                }
            }
        }
        return listed;
    }
}
