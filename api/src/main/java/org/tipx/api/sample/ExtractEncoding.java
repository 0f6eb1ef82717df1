package org.tipx.api.sample;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** Writes {@link SampleRow}s as case-record-v1 CSV (RFC 4180) or NDJSON lines. Stateless. */
final class ExtractEncoding {

    /** The case-record-v1 fields, in the contract's order: the CSV header. */
    static final List<String> COLUMNS = List.of(
            "record_id", "registration_date", "registration_year", "status", "identified_by",
            "given_name", "family_name", "birth_date", "document_number",
            "sex", "age", "age_band", "minor_at_exploitation",
            "citizenship", "country_of_identification", "country_of_exploitation",
            "exploitation", "labour_sector", "sexual_exploitation_type", "means_of_control",
            "recruiter_relation", "assistance");

    /** RFC 4180 line end. */
    static final String CRLF = "\r\n";

    private ExtractEncoding() {
    }

    static void appendCsvHeader(Appendable out) throws IOException {
        out.append(String.join(",", COLUMNS)).append(CRLF);
    }

    static void appendCsv(SampleRow row, Appendable out) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = row.values().get(COLUMNS.get(i));
            if (value != null) {
                out.append(csvField(text(value)));
            }
        }
        out.append(CRLF);
    }

    static void appendNdjson(SampleRow row, Appendable out) throws IOException {
        out.append('{');
        boolean first = true;
        for (String column : COLUMNS) {
            Object value = row.values().get(column);
            if (value == null) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            appendJsonString(column, out);
            out.append(':');
            if (value instanceof Integer number) {
                out.append(Integer.toString(number));
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendJsonString((String) list.get(i), out);
                }
                out.append(']');
            } else {
                appendJsonString((String) value, out);
            }
        }
        out.append('}').append('\n');
    }

    /** Multi-valued codes are joined with {@code ;} in CSV. */
    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String.class::cast).toList());
        }
        return value.toString();
    }

    private static String csvField(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static void appendJsonString(String text, Appendable out) throws IOException {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
