package org.tipx.api.pseudonym;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The direct identifiers of one record, held only in memory while its pseudonym is derived.
 * {@link #toString()} never shows them.
 */
public record DirectIdentifiers(
        Optional<String> givenName,
        Optional<String> familyName,
        Optional<LocalDate> birthDate,
        Optional<String> documentNumber) {

    public static final DirectIdentifiers NONE =
            new DirectIdentifiers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    @Override
    public String toString() {
        return "DirectIdentifiers[redacted]";
    }
}
