package org.tipx.api.pseudonym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

class HmacPseudonymiserTest {

    private static final LocalDate BIRTH = LocalDate.of(1994, 3, 17);

    private final HmacPseudonymiser pseudonymiser = new HmacPseudonymiser(secret(1));

    @Test
    void pseudonymise_sameInputTwice_givesSameValueAndRecordKey() {
        DirectIdentifiers person = identifiers("Olena", "Kovalenko", BIRTH, null);
        Pseudonym first = pseudonymiser.pseudonymise("ua-police", "r1", person);
        Pseudonym again = new HmacPseudonymiser(secret(1)).pseudonymise("ua-police", "r1", person);
        assertEquals(first, again);
        assertTrue(first.linked());
        assertTrue(first.value().matches("[0-9a-f]{64}"), first.value());
    }

    @Test
    void pseudonymise_knownSecretAndInput_matchesIndependentHmacComputation() throws Exception {
        Pseudonym pseudonym = pseudonymiser.pseudonymise("a", "r", identifiers(null, null, null, "AB 123456"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(secret(1).hmacSha256Key());
        byte[] input = concat(lengthPrefix("tipx/pseudonym/v1/doc"), lengthPrefix("AB123456"));
        assertEquals(HexFormat.of().formatHex(mac.doFinal(input)), pseudonym.value());
    }

    @Test
    void pseudonymise_sameVictimFromTwoAgenciesInCyrillicAndLatin_givesSamePseudonym() {
        Pseudonym fromUkraine = pseudonymiser.pseudonymise("ua-ngo", "UA-77",
                identifiers("Олена", "Коваленко", BIRTH, null));
        Pseudonym fromPoland = pseudonymiser.pseudonymise("pl-police", "2026/0193",
                identifiers("OLENA", "KOVALENKO", BIRTH, "FE 123456"));
        Pseudonym fromGermany = pseudonymiser.pseudonymise("de-bka", "x9",
                identifiers("Kovalenko", "Olena", BIRTH, null)); // name fields swapped
        assertEquals(fromUkraine.value(), fromPoland.value());
        assertEquals(fromUkraine.value(), fromGermany.value());
        assertEquals(fromUkraine.recordKey(), fromPoland.recordKey());
    }

    @Test
    void pseudonymise_ukrainianAndRussianSpellingsOfOnePerson_link() {
        Pseudonym ukrainian = pseudonymiser.pseudonymise("a", "1", identifiers("Григорій", "Хмельницький", BIRTH, null));
        Pseudonym passport = pseudonymiser.pseudonymise("b", "2", identifiers("Hryhorii", "Khmelnytskyi", BIRTH, null));
        Pseudonym russian = pseudonymiser.pseudonymise("c", "3", identifiers("Grigoriy", "Khmelnitsky", BIRTH, null));
        assertEquals(ukrainian.value(), passport.value());
        assertEquals(ukrainian.value(), russian.value());
    }

    @Test
    void pseudonymise_differentBirthDate_givesDifferentPseudonym() {
        Pseudonym one = pseudonymiser.pseudonymise("a", "1", identifiers("Olena", "Kovalenko", BIRTH, null));
        Pseudonym other = pseudonymiser.pseudonymise("a", "1",
                identifiers("Olena", "Kovalenko", BIRTH.plusDays(1), null));
        assertNotEquals(one.value(), other.value());
    }

    @Test
    void pseudonymise_differentSecrets_giveDifferentPseudonyms() {
        DirectIdentifiers person = identifiers("Olena", "Kovalenko", BIRTH, "FE123456");
        Pseudonym underOne = pseudonymiser.pseudonymise("a", "1", person);
        Pseudonym underTwo = new HmacPseudonymiser(secret(2)).pseudonymise("a", "1", person);
        assertNotEquals(underOne.value(), underTwo.value());
    }

    @Test
    void pseudonymise_nameBirthDateAndDocument_prefersNameAndBirthDate() {
        Pseudonym both = pseudonymiser.pseudonymise("a", "1", identifiers("Olena", "Kovalenko", BIRTH, "FE123456"));
        Pseudonym namesOnly = pseudonymiser.pseudonymise("b", "2", identifiers("Olena", "Kovalenko", BIRTH, null));
        Pseudonym documentOnly = pseudonymiser.pseudonymise("c", "3", identifiers(null, null, null, "FE123456"));
        assertEquals(namesOnly.value(), both.value());
        assertNotEquals(documentOnly.value(), both.value());
        assertTrue(documentOnly.linked());
    }

    @Test
    void pseudonymise_incompleteNamesWithDocument_usesDocument() {
        Pseudonym noBirthDate = pseudonymiser.pseudonymise("a", "1", identifiers("Olena", "Kovalenko", null, "fe-123456"));
        Pseudonym documentOnly = pseudonymiser.pseudonymise("c", "3", identifiers(null, null, null, "FE123456"));
        assertEquals(documentOnly.value(), noBirthDate.value());
    }

    @Test
    void pseudonymise_tooThinToLink_usesAgencyAndRecordIdUnlinked() {
        Pseudonym givenOnly = pseudonymiser.pseudonymise("a", "1", identifiers("Olena", null, BIRTH, null));
        Pseudonym sameRecord = pseudonymiser.pseudonymise("a", "1", DirectIdentifiers.NONE);
        Pseudonym otherAgency = pseudonymiser.pseudonymise("b", "1", identifiers("Olena", null, BIRTH, null));
        assertFalse(givenOnly.linked());
        assertEquals(givenOnly.value(), sameRecord.value());
        assertNotEquals(givenOnly.value(), otherAgency.value());
    }

    @Test
    void pseudonymise_placeholderIdentifiers_countAsAbsent() {
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers("Unknown", "Unknown", BIRTH, null)).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers("Olena", "N/A", BIRTH, null)).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers("Невідомо", "Kovalenko", BIRTH, null)).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers(null, null, null, "000000")).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers(null, null, null, "12-3")).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers(null, null, null, "none")).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers("-", "?", BIRTH, " ")).linked());
        assertFalse(pseudonymiser.pseudonymise("a", "1", identifiers("X X X", "UNKNOWN", BIRTH, null)).linked());
        // "Na" is a real (Korean) family name: only the typed "N/A" is a placeholder.
        assertTrue(pseudonymiser.pseudonymise("a", "1", identifiers("Minjun", "Na", BIRTH, null)).linked());
    }

    @Test
    void pseudonymise_nameAndDocumentWithSameText_doNotCollide() {
        // A record holding only the document "KOVALENKO" must not share the pseudonym of any name record,
        // nor a record id equal to a document number.
        Pseudonym document = pseudonymiser.pseudonymise("a", "1", identifiers(null, null, null, "KOVALENKO"));
        Pseudonym record = pseudonymiser.pseudonymise("KOVALENKO", "", DirectIdentifiers.NONE);
        Pseudonym recordSplitDifferently = pseudonymiser.pseudonymise("KOVALEN", "KO", DirectIdentifiers.NONE);
        assertEquals(3, Set.of(document.value(), record.value(), recordSplitDifferently.value()).size());
    }

    @Test
    void lengthPrefixed_fieldBoundariesMoved_givesDifferentInput() {
        assertFalse(Arrays.equals(
                HmacPseudonymiser.lengthPrefixed("d", "ab", "c"), HmacPseudonymiser.lengthPrefixed("d", "a", "bc")));
        assertFalse(Arrays.equals(
                HmacPseudonymiser.lengthPrefixed("d", "abc"), HmacPseudonymiser.lengthPrefixed("d", "ab", "c")));
        assertArrayEquals(new byte[] {0, 0, 0, 1, 'd', 0, 0, 0, 2, 'a', 'b'}, HmacPseudonymiser.lengthPrefixed("d", "ab"));
    }

    @Test
    void recordKey_over100kPseudonyms_staysInRangeAndIsRoughlyUniform() {
        int cells = 4096;
        int samples = 100_000;
        long[] counts = new long[cells];
        Random random = new Random(20261123L);
        for (int i = 0; i < samples; i++) {
            String document = "D" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            int key = pseudonymiser.pseudonymise("a", "1", identifiers(null, null, null, document)).recordKey();
            assertTrue(key >= 0 && key < cells, "key " + key);
            counts[key]++;
        }
        double expected = (double) samples / cells;
        double chiSquare = 0;
        for (long count : counts) {
            chiSquare += (count - expected) * (count - expected) / expected;
        }
        // 4095 degrees of freedom: mean 4095, standard deviation about 90.5. A loose ±6 sd band still
        // catches a key that uses only part of the range or is biased toward some values.
        assertTrue(chiSquare > 4095 - 6 * 90.5 && chiSquare < 4095 + 6 * 90.5, "chi-square " + chiSquare);
    }

    @Test
    void pseudonymise_parallelStream_givesSameResultsAsSequential() {
        List<DirectIdentifiers> people = IntStream.range(0, 5_000)
                .mapToObj(i -> i % 3 == 0
                        ? identifiers("Олена" + i, "Коваленко", BIRTH.plusDays(i), null)
                        : i % 3 == 1 ? identifiers(null, null, null, "FE" + (100_000 + i)) : DirectIdentifiers.NONE)
                .toList();
        List<Pseudonym> sequential = IntStream.range(0, people.size())
                .mapToObj(i -> pseudonymiser.pseudonymise("a", "r" + i, people.get(i))).toList();
        List<Pseudonym> parallel = IntStream.range(0, people.size()).parallel()
                .mapToObj(i -> pseudonymiser.pseudonymise("a", "r" + i, people.get(i))).toList();
        assertEquals(sequential, parallel);
        assertEquals(people.size(), new HashSet<>(sequential).size());
    }

    static PseudonymSecret secret(int seed) {
        byte[] bytes = new byte[32];
        new Random(seed).nextBytes(bytes);
        return PseudonymSecret.ofBytes(bytes);
    }

    static DirectIdentifiers identifiers(String given, String family, LocalDate birth, String document) {
        return new DirectIdentifiers(Optional.ofNullable(given), Optional.ofNullable(family),
                Optional.ofNullable(birth), Optional.ofNullable(document));
    }

    private static byte[] lengthPrefix(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return concat(ByteBuffer.allocate(4).putInt(bytes.length).array(), bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
