package org.tipx.api.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a CSV extract: the header, then one row per record. Row n is the n-th record after the header, as in a
 * spreadsheet (a quoted cell may span lines); blank records are skipped but keep their number.
 */
final class CsvExtract {

    private CsvExtract() {
    }

    /**
     * Reads the extract into {@code run}.
     *
     * @return false when the body is not read as an extract of the contract at all (no header, or a header in
     *         another separator), so that only that one problem is reported
     */
    static boolean read(Reader reader, ExtractRun run) throws IOException {
        CsvReader csv = new CsvReader(reader);
        Problems problems = run.problems();
        List<String> cells = new ArrayList<>();
        long row = 0;
        boolean columnsRead = false;
        try {
            boolean hasHeader;
            do {
                hasHeader = csv.next(cells);
            } while (hasHeader && blank(cells));
            if (!hasHeader) {
                problems.add(0, "", "missing_header", "the extract is empty: a CSV extract starts with a header row");
                return false;
            }
            Optional<Separator> separator = otherSeparator(cells);
            if (separator.isPresent()) {
                // Every row would fail the same way: one problem that says what to do instead of one per column.
                problems.add(0, "", "wrong_separator", separator.get().advice);
                return false;
            }
            columnsRead = true;
            if (csv.oversized()) {
                problems.add(0, "", "too_long", "a header cell is longer than " + CsvReader.MAX_CELL_CHARS
                        + " characters, or the header has more than " + CsvReader.MAX_CELLS + " columns");
            }
            if (csv.malformed()) {
                problems.add(0, "", "malformed_csv",
                        "the header has a double quote inside an unquoted cell, or text after a closing quote");
            }
            Field[] columns = header(cells, problems);
            Set<Field> missing = missingRequired(columns);
            RowValues values = run.values();
            while (csv.next(cells)) {
                row++;
                if (blank(cells)) {
                    // Empty lines and rows of empty cells (as spreadsheets export them) hold no record, but keep
                    // their number so that row numbers stay those of the spreadsheet.
                    continue;
                }
                if (csv.oversized()) {
                    problems.add(row, "", "too_long", "a cell is longer than " + CsvReader.MAX_CELL_CHARS
                            + " characters, or the row has more than " + CsvReader.MAX_CELLS + " cells");
                    run.skipRow(row);
                    continue;
                }
                if (cells.size() != columns.length) {
                    problems.add(row, "", "wrong_cell_count",
                            "the row has " + cells.size() + " cells, the header " + columns.length);
                    run.skipRow(row);
                    continue;
                }
                if (csv.malformed()) {
                    problems.add(row, "", "malformed_csv",
                            "a double quote inside an unquoted cell, or text after a closing quote");
                    run.skipRow(row);
                    continue;
                }
                values.clear();
                for (int i = 0; i < columns.length; i++) {
                    if (columns[i] != null) {
                        values.text(columns[i], cells.get(i));
                    }
                }
                for (Field absent : missing) {
                    // A missing column is reported once, at the header, not again on every row.
                    values.reported(absent);
                }
                run.validateRow(row);
            }
        } catch (CsvReader.UnterminatedQuoteException e) {
            // Row 0 when the header itself never closes its quote.
            problems.add(columnsRead ? row + 1 : 0, "", "unterminated_quote",
                    "a quoted cell opened in this row is never closed; nothing after it can be read");
            if (!columnsRead) {
                return false;
            }
            run.skipRow(row + 1);
        }
        return true;
    }

    /** Separators that spreadsheets write instead of the comma, with what to do about each. */
    enum Separator {
        SEMICOLON(';', "the file looks semicolon-separated: its header splits into the contract's columns at ';', "
                + "not at ','. tipx reads comma-separated CSV only (RFC 4180). Spreadsheets set up for a "
                + "language that writes decimals with a comma save CSV with ';'; save the sheet again with ',' "
                + "as the field separator (LibreOffice Calc: Save As, Text CSV, 'Edit filter settings', field "
                + "delimiter ','; Excel: the separator is Windows' list separator, in the Region settings), or "
                + "send the extract as NDJSON"),
        TAB('\t', "the file looks tab-separated: its header splits into the contract's columns at tabs, not at ','. "
                + "tipx reads comma-separated CSV only (RFC 4180); save the sheet again as CSV with ',' as the "
                + "field separator, not as tab-delimited or Unicode text, or send the extract as NDJSON");

        private final char character;
        private final String advice;

        Separator(char character, String advice) {
            this.character = character;
            this.advice = advice;
        }
    }

    /**
     * The separator the header was written with, when it is not the comma: no cell is a field of the contract,
     * but splitting the header at the separator gives at least two fields and more fields than other names.
     */
    static Optional<Separator> otherSeparator(List<String> headerCells) {
        for (String cell : headerCells) {
            if (Field.byWireName(cell.strip()).isPresent()) {
                return Optional.empty();
            }
        }
        String header = String.join(",", headerCells);
        for (Separator separator : Separator.values()) {
            int fields = 0;
            int others = 0;
            for (String part : header.split(Pattern.quote(String.valueOf(separator.character)), -1)) {
                String name = part.strip();
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                    name = name.substring(1, name.length() - 1).strip();
                }
                if (Field.byWireName(name).isPresent()) {
                    fields++;
                } else {
                    others++;
                }
            }
            if (fields >= 2 && fields > others) {
                return Optional.of(separator);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The required fields the header lacks (both registration fields when it has neither). */
    private static Set<Field> missingRequired(Field[] columns) {
        Set<Field> present = EnumSet.noneOf(Field.class);
        for (Field column : columns) {
            if (column != null) {
                present.add(column);
            }
        }
        Set<Field> missing = EnumSet.copyOf(Field.REQUIRED);
        missing.removeAll(present);
        if (!present.contains(Field.REGISTRATION_DATE) && !present.contains(Field.REGISTRATION_YEAR)) {
            missing.add(Field.REGISTRATION_DATE);
            missing.add(Field.REGISTRATION_YEAR);
        }
        return missing;
    }

    /** Maps each column to its field (null for a column that is reported as unknown or duplicate). */
    private static Field[] header(List<String> cells, Problems problems) {
        Field[] columns = new Field[cells.size()];
        Set<Field> seen = EnumSet.noneOf(Field.class);
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            var field = Field.byWireName(name);
            if (field.isEmpty()) {
                problems.add(0, "", "unknown_column", "column " + (i + 1)
                        + " is not a field of the case-record contract" + Field.hint(name));
            } else if (!seen.add(field.get())) {
                problems.add(0, name, "duplicate_column", "column " + (i + 1) + " repeats " + name);
            } else {
                columns[i] = field.get();
            }
        }
        for (Field required : Field.REQUIRED) {
            if (!seen.contains(required)) {
                problems.add(0, required.wireName(), "missing_column",
                        "the header has no " + required.wireName() + " column");
            }
        }
        if (!seen.contains(Field.REGISTRATION_DATE) && !seen.contains(Field.REGISTRATION_YEAR)) {
            problems.add(0, Field.REGISTRATION_DATE.wireName(), "missing_column",
                    "the header needs a registration_date or a registration_year column");
        }
        return columns;
    }
}
