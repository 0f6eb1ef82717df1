package org.tipx.api.store;

/**
 * A restore was refused before anything was committed: the backup is damaged or of another schema
 * version, or the target store is not empty. The message says which, and never quotes row contents.
 */
public final class RestoreRefusedException extends StoreException {
    public RestoreRefusedException(String message) {
        super(message);
    }
}
