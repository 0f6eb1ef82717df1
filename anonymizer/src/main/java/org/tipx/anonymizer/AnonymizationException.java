package org.tipx.anonymizer;

/**
 * The one unchecked exception root of the anonymizer: bad configuration, malformed input files, values
 * missing from a hierarchy, or a privacy model no transformation can satisfy.
 *
 * <p>Messages name columns, row numbers and configuration values, never the content of a data cell:
 * a quasi-identifier such as a birth date may be a direct identifier.
 */
public class AnonymizationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnonymizationException(String message) {
        super(message);
    }

    public AnonymizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
