package org.tipx.api.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tipx.api.pseudonym.DirectIdentifiers;
import org.tipx.api.pseudonym.Pseudonym;
import org.tipx.api.pseudonym.Pseudonymiser;

/**
 * A test pseudonymiser: unkeyed SHA-256 of the identifiers (or of agency and record id when there are none), and a
 * log of what it was asked. Deterministic and thread-safe; never for production, which keys the hash.
 */
final class HashingPseudonymiser implements Pseudonymiser {

    record Call(String agencyId, String recordId, DirectIdentifiers identifiers) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public Pseudonym pseudonymise(String agencyId, String recordId, DirectIdentifiers identifiers) {
        calls.add(new Call(agencyId, recordId, identifiers));
        boolean linked = !identifiers.equals(DirectIdentifiers.NONE);
        String source = linked
                ? identifiers.givenName().orElse("") + '\u0000' + identifiers.familyName().orElse("") + '\u0000'
                        + identifiers.birthDate().map(Object::toString).orElse("") + '\u0000'
                        + identifiers.documentNumber().orElse("")
                : agencyId + '\u0000' + recordId;
        return pseudonymOf(source, linked);
    }

    static Pseudonym pseudonymOf(String source, boolean linked) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            int recordKey = ((hash[0] & 0xFF) << 4 | (hash[1] & 0xF0) >> 4) & 0xFFF;
            return new Pseudonym(HexFormat.of().formatHex(hash), linked, recordKey);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Call> calls() {
        return calls;
    }
}
