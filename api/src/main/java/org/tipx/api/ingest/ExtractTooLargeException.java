package org.tipx.api.ingest;

/** Thrown as soon as an extract's body has grown beyond the configured number of bytes. */
public final class ExtractTooLargeException extends RuntimeException {

    private final long limit;

    public ExtractTooLargeException(long limit) {
        super("the extract is larger than " + limit + " bytes");
        this.limit = limit;
    }

    /** The largest accepted body, in bytes. */
    public long limit() {
        return limit;
    }
}
