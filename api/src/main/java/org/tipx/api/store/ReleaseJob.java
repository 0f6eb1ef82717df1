package org.tipx.api.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A release build as the store keeps it: who asked for it, where it is, and how it ended. At most one job
 * is {@link State#underWay() under way} per store, across every process that shares it.
 *
 * @param requestedBy {@code admin}, {@code cli} or {@code demo}
 * @param releaseId   the release made, once {@link State#SUCCEEDED}
 * @param problem     why it failed, once {@link State#FAILED}
 */
public record ReleaseJob(String id, State state, String requestedBy, Instant queued, Optional<Instant> started,
                         Optional<Instant> finished, Optional<String> releaseId, Optional<Problem> problem) {

    public ReleaseJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(queued, "queued");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(releaseId, "releaseId");
        Objects.requireNonNull(problem, "problem");
    }

    /** Where a job is. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, ABANDONED;

        /** Queued or running: no other job may start meanwhile. */
        public boolean underWay() {
            return this == QUEUED || this == RUNNING;
        }

        /** The name in the store and on the wire: {@code queued}, {@code running}, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Why a job failed: a problem type ({@code urn:tipx:problem:<type>}, as the README lists them) and a
     * detail written for the administrator, which never quotes record contents.
     */
    public record Problem(String type, String detail) {
        public Problem {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
