package org.tipx.api.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every JUL record of the process while open: a handler at level ALL on the root logger, and the
 * given loggers lowered to ALL; the root's other handlers (the console) are turned off meanwhile, so the test
 * stays quiet. Closing restores every level. Records are kept whole, so a test can look at the message and
 * the exception chain apart.
 */
final class LogCapture implements AutoCloseable {

    private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final Map<Handler, Level> silenced = new LinkedHashMap<>();
    private final Handler handler = new Handler() {
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

    /** @param loggerNames loggers to lower to ALL for the capture ("" is the root) */
    LogCapture(String... loggerNames) {
        handler.setLevel(Level.ALL);
        for (String name : loggerNames) {
            Logger logger = Logger.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        for (Handler other : Logger.getLogger("").getHandlers()) {
            silenced.put(other, other.getLevel());
            other.setLevel(Level.OFF);
        }
        Logger.getLogger("").addHandler(handler);
    }

    /** The records so far, oldest first. */
    List<LogRecord> records() {
        return new ArrayList<>(records);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        previousLevels.forEach(Logger::setLevel);
        silenced.forEach(Handler::setLevel);
    }
}
