package org.tipx.api.ingest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reads an NDJSON extract: one JSON object per line, blank lines skipped. Row numbers are line numbers, so a
 * problem points at the line to fix. Each line is parsed on its own, so a broken line costs that line only.
 *
 * <p>Values are walked event by event. Parsson 1.1.7's {@code skipArray()} / {@code skipObject()} can hang, so
 * unwanted structures are skipped here by counting depth instead.
 */
final class NdjsonExtract {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /**
     * A record needs two levels (the object, an array of codes); anything deeper is skipped, and past this depth
     * the line is given up before Parsson's own limit (1000) throws a bare RuntimeException.
     */
    private static final int MAX_SKIPPED_DEPTH = 64;

    private NdjsonExtract() {
    }

    static void read(Reader reader, ExtractRun run) throws IOException {
        LineReader lines = new LineReader(reader);
        boolean[] given = new boolean[Field.COUNT];
        long lineNumber = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                line = line.substring(1);
            }
            if (lines.tooLong()) {
                run.problems().add(lineNumber, "", "too_long",
                        "the line is longer than " + LineReader.MAX_LINE_CHARS + " characters");
                run.skipRow(lineNumber);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            Arrays.fill(given, false);
            run.values().clear();
            if (readObject(line, lineNumber, run.values(), given, run.problems())) {
                run.validateRow(lineNumber);
            } else {
                run.skipRow(lineNumber);
            }
        }
    }

    /** Fills the row's values from one line; false when the line is not a JSON object (already reported). */
    private static boolean readObject(String line, long row, RowValues values, boolean[] given, Problems problems) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(line))) {
            if (parser.next() != Event.START_OBJECT) {
                problems.add(row, "", "not_an_object", "the line is not a JSON object");
                return false;
            }
            int keyNumber = 0;
            for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
                keyNumber++;
                String key = parser.getString();
                Event value = parser.next();
                Optional<Field> field = Field.byWireName(key);
                if (field.isEmpty()) {
                    problems.add(row, "", "unknown_field", "key " + keyNumber
                            + " of the object is not a field of the case-record contract" + Field.hint(key));
                    skip(parser, value);
                } else if (given[field.get().ordinal()]) {
                    problems.add(row, field.get(), "duplicate_field", key + " appears twice in the object");
                    values.reported(field.get());
                    skip(parser, value);
                } else {
                    given[field.get().ordinal()] = true;
                    readValue(parser, value, field.get(), row, values, problems);
                }
            }
            if (parser.hasNext()) {
                problems.add(row, "", "malformed_json", "the line holds more than one JSON value");
                return false;
            }
            return true;
        } catch (TooDeepException e) {
            problems.add(row, "", "malformed_json",
                    "the line nests JSON values more than " + MAX_SKIPPED_DEPTH + " levels deep");
            return false;
        } catch (JsonParsingException e) {
            // The parser's message may quote the line, which can hold direct identifiers: only its position.
            JsonLocation at = e.getLocation();
            problems.add(row, "", "malformed_json",
                    "the line is not valid JSON" + (at == null ? "" : " (column " + at.getColumnNumber() + ")"));
            return false;
        } catch (JsonException | NoSuchElementException e) {
            // Also the parser's nesting limit, and an object cut short at the end of the line.
            problems.add(row, "", "malformed_json", "the line is not valid JSON");
            return false;
        }
    }

    private static void readValue(JsonParser parser, Event value, Field field, long row, RowValues values,
                                  Problems problems) {
        if (value == Event.VALUE_NULL) {
            return;
        }
        switch (field.kind()) {
            case MULTI_CODE -> {
                if (value != Event.START_ARRAY) {
                    wrongType(field, "a JSON array of strings", row, values, problems);
                    skip(parser, value);
                    return;
                }
                List<String> items = new ArrayList<>();
                boolean onlyStrings = true;
                for (Event item = parser.next(); item != Event.END_ARRAY; item = parser.next()) {
                    if (item == Event.VALUE_STRING) {
                        items.add(parser.getString());
                    } else {
                        onlyStrings = false;
                        skip(parser, item);
                    }
                }
                if (onlyStrings) {
                    values.items(field, items);
                } else {
                    wrongType(field, "a JSON array of strings", row, values, problems);
                }
            }
            case INTEGER -> {
                // The number's literal text: the validator's strict parser rejects 30.5 and 3e1 alike.
                if (value == Event.VALUE_NUMBER || value == Event.VALUE_STRING) {
                    values.text(field, parser.getString());
                } else {
                    wrongType(field, "a JSON number", row, values, problems);
                    skip(parser, value);
                }
            }
            default -> {
                if (value == Event.VALUE_STRING) {
                    values.text(field, parser.getString());
                } else {
                    wrongType(field, "a JSON string", row, values, problems);
                    skip(parser, value);
                }
            }
        }
    }

    private static void wrongType(Field field, String expected, long row, RowValues values, Problems problems) {
        problems.add(row, field, "wrong_type", field.wireName() + " must be " + expected + " or null");
        values.reported(field);
    }

    /** Skips the value that {@code first} starts, counting nesting (never Parsson's skipArray/skipObject). */
    private static void skip(JsonParser parser, Event first) {
        if (first != Event.START_ARRAY && first != Event.START_OBJECT) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event event = parser.next();
            if (event == Event.START_ARRAY || event == Event.START_OBJECT) {
                if (++depth > MAX_SKIPPED_DEPTH) {
                    throw new TooDeepException();
                }
            } else if (event == Event.END_ARRAY || event == Event.END_OBJECT) {
                depth--;
            }
        }
    }

    /** A skipped value nested deeper than {@link #MAX_SKIPPED_DEPTH}; ends the line, not the extract. */
    private static final class TooDeepException extends RuntimeException {
        TooDeepException() {
            super("JSON nested too deeply", null, false, false);
        }
    }
}
