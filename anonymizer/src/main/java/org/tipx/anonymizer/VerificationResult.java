package org.tipx.anonymizer;

import java.util.List;

/**
 * What {@link Verifier} found.
 *
 * @param safe          whether every class meets every model and suppression is within the limit
 * @param records       rows in the output
 * @param suppressed    rows counted as suppressed ({@code *} in every quasi-identifier)
 * @param maxSuppressed the most rows the limit allows to be suppressed
 * @param classes       equivalence classes among the other rows
 * @param smallestClass the size of the smallest class (0 when there is none)
 * @param problems      one sentence per problem; empty when safe. No cell value is quoted.
 */
public record VerificationResult(boolean safe, long records, long suppressed, long maxSuppressed, long classes,
                                 long smallestClass, List<String> problems) {
    public VerificationResult {
        problems = List.copyOf(problems);
    }
}
