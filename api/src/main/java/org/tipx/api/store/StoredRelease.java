package org.tipx.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A release as stored: immutable once written. Its microdata is read apart, as a stream
 * ({@link TipxStore#writeMicrodata}), because it can be tens of megabytes.
 *
 * @param manifest   the manifest as published (JSON text)
 * @param extractIds the extracts the release was built from, in manifest order; its records are theirs
 */
public record StoredRelease(String id, Instant created, String manifest, List<String> extractIds) {
    public StoredRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(manifest, "manifest");
        extractIds = List.copyOf(extractIds);
    }
}
