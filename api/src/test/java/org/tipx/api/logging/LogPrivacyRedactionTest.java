package org.tipx.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link LogPrivacy} lets through to the root's handlers, record by record. */
class LogPrivacyRedactionTest {

    private static final String PLANTED = "Zorvalisk482913";

    private final List<LogRecord> published = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            published.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger server = Logger.getLogger("io.helidon.webserver.http1.TestOnly");
    private final Logger tipx = Logger.getLogger("org.tipx.api.TestOnly");

    @BeforeEach
    void install() {
        LogPrivacy.install();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        server.setLevel(Level.ALL);
        tipx.setLevel(Level.ALL);
    }

    @AfterEach
    void remove() {
        Logger.getLogger("").removeHandler(capture);
        server.setLevel(null);
        tipx.setLevel(null);
    }

    @Test
    void exception_messageWithADump_classAndTraceKeptMessagesWithheld() {
        IllegalStateException cause = new IllegalStateException("chunk:\n|00000000| 5a 6f |" + PLANTED + "|");
        RuntimeException thrown = new RuntimeException("wrapped " + PLANTED, cause);
        thrown.addSuppressed(new IllegalArgumentException(PLANTED));

        server.log(Level.WARNING, "Internal server error", thrown);

        LogRecord record = published.getLast();
        assertEquals("Internal server error", record.getMessage());
        assertEquals("io.helidon.webserver.http1.TestOnly", record.getLoggerName());
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(PLANTED), trace.toString());
        assertTrue(trace.toString().startsWith("java.lang.RuntimeException (message withheld)"), trace.toString());
        assertTrue(trace.toString().contains("Caused by: java.lang.IllegalStateException (message withheld)"));
        assertTrue(trace.toString().contains("Suppressed: java.lang.IllegalArgumentException (message withheld)"));
        assertEquals(thrown.getStackTrace()[0], record.getThrown().getStackTrace()[0]);
    }

    @Test
    void serverLibraryBelowInfo_messageWithheld_recordKept() {
        server.log(Level.FINE, "recv headers: Authorization: Bearer " + PLANTED);

        LogRecord record = published.getLast();
        assertEquals(Level.FINE, record.getLevel());
        assertEquals("(detail withheld: 51 characters)", record.getMessage());
    }

    @Test
    void tipxMessage_controlCharacters_escapedOntoOneLine() {
        tipx.log(Level.INFO, "GET /x\n2026-01-01 INFO forged\r\u0000\u2028 {0}", "\tparam");

        LogRecord record = published.getLast();
        assertEquals("GET /x\\n2026-01-01 INFO forged\\r\\u0000\\u2028 \\tparam", record.getMessage());
        assertNull(record.getParameters());
    }

    @Test
    void levels_stayTheUsers() {
        tipx.setLevel(Level.WARNING);
        int before = published.size();

        tipx.info("not at this level");

        assertEquals(before, published.size());
    }

    @Test
    void configurationReadAnew_redactionStaysInPlace() throws Exception {
        // What Helidon does once at start and a user may do later: every handler is removed.
        String config = "handlers=java.util.logging.ConsoleHandler\n.level=INFO\n"
                + "java.util.logging.ConsoleHandler.level=INFO\n";
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
        try {
            Logger.getLogger("").addHandler(capture);
            tipx.setLevel(Level.ALL);
            int before = published.size();

            tipx.info("still here\nand on one line");

            assertEquals(before + 1, published.size());
            assertEquals("still here\\nand on one line", published.getLast().getMessage());
        } finally {
            // The suite's own configuration again (java.util.logging.config.file), for the tests after this one.
            LogManager.getLogManager().readConfiguration();
        }
    }

    @Test
    void install_twice_publishesEachRecordOnce() {
        LogPrivacy.install();
        int before = published.size();

        tipx.info("once");

        assertEquals(before + 1, published.size());
    }
}
