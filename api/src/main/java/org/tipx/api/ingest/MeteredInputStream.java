package org.tipx.api.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes the bytes of a body as they are read, and stops the read as soon as it passes the limit, so
 * an oversized upload is refused after {@code limit + 1} bytes instead of being buffered. Never reads more than one
 * byte past the limit. Closing it does not close the body, which belongs to the caller. Not thread-safe.
 */
final class MeteredInputStream extends FilterInputStream {

    private static final int DRAIN_CHUNK = 1 << 16;

    private final long limit;
    private final MessageDigest sha256;
    private long bytes;

    MeteredInputStream(InputStream body, long limit) {
        super(body);
        this.limit = limit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        // One byte past the limit is enough to know it was passed; written so a limit near Long.MAX_VALUE
        // cannot overflow.
        long remaining = limit - bytes;
        int allowed = remaining >= length ? length : (int) remaining + 1;
        int read = in.read(target, offset, allowed);
        if (read > 0) {
            sha256.update(target, offset, read);
            bytes += read;
            if (bytes > limit) {
                throw new ExtractTooLargeException(limit);
            }
        }
        return read;
    }

    /** Skipping would leave bytes out of the hash, so this reads them instead. */
    @Override
    public long skip(long count) throws IOException {
        byte[] scratch = new byte[(int) Math.min(DRAIN_CHUNK, Math.max(count, 1))];
        long skipped = 0;
        while (skipped < count) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, count - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // The body is the caller's to close.
    }

    /** Reads the rest of the body, so size and hash cover all of it even when parsing stopped early. */
    void drain() throws IOException {
        byte[] scratch = new byte[DRAIN_CHUNK];
        while (read(scratch, 0, scratch.length) >= 0) {
            // counted and hashed by read
        }
    }

    long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of everything read; call once, at the end. */
    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
