package org.tipx.api.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A release to write with {@link TipxStore#createRelease}: everything of it at once, so that it is
 * stored whole or not at all.
 *
 * @param manifest   the manifest (JSON text)
 * @param extractIds the extracts it freezes, in manifest order (no duplicates)
 * @param microdata  the anonymised microdata (CSV text)
 */
public record NewRelease(String id, Instant created, String manifest, List<String> extractIds, String microdata) {
    public NewRelease {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(microdata, "microdata");
        extractIds = List.copyOf(extractIds);
        if (extractIds.isEmpty()) {
            throw new IllegalArgumentException("a release needs at least one extract");
        }
        if (extractIds.stream().distinct().count() != extractIds.size()) {
            throw new IllegalArgumentException("a release lists each extract once");
        }
    }

    /** Leaves the contents out, so that a log line cannot carry them. */
    @Override
    public String toString() {
        return "NewRelease[" + id + ", " + extractIds.size() + " extracts]";
    }
}
