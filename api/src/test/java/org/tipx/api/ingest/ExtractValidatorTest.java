package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.ingest.TestExtracts.csv;
import static org.tipx.api.ingest.TestExtracts.validRow;
import static org.tipx.api.ingest.TestExtracts.validateCsv;
import static org.tipx.api.ingest.TestExtracts.with;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.tipx.api.domain.Period;

/** Every row rule of the contract: one failing input per rule, with the code it must produce. */
class ExtractValidatorTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // record_id: required, 1-64 characters, no formula
                Arguments.of("record_id", "", "record_id", "required"),
                Arguments.of("record_id", "   ", "record_id", "required"),
                Arguments.of("record_id", "x".repeat(65), "record_id", "too_long"),
                Arguments.of("record_id", "=1+1", "record_id", "formula"),
                Arguments.of("record_id", "+31", "record_id", "formula"),
                Arguments.of("record_id", "-5", "record_id", "formula"),
                Arguments.of("record_id", "@SUM(A1)", "record_id", "formula"),
                Arguments.of("record_id", "  =cmd", "record_id", "formula"),
                // registration_date: strict YYYY-MM-DD, inside the period
                Arguments.of("registration_date", "2026-8-1", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "01/08/2026", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "2026-02-30", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "2026-13-01", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "2026-08-01T10:00", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "２０２６-08-01", "registration_date", "invalid_date"),
                Arguments.of("registration_date", "2026-06-30", "registration_date", "outside_period"),
                Arguments.of("registration_date", "2026-10-01", "registration_date", "outside_period"),
                Arguments.of("registration_date", "", "registration_date", "required"),
                // status and sex: required codes
                Arguments.of("status", "", "status", "required"),
                Arguments.of("status", "possible", "status", "unknown_code"),
                Arguments.of("status", "Presumed", "status", "unknown_code"),
                Arguments.of("sex", "", "sex", "required"),
                Arguments.of("sex", "f", "sex", "unknown_code"),
                Arguments.of("identified_by", "army", "identified_by", "unknown_code"),
                Arguments.of("minor_at_exploitation", "maybe", "minor_at_exploitation", "unknown_code"),
                // age and age_band
                Arguments.of("age", "abc", "age", "not_an_integer"),
                Arguments.of("age", "12.5", "age", "not_an_integer"),
                Arguments.of("age", "+12", "age", "not_an_integer"),
                Arguments.of("age", "121", "age", "out_of_range"),
                Arguments.of("age", "-1", "age", "out_of_range"),
                Arguments.of("age", "99999999999999", "age", "out_of_range"),
                Arguments.of("age_band", "18-25", "age_band", "unknown_code"),
                Arguments.of("age_band", "0--8", "age_band", "unknown_code"),
                // countries
                Arguments.of("citizenship", "ZZ", "citizenship", "unknown_country"),
                Arguments.of("citizenship", "ua", "citizenship", "unknown_country"),
                Arguments.of("citizenship", "UKR", "citizenship", "unknown_country"),
                Arguments.of("country_of_identification", "QQ", "country_of_identification", "unknown_country"),
                Arguments.of("country_of_identification", "XS", "country_of_identification", "unknown_country"),
                Arguments.of("country_of_exploitation", "XS", "country_of_exploitation", "unknown_country"),
                Arguments.of("country_of_exploitation", "EU", "country_of_exploitation", "unknown_country"),
                // multi-valued codes
                Arguments.of("exploitation", "sexual;slavery", "exploitation", "unknown_code"),
                Arguments.of("exploitation", "sexual; sexual", "exploitation", "duplicate_code"),
                Arguments.of("labour_sector", "Z", "labour_sector", "unknown_code"),
                Arguments.of("labour_sector", "a", "labour_sector", "unknown_code"),
                Arguments.of("labour_sector", "A;A", "labour_sector", "duplicate_code"),
                Arguments.of("sexual_exploitation_type", "webcam", "sexual_exploitation_type", "unknown_code"),
                Arguments.of("means_of_control", "debt", "means_of_control", "unknown_code"),
                Arguments.of("recruiter_relation", "neighbour", "recruiter_relation", "unknown_code"),
                Arguments.of("assistance", "housing", "assistance", "unknown_code"),
                // direct identifiers: formulas and dates
                Arguments.of("given_name", "=HYPERLINK(\"http://x\")", "given_name", "formula"),
                Arguments.of("family_name", "+Smith", "family_name", "formula"),
                Arguments.of("document_number", "@AB123", "document_number", "formula"),
                Arguments.of("document_number", "-AB123", "document_number", "formula"),
                Arguments.of("birth_date", "1990-02-30", "birth_date", "invalid_date"),
                Arguments.of("birth_date", "30.01.1990", "birth_date", "invalid_date"),
                Arguments.of("birth_date", "2027-01-01", "birth_date", "future_date"));
    }

    @ParameterizedTest(name = "{0}={1} -> {3}")
    @MethodSource("brokenRules")
    void brokenRule_isReportedWithItsCode(String field, String value, String problemField, String code) {
        IngestOutcome outcome = validateCsv(csv(with(validRow("r1"), field, value)));

        assertFalse(outcome.valid());
        assertEquals(1, outcome.problemCount(), () -> outcome.problems().toString());
        ValidationProblem problem = outcome.problems().getFirst();
        assertEquals(1, problem.row());
        assertEquals(problemField, problem.field());
        assertEquals(code, problem.code());
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                Arguments.of("record_id", "x".repeat(64)),
                Arguments.of("record_id", "ž".repeat(64)),
                Arguments.of("record_id", "case 12/2026, \"B\""),
                Arguments.of("registration_date", "2026-07-01"),
                Arguments.of("registration_date", "2026-09-30"),
                Arguments.of("status", "confirmed"),
                Arguments.of("sex", "unknown"),
                Arguments.of("age", "0"),
                Arguments.of("age", "120"),
                Arguments.of("age", " 42 "),
                Arguments.of("age_band", "48+"),
                Arguments.of("citizenship", "XS"),
                Arguments.of("citizenship", "XX"),
                Arguments.of("country_of_exploitation", "XX"),
                Arguments.of("country_of_identification", "PL"),
                Arguments.of("exploitation", "sexual ; forced_labour;"),
                Arguments.of("labour_sector", "A;T;U"),
                Arguments.of("assistance", "none"),
                Arguments.of("given_name", "Olena-Marie"),
                Arguments.of("family_name", "O'Brien"),
                Arguments.of("birth_date", "2026-11-23"),
                Arguments.of("document_number", "AB-123"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("acceptedValues")
    void acceptedValue_isValidAndReachesTheSink(String field, String value) {
        TestExtracts.Ingested ingested = TestExtracts.ingest(csv(with(validRow("r1"), field, value)),
                ExtractFormat.CSV);

        assertTrue(ingested.outcome().valid(), () -> ingested.outcome().problems().toString());
        assertEquals(1, ingested.outcome().rows());
        assertEquals(1, ingested.records().size());
    }

    @Test
    void duplicateRecordId_isReportedOnTheLaterRow() {
        IngestOutcome outcome = validateCsv(csv(validRow("a"), validRow("b"), validRow("a"), validRow(" b ")));

        assertEquals(List.of(3L, 4L), outcome.problems().stream().map(ValidationProblem::row).toList());
        assertTrue(outcome.problems().stream().allMatch(p -> p.code().equals("duplicate")
                && p.field().equals("record_id")));
    }

    @Test
    void registrationYear_alone_mustBeThePeriodsYear() {
        Map<String, String> yearOnly = with(validRow("r1"), "registration_date", null);

        assertTrue(validateCsv(csv(with(yearOnly, "registration_year", "2026"))).valid());
        assertProblem(validateCsv(csv(with(yearOnly, "registration_year", "2025"))),
                "registration_year", "outside_period");
        assertProblem(validateCsv(csv(with(yearOnly, "registration_year", "twenty"))),
                "registration_year", "not_an_integer");
    }

    @Test
    void noRegistrationDateNorYear_isRequired() {
        Map<String, String> neither = with(with(validRow("r1"), "registration_date", ""), "registration_year", "");

        assertProblem(validateCsv(csv(neither)), "registration_date", "required");
    }

    @Test
    void registrationDateAndYear_mustAgree() {
        Map<String, String> both = with(validRow("r1"), "registration_year", "2026");
        assertTrue(validateCsv(csv(both)).valid());

        assertProblem(validateCsv(csv(with(both, "registration_year", "2025"))), "registration_year",
                "inconsistent");
    }

    @Test
    void registrationDate_afterToday_isAFutureDate() {
        Period q4 = new Period(2026, 4);
        Map<String, String> row = with(validRow("r1"), "registration_date", "2026-11-24");

        IngestOutcome outcome = TestExtracts.ingestor().validate(TestExtracts.body(csv(row)), ExtractFormat.CSV, q4);

        assertProblem(outcome, "registration_date", "future_date");
        assertTrue(TestExtracts.ingestor().validate(TestExtracts.body(csv(with(row, "registration_date",
                "2026-11-23"))), ExtractFormat.CSV, q4).valid());
    }

    @Test
    void registrationYear_ofAFuturePeriod_isAFutureDate() {
        Map<String, String> row = with(with(validRow("r1"), "registration_date", null), "registration_year", "2027");

        IngestOutcome outcome = TestExtracts.ingestor().validate(TestExtracts.body(csv(row)), ExtractFormat.CSV,
                new Period(2027, 1));

        assertProblem(outcome, "registration_year", "future_date");
    }

    @Test
    void todayFollowsTheClocksZone() {
        // 23 Nov 2026 11:00 UTC is already 24 Nov in Chatham (UTC+13:45).
        Clock chatham = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), ZoneId.of("Pacific/Chatham"));
        ExtractValidator validator = new ExtractValidator(TestExtracts.CODE_LISTS, ExtractValidator.jdkCountries(),
                chatham);
        Map<String, String> row = with(validRow("r1"), "registration_date", "2026-11-24");

        IngestOutcome outcome = new ExtractIngestor(validator, 1 << 20)
                .validate(TestExtracts.body(csv(row)), ExtractFormat.CSV, new Period(2026, 4));

        assertTrue(outcome.valid(), () -> outcome.problems().toString());
        assertEquals(LocalDate.of(2026, 11, 24), validator.today());
    }

    @Test
    void ageAndAgeBand_mustAgree() {
        Map<String, String> row = with(with(validRow("r1"), "age", "25"), "age_band", "24-26");
        assertTrue(validateCsv(csv(row)).valid());

        assertProblem(validateCsv(csv(with(row, "age_band", "30-38"))), "age_band", "inconsistent");
    }

    @Test
    void severalProblemsInOneRow_areAllReported() {
        Map<String, String> row = with(with(with(validRow("=1"), "sex", "x"), "age", "200"), "citizenship", "ZZ");

        IngestOutcome outcome = validateCsv(csv(row));

        assertEquals(List.of("formula", "unknown_code", "out_of_range", "unknown_country"),
                outcome.problems().stream().map(ValidationProblem::code).toList());
    }

    @Test
    void unknownCodeMessage_quotesTheValueAndListsTheCodes() {
        IngestOutcome outcome = validateCsv(csv(with(validRow("r1"), "sex", "F")));

        assertEquals("'F' is not a code of sex (female, male, other, unknown)",
                outcome.problems().getFirst().message());
    }

    @ParameterizedTest
    @CsvSource({"0,0-8", "8,0-8", "9,9-17", "17,9-17", "18,18-20", "20,18-20", "21,21-23", "23,21-23", "24,24-26",
        "26,24-26", "27,27-29", "29,27-29", "30,30-38", "38,30-38", "39,39-47", "47,39-47", "48,48+", "120,48+"})
    void ageBandOf_followsTheCtdcBands(int age, String band) {
        assertEquals(band, ExtractValidator.ageBandOf(age));
    }

    @Test
    void ageBandOf_negativeAge_throws() {
        assertThrows(IllegalArgumentException.class, () -> ExtractValidator.ageBandOf(-1));
    }

    @Test
    void everyAgeBandOf_isACodeOfTheAgeBandList() {
        CodeList bands = TestExtracts.CODE_LISTS.get("age_band");
        for (int age = 0; age <= ExtractValidator.MAX_AGE; age++) {
            assertTrue(bands.contains(ExtractValidator.ageBandOf(age)), "age " + age);
        }
    }

    @Test
    void jdkCountries_knowIsoCodesAndTheContractsSpecialCodes() {
        Predicate<String> countries = ExtractValidator.jdkCountries();

        for (String code : List.of("UA", "PL", "NG", "TH", "XX", "XS")) {
            assertTrue(countries.test(code), code);
        }
        for (String code : List.of("ZZ", "ua", "UKR", "", "EU")) {
            assertFalse(countries.test(code), code);
        }
    }

    @Test
    void parseInteger_isStrictAndSaturates() {
        assertEquals(OptionalInt.of(42), ExtractValidator.parseInteger("42"));
        assertEquals(OptionalInt.of(-7), ExtractValidator.parseInteger("-7"));
        assertEquals(OptionalInt.of(Integer.MAX_VALUE), ExtractValidator.parseInteger("123456789012345678901234"));
        assertEquals(OptionalInt.of(Integer.MIN_VALUE), ExtractValidator.parseInteger("-123456789012345678901"));
        assertEquals(OptionalInt.empty(), ExtractValidator.parseInteger("-"));
        assertEquals(OptionalInt.empty(), ExtractValidator.parseInteger("4 2"));
        assertEquals(OptionalInt.empty(), ExtractValidator.parseInteger("٤٢"));
    }

    @Test
    void constructor_withoutACodeList_throws() {
        CodeLists partial = CodeLists.of(List.of(TestExtracts.CODE_LISTS.get("sex")));

        assertThrows(IllegalArgumentException.class,
                () -> new ExtractValidator(partial, ExtractValidator.jdkCountries(), TestExtracts.CLOCK));
    }

    static void assertProblem(IngestOutcome outcome, String field, String code) {
        assertEquals(1, outcome.problemCount(), () -> outcome.problems().toString());
        assertEquals(field, outcome.problems().getFirst().field());
        assertEquals(code, outcome.problems().getFirst().code());
    }
}
