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
    private final LocalDate today;
    private final ValidRowHandler handler;
    private final RecordIdSet seenIds = new RecordIdSet();
    private final Problems problems = new Problems();
    private final RowValues values = new RowValues();
    private long rows;
    private long linkedRows;

    ExtractRun(ExtractValidator validator, Period period, ValidRowHandler handler) {
        this.validator = validator;
        this.period = period;
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
        rows++;
        validator.validate(row, values, period, today, seenIds, problems).ifPresent(valid -> {
            if (!problems.any() && handler.accept(valid)) {
                linkedRows++;
            }
        });
    }

    /** A row whose structure was broken (already reported), so its cells were not checked. */
    void skipRow() {
        rows++;
    }

    long rows() {
        return rows;
    }

    long linkedRows() {
        return linkedRows;
    }
}
