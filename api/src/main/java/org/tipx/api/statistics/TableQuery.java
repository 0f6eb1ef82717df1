package org.tipx.api.statistics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * A request for a protected table: the dimensions to break down by (in output order), filters
 * (a record passes a filter when at least one of its codes in that dimension is among the allowed
 * codes), and the measure.
 *
 * <p>Rules checked here, before any record is read: no duplicate dimension in {@code by}
 * ({@link QueryRuleException#DUPLICATE_DIMENSION}) and at most {@link #MAX_RESTRICTED_DIMENSIONS}
 * dimensions besides {@link Dimension#YEAR} and {@link Dimension#COUNTRY_OF_IDENTIFICATION},
 * which are always allowed ({@link QueryRuleException#TOO_MANY_DIMENSIONS}). The rules on cells
 * and sparsity need the data and are checked by {@link TablePublisher}.
 */
public record TableQuery(List<Dimension> by, Map<Dimension, Set<String>> filters, Measure measure) {

    /** Most dimensions in {@code by} besides year and country of identification. */
    public static final int MAX_RESTRICTED_DIMENSIONS = 4;

    private static final Set<Dimension> ALWAYS_ALLOWED =
            EnumSet.of(Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION);

    public TableQuery {
        if (by == null || filters == null || measure == null) {
            throw new IllegalArgumentException("by, filters and measure are required");
        }
        by = List.copyOf(by);
        Set<Dimension> seen = EnumSet.noneOf(Dimension.class);
        for (Dimension dimension : by) {
            if (!seen.add(dimension)) {
                throw new QueryRuleException(QueryRuleException.DUPLICATE_DIMENSION,
                        "dimension '" + dimension.id() + "' appears more than once in by");
            }
        }
        long restricted = by.stream().filter(d -> !ALWAYS_ALLOWED.contains(d)).count();
        if (restricted > MAX_RESTRICTED_DIMENSIONS) {
            throw new QueryRuleException(QueryRuleException.TOO_MANY_DIMENSIONS,
                    "by has " + restricted + " dimensions besides year and country_of_identification; at most "
                            + MAX_RESTRICTED_DIMENSIONS + " are allowed");
        }
        Map<Dimension, Set<String>> copy = new EnumMap<>(Dimension.class);
        filters.forEach((dimension, codes) -> {
            if (dimension == null || codes == null || codes.isEmpty()) {
                throw new IllegalArgumentException("a filter needs a dimension and at least one code");
            }
            copy.put(dimension, Set.copyOf(codes));
        });
        filters = Collections.unmodifiableMap(copy);
    }

    /** A query without filters. */
    public static TableQuery of(Measure measure, Dimension... by) {
        return new TableQuery(List.of(by), Map.of(), measure);
    }
}
