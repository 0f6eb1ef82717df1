package org.tipx.api.ingest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import org.tipx.api.domain.Period;
import org.tipx.api.pseudonym.DirectIdentifiers;

/**
 * The row rules of the case-record contract (v1): required fields, code lists, dates, ages, countries, spreadsheet
 * formulas and unique record ids. Immutable and thread-safe; the state of one extract (seen ids, problems) is
 * passed in by {@link ExtractIngestor}.
 *
 * <p>Messages may quote an offending value (cut to 40 characters) except a direct identifier's, which is never
 * quoted: the problem list goes back over HTTP and into logs.
 */
public final class ExtractValidator {

    static final int MAX_RECORD_ID_CHARS = 64;
    static final int MAX_AGE = 120;
    /** Codes listed in full in an {@code unknown_code} message; longer lists are named instead. */
    private static final int MAX_CODES_LISTED = 12;
    /** CTDC's {@code ageBroad} bands, with the oldest age of each but the last, open one. */
    private static final String[] AGE_BANDS = {"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47",
        "48+"};
    private static final int[] AGE_BAND_UPPER_BOUNDS = {8, 17, 20, 23, 26, 29, 38, 47};
    private static final String UNKNOWN_COUNTRY = "XX";
    private static final String STATELESS = "XS";

    /** Per coded field, each code mapped to itself: a lookup returns the shared instance, not the row's copy. */
    private final Map<Field, Map<String, String>> canonicalCodes = new EnumMap<>(Field.class);
    private final Map<Field, String> allowedCodes = new EnumMap<>(Field.class);
    private final Predicate<String> knownCountries;
    private final Clock clock;

    /**
     * @param codeLists      must hold a list for every coded field of the contract
     * @param knownCountries the ISO 3166-1 alpha-2 codes accepted, including {@code XX} and {@code XS}
     * @param clock          "today", for rejecting dates in the future
     */
    public ExtractValidator(CodeLists codeLists, Predicate<String> knownCountries, Clock clock) {
        Objects.requireNonNull(codeLists, "codeLists");
        this.knownCountries = Objects.requireNonNull(knownCountries, "knownCountries");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Field field : Field.values()) {
            if (field.kind() == Field.Kind.CODE || field.kind() == Field.Kind.MULTI_CODE) {
                CodeList list = codeLists.get(field.wireName());
                Map<String, String> canonical = new HashMap<>();
                list.labels().keySet().forEach(code -> canonical.put(code, code));
                canonicalCodes.put(field, canonical);
                allowedCodes.put(field, list.labels().size() <= MAX_CODES_LISTED
                        ? "(" + String.join(", ", list.labels().keySet()) + ")"
                        : "(see the code list " + list.name() + ")");
            }
        }
    }

    /** ISO 3166-1 alpha-2 as the JDK knows it, plus the contract's {@code XX} (unknown) and {@code XS} (stateless). */
    public static Predicate<String> jdkCountries() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add(UNKNOWN_COUNTRY);
        codes.add(STATELESS);
        return Set.copyOf(codes)::contains;
    }

    /** The CTDC age band of an age in years ({@code 0-8}, {@code 9-17}, …, {@code 48+}). */
    public static String ageBandOf(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age must not be negative, was " + age);
        }
        for (int band = 0; band < AGE_BAND_UPPER_BOUNDS.length; band++) {
            if (age <= AGE_BAND_UPPER_BOUNDS[band]) {
                return AGE_BANDS[band];
            }
        }
        return AGE_BANDS[AGE_BANDS.length - 1];
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Checks one row, adding each problem found. Returns the row's values when it broke no rule and its reader
     * reported nothing against it.
     */
    Optional<ValidRow> validate(long row, RowValues values, Period period, LocalDate today, RecordIdSet seenIds,
                                Problems problems) {
        long problemsBefore = problems.count();
        RowCheck check = new RowCheck(row, values, problems);
        Optional<String> recordId = recordId(check, seenIds);
        Optional<Registration> registration = registration(check, period, today);
        Optional<String> status = code(check, Field.STATUS, true);
        Optional<String> identifiedBy = code(check, Field.IDENTIFIED_BY, false);
        DirectIdentifiers identifiers = identifiers(check, today);
        Optional<String> sex = code(check, Field.SEX, true);
        OptionalInt age = age(check);
        Optional<String> ageBand = ageBand(check, age);
        Optional<String> minor = code(check, Field.MINOR_AT_EXPLOITATION, false);
        Optional<String> citizenship = country(check, Field.CITIZENSHIP);
        Optional<String> countryOfIdentification = country(check, Field.COUNTRY_OF_IDENTIFICATION);
        Optional<String> countryOfExploitation = country(check, Field.COUNTRY_OF_EXPLOITATION);
        List<String> exploitation = codes(check, Field.EXPLOITATION);
        List<String> labourSector = codes(check, Field.LABOUR_SECTOR);
        List<String> sexualExploitationType = codes(check, Field.SEXUAL_EXPLOITATION_TYPE);
        List<String> meansOfControl = codes(check, Field.MEANS_OF_CONTROL);
        List<String> recruiterRelation = codes(check, Field.RECRUITER_RELATION);
        List<String> assistance = codes(check, Field.ASSISTANCE);
        if (problems.count() != problemsBefore || values.anyReported()) {
            return Optional.empty();
        }
        return Optional.of(new ValidRow(recordId.orElseThrow(), identifiers, registration.orElseThrow().year(),
                registration.orElseThrow().date(), status.orElseThrow(), identifiedBy, sex.orElseThrow(), age,
                ageBand, minor, citizenship, countryOfIdentification, countryOfExploitation, exploitation,
                labourSector, sexualExploitationType, meansOfControl, recruiterRelation, assistance));
    }

    private Optional<String> recordId(RowCheck check, RecordIdSet seenIds) {
        String id = check.cell(Field.RECORD_ID);
        if (id == null) {
            check.required(Field.RECORD_ID, "record_id is required");
            return Optional.empty();
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_RECORD_ID_CHARS) {
            check.problem(Field.RECORD_ID, "too_long",
                    "record_id has " + length + " characters, more than " + MAX_RECORD_ID_CHARS);
            return Optional.empty();
        }
        if (looksLikeFormula(id)) {
            check.problem(Field.RECORD_ID, "formula", "record_id " + Problems.quote(id)
                    + " starts like a spreadsheet formula (=, +, - or @)");
            return Optional.empty();
        }
        if (!seenIds.add(id)) {
            check.problem(Field.RECORD_ID, "duplicate",
                    "record_id " + Problems.quote(id) + " is already used by an earlier row");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** When the person was registered: a date inside the period, or the period's year. */
    private Optional<Registration> registration(RowCheck check, Period period, LocalDate today) {
        String dateCell = check.cell(Field.REGISTRATION_DATE);
        String yearCell = check.cell(Field.REGISTRATION_YEAR);
        if (dateCell == null && yearCell == null) {
            if (!check.values().isReported(Field.REGISTRATION_DATE)
                    && !check.values().isReported(Field.REGISTRATION_YEAR)) {
                check.problem(Field.REGISTRATION_DATE, "required",
                        "one of registration_date or registration_year is required");
            }
            return Optional.empty();
        }
        Optional<LocalDate> date = Optional.empty();
        if (dateCell != null) {
            date = parseDate(dateCell);
            if (date.isEmpty()) {
                check.problem(Field.REGISTRATION_DATE, "invalid_date",
                        "registration_date " + Problems.quote(dateCell) + " is not a date written YYYY-MM-DD");
                return Optional.empty();
            }
        }
        OptionalInt year = OptionalInt.empty();
        if (yearCell != null) {
            year = parseInteger(yearCell);
            if (year.isEmpty()) {
                check.problem(Field.REGISTRATION_YEAR, "not_an_integer",
                        "registration_year " + Problems.quote(yearCell) + " is not a whole number");
                return Optional.empty();
            }
        }
        if (date.isPresent() && year.isPresent() && date.get().getYear() != year.getAsInt()) {
            check.problem(Field.REGISTRATION_YEAR, "inconsistent", "registration_year " + year.getAsInt()
                    + " differs from the year of registration_date " + date.get());
            return Optional.empty();
        }
        if (date.isPresent()) {
            if (!period.contains(date.get())) {
                check.problem(Field.REGISTRATION_DATE, "outside_period", "registration_date " + date.get()
                        + " is outside the period " + period + " (" + period.firstDay() + " to "
                        + period.lastDay() + ")");
                return Optional.empty();
            }
            if (date.get().isAfter(today)) {
                check.problem(Field.REGISTRATION_DATE, "future_date",
                        "registration_date " + date.get() + " is after today (" + today + ")");
                return Optional.empty();
            }
            return Optional.of(new Registration(date.get().getYear(), date));
        }
        int onlyYear = year.getAsInt();
        if (onlyYear != period.year()) {
            check.problem(Field.REGISTRATION_YEAR, "outside_period",
                    "registration_year " + onlyYear + " is not the year of the period " + period);
            return Optional.empty();
        }
        if (onlyYear > today.getYear()) {
            check.problem(Field.REGISTRATION_YEAR, "future_date",
                    "registration_year " + onlyYear + " is after the current year " + today.getYear());
            return Optional.empty();
        }
        return Optional.of(new Registration(onlyYear, Optional.empty()));
    }

    /** The direct identifiers, checked without ever quoting them. */
    private DirectIdentifiers identifiers(RowCheck check, LocalDate today) {
        Optional<String> givenName = identifierText(check, Field.GIVEN_NAME);
        Optional<String> familyName = identifierText(check, Field.FAMILY_NAME);
        Optional<LocalDate> birthDate = Optional.empty();
        String birthCell = check.cell(Field.BIRTH_DATE);
        if (birthCell != null) {
            birthDate = parseDate(birthCell);
            if (birthDate.isEmpty()) {
                check.problem(Field.BIRTH_DATE, "invalid_date", "birth_date is not a valid date (YYYY-MM-DD)");
            } else if (birthDate.get().isAfter(today)) {
                check.problem(Field.BIRTH_DATE, "future_date", "birth_date is after today");
                birthDate = Optional.empty();
            }
        }
        Optional<String> documentNumber = identifierText(check, Field.DOCUMENT_NUMBER);
        if (givenName.isEmpty() && familyName.isEmpty() && birthDate.isEmpty() && documentNumber.isEmpty()) {
            return DirectIdentifiers.NONE;
        }
        return new DirectIdentifiers(givenName, familyName, birthDate, documentNumber);
    }

    private static Optional<String> identifierText(RowCheck check, Field field) {
        String value = check.cell(field);
        if (value == null) {
            return Optional.empty();
        }
        if (looksLikeFormula(value)) {
            check.problem(field, "formula",
                    field.wireName() + " starts like a spreadsheet formula (=, +, - or @)");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private Optional<String> code(RowCheck check, Field field, boolean required) {
        String code = check.cell(field);
        if (code == null) {
            if (required) {
                check.required(field, field.wireName() + " is required");
            }
            return Optional.empty();
        }
        String canonical = canonicalCodes.get(field).get(code);
        if (canonical == null) {
            unknownCode(check, field, code);
            return Optional.empty();
        }
        return Optional.of(canonical);
    }

    private List<String> codes(RowCheck check, Field field) {
        if (check.values().isReported(field)) {
            return List.of();
        }
        List<String> items = check.values().items(field);
        if (items.isEmpty()) {
            return List.of();
        }
        Map<String, String> canonical = canonicalCodes.get(field);
        List<String> codes = new ArrayList<>(items.size());
        for (String item : items) {
            String code = canonical.get(item);
            if (code == null) {
                unknownCode(check, field, item);
            } else if (containsSame(codes, code)) {
                check.problem(field, "duplicate_code",
                        field.wireName() + " lists " + Problems.quote(item) + " more than once");
            } else {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Codes are canonical instances, so identity finds a repeat without comparing characters. */
    @SuppressWarnings("ReferenceEquality") // deliberate, as said above
    private static boolean containsSame(List<String> codes, String code) {
        for (String seen : codes) {
            if (seen == code) {
                return true;
            }
        }
        return false;
    }

    private void unknownCode(RowCheck check, Field field, String code) {
        check.problem(field, "unknown_code", Problems.quote(code) + " is not a code of " + field.wireName() + " "
                + allowedCodes.get(field));
    }

    private static OptionalInt age(RowCheck check) {
        String cell = check.cell(Field.AGE);
        if (cell == null) {
            return OptionalInt.empty();
        }
        OptionalInt age = parseInteger(cell);
        if (age.isEmpty()) {
            check.problem(Field.AGE, "not_an_integer", "age " + Problems.quote(cell) + " is not a whole number");
            return OptionalInt.empty();
        }
        if (age.getAsInt() < 0 || age.getAsInt() > MAX_AGE) {
            check.problem(Field.AGE, "out_of_range",
                    "age " + Problems.quote(cell) + " is outside 0 to " + MAX_AGE);
            return OptionalInt.empty();
        }
        return age;
    }

    /** The CTDC band: derived from the age when known, else as given; both given must agree. */
    private Optional<String> ageBand(RowCheck check, OptionalInt age) {
        Optional<String> given = code(check, Field.AGE_BAND, false);
        if (age.isEmpty()) {
            return given;
        }
        String derived = ageBandOf(age.getAsInt());
        if (given.isPresent() && !given.get().equals(derived)) {
            check.problem(Field.AGE_BAND, "inconsistent", "age_band " + Problems.quote(given.get())
                    + " does not match age " + age.getAsInt() + " (band " + derived + ")");
        }
        return Optional.of(derived);
    }

    private Optional<String> country(RowCheck check, Field field) {
        String code = check.cell(field);
        if (code == null) {
            return Optional.empty();
        }
        if (STATELESS.equals(code) && field != Field.CITIZENSHIP) {
            check.problem(field, "unknown_country",
                    field.wireName() + " cannot be 'XS' (stateless): that code is for citizenship only");
            return Optional.empty();
        }
        if (!knownCountries.test(code)) {
            check.problem(field, "unknown_country", Problems.quote(code)
                    + " is not an ISO 3166-1 alpha-2 country code in upper case (XX = unknown)");
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** A cell a spreadsheet would run as a formula (OWASP "CSV injection"); leading blanks are ignored too. */
    static boolean looksLikeFormula(String strippedValue) {
        char first = strippedValue.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@';
    }

    /** Strict {@code YYYY-MM-DD}: ten characters, real calendar date. */
    static Optional<LocalDate> parseDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    /**
     * A whole number written with ASCII digits and an optional minus sign. Numbers too long for an int saturate
     * at {@link Integer#MAX_VALUE} / {@link Integer#MIN_VALUE}, which every range check rejects.
     */
    static OptionalInt parseInteger(String text) {
        boolean negative = text.charAt(0) == '-';
        int start = negative ? 1 : 0;
        if (start == text.length()) {
            return OptionalInt.empty();
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
            value = Math.min(value * 10 + (c - '0'), (long) Integer.MAX_VALUE + 1);
        }
        long signed = negative ? -value : value;
        return OptionalInt.of((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, signed)));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private record Registration(int year, Optional<LocalDate> date) {
    }

    /** One row being checked: its cells and where its problems go. */
    private record RowCheck(long row, RowValues values, Problems problems) {

        /** The stripped cell, or null when empty, absent, or already reported by the reader. */
        String cell(Field field) {
            return values.isReported(field) ? null : values.trimmed(field);
        }

        void problem(Field field, String code, String message) {
            problems.add(row, field, code, message);
        }

        /** A missing required value, unless the reader already reported the field (e.g. a missing column). */
        void required(Field field, String message) {
            if (!values.isReported(field)) {
                problem(field, "required", message);
            }
        }
    }
}
