package org.tipx.api.sdmx;

import java.util.Objects;
import java.util.Optional;

import org.tipx.api.domain.Dimension;

/**
 * A dimension of the series key of {@code TIPX:DSD_THB}, in key order. {@code TIME_PERIOD} is not one:
 * it is the DSD's time dimension, always at the observation level.
 *
 * @param id       the dimension (and concept) id, e.g. {@code REF_AREA}
 * @param position its 1-based position in the key
 * @param codelist the codelist of its codes
 * @param tipx     the tipx dimension it stands for; empty for {@code FREQ} and {@code MEASURE}
 */
public record SeriesDimension(String id, int position, ArtefactRef codelist, Optional<Dimension> tipx) {
    public SeriesDimension {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(codelist, "codelist");
        Objects.requireNonNull(tipx, "tipx");
    }
}
