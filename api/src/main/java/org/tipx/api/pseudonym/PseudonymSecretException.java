package org.tipx.api.pseudonym;

/**
 * The pseudonym secret could not be read, parsed or written. Messages name the file or variable and
 * the rule broken, never the secret or any part of it; causes that could quote the secret's text (a
 * decoder's complaint about one character) are left out.
 */
public final class PseudonymSecretException extends RuntimeException {

    public PseudonymSecretException(String message) {
        super(message);
    }

    public PseudonymSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
