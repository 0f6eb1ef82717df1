package org.tipx.api.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Period;

/** Shared fixtures: a fixed clock, the contract's code lists, and writers for small CSV extracts. */
final class TestExtracts {

    /** "Today" in every test: 23 November 2026. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final Period Q3_2026 = new Period(2026, 3);
    static final ExtractContext CONTEXT = new ExtractContext("agency-ua-1", "UA", Q3_2026);
    static final CodeLists CODE_LISTS = CodeLists.load();
    static final long MAX_BYTES = 16L << 20;

    private TestExtracts() {
    }

    static ExtractValidator validator() {
        return new ExtractValidator(CODE_LISTS, ExtractValidator.jdkCountries(), CLOCK);
    }

    static ExtractIngestor ingestor() {
        return new ExtractIngestor(validator(), MAX_BYTES);
    }

    /** The smallest valid row: required fields only. */
    static Map<String, String> validRow(String recordId) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("record_id", recordId);
        row.put("registration_date", "2026-08-01");
        row.put("status", "presumed");
        row.put("sex", "female");
        return row;
    }

    /** A copy of the row with one field set, or removed when {@code value} is null. */
    static Map<String, String> with(Map<String, String> row, String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(row);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    /** A CSV extract whose header is every field used by any row, in first-seen order; LF line ends. */
    @SafeVarargs
    static String csv(Map<String, String>... rows) {
        List<Map<String, String>> list = new ArrayList<>(rows.length);
        for (Map<String, String> row : rows) {
            list.add(row); // one by one: handing the array itself on is what the varargs lint warns of
        }
        return csv(list);
    }

    static String csv(List<Map<String, String>> rows) {
        Set<String> header = new LinkedHashSet<>();
        for (Map<String, String> row : rows) {
            header.addAll(row.keySet());
        }
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String field : header) {
                cells.add(csvCell(row.getOrDefault(field, "")));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    /** Quotes a cell when RFC 4180 requires it. */
    static String csvCell(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static IngestOutcome validateCsv(String csv) {
        return ingestor().validate(body(csv), ExtractFormat.CSV, Q3_2026);
    }

    static IngestOutcome validateNdjson(String ndjson) {
        return ingestor().validate(body(ndjson), ExtractFormat.NDJSON, Q3_2026);
    }

    /** Ingests into a list, with the hashing pseudonymiser. */
    static Ingested ingest(String text, ExtractFormat format) {
        List<CaseRecord> records = new ArrayList<>();
        HashingPseudonymiser pseudonymiser = new HashingPseudonymiser();
        IngestOutcome outcome = ingestor().ingest(body(text), format, CONTEXT, pseudonymiser, records::add);
        return new Ingested(outcome, records, pseudonymiser);
    }

    record Ingested(IngestOutcome outcome, List<CaseRecord> records, HashingPseudonymiser pseudonymiser) {
    }
}
