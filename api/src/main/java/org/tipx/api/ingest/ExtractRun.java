package org.tipx.api.ingest;

import java.time.LocalDate;

import org.tipx.api.domain.Period;

/**
 * The state of reading one extract: the rows read, the ids seen, the problems found, and where valid rows go.
 * Created per call, so {@link ExtractIngestor} itself stays stateless. Not thread-safe.
 */
final class ExtractRun {

    /** What to do with a valid row while the extract is still free of problems. */
    @FunctionalInterface
    interface ValidRowHandler {
        /** Takes the row; answers whether its pseudonym links across agencies. */
        boolean accept(ValidRow row);
    }

    private final ExtractValidator validator;
    private final Period period;
    private final Declaration declaration;
    private final LocalDate today;
    private final ValidRowHandler handler;
    private final RecordIdSet seenIds = new RecordIdSet();
    private final Problems problems = new Problems();
    private final RowValues values = new RowValues();
    private long rows;
    private long linkedRows;

    ExtractRun(ExtractValidator validator, Period period, Declaration declaration, ValidRowHandler handler) {
        this.validator = validator;
        this.period = period;
        this.declaration = declaration;
        this.today = validator.today();
        this.handler = handler;
    }

    /** The values of the row being read; readers clear and fill it, then call {@link #validateRow}. */
    RowValues values() {
        return values;
    }

    Problems problems() {
        return problems;
    }

    /** Checks the filled row; hands it on only if it and every row before it were valid. */
    void validateRow(long row) {
        countRow(row);
        validator.validate(row, values, period, today, seenIds, problems).ifPresent(valid -> {
            if (!problems.any() && handler.accept(valid)) {
                linkedRows++;
            }
        });
    }

    /** A row whose structure was broken (already reported), so its cells were not checked. */
    void skipRow(long row) {
        countRow(row);
    }

    /**
     * Counts a record; the first one contradicts a declaration of no cases, and is reported before it can
     * reach the handler.
     */
    private void countRow(long row) {
        if (rows++ == 0 && declaration == Declaration.NO_CASES) {
            problems.add(row, "", "records_with_no_cases", "the upload declares no cases in " + period
                    + " (no_cases=true), but the extract holds records from this row on: upload it without "
                    + "that declaration, or send the header alone");
        }
    }

    /**
     * Once the whole extract has been read as an extract (its header, for CSV): an extract without any
     * record is refused unless the upload declares no cases.
     */
    void finish() {
        if (rows == 0 && declaration == Declaration.RECORDS) {
            problems.add(0, "", "no_records", "the extract holds no record (a header alone, or no line). If the "
                    + "agency had no cases in " + period + ", declare it: upload with no_cases=true "
                    + "(tipx upload ... --no-cases); otherwise export the records again");
        }
    }

    long rows() {
        return rows;
    }

    long linkedRows() {
        return linkedRows;
    }
}
