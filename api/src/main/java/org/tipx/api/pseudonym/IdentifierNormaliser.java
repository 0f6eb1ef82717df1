package org.tipx.api.pseudonym;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.Objects;

/**
 * Normalises names and document numbers so that the same identifier typed by two agencies, in two
 * scripts or with different accents, punctuation and spacing, gives the same string. See
 * {@code docs/pseudonymisation.md} for the rules, the spelling variants that link and those that do not.
 *
 * <p>Thread-safe: ICU's {@link Normalizer2} instances are immutable, and each transliteration borrows a
 * transliterator from a pool. ICU documents its transliterators as stateless and shareable; the pool
 * (two queue operations, on the slow path only) keeps correctness from resting on that for every
 * compound and rule-based transliterator ICU builds.
 *
 * <p>Speed matters because every uploaded row passes here: Latin, Cyrillic and Greek input is handled by
 * table look-ups (well under a microsecond a name); only other scripts go through ICU's transliterators,
 * which cost several microseconds a call.
 */
public final class IdentifierNormaliser {

    private static final int CYRILLIC_FIRST = 'а';
    private static final int CYRILLIC_LAST = 'ґ';
    /**
     * Cyrillic (lower case, U+0430..U+0491) to Latin. ICU's own Cyrillic-Latin writes a scholarly,
     * ISO 9-like form (Шевченко → Ševčenko → sevcenko, Юлія → Ûlíâ → ulia) that matches no spelling found
     * in a passport or an English-language file. These follow the digraphs of the Ukrainian national system
     * (KMU 2010) and of ICAO Doc 9303 (zh, kh, ts, ch, sh, shch) so that the usual English spellings come
     * out. Letters whose value differs between languages (г: Ukrainian h, Russian g; и: Ukrainian y,
     * Russian i) get one value here; {@link #nameLinkageKey} folds the other away.
     */
    private static final String[] CYRILLIC_LOWER = table(CYRILLIC_FIRST, CYRILLIC_LAST,
            "а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f "
                    + "х kh ц ts ч ch ш sh щ shch ы y ь - э e ю yu я ya ё e є ye і i ї yi ґ g ў u");

    /** Cyrillic and Greek letters that look like Latin capitals: a document number is copied by eye. */
    private static final String LOOK_ALIKES_FROM = "авекмнорстухіјѕαβεζηικμνορτυχ";
    private static final String LOOK_ALIKES_TO = "abekmhopctyxijsabezhikmnoptyx";

    /** Modifier letters that stand for an apostrophe or a prime (Марʼяна), not for a sound. */
    private static final String APOSTROPHE_LIKE_LETTERS = "ʹʺʻʼʽʾʿ";

    /** Common Latin letters with no canonical decomposition, as ICU's Latin-ASCII writes them (after case folding). */
    private static final String LATIN_WITHOUT_DECOMPOSITION_FROM = "øłæœþđðıħŧŋ";
    private static final String[] LATIN_WITHOUT_DECOMPOSITION_TO =
            {"o", "l", "ae", "oe", "th", "d", "d", "i", "h", "t", "n"};

    private static final int GREEK_FIRST = 'α';
    private static final int GREEK_LAST = 'ω';
    private static final String[] GREEK_LOWER = table(GREEK_FIRST, GREEK_LAST,
            "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r ς s σ s τ t υ y φ f χ ch "
                    + "ψ ps ω o");
    /** After αυ, ευ, ηυ these make the υ an f (Ευθυμίου → Efthymiou); elsewhere a v (Παύλος → Pavlos). */
    private static final String GREEK_VOICELESS = "θκξπστφχψς";

    private static final int CYRILLIC_HARD_SIGN = 'ъ';
    private static final String CYRILLIC_VOWELS = "аеёиоуыэюяєії";

    private final Normalizer2 compatibilityCaseFold = Normalizer2.getNFKCCasefoldInstance();
    private final Normalizer2 canonicalDecomposition = Normalizer2.getNFDInstance();
    private final InstancePool<Transliterator> anyToLatin =
            InstancePool.forProcessors(() -> Transliterator.getInstance("Any-Latin"));
    private final InstancePool<Transliterator> latinToAscii =
            InstancePool.forProcessors(() -> Transliterator.getInstance("Latin-ASCII"));

    /**
     * The contract's normalisation of a given or family name: Unicode NFKC with case folding, Cyrillic and
     * other scripts transliterated to Latin, accents removed, everything but {@code a-z} and {@code 0-9}
     * dropped. {@code "O'Brien"} gives {@code "obrien"}, {@code "Jean-Luc"} gives {@code "jeanluc"},
     * {@code "Коваленко"} gives {@code "kovalenko"}. An empty result means the name carried no letters.
     */
    public String normaliseName(String raw) {
        return toLatinAlphanumeric(raw, false);
    }

    /**
     * The name as the linkage pseudonym uses it: {@link #normaliseName} followed by folds that merge the
     * commonest spelling variants of names romanised from Cyrillic, applied alike to every input:
     * {@code y} and {@code j} become {@code i}; an {@code h} that is not part of {@code kh}, {@code zh},
     * {@code ch} or {@code sh} becomes {@code g} (Ukrainian Г is written h, Russian g); {@code ye} becomes
     * {@code e} (Yevhen, Evhen); then runs of one letter become one (Yuliia, Yulia). So {@code Khmelnytskyi},
     * {@code Khmelnitskiy}, {@code Khmelnitsky} and {@code Хмельницький} all give {@code khmelnitski}.
     */
    public String nameLinkageKey(String raw) {
        return foldSpellingVariants(normaliseName(raw));
    }

    /**
     * A document number: NFKC, case folded, Cyrillic and Greek letters that look like Latin ones read as
     * those Latin letters (a Cyrillic {@code АВ} typed for a Latin {@code AB}), other letters transliterated,
     * everything but letters and digits dropped, upper case: {@code "ab-12 34/5"} gives {@code "AB12345"}.
     */
    public String normaliseDocumentNumber(String raw) {
        return toLatinAlphanumeric(raw, true).toUpperCase(Locale.ROOT);
    }

    private String toLatinAlphanumeric(String raw, boolean readLookAlikesAsLatin) {
        Objects.requireNonNull(raw, "raw");
        // NFKC and case folding change nothing in ASCII but the case of A-Z, which appendLatin folds.
        String folded = isAscii(raw) ? raw : compatibilityCaseFold.normalize(raw);
        if (!readLookAlikesAsLatin && containsGreek(folded)) {
            folded = romaniseGreek(folded);
        }
        StringBuilder latin = new StringBuilder(folded.length() + 4);
        if (!appendLatin(latin, folded, readLookAlikesAsLatin)) {
            return latin.toString();
        }
        // Some script other than Latin or Cyrillic: ICU's Any-Latin, then our own accent removal on its
        // output (ICU's Latin-ASCII costs as much again, so it runs only if letters are still left over).
        String romanised = anyToLatin.apply(t -> t.transliterate(latin.toString()));
        StringBuilder ascii = new StringBuilder(romanised.length());
        if (!appendLatin(ascii, romanised, false)) {
            return ascii.toString();
        }
        String leftOver = latinToAscii.apply(t -> t.transliterate(ascii.toString()));
        StringBuilder result = new StringBuilder(leftOver.length());
        leftOver.codePoints().forEach(cp -> appendIfAlphanumeric(result, cp));
        return result.toString();
    }

    /**
     * Appends {@code folded} as lower-case ASCII letters and digits where table look-ups can, and the
     * other letters unchanged; returns whether any such letter was left for ICU.
     */
    private boolean appendLatin(StringBuilder out, String folded, boolean readLookAlikesAsLatin) {
        boolean leftForIcu = false;
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint < 0x80) {
                appendIfAlphanumeric(out, codePoint);
            } else if (!appendFastPath(out, codePoint, folded, i, readLookAlikesAsLatin)) {
                out.appendCodePoint(codePoint);
                leftForIcu = true;
            }
        }
        return leftForIcu;
    }

    /** Handles one non-ASCII code point without ICU's transliterator, if it can; returns whether it did. */
    private boolean appendFastPath(StringBuilder latin, int codePoint, String folded, int next,
                                   boolean readLookAlikesAsLatin) {
        if (readLookAlikesAsLatin) {
            int lookAlike = LOOK_ALIKES_FROM.indexOf(codePoint);
            if (lookAlike >= 0) {
                latin.append(LOOK_ALIKES_TO.charAt(lookAlike));
                return true;
            }
        }
        if (codePoint == CYRILLIC_HARD_SIGN) {
            // Russian ъ separates a consonant from a vowel and is not written in Latin (Подъячев → Podyachev);
            // Bulgarian ъ is itself a vowel, written a (Вълчев → Valchev).
            boolean beforeVowel = next < folded.length() && CYRILLIC_VOWELS.indexOf(folded.codePointAt(next)) >= 0;
            latin.append(beforeVowel ? "" : "a");
            return true;
        }
        if (codePoint >= CYRILLIC_FIRST && codePoint <= CYRILLIC_LAST && CYRILLIC_LOWER[codePoint - CYRILLIC_FIRST] != null) {
            latin.append(CYRILLIC_LOWER[codePoint - CYRILLIC_FIRST]);
            return true;
        }
        if (UCharacter.getType(codePoint) == UCharacter.NON_SPACING_MARK
                || !UCharacter.isLetterOrDigit(codePoint) || APOSTROPHE_LIKE_LETTERS.indexOf(codePoint) >= 0) {
            return true; // accents, punctuation and spacing are removed
        }
        int latinLetter = LATIN_WITHOUT_DECOMPOSITION_FROM.indexOf(codePoint);
        if (latinLetter >= 0) {
            latin.append(LATIN_WITHOUT_DECOMPOSITION_TO[latinLetter]);
            return true;
        }
        // A precomposed Latin letter with accents (é, ü, ễ) decomposes to an ASCII base letter and marks.
        String decomposition = canonicalDecomposition.getDecomposition(codePoint);
        if (decomposition != null && decomposition.charAt(0) < 0x80 && onlyMarksAfterFirst(decomposition)) {
            appendIfAlphanumeric(latin, decomposition.charAt(0));
            return true;
        }
        return false;
    }

    /**
     * Greek to Latin as Greek passports write it (ELOT 743): η, ι, υ as i/i/y, β as v, χ as ch, ου as ou,
     * αυ/ευ/ηυ as av/ev/iv, or af/ef/if before a voiceless consonant or at the end of a word, γ as n before
     * γ, ξ, χ. ICU's Greek-Latin follows the classical transcription instead (Δημήτρης → Demetres,
     * Ευάγγελος → Euangelos), which matches no passport. Accents (tonos, dialytika) are dropped.
     */
    private String romaniseGreek(String folded) {
        StringBuilder bases = new StringBuilder(folded.length());
        folded.codePoints().forEach(codePoint -> {
            String decomposition = isGreek(codePoint) ? canonicalDecomposition.getDecomposition(codePoint) : null;
            if (decomposition == null) {
                bases.appendCodePoint(codePoint);
            } else {
                bases.append(decomposition.charAt(0)); // the letter without tonos or dialytika
            }
        });
        StringBuilder latin = new StringBuilder(bases.length() + 8);
        for (int i = 0; i < bases.length(); i++) {
            char letter = bases.charAt(i);
            char next = i + 1 < bases.length() ? bases.charAt(i + 1) : ' ';
            char afterNext = i + 2 < bases.length() ? bases.charAt(i + 2) : ' ';
            if (letter == 'ο' && next == 'υ') {
                latin.append("ou");
                i++;
            } else if ((letter == 'α' || letter == 'ε' || letter == 'η') && next == 'υ') {
                boolean voiceless = GREEK_VOICELESS.indexOf(afterNext) >= 0 || !isGreek(afterNext);
                latin.append(GREEK_LOWER[letter - GREEK_FIRST]).append(voiceless ? 'f' : 'v');
                i++;
            } else if (letter == 'γ' && (next == 'γ' || next == 'ξ' || next == 'χ')) {
                latin.append('n');
            } else if (letter >= GREEK_FIRST && letter <= GREEK_LAST && GREEK_LOWER[letter - GREEK_FIRST] != null) {
                latin.append(GREEK_LOWER[letter - GREEK_FIRST]);
            } else {
                latin.append(letter);
            }
        }
        return latin.toString();
    }

    private static boolean containsGreek(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isGreek(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGreek(int codePoint) {
        return (codePoint >= 0x370 && codePoint <= 0x3FF) || (codePoint >= 0x1F00 && codePoint <= 0x1FFF);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyMarksAfterFirst(String decomposition) {
        for (int i = 1; i < decomposition.length(); i++) {
            if (UCharacter.getType(decomposition.charAt(i)) != UCharacter.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }

    private static void appendIfAlphanumeric(StringBuilder out, int codePoint) {
        if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= '0' && codePoint <= '9')) {
            out.append((char) codePoint);
        } else if (codePoint >= 'A' && codePoint <= 'Z') {
            out.append((char) (codePoint + ('a' - 'A')));
        }
    }

    static String foldSpellingVariants(String normalised) {
        StringBuilder mapped = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            char previous = i == 0 ? ' ' : normalised.charAt(i - 1);
            char following = i + 1 < normalised.length() ? normalised.charAt(i + 1) : ' ';
            if (c == 'y' && following == 'e') {
                // skipped: ye is how some systems write Cyrillic е or є where others write e
            } else if (c == 'y' || c == 'j') {
                mapped.append('i');
            } else if (c == 'h' && "kzcs".indexOf(previous) < 0) {
                mapped.append('g');
            } else {
                mapped.append(c);
            }
        }
        return collapseRepeats(mapped);
    }

    private static String collapseRepeats(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A look-up table from "letter latin letter latin ...", where "-" stands for nothing. */
    private static String[] table(int first, int last, String pairs) {
        String[] table = new String[last - first + 1];
        String[] tokens = pairs.split(" ");
        for (int i = 0; i < tokens.length; i += 2) {
            table[tokens[i].charAt(0) - first] = "-".equals(tokens[i + 1]) ? "" : tokens[i + 1];
        }
        return table;
    }
}
