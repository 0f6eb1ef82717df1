package org.tipx.api.ingest;

import java.util.Objects;

/**
 * One problem found in an extract. Messages never quote a direct identifier's value.
 *
 * @param row   1-based data row (0 = the header or the file as a whole)
 * @param field the contract's field name, or {@code ""} for a whole-row problem
 * @param code  a stable machine-readable code such as {@code unknown_code}
 * @param message a sentence for people
 */
public record ValidationProblem(long row, String field, String code, String message) {
    public ValidationProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
