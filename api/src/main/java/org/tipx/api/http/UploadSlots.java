package org.tipx.api.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the uploads running, per agency and in all, and refuses one more beyond either limit with
 * {@code 429} and {@code Retry-After}. Each upload holds a database connection from its first byte to its
 * commit, so the limit in all is what keeps the pool open to everyone else. Thread-safe.
 */
final class UploadSlots {

    /** Seconds a refused uploader is asked to wait; uploads of typical extracts take a few seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final int perAgency;
    private final int inAll;
    private final Map<String, Integer> running = new HashMap<>();
    private int total;

    UploadSlots(int perAgency, int inAll) {
        this.perAgency = perAgency;
        this.inAll = inAll;
    }

    /** A slot for one upload of {@code agencyId}; close it when the upload ends. */
    Slot acquire(String agencyId, ServerResponse response) {
        synchronized (this) {
            int ofAgency = running.getOrDefault(agencyId, 0);
            if (ofAgency < perAgency && total < inAll) {
                running.put(agencyId, ofAgency + 1);
                total++;
                return new Slot(agencyId);
            }
        }
        response.header(HeaderNames.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        throw ProblemException.of(Status.TOO_MANY_REQUESTS_429, "too-many-requests", "Too many uploads",
                "The server runs at most " + perAgency + " uploads per agency and " + inAll + " in all; nothing was "
                        + "stored. Retry after " + RETRY_AFTER_SECONDS + " seconds.");
    }

    private synchronized void release(String agencyId) {
        total--;
        running.computeIfPresent(agencyId, (id, count) -> count == 1 ? null : count - 1);
    }

    /** One running upload; closing it more than once releases it once. */
    final class Slot implements AutoCloseable {
        private final String agencyId;
        private boolean released;

        private Slot(String agencyId) {
            this.agencyId = agencyId;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(agencyId);
            }
        }
    }
}
