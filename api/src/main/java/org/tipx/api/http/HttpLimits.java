package org.tipx.api.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one request may cost the server, so that no client can hold its connections, threads or memory.
 *
 * @param bodyReadTimeout   longest wait for the next bytes of a body; also the time an upload gets before
 *                          its average rate is checked
 * @param minUploadRate     bytes per second an upload must average once {@code bodyReadTimeout} has passed
 * @param uploadsPerAgency  uploads one agency may run at once
 * @param uploadsInAll      uploads the server runs at once; each holds a database connection for its whole
 *                          length, so this stays below the store's pool and reads, {@code /health} and other
 *                          agencies always find one
 * @param maxJsonBytes      largest JSON request body; refused unread when declared larger, cut off when sent larger
 */
public record HttpLimits(Duration bodyReadTimeout, long minUploadRate, int uploadsPerAgency, int uploadsInAll,
                         int maxJsonBytes) {

    /** 30 s, 1 KiB/s, 2 per agency, 5 in all (of the store's 10 connections), 64 KiB. */
    public static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(30), 1024, 2, 5, 64 * 1024);

    public HttpLimits {
        Objects.requireNonNull(bodyReadTimeout, "bodyReadTimeout");
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) {
            throw new IllegalArgumentException("body read timeout must be positive, not " + bodyReadTimeout);
        }
        if (minUploadRate < 0) {
            throw new IllegalArgumentException("minimum upload rate must be 0 or more bytes/s, not " + minUploadRate);
        }
        if (uploadsPerAgency < 1 || uploadsInAll < uploadsPerAgency) {
            throw new IllegalArgumentException("uploads per agency (" + uploadsPerAgency + ") must be at least 1 and "
                    + "at most the uploads in all (" + uploadsInAll + ")");
        }
        if (maxJsonBytes < 1) {
            throw new IllegalArgumentException("JSON body limit must be positive, not " + maxJsonBytes);
        }
    }

    public HttpLimits withBodyReadTimeout(Duration timeout) {
        return new HttpLimits(timeout, minUploadRate, uploadsPerAgency, uploadsInAll, maxJsonBytes);
    }

    public HttpLimits withMinUploadRate(long bytesPerSecond) {
        return new HttpLimits(bodyReadTimeout, bytesPerSecond, uploadsPerAgency, uploadsInAll, maxJsonBytes);
    }

    public HttpLimits withUploads(int perAgency, int inAll) {
        return new HttpLimits(bodyReadTimeout, minUploadRate, perAgency, inAll, maxJsonBytes);
    }

    public HttpLimits withMaxJsonBytes(int bytes) {
        return new HttpLimits(bodyReadTimeout, minUploadRate, uploadsPerAgency, uploadsInAll, bytes);
    }
}
