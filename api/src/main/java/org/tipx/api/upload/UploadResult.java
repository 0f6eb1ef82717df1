package org.tipx.api.upload;

import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.store.StoredExtract;

/** What became of one upload: stored as new, recognised as identical to the current extract, or rejected. */
public sealed interface UploadResult {

    /** Stored and now current for its (agency, period), replacing the previous current extract if any. */
    record Created(StoredExtract extract) implements UploadResult {
    }

    /** Byte-identical to the current extract: nothing new stored, the existing extract is answered. */
    record Unchanged(StoredExtract extract) implements UploadResult {
    }

    /** At least one invalid row: nothing stored; the outcome lists the problems. */
    record Rejected(IngestOutcome outcome) implements UploadResult {
    }
}
