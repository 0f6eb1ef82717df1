package org.tipx.api.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymSecretTest {

    private static final byte[] BYTES = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final String HEX_TEXT = HexFormat.of().formatHex(BYTES);
    private static final String BASE64_TEXT = Base64.getEncoder().encodeToString(BYTES);

    @TempDir
    Path dir;

    @Test
    void fromFile_base64AndHexOfSameBytes_giveSamePseudonyms() throws IOException {
        Path base64 = secretFile("b64", BASE64_TEXT + "\n");
        Path hex = secretFile("hex", "  " + HEX_TEXT.toUpperCase(java.util.Locale.ROOT) + "\r\n");
        assertSameKey(PseudonymSecret.ofBytes(BYTES), PseudonymSecret.fromFile(base64));
        assertSameKey(PseudonymSecret.ofBytes(BYTES), PseudonymSecret.fromFile(hex));
    }

    @Test
    void fromFile_worldReadable_isRefusedWithChmodAdvice() throws IOException {
        assumePosix();
        Path file = secretFile("open", BASE64_TEXT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        PseudonymSecretException e = assertThrows(PseudonymSecretException.class, () -> PseudonymSecret.fromFile(file));
        assertTrue(e.getMessage().contains("open to all users"), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertSecretAbsent(e);
    }

    @Test
    void fromFile_groupReadable_isAccepted() throws IOException {
        assumePosix();
        Path file = secretFile("group", BASE64_TEXT);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertSameKey(PseudonymSecret.ofBytes(BYTES), PseudonymSecret.fromFile(file));
    }

    @Test
    void fromFile_missing_saysSo() {
        PseudonymSecretException e = assertThrows(PseudonymSecretException.class,
                () -> PseudonymSecret.fromFile(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fromFile_malformedOrShort_isRefusedWithoutQuotingTheText() throws IOException {
        String almostBase64 = BASE64_TEXT.substring(0, 20) + "-!" + BASE64_TEXT.substring(22);
        String shortHex = HEX_TEXT.substring(0, 62);
        String oddHex = HEX_TEXT + "a";
        for (String text : new String[] {almostBase64, shortHex, oddHex, "", "not a secret at all"}) {
            Path file = secretFile("bad" + text.hashCode(), text);
            PseudonymSecretException e = assertThrows(PseudonymSecretException.class,
                    () -> PseudonymSecret.fromFile(file));
            if (!text.isEmpty()) {
                assertFalse(e.getMessage().contains(text), e.getMessage());
                assertFalse(e.getMessage().contains(text.substring(0, 8)), e.getMessage());
            }
            assertSecretAbsent(e);
        }
    }

    @Test
    void fromEnvironment_absentOrBlank_isEmpty() {
        assertEquals(Optional.empty(), PseudonymSecret.fromEnvironment(Map.of()));
        assertEquals(Optional.empty(), PseudonymSecret.fromEnvironment(Map.of("TIPX_PSEUDONYM_SECRET", "  ")));
    }

    @Test
    void fromEnvironment_valid_isRead() {
        Optional<PseudonymSecret> secret = PseudonymSecret.fromEnvironment(Map.of("TIPX_PSEUDONYM_SECRET", BASE64_TEXT));
        assertTrue(secret.isPresent());
        assertSameKey(PseudonymSecret.ofBytes(BYTES), secret.get());
    }

    @Test
    void fromEnvironment_setButInvalid_throwsRatherThanFallingBack() {
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        PseudonymSecretException e = assertThrows(PseudonymSecretException.class,
                () -> PseudonymSecret.fromEnvironment(Map.of("TIPX_PSEUDONYM_SECRET", tooShort)));
        assertTrue(e.getMessage().contains("TIPX_PSEUDONYM_SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(tooShort), e.getMessage());
    }

    @Test
    void ofBytes_shortKey_isRefused() {
        assertThrows(PseudonymSecretException.class, () -> PseudonymSecret.ofBytes(new byte[31]));
    }

    @Test
    void generateInto_writesOwnerOnlyBase64FileThatReadsBack() throws IOException {
        Path file = dir.resolve("sub/secret.b64");
        PseudonymSecret generated = PseudonymSecret.generateInto(file);
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertEquals(32, Base64.getDecoder().decode(text).length);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertSameKey(generated, PseudonymSecret.fromFile(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void generateInto_existingFile_isNeverOverwritten() throws IOException {
        Path file = secretFile("existing", BASE64_TEXT);
        PseudonymSecretException e = assertThrows(PseudonymSecretException.class,
                () -> PseudonymSecret.generateInto(file));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(BASE64_TEXT, Files.readString(file));
    }

    @Test
    void generateInto_twice_givesDifferentSecrets() {
        PseudonymSecret one = PseudonymSecret.generateInto(dir.resolve("one"));
        PseudonymSecret two = PseudonymSecret.generateInto(dir.resolve("two"));
        assertFalse(one.hmacSha256Key().equals(two.hmacSha256Key()));
    }

    @Test
    void loadOrGenerate_generatesOnceThenLoadsTheSame() {
        Path file = dir.resolve("demo-secret");
        PseudonymSecret first = PseudonymSecret.loadOrGenerate(file);
        PseudonymSecret second = PseudonymSecret.loadOrGenerate(file);
        assertSameKey(first, second);
    }

    @Test
    void fingerprint_isStableShortHexAndDiffersBetweenSecrets() {
        String fingerprint = PseudonymSecret.ofBytes(BYTES).fingerprint();
        assertTrue(fingerprint.matches("[0-9a-f]{16}"), fingerprint);
        assertEquals(fingerprint, PseudonymSecret.ofBytes(BYTES.clone()).fingerprint());
        byte[] other = BYTES.clone();
        other[31] ^= 1;
        assertFalse(fingerprint.equals(PseudonymSecret.ofBytes(other).fingerprint()));
        assertFalse(HEX_TEXT.contains(fingerprint));
    }

    @Test
    void toString_isRedacted() {
        String shown = PseudonymSecret.ofBytes(BYTES).toString();
        assertEquals("PseudonymSecret[redacted]", shown);
        assertFalse(shown.contains(HEX_TEXT.substring(0, 6)));
    }

    private Path secretFile(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    private static void assertSameKey(PseudonymSecret expected, PseudonymSecret actual) {
        assertEquals(expected.hmacSha256Key(), actual.hmacSha256Key());
    }

    private static void assertSecretAbsent(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            assertFalse(message.contains(BASE64_TEXT.substring(0, 8)), message);
            assertFalse(message.contains(HEX_TEXT.substring(0, 8)), message);
        }
    }

    private static void assumePosix() {
        assumeTrue(Path.of(".").getFileSystem().supportedFileAttributeViews().contains("posix"));
    }
}
