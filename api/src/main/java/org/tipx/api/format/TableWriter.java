package org.tipx.api.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a published table in one format, as UTF-8. The output is a function of the
 * {@link PublishedTable} alone: the same table gives the same bytes, so a digest of them can serve
 * as an ETag. Implementations are immutable and thread-safe.
 */
public sealed interface TableWriter permits CsvTableWriter, JsonTableWriter, JsonStatTableWriter {

    /** The format written. */
    TableFormat format();

    /**
     * Streams the table to {@code out}, flushing but not closing it (the caller owns the stream).
     *
     * @throws IllegalArgumentException if the table's rows do not fit its {@code by} dimensions
     */
    void write(PublishedTable table, OutputStream out) throws IOException;

    /** The whole answer as bytes, e.g. to send it with a {@code Content-Length} or hash it. */
    default byte[] bytes(PublishedTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(table, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
