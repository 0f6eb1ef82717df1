package org.tipx.api.pseudonym;

import org.tipx.anonymizer.cellkey.PTable;

import java.util.Objects;

/**
 * A keyed pseudonym and the record key derived from it.
 *
 * @param value     64 hex characters (HMAC-SHA-256)
 * @param linked    true when derived from direct identifiers, false when from agency + record_id
 * @param recordKey 0..4095, stable for the same value
 */
public record Pseudonym(String value, boolean linked, int recordKey) {
    public Pseudonym {
        Objects.requireNonNull(value, "value");
        if (recordKey < 0 || recordKey >= PTable.KEY_SPACE) {
            throw new IllegalArgumentException("record key must be 0..4095, was " + recordKey);
        }
    }
}
