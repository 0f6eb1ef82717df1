package org.tipx.api.domain;

import java.time.Instant;
import java.util.Objects;

import org.tipx.anonymizer.cellkey.ProtectionParameters;

/**
 * What the public API needs to know of a published release: which one it is and how its
 * aggregates are protected. A release pins its protection so that every answer from it can be
 * reproduced later, whatever the server's defaults become.
 *
 * @param id         the release id, as in {@code /v1/releases/{id}}
 * @param created    when the release was frozen
 * @param protection the cell key parameters (p-table and threshold) of every table from it
 */
public record PublishedRelease(String id, Instant created, ProtectionParameters protection) {
    public PublishedRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(protection, "protection");
    }
}
