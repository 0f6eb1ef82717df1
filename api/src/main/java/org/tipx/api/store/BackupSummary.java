package org.tipx.api.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a backup holds, or what a restore wrote: the schema version, when the backup was taken, and the
 * rows of each table in restore order.
 */
public record BackupSummary(String schemaVersion, Instant created, Map<String, Long> rows) {
    public BackupSummary {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(created, "created");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
