package org.tipx.api.store;

/** The store failed (I/O, SQL, a broken invariant). Messages never carry record contents. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
