package org.tipx.api.sdmx;

import java.util.Objects;

/**
 * An attribute of {@code TIPX:DSD_THB}.
 *
 * @param id          the attribute (and concept) id, e.g. {@code OBS_STATUS}
 * @param codelist    its codelist
 * @param observation true when attached to each observation (its primary measure); false when
 *                    attached to the whole data set (one value for every observation)
 * @param mandatory   SDMX's assignment status: true for Mandatory, false for Conditional
 */
public record DataAttribute(String id, ArtefactRef codelist, boolean observation, boolean mandatory) {
    public DataAttribute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(codelist, "codelist");
    }
}
