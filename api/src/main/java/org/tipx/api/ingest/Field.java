package org.tipx.api.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The fields of the extract contract, in the contract's order, with how each one is read. */
enum Field {
    RECORD_ID("record_id", Kind.FREE_TEXT),
    REGISTRATION_DATE("registration_date", Kind.DATE),
    REGISTRATION_YEAR("registration_year", Kind.INTEGER),
    STATUS("status", Kind.CODE),
    IDENTIFIED_BY("identified_by", Kind.CODE),
    GIVEN_NAME("given_name", Kind.IDENTIFIER),
    FAMILY_NAME("family_name", Kind.IDENTIFIER),
    BIRTH_DATE("birth_date", Kind.IDENTIFIER),
    DOCUMENT_NUMBER("document_number", Kind.IDENTIFIER),
    SEX("sex", Kind.CODE),
    AGE("age", Kind.INTEGER),
    AGE_BAND("age_band", Kind.CODE),
    MINOR_AT_EXPLOITATION("minor_at_exploitation", Kind.CODE),
    CITIZENSHIP("citizenship", Kind.COUNTRY),
    COUNTRY_OF_IDENTIFICATION("country_of_identification", Kind.COUNTRY),
    COUNTRY_OF_EXPLOITATION("country_of_exploitation", Kind.COUNTRY),
    EXPLOITATION("exploitation", Kind.MULTI_CODE),
    LABOUR_SECTOR("labour_sector", Kind.MULTI_CODE),
    SEXUAL_EXPLOITATION_TYPE("sexual_exploitation_type", Kind.MULTI_CODE),
    MEANS_OF_CONTROL("means_of_control", Kind.MULTI_CODE),
    RECRUITER_RELATION("recruiter_relation", Kind.MULTI_CODE),
    ASSISTANCE("assistance", Kind.MULTI_CODE);

    /** How a field's cell is read; decides the JSON types NDJSON may use for it. */
    enum Kind { FREE_TEXT, IDENTIFIER, DATE, INTEGER, CODE, COUNTRY, MULTI_CODE }

    static final int COUNT = values().length;

    /** Fields a CSV header must have (besides one of registration_date / registration_year). */
    static final List<Field> REQUIRED = List.of(RECORD_ID, STATUS, SEX);

    private static final Map<String, Field> BY_NAME = new HashMap<>();
    private static final int MAX_HINT_DISTANCE = 2;

    static {
        for (Field field : values()) {
            BY_NAME.put(field.wireName, field);
        }
    }

    private final String wireName;
    private final Kind kind;

    Field(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    /** The name used in CSV headers, NDJSON keys, code list files and problems. */
    String wireName() {
        return wireName;
    }

    Kind kind() {
        return kind;
    }

    /** Given name, family name, birth date, document number: never stored, logged or quoted. */
    boolean directIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    static Optional<Field> byWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The field whose name is within two edits of {@code name} (ignoring case), for a "did you mean" hint. Unknown
     * names are never quoted back, because a header-less CSV puts a data row, names and all, in the header.
     */
    static Optional<Field> closestTo(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        Field best = null;
        int bestDistance = MAX_HINT_DISTANCE + 1;
        for (Field field : values()) {
            int distance = editDistance(lower, field.wireName, bestDistance);
            if (distance < bestDistance) {
                best = field;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }


    /** " (did you mean sex?)" when an unknown name is close to a field's, else "". */
    static String hint(String unknownName) {
        return closestTo(unknownName).map(field -> " (did you mean " + field.wireName + "?)").orElse("");
    }

    /** Levenshtein distance, or any value ≥ {@code bound} once it is sure to reach it. */
    private static int editDistance(String a, String b, int bound) {
        if (Math.abs(a.length() - b.length()) >= bound) {
            return bound;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum >= bound) {
                return bound;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
