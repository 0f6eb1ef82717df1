package org.tipx.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A small bounded pool of JDBC connections. At most {@code maxSize} connections are lent at once;
 * a borrower waits up to a timeout for one. Connections are opened lazily, kept while idle, checked with
 * {@link Connection#isValid} when they have been idle for a while, and handed back in auto-commit mode
 * (a lease left in a transaction is rolled back). Thread-safe.
 *
 * <p>Written here rather than taken from HikariCP because the version that the Helidon BOM manages
 * (5.0.1) is not available to this build, and the store needs little: bounds, reuse and validation.
 */
final class ConnectionPool implements AutoCloseable {

    /** Opens a new physical connection. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** A connection lent by the pool; closing the lease gives it back. Not thread-safe. */
    final class Lease implements AutoCloseable {
        private final Connection connection;
        private boolean returned;
        private boolean broken;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        /**
         * Marks the connection as lost with the database: closing the lease then closes it instead of
         * keeping it, and drops the idle ones too, which came from the same server and are as likely dead.
         */
        void discard() {
            broken = true;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                if (broken) {
                    discardAll(connection);
                } else {
                    giveBack(connection);
                }
            }
        }
    }

    /** Idle time after which a connection is validated before it is lent again. */
    private static final long VALIDATE_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

    private record Idle(Connection connection, long since) {
    }

    private final ConnectionFactory factory;
    private final Semaphore permits;
    private final Duration borrowTimeout;
    /** Most recently returned first, so a busy pool reuses warm connections. Guarded by {@code this}. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed; // guarded by this

    ConnectionPool(ConnectionFactory factory, int maxSize, Duration borrowTimeout) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + maxSize);
        }
        this.factory = factory;
        this.permits = new Semaphore(maxSize, true);
        this.borrowTimeout = borrowTimeout;
    }

    /** Lends a connection, waiting up to the pool's borrow timeout. */
    Lease borrow() throws SQLException {
        return borrow(borrowTimeout);
    }

    Lease borrow(Duration timeout) throws SQLException {
        try {
            if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SQLTransientConnectionException("no database connection free within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection connection = takeValidIdle();
            return new Lease(connection != null ? connection : factory.open());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection takeValidIdle() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLTransientConnectionException("the connection pool is closed");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return null;
            }
            boolean fresh = System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE_NANOS;
            if (fresh || isValid(candidate.connection())) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    private void giveBack(Connection connection) {
        try {
            if (!resetForReuse(connection)) {
                closeQuietly(connection);
                return;
            }
            boolean keep;
            synchronized (this) {
                keep = !closed;
                if (keep) {
                    idle.addFirst(new Idle(connection, System.nanoTime()));
                }
            }
            if (!keep) {
                closeQuietly(connection);
            }
        } finally {
            permits.release();
        }
    }

    /**
     * After the database was lost (stopped, restarted, network cut) every pooled connection is dead, but
     * one idle for less than the validation threshold would be lent again unchecked and fail once more.
     * Closing them all lets the next borrower open a fresh connection, so the store recovers as soon as
     * the database is back.
     */
    private void discardAll(Connection lost) {
        List<Idle> toClose;
        try {
            synchronized (this) {
                toClose = new ArrayList<>(idle);
                idle.clear();
            }
            closeQuietly(lost);
            toClose.forEach(i -> closeQuietly(i.connection()));
        } finally {
            permits.release();
        }
    }

    /** Rolls back what the borrower left open; false when the connection is unusable. */
    private static boolean resetForReuse(Connection connection) {
        try {
            if (connection.isClosed()) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return true;
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "discarding a connection that could not be reset", e);
            return false;
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a pooled connection failed", e);
        }
    }

    /** Idle connections right now (for tests and diagnostics). */
    synchronized int idleCount() {
        return idle.size();
    }

    /** Closes the idle connections; lent ones are closed when they come back. */
    @Override
    public void close() {
        List<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }
}
