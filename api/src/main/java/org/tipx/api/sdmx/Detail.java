package org.tipx.api.sdmx;

import java.util.Arrays;
import java.util.Optional;

/** The {@code detail} of a data query: how much of each series to write. */
public enum Detail {
    /** Series with their observations and attributes (the default). */
    FULL("full"),
    /** Observations without attributes. */
    DATAONLY("dataonly"),
    /** Series keys only: no observations, no attributes. */
    SERIESKEYSONLY("serieskeysonly"),
    /** Series with their attributes, no observations. */
    NODATA("nodata");

    private final String id;

    Detail(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Detail> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }

    /** True when observations are written. */
    public boolean observations() {
        return this == FULL || this == DATAONLY;
    }

    /** True when attributes are written. */
    public boolean attributes() {
        return this == FULL || this == NODATA;
    }
}
