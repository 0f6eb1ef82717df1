package org.tipx.api.ingest;

import java.util.HashMap;
import java.util.List;
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
}
