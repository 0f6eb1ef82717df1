package org.tipx.api.release;

import java.util.Objects;

/**
 * A release could not be built; nothing of it was stored. Messages never quote record contents.
 */
public final class ReleaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the build stopped. */
    public enum Reason {
        /** No agency has a current extract: there is nothing to release. */
        NO_CURRENT_EXTRACTS,
        /** No generalisation within the suppression limit is k-anonymous: too few persons to publish. */
        CANNOT_ANONYMISE,
        /** The independent verifier found the anonymised microdata unsafe to publish. */
        UNSAFE_OUTPUT,
        /** Another release took every id tried for the day. */
        ID_CONFLICT,
        /** Another build is queued or running (one at a time per store); this one did not start. */
        ANOTHER_BUILD_UNDER_WAY
    }

    private final Reason reason;

    ReleaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
