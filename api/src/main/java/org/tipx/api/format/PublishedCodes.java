package org.tipx.api.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tipx.api.domain.Dimension;
import org.tipx.api.statistics.ProtectedTable;

/**
 * The codes a dimension publishes and their order: the order of {@code GET /v1/dimensions}, which
 * the writers follow too, so a client lists categories as the catalogue does (a string sort would
 * put age band {@code 9-17} after {@code 48+}).
 *
 * <p>The order is the code list's, with the contract's extra country codes ({@code XX} unknown
 * country, {@code XS} stateless for citizenship) before {@link Dimension#UNKNOWN}; years ascend; a
 * code no list names (one a later contract version adds) comes after the listed ones in string
 * order, and the total {@link ProtectedTable#TOTAL} last. Immutable and thread-safe.
 */
public final class PublishedCodes {

    /** The contract's code for a country that is not known, valid in every country dimension. */
    public static final String UNKNOWN_COUNTRY = "XX";
    /** The contract's code for a stateless person, valid for citizenship. */
    public static final String STATELESS = "XS";

    private final Map<Dimension, List<DimensionInfo.Code>> listed;
    private final Map<Dimension, Comparator<String>> orders;

    public PublishedCodes(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        Map<Dimension, List<DimensionInfo.Code>> codes = new EnumMap<>(Dimension.class);
        Map<Dimension, Comparator<String>> comparators = new EnumMap<>(Dimension.class);
        for (DimensionInfo info : labels.dimensions()) {
            List<DimensionInfo.Code> list = withContractCodes(info, labels);
            codes.put(info.dimension(), List.copyOf(list));
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                position.put(list.get(i).code(), i);
            }
            Comparator<String> listedFirst = Comparator.comparingInt(code -> position.getOrDefault(code, list.size()));
            comparators.put(info.dimension(), Comparator.comparing((String code) -> code.equals(ProtectedTable.TOTAL))
                    .thenComparing(listedFirst).thenComparing(Comparator.naturalOrder()));
        }
        this.listed = codes;
        this.orders = comparators;
    }

    /** The codes of a dimension as {@code /v1/dimensions} lists them; empty for the open list of years. */
    public List<DimensionInfo.Code> listed(Dimension dimension) {
        return listed.get(dimension);
    }

    /** The publication order of a dimension's codes, the total last. */
    public Comparator<String> order(Dimension dimension) {
        return orders.get(dimension);
    }

    /** Codes sorted in publication order. */
    public List<String> sorted(Dimension dimension, java.util.Collection<String> codes) {
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(order(dimension));
        return List.copyOf(sorted);
    }

    /**
     * The rows of a table as CSV and JSON-stat publish them: in publication order of the codes,
     * dimension by dimension, and without the total over {@code year}. A time axis holds periods:
     * tools that read it (a numeric year column, a time role) cannot place {@code _T} on it, and the
     * total over the years covered is the answer of the same query without {@code by=year}, which
     * states its period (see {@link PublishedTable#context()}).
     */
    List<ProtectedTable.Row> publishedRows(ProtectedTable table) {
        List<Dimension> by = table.by();
        int year = by.indexOf(Dimension.YEAR);
        List<ProtectedTable.Row> rows = new ArrayList<>();
        for (ProtectedTable.Row row : table.rows()) {
            if (year < 0 || row.codes().size() != by.size() || !row.codes().get(year).equals(ProtectedTable.TOTAL)) {
                rows.add(row);
            }
        }
        return ordered(by, rows);
    }

    /** All the rows of a table, totals over years included (tipx JSON), in publication order of the codes. */
    List<ProtectedTable.Row> orderedRows(ProtectedTable table) {
        return ordered(table.by(), new ArrayList<>(table.rows()));
    }

    private List<ProtectedTable.Row> ordered(List<Dimension> by, List<ProtectedTable.Row> rows) {
        // Rows of a table without a breakdown stay as they are; otherwise dimension by dimension.
        Comparator<ProtectedTable.Row> order = Comparator.comparingInt(row -> 0);
        for (int d = 0; d < by.size(); d++) {
            int index = d;
            Comparator<String> codes = order(by.get(d));
            order = order.thenComparing(row -> row.codes().get(index), codes);
        }
        if (rows.stream().allMatch(row -> row.codes().size() == by.size())) {
            rows.sort(order);
        }
        return List.copyOf(rows);
    }

    /**
     * The single code of a dimension of size one standing for several codes: them in publication
     * order joined by {@code +}, the "or" of SDMX REST keys (a record counts when one of its codes
     * is among them); a single code stands for itself.
     */
    public String joinedCode(Dimension dimension, java.util.Collection<String> codes) {
        return String.join(JOIN, sorted(dimension, codes));
    }

    /** The label of {@link #joinedCode}: the codes' labels joined by {@code " + "}. */
    public String joinedLabel(Labels labels, Dimension dimension, java.util.Collection<String> codes) {
        return String.join(" " + JOIN + " ", sorted(dimension, codes).stream().map(code -> labels.label(dimension, code)).toList());
    }

    private static final String JOIN = "+";

    private static List<DimensionInfo.Code> withContractCodes(DimensionInfo info, Labels labels) {
        List<DimensionInfo.Code> codes = new ArrayList<>(info.codes());
        Dimension dimension = info.dimension();
        // The contract's extra country codes are valid filters and rows though the country table omits them.
        if (dimension == Dimension.CITIZENSHIP || dimension == Dimension.COUNTRY_OF_EXPLOITATION
                || dimension == Dimension.COUNTRY_OF_IDENTIFICATION) {
            codes.add(codes.size() - 1, new DimensionInfo.Code(UNKNOWN_COUNTRY, labels.label(dimension, UNKNOWN_COUNTRY)));
        }
        if (dimension == Dimension.CITIZENSHIP) {
            codes.add(codes.size() - 1, new DimensionInfo.Code(STATELESS, labels.label(dimension, STATELESS)));
        }
        return codes;
    }
}
