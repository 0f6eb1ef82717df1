package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionPoolTest {

    private final AtomicInteger opened = new AtomicInteger();
    private ConnectionPool pool;
    private Connection keepAlive;

    @BeforeEach
    void openPool() throws SQLException {
        TestStores.TestDatabase database = TestStores.newDatabase();
        keepAlive = database.connect();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE t (n INT)");
        }
        pool = new ConnectionPool(() -> {
            opened.incrementAndGet();
            return database.connect();
        }, 2, Duration.ofSeconds(5));
    }

    @AfterEach
    void closePool() throws SQLException {
        pool.close();
        keepAlive.close();
    }

    @Test
    void borrow_afterReturn_reusesTheSameConnection() throws SQLException {
        Connection first;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            first = lease.connection();
        }
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertSame(first, lease.connection());
        }
        assertEquals(1, opened.get());
    }

    @Test
    @SuppressWarnings("try") // closes a lease by hand mid-test, on purpose
    void discardedLease_closesItsConnectionAndTheIdleOnes_andTheNextBorrowOpensAFreshOne() throws SQLException {
        Connection idle;
        Connection lost;
        try (ConnectionPool.Lease a = pool.borrow(); ConnectionPool.Lease b = pool.borrow()) {
            idle = a.connection();
            lost = b.connection();
            a.close();
            assertEquals(1, pool.idleCount());
            b.discard(); // as the store does when the database was lost
        }

        assertTrue(lost.isClosed());
        assertTrue(idle.isClosed(), "an idle connection to the same lost database is not lent again");
        assertEquals(0, pool.idleCount());
        try (ConnectionPool.Lease fresh = pool.borrow(Duration.ofMillis(50))) {
            assertTrue(fresh.connection().isValid(1));
        }
        assertEquals(3, opened.get());
    }

    @Test
    void borrow_beyondMaxSize_waitsThenGivesUp() throws SQLException {
        try (ConnectionPool.Lease a = pool.borrow(); ConnectionPool.Lease b = pool.borrow()) {
            assertNotSame(a.connection(), b.connection());
            assertThrows(SQLTransientConnectionException.class, () -> pool.borrow(Duration.ofMillis(50)));
        }
        try (ConnectionPool.Lease again = pool.borrow(Duration.ofMillis(50))) {
            assertTrue(again.connection().isValid(1));
        }
        assertEquals(2, opened.get());
    }

    @Test
    void giveBack_openTransaction_isRolledBackAndAutoCommitRestored() throws SQLException {
        try (ConnectionPool.Lease lease = pool.borrow()) {
            lease.connection().setAutoCommit(false);
            try (Statement s = lease.connection().createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
        }
        try (ConnectionPool.Lease lease = pool.borrow();
                Statement s = lease.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertTrue(lease.connection().getAutoCommit());
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void giveBack_closedConnection_isDiscardedAndReplaced() throws SQLException {
        Connection broken;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            broken = lease.connection();
            broken.close();
        }
        assertEquals(0, pool.idleCount());
        try (ConnectionPool.Lease lease = pool.borrow()) {
            assertNotSame(broken, lease.connection());
            assertTrue(lease.connection().isValid(1));
        }
    }

    @Test
    @SuppressWarnings("try") // the leases only hold the pool empty
    void lease_closedTwice_returnsTheConnectionOnce() throws SQLException {
        ConnectionPool.Lease lease = pool.borrow();
        lease.close();
        lease.close();
        assertEquals(1, pool.idleCount());
        try (ConnectionPool.Lease a = pool.borrow(); ConnectionPool.Lease b = pool.borrow()) {
            assertThrows(SQLTransientConnectionException.class, () -> pool.borrow(Duration.ofMillis(20)));
        }
    }

    @Test
    void close_refusesBorrowersAndClosesConnectionsAsTheyComeBack() throws SQLException {
        ConnectionPool.Lease lent = pool.borrow();
        Connection idle;
        try (ConnectionPool.Lease lease = pool.borrow()) {
            idle = lease.connection();
        }
        assertNotSame(idle, lent.connection());

        pool.close();

        assertTrue(idle.isClosed());
        assertThrows(SQLTransientConnectionException.class, () -> pool.borrow());
        lent.close();
        assertTrue(lent.connection().isClosed());
    }

    @Test
    void constructor_sizeBelowOne_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConnectionPool(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:1/x"), 0,
                        Duration.ofSeconds(1)));
    }
}
