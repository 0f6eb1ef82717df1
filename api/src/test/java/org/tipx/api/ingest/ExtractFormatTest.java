package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractFormatTest {

    @Test
    void mediaTypes_areTheContracts() {
        assertEquals("text/csv", ExtractFormat.CSV.mediaType());
        assertEquals("application/x-ndjson", ExtractFormat.NDJSON.mediaType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "TEXT/CSV", " text/csv ", "text/csv; charset=utf-8", "text/csv;charset=UTF-8",
        "text/csv; header=present; charset=\"utf-8\"", "Text/Csv; Charset=US-ASCII"})
    void csvMediaTypes_withOrWithoutParameters(String contentType) {
        assertEquals(Optional.of(ExtractFormat.CSV), ExtractFormat.fromMediaType(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "Application/X-NDJSON; charset=utf-8"})
    void ndjsonMediaTypes(String contentType) {
        assertEquals(Optional.of(ExtractFormat.NDJSON), ExtractFormat.fromMediaType(contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/json", "text/csv; charset=iso-8859-1",
        "text/csv; charset=utf-16", "text/csvx", "text"})
    void otherMediaTypes_areNotExtracts(String contentType) {
        assertEquals(Optional.empty(), ExtractFormat.fromMediaType(contentType));
    }
}
