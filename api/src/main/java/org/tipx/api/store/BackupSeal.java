package org.tipx.api.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The SHA-256 of a whole backup file, kept in the file's own zip comment (its last bytes). The entries'
 * digests cover the data, but a zip also has bytes no reader looks at (the local headers' copies of
 * times and sizes): with the seal, any changed byte anywhere refuses the restore. Stateless.
 */
final class BackupSeal {

    static final String PREFIX = "sha256:";
    private static final int HEX_LENGTH = 64;
    /** Written as the zip comment, then overwritten in place by {@link #seal}. */
    static final String PLACEHOLDER = PREFIX + "0".repeat(HEX_LENGTH);

    private BackupSeal() {
    }

    /** Replaces the placeholder at the end of {@code file} by the digest of every byte before it. */
    static void seal(Path file) throws IOException {
        long sealed = Files.size(file) - HEX_LENGTH;
        requireTrailer(file, sealed);
        byte[] hex = digest(file, sealed).getBytes(StandardCharsets.US_ASCII);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.seek(sealed);
            out.write(hex);
        }
    }

    /** Refuses a file whose seal is missing or does not match its bytes. */
    static void verify(Path file) throws IOException {
        long sealed = Files.size(file) - HEX_LENGTH;
        if (sealed < PREFIX.length()) {
            throw new RestoreRefusedException("not a tipx backup: " + file + " is too short");
        }
        String trailer;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[PREFIX.length() + HEX_LENGTH];
            in.seek(sealed - PREFIX.length());
            in.readFully(bytes);
            trailer = new String(bytes, StandardCharsets.US_ASCII);
        }
        if (!trailer.startsWith(PREFIX)) {
            throw new RestoreRefusedException("not a tipx backup: " + file + " does not end with its SHA-256");
        }
        if (!trailer.substring(PREFIX.length()).equals(digest(file, sealed))) {
            throw new RestoreRefusedException("damaged backup: the SHA-256 of " + file
                    + " does not match the one it was written with");
        }
    }

    private static void requireTrailer(Path file, long sealed) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[PLACEHOLDER.length()];
            in.seek(sealed - PREFIX.length());
            in.readFully(bytes);
            if (!PLACEHOLDER.equals(new String(bytes, StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("the backup does not end with the seal's placeholder");
            }
        }
    }

    private static String digest(Path file, long length) throws IOException {
        MessageDigest sha256 = LogicalBackup.sha256();
        byte[] buffer = new byte[64 * 1024];
        long remaining = length;
        try (InputStream in = Files.newInputStream(file)) {
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("backup shorter than its size");
                }
                sha256.update(buffer, 0, read);
                remaining -= read;
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
