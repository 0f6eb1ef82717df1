package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseRecordColumnsTest {

    @Test
    void joined_emptyList_isNull() {
        assertNull(CaseRecordColumns.joined("exploitation", List.of()));
        assertEquals(List.of(), CaseRecordColumns.split(null));
    }

    @Test
    void joined_codes_splitBackInOrder() {
        String joined = CaseRecordColumns.joined("exploitation", List.of("sexual", "forced_labour", "other"));
        assertEquals("sexual;forced_labour;other", joined);
        assertEquals(List.of("sexual", "forced_labour", "other"), CaseRecordColumns.split(joined));
    }

    @Test
    void joined_codeWithSeparatorOrEmpty_isRefusedWithoutQuotingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CaseRecordColumns.joined("assistance", List.of("secret;value")));
        assertFalse(e.getMessage().contains("secret"));
        assertTrue(e.getMessage().contains("assistance"));
        assertThrows(IllegalArgumentException.class, () -> CaseRecordColumns.joined("assistance", List.of("")));
    }

    @Test
    void values_followTheColumnOrder() {
        Object[] values = CaseRecordColumns.values("ex-1", 7, TestRecords.sparse("p1"));
        assertEquals(CaseRecordColumns.NAMES.size(), values.length);
        assertEquals("ex-1", values[CaseRecordColumns.NAMES.indexOf("extract_id")]);
        assertEquals(7, values[CaseRecordColumns.NAMES.indexOf("seq")]);
        assertEquals("p1", values[CaseRecordColumns.NAMES.indexOf("pseudonym")]);
        assertNull(values[CaseRecordColumns.NAMES.indexOf("age")]);
        assertEquals("XX", values[CaseRecordColumns.NAMES.indexOf("country_of_identification")]);
    }

    @Test
    void names_holdNoDirectIdentifier() {
        Set<String> names = new HashSet<>(CaseRecordColumns.NAMES);
        for (String forbidden : List.of("given_name", "family_name", "birth_date", "document_number", "record_id")) {
            assertFalse(names.contains(forbidden), forbidden);
        }
    }
}
