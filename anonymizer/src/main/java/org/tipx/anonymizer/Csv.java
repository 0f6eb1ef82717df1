package org.tipx.anonymizer;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180-style reader and writer: a configurable separator, fields in double quotes may hold the
 * separator, line breaks and doubled quotes; lines end in LF or CRLF. Blank lines are skipped.
 */
final class Csv {
    /** Receives one parsed row and its 1-based line number (where the row starts). */
    @FunctionalInterface
    interface RowSink {
        void accept(String[] fields, long lineNumber);
    }

    private Csv() {
    }

    static void read(Reader in, char separator, RowSink sink) throws IOException {
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new AnonymizationException("the separator cannot be a quote or a line break, got '" + separator + "'");
        }
        char[] buffer = new char[1 << 16];
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoteJustClosed = false;
        boolean fieldWasQuoted = false;
        boolean rowHasContent = false;
        long line = 1;
        long rowStartLine = 1;
        int read;
        while ((read = in.read(buffer)) > 0) {
            for (int i = 0; i < read; i++) {
                char c = buffer[i];
                if (inQuotes) {
                    if (c == '"') {
                        inQuotes = false;
                        quoteJustClosed = true;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                    continue;
                }
                if (c == '"') {
                    if (quoteJustClosed) {
                        // A doubled quote inside a quoted field stands for one quote.
                        field.append('"');
                        inQuotes = true;
                        quoteJustClosed = false;
                    } else if (field.isEmpty() && !fieldWasQuoted) {
                        inQuotes = true;
                        fieldWasQuoted = true;
                        rowHasContent = true;
                    } else {
                        throw new AnonymizationException("line " + line + ": a quote inside an unquoted field");
                    }
                    continue;
                }
                if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoteJustClosed = false;
                    fieldWasQuoted = false;
                    rowHasContent = true;
                } else if (c == '\n') {
                    if (rowHasContent || !field.isEmpty()) {
                        fields.add(stripCarriageReturn(field));
                        sink.accept(fields.toArray(String[]::new), rowStartLine);
                    }
                    fields.clear();
                    field.setLength(0);
                    quoteJustClosed = false;
                    fieldWasQuoted = false;
                    rowHasContent = false;
                    line++;
                    rowStartLine = line;
                } else {
                    if (quoteJustClosed && c != '\r') {
                        throw new AnonymizationException("line " + line + ": text after a closing quote");
                    }
                    field.append(c);
                }
            }
        }
        if (inQuotes) {
            throw new AnonymizationException("line " + rowStartLine + ": a quoted field is never closed");
        }
        if (rowHasContent || !field.isEmpty()) {
            fields.add(stripCarriageReturn(field));
            sink.accept(fields.toArray(String[]::new), rowStartLine);
        }
    }

    private static String stripCarriageReturn(StringBuilder field) {
        int length = field.length();
        if (length > 0 && field.charAt(length - 1) == '\r') {
            return field.substring(0, length - 1);
        }
        return field.toString();
    }

    static void writeField(Writer out, String value, char separator) throws IOException {
        boolean needsQuotes = value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!needsQuotes) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
