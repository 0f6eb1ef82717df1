package org.tipx.api.store;

import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.api.domain.CaseRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/** Case records for store tests: every field set, every optional empty, and seeded random ones. */
final class TestRecords {

    private static final List<String> STATUS = List.of("presumed", "confirmed");
    private static final List<String> IDENTIFIED_BY = List.of("police", "ngo", "hotline", "labour_inspection");
    private static final List<String> SEX = List.of("female", "male", "other", "unknown");
    private static final List<String> AGE_BAND = List.of("0-8", "9-17", "18-20", "30-38", "48+");
    private static final List<String> COUNTRIES = List.of("NL", "BE", "UA", "RO", "NG", "XX", "XS");
    private static final List<String> EXPLOITATION = List.of("sexual", "forced_labour", "forced_begging", "other");
    private static final List<String> SECTORS = List.of("A", "C", "F", "I", "T");
    private static final List<String> SEXUAL = List.of("prostitution", "pornography", "remote_interactive");
    private static final List<String> MEANS = List.of("debt_bondage", "threats", "withholds_documents", "other");
    private static final List<String> RECRUITER = List.of("intimate_partner", "friend", "family", "unknown");
    private static final List<String> ASSISTANCE = List.of("shelter", "medical", "legal", "none");

    private TestRecords() {
    }

    /** Every field recorded, lists with several codes. */
    static CaseRecord full(String pseudonym) {
        return new CaseRecord(pseudonym, true, 4095, 2026, Optional.of(LocalDate.of(2026, 8, 31)), "confirmed",
                Optional.of("police"), "female", OptionalInt.of(0), Optional.of("0-8"), Optional.of("yes"),
                Optional.of("UA"), "NL", Optional.of("BE"), List.of("sexual", "forced_labour"), List.of("A", "T"),
                List.of("prostitution"), List.of("debt_bondage", "threats", "withholds_documents"),
                List.of("friend"), List.of("shelter", "medical", "legal"));
    }

    /** Only the required fields: every optional empty, every list empty. */
    static CaseRecord sparse(String pseudonym) {
        return new CaseRecord(pseudonym, false, 0, 2026, Optional.empty(), "presumed", Optional.empty(), "unknown",
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "XX", Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Strings that a careless bulk loader would mangle: COPY's escape and separator characters, quotes,
     * an empty string (which is not "not recorded"), non-Latin text and a character outside the BMP.
     */
    static CaseRecord awkward(String pseudonym) {
        return new CaseRecord(pseudonym, false, 17, 2026, Optional.of(LocalDate.of(2026, 7, 1)), "a\\b\tc",
                Optional.of("line1\nline2\r\n"), "\\N", OptionalInt.of(120), Optional.of(""),
                Optional.of("\"quoted\", 'single'"), Optional.of("Ко"), "\u00e9\u0301", Optional.of("\uD83D\uDE00"),
                List.of("a\\b", "c\td"), List.of("\\N"), List.of("x,y"), List.of("NULL"), List.of(" "),
                List.of("\u0130i"));
    }

    /** A seeded random record; optionals and lists are empty about a third of the time. */
    static CaseRecord random(Random random, int index) {
        return new CaseRecord(
                String.format(Locale.ROOT, "%064x", (long) index * 7919L + random.nextInt(1000)),
                random.nextBoolean(),
                random.nextInt(PTable.KEY_SPACE),
                2026,
                maybe(random, LocalDate.of(2026, 7, 1).plusDays(random.nextInt(92))),
                pick(random, STATUS),
                maybe(random, pick(random, IDENTIFIED_BY)),
                pick(random, SEX),
                random.nextInt(3) == 0 ? OptionalInt.empty() : OptionalInt.of(random.nextInt(121)),
                maybe(random, pick(random, AGE_BAND)),
                maybe(random, pick(random, List.of("yes", "no", "unknown"))),
                maybe(random, pick(random, COUNTRIES)),
                pick(random, COUNTRIES),
                maybe(random, pick(random, COUNTRIES)),
                some(random, EXPLOITATION),
                some(random, SECTORS),
                some(random, SEXUAL),
                some(random, MEANS),
                some(random, RECRUITER),
                some(random, ASSISTANCE));
    }

    private static <T> Optional<T> maybe(Random random, T value) {
        return random.nextInt(3) == 0 ? Optional.empty() : Optional.of(value);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> some(Random random, List<String> codes) {
        List<String> chosen = new ArrayList<>();
        for (String code : codes) {
            if (random.nextInt(3) == 0) {
                chosen.add(code);
            }
        }
        return chosen;
    }
}
