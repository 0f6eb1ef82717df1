package org.tipx.api.http;

import io.helidon.http.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A request body read under the server's terms:
 * <ul>
 *   <li>a read that waits longer than the body read timeout for bytes is stopped (a watchdog interrupts the
 *       reading thread, which closes the socket) and answered {@code 408};</li>
 *   <li>once that timeout has passed since the first read, a body averaging less than the minimum rate is
 *       answered {@code 408} (a trickle of a byte every few seconds never stalls a single read);</li>
 *   <li>any failure of the transport underneath (bad chunk framing, a body cut short) is answered {@code 400}
 *       with a fixed text: the web server's own messages quote the bytes it could not frame.</li>
 * </ul>
 * {@link Problems} closes the connection of every such answer, since the rest of the body will not be read.
 * Nothing is buffered here. Not thread-safe: one handler reads it.
 */
final class PacedBody extends InputStream {

    private static final Set<PacedBody> OPEN = ConcurrentHashMap.newKeySet();
    /** One daemon thread for the process; it only looks at the reads in progress. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tipx-body-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        startWatchdog();
    }

    // Runs as long as the process; stopIfStalled cannot throw, so no failure hides in the ignored future.
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void startWatchdog() {
        WATCHDOG.scheduleWithFixedDelay(() -> OPEN.forEach(PacedBody::stopIfStalled), 100, 100, TimeUnit.MILLISECONDS);
    }

    private final InputStream in;
    private final long timeoutNanos;
    private final long minBytesPerSecond;
    private long firstReadAt;
    private long bytes;
    private boolean failed;
    /** Guarded by {@code this}: the thread blocked in a read, and since when; null between reads. */
    private Thread reader;
    private long blockedSince;
    private boolean timedOut;

    private PacedBody(InputStream in, Duration timeout, long minBytesPerSecond) {
        this.in = in;
        this.timeoutNanos = timeout.toNanos();
        this.minBytesPerSecond = minBytesPerSecond;
    }

    /** {@code body} read under the limits' body read timeout and minimum rate. */
    static PacedBody of(InputStream body, HttpLimits limits) {
        return new PacedBody(body, limits.bodyReadTimeout(), limits.minUploadRate());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failed) {
            throw new IOException("the body was already refused");
        }
        long start = System.nanoTime();
        if (firstReadAt == 0) {
            firstReadAt = start;
            OPEN.add(this);
        }
        int n;
        synchronized (this) {
            reader = Thread.currentThread();
            blockedSince = start;
        }
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            endRead();
            throw timedOut ? tooSlow() : malformed();
        }
        endRead();
        long now = System.nanoTime();
        if (timedOut || now - start > timeoutNanos) {
            throw tooSlow();
        }
        if (n > 0) {
            bytes += n;
        }
        if (n == -1) {
            OPEN.remove(this);
        } else if (now - firstReadAt > timeoutNanos && bytes * 1_000_000_000L / (now - firstReadAt) < minBytesPerSecond) {
            throw tooSlow();
        }
        return n;
    }

    /** Ends a read; an interrupt the watchdog sent as the read returned is cleared, not left to later code. */
    private void endRead() {
        synchronized (this) {
            reader = null;
            if (timedOut) {
                Thread.interrupted();
            }
        }
    }

    /** Called by the watchdog: interrupts a read blocked beyond the timeout (only while it is blocked). */
    private synchronized void stopIfStalled() {
        if (reader != null && !timedOut && System.nanoTime() - blockedSince > timeoutNanos) {
            timedOut = true;
            reader.interrupt();
        }
    }

    /** Stops watching; the request's stream is the server's to close. */
    @Override
    public void close() {
        OPEN.remove(this);
    }

    /**
     * The whole body of a JSON request, at most {@code limits.maxJsonBytes()}: a larger one is cut off there
     * with {@code 413}, so memory never grows with what a client sends.
     */
    static byte[] readJson(InputStream body, HttpLimits limits) {
        try (PacedBody paced = of(body, limits)) {
            byte[] bytes = paced.readNBytes(limits.maxJsonBytes() + 1);
            if (bytes.length > limits.maxJsonBytes()) {
                paced.fail();
                throw BodyFraming.payloadTooLarge(limits.maxJsonBytes());
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a JSON body", e);
        }
    }

    private ProblemException tooSlow() {
        fail();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(timeoutNanos));
        return ProblemException.of(Status.REQUEST_TIMEOUT_408, "request-timeout", "Request body too slow",
                "The body stalled for over " + seconds + " s or arrived slower than " + minBytesPerSecond
                        + " bytes/s after " + seconds + " s; nothing was stored.");
    }

    private ProblemException malformed() {
        fail();
        return ProblemException.badRequest("The request body is not framed correctly (chunked encoding or "
                + "Content-Length) or was cut short; nothing was stored.");
    }

    private void fail() {
        failed = true;
        OPEN.remove(this);
    }
}
