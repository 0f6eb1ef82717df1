package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.ingest.ExtractIngestorTest.codes;
import static org.tipx.api.ingest.TestExtracts.ingest;
import static org.tipx.api.ingest.TestExtracts.validateNdjson;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.tipx.api.domain.CaseRecord;

class NdjsonExtractTest {

    private static final String VALID = "\"record_id\":\"r1\",\"registration_date\":\"2026-08-01\","
            + "\"status\":\"presumed\",\"sex\":\"male\"";

    private static String line(String extraMembers) {
        return "{" + VALID + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
    }

    @Test
    void arraysAndNumbers_becomeCaseRecordValues() {
        String extract = line("\"age\":34,\"exploitation\":[\"forced_labour\",\"forced_begging\"],"
                + "\"labour_sector\":[\"A\",\"F\"],\"assistance\":[],\"citizenship\":null,\"given_name\":\"Ana\"")
                + "\n";

        TestExtracts.Ingested ingested = ingest(extract, ExtractFormat.NDJSON);

        assertTrue(ingested.outcome().valid(), () -> ingested.outcome().problems().toString());
        CaseRecord record = ingested.records().getFirst();
        assertEquals(OptionalInt.of(34), record.age());
        assertEquals(Optional.of("30-38"), record.ageBand());
        assertEquals(List.of("forced_labour", "forced_begging"), record.exploitation());
        assertEquals(List.of("A", "F"), record.labourSector());
        assertEquals(List.of(), record.assistance());
        assertEquals(Optional.empty(), record.citizenship());
        assertTrue(record.linked());
        assertEquals(Optional.of("Ana"), ingested.pseudonymiser().calls().getFirst().identifiers().givenName());
    }

    @Test
    void integersMayAlsoBeStrings() {
        assertTrue(validateNdjson(line("\"age\":\"34\",\"registration_year\":2026")).valid());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"exploitation\":\"sexual\"|wrong_type|exploitation",
        "\"exploitation\":[\"sexual\",1]|wrong_type|exploitation",
        "\"exploitation\":[[\"sexual\"]]|wrong_type|exploitation",
        "\"exploitation\":[\"sexual\",\"sexual\"]|duplicate_code|exploitation",
        "\"exploitation\":[\"slavery\"]|unknown_code|exploitation",
        "\"age\":30.5|not_an_integer|age",
        "\"age\":3e1|not_an_integer|age",
        "\"age\":true|wrong_type|age",
        "\"age\":[30]|wrong_type|age",
        "\"age\":200|out_of_range|age",
        "\"identified_by\":{\"a\":1}|wrong_type|identified_by",
        "\"given_name\":42|wrong_type|given_name",
        "\"citizenship\":\"ZZ\"|unknown_country|citizenship",
        "\"colour\":\"red\"|unknown_field|''",
        "\"colour\":{\"deep\":[1,{\"x\":[[]]}]}|unknown_field|''",
        "\"record_id\":\"r2\"|duplicate_field|record_id"})
    void wrongValue_isReported(String member, String code, String field) {
        IngestOutcome outcome = validateNdjson(line(member) + "\n");

        assertEquals(List.of(code), codes(outcome));
        assertEquals(field, outcome.problems().getFirst().field());
        assertEquals(1, outcome.problems().getFirst().row());
    }

    @Test
    void unknownKey_isNamedByPosition_withAHint() {
        IngestOutcome outcome = validateNdjson(line("\"citizenshp\":\"UA\""));

        assertEquals("key 5 of the object is not a field of the case-record contract (did you mean citizenship?)",
                outcome.problems().getFirst().message());
    }

    @Test
    void statusGivenWithTheWrongType_isReportedOnce() {
        String extract = "{\"record_id\":\"r1\",\"registration_date\":\"2026-08-01\",\"status\":1,\"sex\":\"male\"}";

        assertEquals(List.of("wrong_type"), codes(validateNdjson(extract)));
    }

    @Test
    void missingKeys_areRequiredFields() {
        IngestOutcome outcome = validateNdjson("{\"record_id\":\"r1\"}\n");

        assertEquals(List.of("required", "required", "required"), codes(outcome));
        assertEquals(List.of("registration_date", "status", "sex"),
                outcome.problems().stream().map(ValidationProblem::field).toList());
    }

    @Test
    void fieldsAfterASkippedStructure_areStillRead() {
        String extract = "{\"colour\":{\"deep\":[1,{\"x\":[[]]}]}," + VALID + ",\"age\":\"old\"}";

        assertEquals(List.of("unknown_field", "not_an_integer"), codes(validateNdjson(extract)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]|not_an_object",
        "\"record\"|not_an_object",
        "42|not_an_object",
        "null|not_an_object",
        "{\"record_id\":\"r1\"|malformed_json",
        "{\"record_id\" \"r1\"}|malformed_json",
        "{\"record_id\":\"r1\"}}|malformed_json",
        "{\"record_id\":\"r1\"} {\"record_id\":\"r2\"}|malformed_json",
        "{'record_id':'r1'}|malformed_json"})
    void lineThatIsNotOneObject_isReported(String text, String code) {
        IngestOutcome outcome = validateNdjson(line("") + "\n" + text + "\n");

        assertEquals(List.of(code), codes(outcome));
        assertEquals(2, outcome.problems().getFirst().row());
        assertEquals(2, outcome.rows());
    }

    @Test
    void brokenLine_doesNotStopTheNextLines() {
        String extract = "{\"record_id\":\n" + line("") + "\n" + line("").replace("r1", "r2") + "\n";

        IngestOutcome outcome = validateNdjson(extract);

        assertEquals(List.of("malformed_json"), codes(outcome));
        assertEquals(3, outcome.rows());
    }

    @Test
    void deeplyNestedValue_isRejectedWithoutBlowingTheStack() {
        String deep = "[".repeat(30_000) + "]".repeat(30_000);
        String extract = line("\"colour\":" + deep) + "\n" + line("").replace("r1", "r2") + "\n";

        IngestOutcome outcome = validateNdjson(extract);

        assertEquals(List.of("unknown_field", "malformed_json"), codes(outcome));
        assertEquals(1, outcome.problems().get(1).row());
        assertEquals(2, outcome.rows());
    }

    @Test
    void deepButBoundedUnknownValue_isSkipped() {
        String nested = "[".repeat(60) + "]".repeat(60);

        assertEquals(List.of("unknown_field"), codes(validateNdjson(line("\"colour\":" + nested))));
        assertEquals(List.of("wrong_type"), codes(validateNdjson(line("\"assistance\":[" + nested + "]"))));
    }

    @Test
    void overlongLine_isTooLong_andTheNextLineIsRead() {
        String extract = line("\"given_name\":\"" + "n".repeat(70_000) + "\"") + "\n"
                + line("\"sex\":\"x\"").replace(",\"sex\":\"male\"", "").replace("r1", "r2") + "\n";

        IngestOutcome outcome = validateNdjson(extract);

        assertEquals(List.of("too_long", "unknown_code"), codes(outcome));
        assertEquals(2, outcome.rows());
    }

    @Test
    void blankLines_areSkipped_andRowsAreLineNumbers() {
        String extract = "\n" + line("") + "\r\n   \n\n" + line("\"sex\":\"x\"").replace("r1", "r2")
                .replace(",\"sex\":\"male\"", "") + "\r\n";

        IngestOutcome outcome = validateNdjson(extract);

        assertEquals(2, outcome.rows());
        assertEquals(List.of("unknown_code"), codes(outcome));
        assertEquals(5, outcome.problems().getFirst().row());
    }

    @Test
    void byteOrderMark_andNoFinalNewline_areAccepted() {
        TestExtracts.Ingested ingested = ingest("\uFEFF" + line(""), ExtractFormat.NDJSON);

        assertTrue(ingested.outcome().valid(), () -> ingested.outcome().problems().toString());
        assertEquals(1, ingested.records().size());
    }

    @Test
    void anEmptyBody_orBlankLinesOnly_holdNoRecord() {
        assertEquals(List.of("no_records"), codes(validateNdjson("")));
        assertEquals(List.of("no_records"), codes(validateNdjson("\n  \n")));
    }

    @Test
    void anEmptyBody_declaredAsNoCases_isAValidEmptyExtract() {
        IngestOutcome outcome = TestExtracts.ingestor().validate(TestExtracts.body(""), ExtractFormat.NDJSON,
                TestExtracts.Q3_2026, Declaration.NO_CASES, new HashingPseudonymiser());

        assertTrue(outcome.valid(), () -> outcome.problems().toString());
        assertEquals(0, outcome.rows());
    }

    @Test
    void unicodeEscapes_areDecoded() {
        TestExtracts.Ingested ingested = ingest(line("\"family_name\":\"\\u041a\\u043e\\u0432\\u0430\\u043b\\u0435"
                + "\\u043d\\u043a\\u043e\"").replace("\"r1\"", "\"r\\u00e9\""), ExtractFormat.NDJSON);

        HashingPseudonymiser.Call call = ingested.pseudonymiser().calls().getFirst();
        assertEquals(Optional.of("Коваленко"), call.identifiers().familyName());
        assertEquals("ré", call.recordId());
    }

    @Test
    void problemsInLaterLines_stopTheSink() {
        String extract = line("") + "\n" + line("\"age\":-3").replace("r1", "r2") + "\n"
                + line("").replace("r1", "r3") + "\n";

        TestExtracts.Ingested ingested = ingest(extract, ExtractFormat.NDJSON);

        assertFalse(ingested.outcome().valid());
        assertEquals(1, ingested.records().size());
        assertEquals(List.of("out_of_range"), codes(ingested.outcome()));
    }
}
