package org.tipx.api.anonymize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.tipx.anonymizer.Dataset;
import org.tipx.api.domain.CaseRecord;

/**
 * Case records as a table to anonymise: one row per record, one column per attribute below, every cell
 * filled (a value not recorded is {@value #UNKNOWN}, or {@value #UNKNOWN_COUNTRY} for countries).
 *
 * <p>Every column is a quasi-identifier (what someone who knows the person could know; hierarchies in
 * {@link CaseRecordHierarchies}): {@code registration_year}, {@code age}, {@code sex}, {@code citizenship},
 * {@code country_of_identification}, {@code country_of_exploitation}, {@code exploitation}, {@code status},
 * {@code identified_by}.
 * <ul>
 *   <li>{@code age} is the exact age when known, else the CTDC band code ({@code 30-38}), else
 *   {@value #UNKNOWN}: one column, so that a record known by its band and one known by its age are
 *   generalised together (the age hierarchy has the band codes as leaves, joining their band at level 1).
 *   Two columns would make every record's missing half a value of its own and double the lattice.</li>
 *   <li>{@code exploitation} is a set of forms; it becomes the single form when there is exactly one,
 *   {@value #MULTIPLE} when there are several, {@value #UNKNOWN} when there is none (a hierarchy over all
 *   1,024 subsets would be mostly empty leaves).</li>
 *   <li>{@code status} (presumed / confirmed) and {@code identified_by} (which kind of agency identified the
 *   person) describe the agencies' process, and were once published unchanged for that reason. But the person,
 *   those around them and the agency staff know both, and a rare value (a lone {@code labour_inspection}
 *   person) singled its row out in a class that was k-anonymous only on the other columns. An attacker may
 *   know any published column, so every published column is a quasi-identifier.</li>
 * </ul>
 * Nothing else of the record is in the table: not the pseudonym or the record key (they would single out
 * everyone), and not the multi-valued details (means of control, sectors, assistance), which tipx publishes
 * only as aggregates.
 *
 * <p>Stateless; thread-safe.
 */
public final class CaseRecordTable {

    public static final String REGISTRATION_YEAR = "registration_year";
    public static final String AGE = "age";
    public static final String SEX = "sex";
    public static final String CITIZENSHIP = "citizenship";
    public static final String COUNTRY_OF_IDENTIFICATION = "country_of_identification";
    public static final String COUNTRY_OF_EXPLOITATION = "country_of_exploitation";
    public static final String EXPLOITATION = "exploitation";
    public static final String STATUS = "status";
    public static final String IDENTIFIED_BY = "identified_by";

    /** Every column, in order. */
    public static final List<String> COLUMNS = List.of(REGISTRATION_YEAR, AGE, SEX, CITIZENSHIP,
            COUNTRY_OF_IDENTIFICATION, COUNTRY_OF_EXPLOITATION, EXPLOITATION, STATUS, IDENTIFIED_BY);
    /** The quasi-identifiers, in column order: every column (see the class comment). */
    public static final List<String> QUASI_IDENTIFIERS = COLUMNS;

    /** A value that was not recorded. */
    public static final String UNKNOWN = "unknown";
    /** A country that was not recorded: the contract's own code for an unknown country. */
    public static final String UNKNOWN_COUNTRY = "XX";
    /** Two or more forms of exploitation. */
    public static final String MULTIPLE = "multiple";

    private CaseRecordTable() {
    }

    /** The records as a table with {@link #COLUMNS}, rows in the collection's order. */
    public static Dataset of(Collection<CaseRecord> records) {
        List<String[]> rows = new ArrayList<>(records.size());
        for (CaseRecord record : records) {
            rows.add(row(record));
        }
        return Dataset.of(COLUMNS, rows);
    }

    static String[] row(CaseRecord r) {
        return new String[] {
                Integer.toString(r.registrationYear()),
                ageValue(r),
                r.sex(),
                r.citizenship().orElse(UNKNOWN_COUNTRY),
                r.countryOfIdentification().isEmpty() ? UNKNOWN_COUNTRY : r.countryOfIdentification(),
                r.countryOfExploitation().orElse(UNKNOWN_COUNTRY),
                exploitationValue(r.exploitation()),
                r.status(),
                r.identifiedBy().orElse(UNKNOWN)};
    }

    /** The exact age, else the band, else {@value #UNKNOWN}. */
    static String ageValue(CaseRecord r) {
        if (r.age().isPresent()) {
            return Integer.toString(r.age().getAsInt());
        }
        return r.ageBand().orElse(UNKNOWN);
    }

    /** The set rule: its single form, {@value #MULTIPLE} for several, {@value #UNKNOWN} for none. */
    static String exploitationValue(List<String> forms) {
        long distinct = forms.stream().distinct().count();
        if (distinct == 0) {
            return UNKNOWN;
        }
        return distinct == 1 ? forms.getFirst() : MULTIPLE;
    }
}
