package org.tipx.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreAvailabilityTest {

    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // System.nanoTime may be negative
    private final StoreAvailability availability = new StoreAvailability(nanos::get);
    private final Logger logger = Logger.getLogger(StoreAvailability.class.getName());
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @Test
    void manyFailuresThenManySuccesses_logOneLineEach_withTheOutageDuration() {
        availability.succeeded();
        for (int i = 0; i < 100; i++) {
            availability.unreachable("org.postgresql.util.PSQLException (SQLState 08001)");
        }
        assertFalse(availability.available());
        nanos.addAndGet(3_200_000_000L);
        for (int i = 0; i < 100; i++) {
            availability.succeeded();
        }

        assertTrue(availability.available());
        assertEquals(List.of("store unavailable: org.postgresql.util.PSQLException (SQLState 08001)",
                "store available again after 3.2 s"), records.stream().map(LogRecord::getMessage).toList());
        assertTrue(records.stream().allMatch(r -> r.getThrown() == null), "no stack trace");
    }

    @Test
    void secondOutage_isLoggedAgain() {
        availability.unreachable("a");
        availability.succeeded();
        availability.unreachable("b");

        assertEquals(3, records.size());
        assertEquals("store unavailable: b", records.get(2).getMessage());
    }

    @Test
    void failures_connectionClassShutdownAndPoolTimeout_areUnavailable_otherStatesAreNot() {
        for (String state : List.of("08001", "08006", "08003", "57P01", "57P02", "57P03")) {
            assertTrue(StoreFailures.isUnavailable(new SQLException("x", state)), state);
            assertTrue(StoreFailures.of("reading", new SQLException("secret row", state)) instanceof StoreUnavailableException);
        }
        assertTrue(StoreFailures.isUnavailable(new SQLTransientConnectionException("no connection free")));
        for (String state : List.of("23505", "42P01", "57014", "40001")) {
            assertFalse(StoreFailures.isUnavailable(new SQLException("x", state)), state);
        }
        assertFalse(StoreFailures.isUnavailable(new SQLException("no state")));
        assertFalse(StoreFailures.of("reading", new SQLException("x", "23505")) instanceof StoreUnavailableException);
    }
}
