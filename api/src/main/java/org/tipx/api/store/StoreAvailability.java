package org.tipx.api.store;

import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Whether the database answered the store's last call, fed by the store with each success and each
 * failure to reach it. It logs one line per change of state, so an outage under load costs the log two
 * lines, not a stack trace per request: {@code store unavailable: <class (SQLState)>} when calls start
 * failing, {@code store available again after N s} at the first success after that. The failure is
 * named by its class and SQLState only, which never quote data. Thread-safe; the common case (a success
 * while available) is one volatile read.
 */
final class StoreAvailability {

    private static final System.Logger LOG = System.getLogger(StoreAvailability.class.getName());

    private final LongSupplier nanoTime;
    private volatile boolean unavailable;
    /** When the outage was first seen ({@link #nanoTime}, which may be negative); guarded by this. */
    private long unavailableSince;

    /** @param nanoTime the monotonic clock the outage is timed with ({@code System::nanoTime}; tests pass their own) */
    StoreAvailability(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A call reached the database. */
    void succeeded() {
        if (!unavailable) {
            return;
        }
        long since;
        synchronized (this) {
            if (!unavailable) {
                return; // another thread logged the recovery
            }
            since = unavailableSince;
            unavailable = false;
        }
        double seconds = (nanoTime.getAsLong() - since) / 1e9;
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT, "store available again after %.1f s", seconds));
    }

    /** A call could not reach the database; {@code cause} is a class and SQLState, never a driver message. */
    void unreachable(String cause) {
        if (unavailable) {
            return;
        }
        synchronized (this) {
            if (unavailable) {
                return;
            }
            unavailableSince = nanoTime.getAsLong();
            unavailable = true;
        }
        LOG.log(System.Logger.Level.WARNING, "store unavailable: " + cause);
    }

    boolean available() {
        return !unavailable;
    }
}
