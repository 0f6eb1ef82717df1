package org.tipx.api.store;

import java.sql.SQLException;

/**
 * Writes the rows of one open extract into {@code case_record}, inside the upload's transaction.
 * Not thread-safe: it belongs to one {@link TipxStore.ExtractWrite}.
 */
interface RecordInserter {

    /** Adds one row, values in {@link CaseRecordColumns#NAMES} order; may buffer it. */
    void add(Object[] values) throws SQLException;

    /** Writes every buffered row; afterwards the connection takes other statements again. */
    void finish() throws SQLException;

    /** Abandons buffered rows so that the connection can roll back. Never throws. */
    void abort();
}
