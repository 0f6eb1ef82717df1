package org.tipx.api.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA-256 under a {@link PseudonymSecret}) for case records, so that the exchange
 * can count once a person whom two agencies report, without storing who the person is.
 *
 * <p>Linkage rule, in order:
 * <ol>
 *   <li>given name, family name and birth date all usable: domain {@code nbd} over the two names' linkage
 *       keys ({@link IdentifierNormaliser#nameLinkageKey}) in sorted order, so that swapped name fields still
 *       link, and the ISO birth date;</li>
 *   <li>else a usable document number: domain {@code doc} over its normal form;</li>
 *   <li>else unlinkable: domain {@code rec} over agency id and record id, {@code linked = false}.</li>
 * </ol>
 * Name and birth date win over the document because they are what agencies most often record (documents
 * are often withheld from victims), so two agencies that both have them link whatever else either sends.
 * Placeholder values (an "unknown" name, an all-zero document number) count as absent. See
 * {@code docs/pseudonymisation.md}.
 *
 * <p>HMAC input: the length-prefixed domain tag followed by each field length-prefixed (4-byte big-endian
 * byte count, then UTF-8), so that no two different field lists give the same input. The record key is the
 * first 12 bits of a second HMAC, in domain {@code key}, over the pseudonym's 32 bytes: uniform on 0..4095,
 * and not computable from a leaked pseudonym list without the secret.
 *
 * <p>Deterministic for a given secret, and thread-safe: {@link Mac} instances are pooled.
 */
public final class HmacPseudonymiser implements Pseudonymiser {

    static final String NAME_AND_BIRTH_DATE_DOMAIN = "tipx/pseudonym/v1/nbd";
    static final String DOCUMENT_DOMAIN = "tipx/pseudonym/v1/doc";
    static final String RECORD_DOMAIN = "tipx/pseudonym/v1/rec";
    static final String RECORD_KEY_DOMAIN = "tipx/pseudonym/v1/key";

    /** Shortest document number taken as real; shorter ones ("0", "NA") are typing noise. */
    static final int MIN_DOCUMENT_LENGTH = 4;

    /** Values typed for "no name" or "no document"; they would link every such record to each other. */
    private static final List<String> PLACEHOLDER_NAMES = List.of("unknown", "unk", "nn", "null", "nil", "none",
            "no name", "noname", "x", "anonymous", "неизвестно", "неизвестный", "невідомо", "невідомий");
    /**
     * Placeholders recognised only as typed, because their normal form is a real name: "N/A" normalises to
     * "na", which is also the Korean family name 나.
     */
    private static final Set<String> PLACEHOLDER_NAMES_AS_TYPED = Set.of("n/a", "n.a.", "n. a.", "n.a");
    private static final List<String> PLACEHOLDER_DOCUMENTS = List.of("none", "null", "unknown", "no document",
            "nodoc", "missing", "n/a");

    private static final HexFormat HEX = HexFormat.of();

    private final IdentifierNormaliser normaliser = new IdentifierNormaliser();
    private final Set<String> placeholderNames;
    private final Set<String> placeholderDocuments;
    private final InstancePool<Mac> macs;

    public HmacPseudonymiser(PseudonymSecret secret) {
        SecretKeySpec key = Objects.requireNonNull(secret, "secret").hmacSha256Key();
        Mac prototype = newMac(key); // fails here, at start-up, rather than on the first upload
        this.macs = InstancePool.forProcessors(() -> copyOf(prototype, key));
        this.placeholderNames = PLACEHOLDER_NAMES.stream().map(normaliser::nameLinkageKey).collect(Collectors.toSet());
        this.placeholderDocuments =
                PLACEHOLDER_DOCUMENTS.stream().map(normaliser::normaliseDocumentNumber).collect(Collectors.toSet());
    }

    @Override
    public Pseudonym pseudonymise(String agencyId, String recordId, DirectIdentifiers identifiers) {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(identifiers, "identifiers");
        Optional<String> given = identifiers.givenName().flatMap(this::usableNameKey);
        Optional<String> family = identifiers.familyName().flatMap(this::usableNameKey);
        Optional<LocalDate> birthDate = identifiers.birthDate();
        if (given.isPresent() && family.isPresent() && birthDate.isPresent()) {
            String first = given.get();
            String second = family.get();
            if (first.compareTo(second) > 0) {
                first = family.get();
                second = given.get();
            }
            return derive(true, NAME_AND_BIRTH_DATE_DOMAIN, first, second, birthDate.get().toString());
        }
        Optional<String> document =
                identifiers.documentNumber().map(normaliser::normaliseDocumentNumber).filter(this::isUsableDocument);
        if (document.isPresent()) {
            return derive(true, DOCUMENT_DOMAIN, document.get());
        }
        return derive(false, RECORD_DOMAIN, agencyId, recordId);
    }

    private Optional<String> usableNameKey(String typed) {
        if (PLACEHOLDER_NAMES_AS_TYPED.contains(typed.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String key = normaliser.nameLinkageKey(typed);
        return key.isEmpty() || placeholderNames.contains(key) ? Optional.empty() : Optional.of(key);
    }

    private boolean isUsableDocument(String document) {
        return document.length() >= MIN_DOCUMENT_LENGTH
                && document.chars().anyMatch(c -> c != document.charAt(0))
                && !placeholderDocuments.contains(document);
    }

    private Pseudonym derive(boolean linked, String domain, String... fields) {
        byte[] input = lengthPrefixed(domain, fields);
        return macs.apply(mac -> {
            byte[] value = mac.doFinal(input);
            byte[] keyBytes = mac.doFinal(lengthPrefixed(RECORD_KEY_DOMAIN, value));
            // The first 12 bits: uniform on 0..4095, the key space of the cell key method (PTable.KEY_SPACE).
            int recordKey = (keyBytes[0] & 0xFF) << 4 | (keyBytes[1] & 0xFF) >>> 4;
            return new Pseudonym(HEX.formatHex(value), linked, recordKey);
        });
    }

    /** Domain tag and fields, each as a 4-byte big-endian length and its UTF-8 bytes. */
    static byte[] lengthPrefixed(String domain, String... fields) {
        byte[][] parts = new byte[fields.length + 1][];
        parts[0] = domain.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < fields.length; i++) {
            parts[i + 1] = fields[i].getBytes(StandardCharsets.UTF_8);
        }
        return concatenateLengthPrefixed(parts);
    }

    private static byte[] lengthPrefixed(String domain, byte[] field) {
        return concatenateLengthPrefixed(new byte[][] {domain.getBytes(StandardCharsets.UTF_8), field});
    }

    private static byte[] concatenateLengthPrefixed(byte[][] parts) {
        int size = 0;
        for (byte[] part : parts) {
            size += Integer.BYTES + part.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            out[at++] = (byte) (part.length >>> 24);
            out[at++] = (byte) (part.length >>> 16);
            out[at++] = (byte) (part.length >>> 8);
            out[at++] = (byte) part.length;
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable in this Java runtime", e);
        }
    }

    /** Cloning skips the key schedule; a provider whose Mac cannot be cloned gets a fresh one. */
    private static Mac copyOf(Mac prototype, SecretKeySpec key) {
        try {
            synchronized (prototype) {
                return (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            return newMac(key);
        }
    }
}
