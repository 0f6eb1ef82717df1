package org.tipx.api.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceCsvTest {

    @Test
    void splitLine_quotedFieldWithCommaAndDoubledQuote_isOneField() {
        assertEquals(List.of("HK", "China, Hong Kong \"SAR\"", ""),
                ReferenceCsv.splitLine("HK,\"China, Hong Kong \"\"SAR\"\"\","));
    }

    @Test
    void splitLine_emptyCells_areKept() {
        assertEquals(List.of("", "", ""), ReferenceCsv.splitLine(",,"));
    }

    @Test
    void splitLine_unterminatedQuote_throws() {
        assertThrows(IllegalArgumentException.class, () -> ReferenceCsv.splitLine("\"open,field"));
    }

    @Test
    void readResource_missingResource_throwsReferenceDataException() {
        assertThrows(ReferenceDataException.class,
                () -> ReferenceCsv.readResource("org/tipx/datasets/none.csv", List.of("a"), row -> row));
    }
}
