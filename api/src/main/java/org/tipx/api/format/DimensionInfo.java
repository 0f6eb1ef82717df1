package org.tipx.api.format;

import java.util.List;
import java.util.Objects;

import org.tipx.api.domain.Dimension;

/**
 * What a client needs to know of one dimension: its id, its label in one language and its codes in
 * publication order (what {@code GET /v1/dimensions} lists).
 *
 * @param dimension the dimension
 * @param label     its label in one language, e.g. {@code "Age band"}
 * @param codes     its codes with their labels, in the code list's order, {@link Dimension#UNKNOWN}
 *                  last; empty for an open list ({@link Dimension#YEAR}: any four-digit year). The
 *                  total code {@link org.tipx.api.statistics.ProtectedTable#TOTAL} is not listed: it
 *                  exists in every dimension and is labelled the total's label ({@link Labels#label(Dimension, String)})
 */
public record DimensionInfo(Dimension dimension, String label, List<Code> codes) {

    public DimensionInfo {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(label, "label");
        codes = List.copyOf(codes);
    }

    /** The id used in queries and published tables, e.g. {@code age_band}. */
    public String id() {
        return dimension.id();
    }

    /**
     * One code of a dimension.
     *
     * @param code  the code as published, e.g. {@code 18-20}
     * @param label its label in one language
     */
    public record Code(String code, String label) {
        public Code {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(label, "label");
        }
    }
}
