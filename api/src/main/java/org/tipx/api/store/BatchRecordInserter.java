package org.tipx.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** Portable inserter: a prepared INSERT sent in JDBC batches. Used on H2, where it runs in-process. */
final class BatchRecordInserter implements RecordInserter {

    /** Rows per round of {@code executeBatch}: large enough to amortise the call, small enough for the heap. */
    static final int BATCH_SIZE = 1000;

    private static final System.Logger LOG = System.getLogger(BatchRecordInserter.class.getName());

    private final PreparedStatement insert;
    private int pending;

    BatchRecordInserter(Connection connection) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(CaseRecordColumns.NAMES.size(), "?"));
        this.insert = connection.prepareStatement(
                "INSERT INTO case_record (" + CaseRecordColumns.COLUMN_LIST + ") VALUES (" + placeholders + ")");
    }

    @Override
    public void add(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            insert.setObject(i + 1, values[i]);
        }
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void finish() throws SQLException {
        try (insert) {
            if (pending > 0) {
                flush();
            }
        }
    }

    @Override
    public void abort() {
        try {
            insert.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing an abandoned batch failed", e);
        }
    }

    private void flush() throws SQLException {
        insert.executeBatch();
        pending = 0;
    }
}
