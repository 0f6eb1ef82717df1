package org.tipx.api.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which object. Never holds a token, an identifier or
 * record contents.
 *
 * @param actor   {@code admin} or an agency id
 * @param action  e.g. {@code extract.upload}, {@code agency.create}, {@code token.rotate}, {@code token.revoke}
 * @param subject the object acted on (an extract or agency id)
 * @param detail  short, non-identifying detail (row count, outcome)
 */
public record AuditEvent(Instant at, String actor, String action, String subject, String detail) {
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
    }
}
