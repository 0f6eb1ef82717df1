package org.tipx.api.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Turns a driver's {@link SQLException} into a {@link StoreException} that is safe to log. Driver messages
 * can quote the values of a failing row or key (PostgreSQL does in its "Detail" line), so
 * neither the message nor the chained cause carries the original text: only its class, SQLState and
 * vendor code, with the original stack trace for diagnosis. A failure to reach the database becomes a
 * {@link StoreUnavailableException}.
 */
final class StoreFailures {

    /** SQLState of a unique or primary key violation (SQL standard). */
    static final String UNIQUE_VIOLATION = "23505";

    /** SQLState class 08: connection exception (SQL standard; refused, broken, does not exist). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /**
     * PostgreSQL's operator intervention codes that mean "the server is going away or not there yet":
     * admin_shutdown, crash_shutdown, cannot_connect_now (appendix A of the PostgreSQL manual). 57014
     * (query_canceled) is left out: a cancelled statement says nothing about the server.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private StoreFailures() {
    }

    /** {@code doing} says what failed, e.g. "reading an extract"; it must not hold record contents. */
    static StoreException of(String doing, SQLException e) {
        String state = e.getSQLState();
        SQLException bare = new SQLException(describe(e) + " vendor code " + e.getErrorCode(), state, e.getErrorCode());
        bare.setStackTrace(e.getStackTrace());
        String message = doing + " failed (SQLState " + state + ")";
        return isUnavailable(e) ? new StoreUnavailableException(message, bare) : new StoreException(message, bare);
    }

    /**
     * True when the failure is the database being out of reach rather than the statement being wrong:
     * SQLState class 08, PostgreSQL's shutdown and start-up codes, or the pool's own timeout or closing
     * (which carry no SQLState).
     */
    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return e instanceof SQLTransientConnectionException;
        }
        return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GOING_AWAY.contains(state);
    }

    /** The class and SQLState of a failure, which never quote data: "org.postgresql.util.PSQLException (SQLState 08006)". */
    static String describe(SQLException e) {
        return e.getClass().getName() + " (SQLState " + e.getSQLState() + ")";
    }
}
