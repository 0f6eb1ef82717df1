package org.tipx.api.store;

import java.sql.SQLException;

/**
 * Turns a driver's {@link SQLException} into a {@link StoreException} that is safe to log. Driver messages
 * can quote the values of a failing row or key (PostgreSQL does in its "Detail" line), so
 * neither the message nor the chained cause carries the original text: only its class, SQLState and
 * vendor code, with the original stack trace for diagnosis.
 */
final class StoreFailures {

    /** SQLState of a unique or primary key violation (SQL standard). */
    static final String UNIQUE_VIOLATION = "23505";

    private StoreFailures() {
    }

    /** {@code doing} says what failed, e.g. "reading an extract"; it must not hold record contents. */
    static StoreException of(String doing, SQLException e) {
        String state = e.getSQLState();
        SQLException bare = new SQLException(
                e.getClass().getName() + " (SQLState " + state + ", vendor code " + e.getErrorCode() + ")",
                state, e.getErrorCode());
        bare.setStackTrace(e.getStackTrace());
        return new StoreException(doing + " failed (SQLState " + state + ")", bare);
    }
}
