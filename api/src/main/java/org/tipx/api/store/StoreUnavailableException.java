package org.tipx.api.store;

/**
 * The database cannot be reached: the connection was refused or broke, no pooled connection came free in
 * time, or the server is shutting down or starting up. Unlike other {@link StoreException}s this says
 * nothing about the request: the same call may succeed once the database is back, so the HTTP layer
 * answers {@code 503} with {@code Retry-After}. Messages never carry record contents.
 */
public final class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
