package org.tipx.api.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.tipx.anonymizer.ProgressListener;

/**
 * Progress of a lattice search as one line on standard error, redrawn in place: nothing while the run is
 * shorter than {@code delay} (a quick run stays quiet), then at most once per {@code interval}. The clock is
 * injected (nanoseconds, as {@link System#nanoTime()}) so that tests control time. Safe to call from the
 * search's threads: updates are serialised.
 */
final class ThrottledProgress implements ProgressListener {

    static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);
    static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final long delayNanos;
    private final long intervalNanos;
    private long lastShownNanos;
    private boolean shown;

    ThrottledProgress(PrintWriter err, LongSupplier nanoClock, Duration delay, Duration interval) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.delayNanos = delay.toNanos();
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void progress(long nodesChecked, long nodesTotal, double bestScore) {
        long now = nanoClock.getAsLong();
        if (now - startNanos < delayNanos || (shown && now - lastShownNanos < intervalNanos)) {
            return;
        }
        shown = true;
        lastShownNanos = now;
        String best = Double.isFinite(bestScore) ? String.format(Locale.ROOT, "%.6f", bestScore) : "none yet";
        err.printf(Locale.ROOT, "\ranonymizing: %d of %d transformations checked (%.0f%%), best score %s, %.1f s",
                nodesChecked, nodesTotal, nodesTotal == 0 ? 100.0 : 100.0 * nodesChecked / nodesTotal, best,
                (now - startNanos) / 1e9);
        err.flush();
    }

    /** Ends the progress line, if one was drawn, so that what follows starts on a fresh line. */
    synchronized void done() {
        if (shown) {
            err.println();
            err.flush();
        }
    }

    /** Whether a progress line was drawn. */
    synchronized boolean shown() {
        return shown;
    }
}
