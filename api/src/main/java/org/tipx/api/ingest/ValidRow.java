package org.tipx.api.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.pseudonym.DirectIdentifiers;
import org.tipx.api.pseudonym.Pseudonym;

/**
 * A row that passed every rule, before pseudonymisation: it still holds the agency's {@code recordId} and the
 * direct identifiers, so it never leaves this package. {@code toString()} is redacted for the same reason.
 */
record ValidRow(
        String recordId,
        DirectIdentifiers identifiers,
        int registrationYear,
        Optional<LocalDate> registrationDate,
        String status,
        Optional<String> identifiedBy,
        String sex,
        OptionalInt age,
        Optional<String> ageBand,
        Optional<String> minorAtExploitation,
        Optional<String> citizenship,
        Optional<String> countryOfIdentification,
        Optional<String> countryOfExploitation,
        List<String> exploitation,
        List<String> labourSector,
        List<String> sexualExploitationType,
        List<String> meansOfControl,
        List<String> recruiterRelation,
        List<String> assistance) {

    /** The stored record: identifiers replaced by the pseudonym, country of identification defaulted. */
    CaseRecord toCaseRecord(Pseudonym pseudonym, String defaultCountryOfIdentification) {
        return new CaseRecord(pseudonym.value(), pseudonym.linked(), pseudonym.recordKey(), registrationYear,
                registrationDate, status, identifiedBy, sex, age, ageBand, minorAtExploitation, citizenship,
                countryOfIdentification.orElse(defaultCountryOfIdentification), countryOfExploitation,
                exploitation, labourSector, sexualExploitationType, meansOfControl, recruiterRelation, assistance);
    }

    @Override
    public String toString() {
        return "ValidRow[redacted]";
    }
}
