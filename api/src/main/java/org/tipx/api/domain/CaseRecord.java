package org.tipx.api.domain;

import org.tipx.anonymizer.cellkey.PTable;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.tipx.anonymizer.cellkey.PTable;

/**
 * One validated case record as tipx stores it: direct identifiers already replaced by the keyed
 * {@code pseudonym}, and the agency's {@code record_id} gone. Empty optionals and empty lists mean
 * "not recorded" (an empty cell in the extract).
 *
 * @param pseudonym               keyed pseudonym (hex HMAC-SHA-256); the same person reported by two agencies
 *                                with the same identifiers gets the same value
 * @param linked                  true when the pseudonym came from direct identifiers (so can link across agencies),
 *                                false when it came from agency + record_id
 * @param recordKey               the cell-key-method record key, 0 to 4095, derived from the pseudonym
 * @param registrationYear        always known: from {@code registration_date} or {@code registration_year}
 * @param ageBand                 CTDC band; derived from {@code age} when the age is known
 * @param countryOfIdentification defaults to the uploading agency's country
 */
public record CaseRecord(
        String pseudonym,
        boolean linked,
        int recordKey,
        int registrationYear,
        Optional<LocalDate> registrationDate,
        String status,
        Optional<String> identifiedBy,
        String sex,
        OptionalInt age,
        Optional<String> ageBand,
        Optional<String> minorAtExploitation,
        Optional<String> citizenship,
        String countryOfIdentification,
        Optional<String> countryOfExploitation,
        List<String> exploitation,
        List<String> labourSector,
        List<String> sexualExploitationType,
        List<String> meansOfControl,
        List<String> recruiterRelation,
        List<String> assistance) {

    public CaseRecord {
        Objects.requireNonNull(pseudonym, "pseudonym");
        if (recordKey < 0 || recordKey >= PTable.KEY_SPACE) {
            throw new IllegalArgumentException("record key must be 0..4095, was " + recordKey);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(countryOfIdentification, "countryOfIdentification");
        exploitation = List.copyOf(exploitation);
        labourSector = List.copyOf(labourSector);
        sexualExploitationType = List.copyOf(sexualExploitationType);
        meansOfControl = List.copyOf(meansOfControl);
        recruiterRelation = List.copyOf(recruiterRelation);
        assistance = List.copyOf(assistance);
    }
}
