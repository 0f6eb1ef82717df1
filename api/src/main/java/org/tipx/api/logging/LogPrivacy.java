package org.tipx.api.logging;

import java.util.List;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps request data out of the log, whatever logging configuration a user supplies: every record of tipx's
 * loggers ({@code org.tipx}) and of the libraries that see requests or rows (the web server {@code io.helidon},
 * the PostgreSQL driver {@code org.postgresql}, Flyway {@code org.flywaydb}) passes through a handler that
 * republishes a redacted copy to the handlers above (by default the root's, where a configuration file puts
 * them) instead of the record itself:
 * <ul>
 *   <li>the message on one line, control characters escaped ({@link LogText#oneLine});</li>
 *   <li>exceptions without their messages ({@link RedactedThrowable}): Helidon 4.3's framing errors carry a
 *       hex dump of the request body in theirs;</li>
 *   <li>the libraries' messages below INFO withheld: at DEBUG and TRACE the web server describes the
 *       connection's bytes (prologues, header values, dumps) and the driver every bound parameter (row values,
 *       token hashes); the record still shows which logger and method wrote it.</li>
 * </ul>
 * Levels stay the user's: a logger still filters by its own level before its records get here. Handlers a
 * configuration attaches directly to a logger below these see the original records; the README says so.
 * Thread-safe; installing twice changes nothing.
 */
public final class LogPrivacy {

    /** The loggers whose records are redacted, and whether their messages below INFO are withheld. */
    private static final List<String> TIPX = List.of("org.tipx");
    private static final List<String> LIBRARIES = List.of("io.helidon", "org.postgresql", "org.flywaydb");

    private LogPrivacy() {
    }

    private static boolean listening;

    /**
     * Routes the covered loggers through the redacting handler, and again whenever the logging configuration
     * is read anew: a reset removes every handler but leaves these loggers cut off from their parents, which
     * would silence them. Helidon reads {@code logging.properties} once when its logging starts.
     */
    public static synchronized void install() {
        TIPX.forEach(name -> install(Logger.getLogger(name), false));
        LIBRARIES.forEach(name -> install(Logger.getLogger(name), true));
        if (!listening) {
            LogManager.getLogManager().addConfigurationListener(LogPrivacy::install);
            listening = true;
        }
    }

    private static void install(Logger logger, boolean withholdDetail) {
        for (Handler handler : logger.getHandlers()) {
            if (handler instanceof RedactingHandler) {
                return;
            }
        }
        logger.addHandler(new RedactingHandler(logger, withholdDetail));
        logger.setUseParentHandlers(false);
    }

    /** Republishes a redacted copy of each record to the handlers above its logger. */
    private static final class RedactingHandler extends Handler {

        private static final Formatter MESSAGES = new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record);
            }
        };

        private final Logger origin;
        private final boolean withholdDetail;

        RedactingHandler(Logger origin, boolean withholdDetail) {
            this.origin = origin;
            this.withholdDetail = withholdDetail;
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            LogRecord safe;
            try {
                safe = redact(record);
            } catch (RuntimeException e) {
                // Logging must not fail the code that logs; the record is dropped rather than passed on whole.
                reportError("a log record could not be redacted and was dropped", null, ErrorManager.FORMAT_FAILURE);
                return;
            }
            for (Logger logger = origin.getParent(); logger != null; logger = logger.getParent()) {
                for (Handler handler : logger.getHandlers()) {
                    handler.publish(safe);
                }
                if (!logger.getUseParentHandlers()) {
                    break;
                }
            }
        }

        private LogRecord redact(LogRecord record) {
            String message = MESSAGES.format(record);
            if (withholdDetail && record.getLevel().intValue() < Level.INFO.intValue()) {
                message = "(detail withheld: " + (message == null ? 0 : message.length()) + " characters)";
            }
            LogRecord safe = new LogRecord(record.getLevel(), message == null ? null : LogText.oneLine(message));
            safe.setLoggerName(record.getLoggerName());
            safe.setInstant(record.getInstant());
            safe.setLongThreadID(record.getLongThreadID());
            safe.setSequenceNumber(record.getSequenceNumber());
            safe.setSourceClassName(record.getSourceClassName());
            safe.setSourceMethodName(record.getSourceMethodName());
            if (record.getThrown() != null) {
                safe.setThrown(RedactedThrowable.of(record.getThrown()));
            }
            return safe;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
