package org.tipx.api.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the small tables shipped under {@code org/tipx/datasets/} (reference tables, the synthetic
 * profile): RFC 4180 CSV with a header row, quoted fields that may contain
 * commas and doubled quotes, and no line breaks inside fields (the build script never writes any).
 */
public final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /** Reads a classpath resource and maps each data row, given as header name → cell, to a value. */
    public static <T> List<T> readResource(String resource, List<String> expectedHeader, Function<Map<String, String>, T> mapper) {
        InputStream in = ReferenceCsv.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ReferenceDataException("reference table not on the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = reader.readLine();
            List<String> header = headerLine == null ? List.of() : splitLine(stripBom(headerLine));
            if (!header.equals(expectedHeader)) {
                throw new ReferenceDataException(resource + ": header must be " + expectedHeader + ", was " + header);
            }
            List<T> values = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    List<String> cells = splitLine(line);
                    if (cells.size() != header.size()) {
                        throw new IllegalArgumentException("expected " + header.size() + " fields, found " + cells.size());
                    }
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        row.put(header.get(i), cells.get(i));
                    }
                    values.add(mapper.apply(row));
                } catch (IllegalArgumentException e) {
                    throw new ReferenceDataException(resource + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
            return List.copyOf(values);
        } catch (IOException e) {
            throw new ReferenceDataException("cannot read " + resource, e);
        }
    }

    private static String stripBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** Splits one CSV line into its fields, undoing RFC 4180 quoting. */
    public static List<String> splitLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
