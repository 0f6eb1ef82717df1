package org.tipx.api.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stands in for an exception in a log record: the same class name, stack trace, causes and suppressed
 * exceptions, without any message. Exception messages are data, not code: the web server's quote the
 * bytes of a malformed request (a hex dump of the body, a header value), a driver's quote a row.
 */
final class RedactedThrowable extends Throwable {

    private final String className;

    private RedactedThrowable(String className, Throwable cause) {
        super(null, cause, true, true);
        this.className = className;
    }

    static RedactedThrowable of(Throwable original) {
        return of(original, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static RedactedThrowable of(Throwable original, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        RedactedThrowable redacted = new RedactedThrowable(original.getClass().getName(),
                cause == null || seen.contains(cause) ? null : of(cause, seen));
        redacted.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                redacted.addSuppressed(of(suppressed, seen));
            }
        }
        return redacted;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the original's trace is set instead
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // toString is what log formatters print: it must withhold the message too
    public String toString() {
        return className + " (message withheld)";
    }
}
