package org.tipx.api.anonymize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.tipx.anonymizer.Dataset;
import org.tipx.api.domain.CaseRecord;

class CaseRecordTableTest {

    static CaseRecord record(OptionalInt age, Optional<String> ageBand, Optional<String> citizenship,
                             Optional<String> countryOfExploitation, List<String> exploitation) {
        return new CaseRecord("p", true, 7, 2026, Optional.of(LocalDate.of(2026, 8, 31)), "confirmed",
                Optional.of("police"), "female", age, ageBand, Optional.of("no"), citizenship, "NL",
                countryOfExploitation, exploitation, List.of("A"), List.of(), List.of("threats"), List.of(), List.of());
    }

    @Test
    void aFullRecord_becomesOneRowOfItsValues() {
        CaseRecord r = record(OptionalInt.of(34), Optional.of("30-38"), Optional.of("UA"), Optional.of("PL"),
                List.of("forced_labour"));
        assertArrayEquals(new String[] {"2026", "34", "female", "UA", "NL", "PL", "forced_labour", "confirmed", "police"},
                CaseRecordTable.row(r));
    }

    @Test
    void valuesNotRecorded_becomeUnknownAndCountriesXx() {
        CaseRecord r = new CaseRecord("p", false, 0, 2025, Optional.empty(), "presumed", Optional.empty(), "unknown",
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertArrayEquals(new String[] {"2025", "unknown", "unknown", "XX", "XX", "XX", "unknown", "presumed", "unknown"},
                CaseRecordTable.row(r));
    }

    @Test
    void ageIsExactWhenKnown_elseTheBand_elseUnknown() {
        assertEquals("34", CaseRecordTable.ageValue(record(OptionalInt.of(34), Optional.of("30-38"), Optional.empty(),
                Optional.empty(), List.of())));
        assertEquals("9-17", CaseRecordTable.ageValue(record(OptionalInt.empty(), Optional.of("9-17"), Optional.empty(),
                Optional.empty(), List.of())));
        assertEquals("unknown", CaseRecordTable.ageValue(record(OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of())));
    }

    @Test
    void exploitationSet_becomesItsSingleForm_orMultiple_orUnknown() {
        assertEquals("unknown", CaseRecordTable.exploitationValue(List.of()));
        assertEquals("sexual", CaseRecordTable.exploitationValue(List.of("sexual")));
        assertEquals("sexual", CaseRecordTable.exploitationValue(List.of("sexual", "sexual")));
        assertEquals("multiple", CaseRecordTable.exploitationValue(List.of("sexual", "forced_labour")));
        assertEquals("multiple", CaseRecordTable.exploitationValue(List.of("forced_labour", "child_labour", "servitude")));
    }

    @Test
    void everyColumn_statusAndIdentifiedByIncluded_isAQuasiIdentifier() {
        // An attacker may know any published column: none may stay outside the classes.
        assertEquals(CaseRecordTable.COLUMNS, CaseRecordTable.QUASI_IDENTIFIERS);
        assertEquals(List.of(CaseRecordTable.STATUS, CaseRecordTable.IDENTIFIED_BY),
                CaseRecordTable.QUASI_IDENTIFIERS.subList(7, 9));
    }

    @Test
    void theTableHasTheDocumentedColumnsAndOneRowPerRecord() {
        Dataset table = CaseRecordTable.of(List.of(
                record(OptionalInt.of(17), Optional.of("9-17"), Optional.of("MD"), Optional.of("XX"), List.of("sexual")),
                record(OptionalInt.empty(), Optional.of("48+"), Optional.of("XS"), Optional.of("DE"),
                        List.of("sexual", "forced_criminality"))));
        assertEquals(CaseRecordTable.COLUMNS, table.columns());
        assertEquals(2, table.size());
        assertEquals("48+", table.get(1, CaseRecordTable.COLUMNS.indexOf(CaseRecordTable.AGE)));
        assertEquals("multiple", table.get(1, CaseRecordTable.COLUMNS.indexOf(CaseRecordTable.EXPLOITATION)));
        assertEquals("XS", table.get(1, CaseRecordTable.COLUMNS.indexOf(CaseRecordTable.CITIZENSHIP)));
    }
}
