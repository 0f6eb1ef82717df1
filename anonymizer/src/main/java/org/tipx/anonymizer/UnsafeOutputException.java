package org.tipx.anonymizer;

import java.util.List;

/** Thrown by {@link Verifier#requireSafe} when an output breaks a privacy model or the suppression limit. */
public final class UnsafeOutputException extends AnonymizationException {
    private static final long serialVersionUID = 1L;

    private final transient VerificationResult result;

    public UnsafeOutputException(VerificationResult result) {
        super("output is not safe to publish: " + String.join("; ", result.problems()));
        this.result = result;
    }

    /** The verifier's findings, including every problem found. */
    public VerificationResult result() {
        return result;
    }

    /** The problems, one sentence each. */
    public List<String> problems() {
        return result.problems();
    }
}
