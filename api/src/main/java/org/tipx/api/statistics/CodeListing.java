package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;

/**
 * The codes a release lists as rows of its tables, per measure and dimension: those whose
 * one-way cell over the whole release ({@code by=<dimension>}, no filter) is published. A table's
 * rows on a dimension it does not filter are exactly these codes, whatever the filters, so whether a
 * row appears says nothing about the filtered population; whether a code is listed depends only on a
 * published (protected) cell. Records with an unlisted code count in the totals.
 */
final class CodeListing {

    private final Map<Measure, Map<Dimension, List<String>>> listed;

    private CodeListing(Map<Measure, Map<Dimension, List<String>>> listed) {
        this.listed = listed;
    }

    /** The listing of the release that {@code counter} counts, under {@code protector}. */
    static CodeListing of(CellCounter counter, CellKeyProtector protector) {
        Map<Measure, Map<Dimension, List<String>>> listed = new EnumMap<>(Measure.class);
        for (Measure measure : Measure.values()) {
            Map<Dimension, List<String>> byDimension = new EnumMap<>(Dimension.class);
            for (Dimension dimension : Dimension.values()) {
                List<String> codes = counter.codes(dimension);
                CellCounts counts = counter.count(new GridSpec(List.of(dimension), List.of(codes), Map.of(), measure));
                List<String> published = new ArrayList<>();
                for (int c = 0; c < codes.size(); c++) {
                    if (protector.protect(counts.count(c), counts.key(c)).value().isPresent()) {
                        published.add(codes.get(c));
                    }
                }
                byDimension.put(dimension, List.copyOf(published));
            }
            listed.put(measure, byDimension);
        }
        return new CodeListing(listed);
    }

    /** The listed codes of a dimension, ascending. */
    List<String> codes(Measure measure, Dimension dimension) {
        return listed.get(measure).get(dimension);
    }
}
