package org.tipx.api.pseudonym;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange's secret key for {@link HmacPseudonymiser}: at least {@value #MIN_BYTES} random bytes. Whoever
 * holds it can recompute the pseudonym of any name and birth date, so it lives outside the repository, in a
 * file readable only by the service's user or in the {@value #ENVIRONMENT_VARIABLE} environment variable.
 *
 * <p>Text form (file or variable): the bytes in standard base64 (RFC 4648, padded) or in hexadecimal; text
 * made only of hex digits is read as hex. Surrounding whitespace is ignored, anything else is rejected.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is redacted, and no error message carries the secret.
 */
public final class PseudonymSecret {

    /** 256 bits: the HMAC-SHA-256 key length that RFC 2104 recommends as a minimum (the hash's output size). */
    public static final int MIN_BYTES = 32;

    /** The environment variable that {@link #fromEnvironment(Map)} reads. */
    public static final String ENVIRONMENT_VARIABLE = "TIPX_PSEUDONYM_SECRET";

    private static final System.Logger LOG = System.getLogger(PseudonymSecret.class.getName());
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final String FINGERPRINT_LABEL = "tipx/pseudonym/v1/fingerprint";

    private final byte[] key;

    private PseudonymSecret(byte[] key) {
        this.key = key;
    }

    /** A secret from raw bytes (copied), at least {@value #MIN_BYTES} of them. */
    public static PseudonymSecret ofBytes(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new PseudonymSecretException(
                    "a pseudonym secret needs at least " + MIN_BYTES + " bytes, this one has " + bytes.length);
        }
        return new PseudonymSecret(bytes.clone());
    }

    /**
     * Reads a secret file. On a POSIX file system the file must give no permission to other users
     * (e.g. mode 0600 or 0640): a secret that anyone on the machine can read protects nothing.
     *
     * @throws PseudonymSecretException if the file is missing, unreadable, open to other users, or malformed
     */
    public static PseudonymSecret fromFile(Path file) {
        refuseIfOpenToOthers(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new PseudonymSecretException("pseudonym secret file " + file + " does not exist");
        } catch (IOException e) {
            // Only the exception's type: a decoding error's message could one day quote the text.
            throw new PseudonymSecretException("cannot read pseudonym secret file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return parse(text, "file " + file);
    }

    /**
     * Reads {@value #ENVIRONMENT_VARIABLE} from the given environment (pass {@code System.getenv()}).
     *
     * @return empty when the variable is absent or blank, so that the caller can fall back to a file
     * @throws PseudonymSecretException when the variable is set but is not a valid secret: a typo must not
     *                                  silently fall back to another secret, which would change every pseudonym
     */
    public static Optional<PseudonymSecret> fromEnvironment(Map<String, String> environment) {
        String text = environment.get(ENVIRONMENT_VARIABLE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(text, "environment variable " + ENVIRONMENT_VARIABLE));
    }

    /**
     * Creates a new secret of {@value #MIN_BYTES} bytes from {@link SecureRandom} and writes it, base64, to
     * {@code file} (parent directories created). On POSIX the file is created with mode 0600 before any byte
     * is written, and appears under its name only complete (written to a temporary file, then linked).
     *
     * @throws PseudonymSecretException if {@code file} already exists (a secret is never overwritten: that
     *                                  would change every pseudonym) or cannot be written
     */
    public static PseudonymSecret generateInto(Path file) {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        PseudonymSecret secret = new PseudonymSecret(bytes);
        byte[] text = (Base64.getEncoder().encodeToString(bytes) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw alreadyExists(file);
        }
        Path temporary = null;
        try {
            Files.createDirectories(absolute.getParent());
            temporary = Files.createTempFile(absolute.getParent(), ".pseudonym-secret-", ".tmp", ownerOnly(absolute));
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(text);
            }
            publishWithoutOverwriting(temporary, absolute, file);
        } catch (IOException e) {
            throw new PseudonymSecretException("cannot write pseudonym secret file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(text, (byte) 0);
            deleteQuietly(temporary);
        }
        LOG.log(Level.INFO, "Generated a new pseudonym secret in {0}", file);
        return secret;
    }

    /**
     * For demonstrations and first runs: reads {@code file} if it exists, else generates it. A production
     * deployment should provision the secret deliberately (see docs/pseudonymisation.md).
     */
    public static PseudonymSecret loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            return fromFile(file);
        }
        try {
            return generateInto(file);
        } catch (PseudonymSecretException e) {
            if (Files.exists(file)) {
                return fromFile(file); // another process created it meanwhile: use theirs
            }
            throw e;
        }
    }

    /**
     * A short public name for this secret: the first 16 hex digits of HMAC-SHA-256(secret, a fixed label).
     * Safe to log and to store beside each extract, so that extracts pseudonymised under an earlier secret
     * can be found after a rotation; it reveals nothing about the secret beyond telling two apart.
     */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacSha256Key());
            byte[] digest = mac.doFinal(FINGERPRINT_LABEL.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }

    /** The HMAC key; package-private so that the bytes never leave the package. */
    SecretKeySpec hmacSha256Key() {
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String toString() {
        return "PseudonymSecret[redacted]";
    }

    private static PseudonymSecret parse(String text, String source) {
        String trimmed = text.strip();
        byte[] bytes;
        if (HEX.matcher(trimmed).matches()) {
            if (trimmed.length() % 2 != 0) {
                throw new PseudonymSecretException("pseudonym secret in " + source
                        + " looks like hexadecimal but has an odd number of digits (" + trimmed.length() + ")");
            }
            bytes = HexFormat.of().parseHex(trimmed);
        } else {
            try {
                bytes = Base64.getDecoder().decode(trimmed);
            } catch (IllegalArgumentException e) {
                // The decoder's message quotes the offending character: it is not passed on.
                throw new PseudonymSecretException("pseudonym secret in " + source
                        + " is neither hexadecimal nor standard padded base64 (" + trimmed.length() + " characters)");
            }
        }
        if (bytes.length < MIN_BYTES) {
            throw new PseudonymSecretException("pseudonym secret in " + source + " has " + bytes.length
                    + " bytes; at least " + MIN_BYTES + " random bytes are required");
        }
        return new PseudonymSecret(bytes);
    }

    private static void refuseIfOpenToOthers(Path file) {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (NoSuchFileException e) {
            throw new PseudonymSecretException("pseudonym secret file " + file + " does not exist");
        } catch (IOException e) {
            throw new PseudonymSecretException("cannot read the permissions of pseudonym secret file " + file
                    + ": " + e.getClass().getSimpleName());
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw new PseudonymSecretException("pseudonym secret file " + file + " is open to all users (mode "
                    + PosixFilePermissions.toString(permissions) + "); restrict it, e.g. chmod 600 " + file);
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
    }

    /** A hard link appears atomically and fails if the name is taken; a rename is the fallback. */
    private static void publishWithoutOverwriting(Path temporary, Path target, Path named) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(named);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw alreadyExists(named);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static PseudonymSecretException alreadyExists(Path file) {
        return new PseudonymSecretException("pseudonym secret file " + file
                + " already exists; a secret is never overwritten (rotation is a separate, documented operation)");
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete temporary file {0}: {1}", temporary, e.getClass().getSimpleName());
        }
    }
}
