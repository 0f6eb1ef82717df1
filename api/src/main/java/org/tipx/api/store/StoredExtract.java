package org.tipx.api.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.tipx.api.domain.Period;

/**
 * An extract as stored: immutable once committed; {@code current} turns false when a later upload for
 * the same (agency, period) replaces it (its records stay for the releases built from them).
 *
 * @param sha256     hex SHA-256 of the uploaded bytes (the idempotency key together with agency and period)
 * @param rows       records stored
 * @param linkedRows records whose pseudonym came from direct identifiers
 * @param replaces   the extract this one replaced as current, if any
 */
public record StoredExtract(
        String id,
        String agency,
        Period period,
        long rows,
        long linkedRows,
        String mediaType,
        String sha256,
        Instant uploaded,
        boolean current,
        Optional<String> replaces) {
    public StoredExtract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploaded, "uploaded");
        Objects.requireNonNull(replaces, "replaces");
    }
}
