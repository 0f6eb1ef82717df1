package org.tipx.api.sdmx;

import java.util.Objects;

/**
 * An SDMX query that tipx does not answer with data, and why. Its message goes to the client: it
 * names the part of the query at fault and never quotes a count or the request's values back.
 */
public final class SdmxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SdmxError error;

    public SdmxException(SdmxError error, String message) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public SdmxError error() {
        return error;
    }
}
