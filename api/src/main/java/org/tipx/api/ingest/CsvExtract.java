package org.tipx.api.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV extract: the header, then one row per record. Row n is the n-th record after the header, as in a
 * spreadsheet (a quoted cell may span lines); blank records are skipped but keep their number.
 */
final class CsvExtract {

    private CsvExtract() {
    }

    static void read(Reader reader, ExtractRun run) throws IOException {
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
                return;
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
                    run.skipRow();
                    continue;
                }
                if (cells.size() != columns.length) {
                    problems.add(row, "", "wrong_cell_count",
                            "the row has " + cells.size() + " cells, the header " + columns.length);
                    run.skipRow();
                    continue;
                }
                if (csv.malformed()) {
                    problems.add(row, "", "malformed_csv",
                            "a double quote inside an unquoted cell, or text after a closing quote");
                    run.skipRow();
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
            run.skipRow();
        }
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
