package org.tipx.api.store;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Makes extract ids such as {@code ex-k3v9q2m7c1x8d4r6t0bz}: 100 random bits from {@link SecureRandom}
 * in lower-case base32, so an id neither reveals upload order nor can be guessed. Thread-safe.
 */
final class ExtractIds {

    static final String PREFIX = "ex-";
    static final int RANDOM_CHARS = 20;

    /** RFC 4648's "base32hex" alphabet, lower-cased: digits and letters only, safe in URLs and file names. */
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private final SecureRandom random;

    ExtractIds(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    String next() {
        char[] id = new char[PREFIX.length() + RANDOM_CHARS];
        PREFIX.getChars(0, PREFIX.length(), id, 0);
        for (int i = PREFIX.length(); i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
