package org.tipx.api.reference;

/** The reference tables shipped in the jar are missing or malformed: a build problem, not a user error. */
public final class ReferenceDataException extends RuntimeException {

    public ReferenceDataException(String message) {
        super(message);
    }

    public ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
