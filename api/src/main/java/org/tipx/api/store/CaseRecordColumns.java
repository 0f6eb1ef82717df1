package org.tipx.api.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.tipx.api.domain.CaseRecord;

/**
 * How a {@link CaseRecord} maps onto the columns of {@code case_record}: the one place that knows the
 * column order, shared by the batch writer, the COPY writer and the reader. Stateless.
 */
final class CaseRecordColumns {

    /** Separator of multi-valued codes, as in the contract's CSV cells. */
    static final char LIST_SEPARATOR = ';';

    /** Every column, in the order that {@link #values} produces. */
    static final List<String> NAMES = List.of(
            "extract_id", "seq", "pseudonym", "linked", "record_key", "registration_year", "registration_date",
            "status", "identified_by", "sex", "age", "age_band", "minor_at_exploitation", "citizenship",
            "country_of_identification", "country_of_exploitation", "exploitation", "labour_sector",
            "sexual_exploitation_type", "means_of_control", "recruiter_relation", "assistance");

    static final String COLUMN_LIST = String.join(", ", NAMES);

    private CaseRecordColumns() {
    }

    /**
     * The column values of one record, in {@link #NAMES} order: {@code null} for "not recorded",
     * {@link LocalDate} for the date, boxed numbers and booleans, strings otherwise.
     */
    static Object[] values(String extractId, int seq, CaseRecord r) {
        return new Object[] {
            extractId,
            seq,
            r.pseudonym(),
            r.linked(),
            r.recordKey(),
            r.registrationYear(),
            r.registrationDate().orElse(null),
            r.status(),
            r.identifiedBy().orElse(null),
            r.sex(),
            r.age().isPresent() ? r.age().getAsInt() : null,
            r.ageBand().orElse(null),
            r.minorAtExploitation().orElse(null),
            r.citizenship().orElse(null),
            r.countryOfIdentification(),
            r.countryOfExploitation().orElse(null),
            joined("exploitation", r.exploitation()),
            joined("labour_sector", r.labourSector()),
            joined("sexual_exploitation_type", r.sexualExploitationType()),
            joined("means_of_control", r.meansOfControl()),
            joined("recruiter_relation", r.recruiterRelation()),
            joined("assistance", r.assistance())
        };
    }

    /** The SELECT list that {@link #read} expects (every column but extract_id and seq). */
    static final String READ_LIST = String.join(", ", NAMES.subList(2, NAMES.size()));

    /** Rebuilds the record at the cursor of a result set selected with {@link #READ_LIST}. */
    static CaseRecord read(ResultSet rs) throws SQLException {
        int age = rs.getInt("age");
        OptionalInt optionalAge = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(age);
        return new CaseRecord(
                rs.getString("pseudonym"),
                rs.getBoolean("linked"),
                rs.getInt("record_key"),
                rs.getInt("registration_year"),
                Optional.ofNullable(rs.getObject("registration_date", LocalDate.class)),
                rs.getString("status"),
                Optional.ofNullable(rs.getString("identified_by")),
                rs.getString("sex"),
                optionalAge,
                Optional.ofNullable(rs.getString("age_band")),
                Optional.ofNullable(rs.getString("minor_at_exploitation")),
                Optional.ofNullable(rs.getString("citizenship")),
                rs.getString("country_of_identification"),
                Optional.ofNullable(rs.getString("country_of_exploitation")),
                split(rs.getString("exploitation")),
                split(rs.getString("labour_sector")),
                split(rs.getString("sexual_exploitation_type")),
                split(rs.getString("means_of_control")),
                split(rs.getString("recruiter_relation")),
                split(rs.getString("assistance")));
    }

    /**
     * Joins codes with {@code ;}; an empty list becomes NULL. A code that is empty or holds the
     * separator could not be read back as written, so it is refused (the message names the field only,
     * never the value).
     */
    static String joined(String field, List<String> codes) {
        if (codes.isEmpty()) {
            return null;
        }
        for (String code : codes) {
            if (code.isEmpty() || code.indexOf(LIST_SEPARATOR) >= 0) {
                throw new IllegalArgumentException(
                        "a code in " + field + " is empty or contains '" + LIST_SEPARATOR + "'");
            }
        }
        return String.join(String.valueOf(LIST_SEPARATOR), codes);
    }

    static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(String.valueOf(LIST_SEPARATOR), -1));
    }
}
