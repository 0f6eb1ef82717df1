package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.ingest.TestExtracts.body;
import static org.tipx.api.ingest.TestExtracts.csv;
import static org.tipx.api.ingest.TestExtracts.ingest;
import static org.tipx.api.ingest.TestExtracts.validRow;
import static org.tipx.api.ingest.TestExtracts.validateCsv;
import static org.tipx.api.ingest.TestExtracts.with;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.pseudonym.DirectIdentifiers;

class ExtractIngestorTest {

    @Test
    void validExtract_reachesTheSinkAsCaseRecords() {
        Map<String, String> full = new java.util.LinkedHashMap<>(validRow("case-1"));
        full.put("registration_year", "2026");
        full.put("identified_by", "ngo");
        full.put("given_name", "Olena");
        full.put("family_name", "Kovalenko");
        full.put("birth_date", "1999-04-02");
        full.put("document_number", "FX123456");
        full.put("age", "27");
        full.put("minor_at_exploitation", "no");
        full.put("citizenship", "UA");
        full.put("country_of_identification", "PL");
        full.put("country_of_exploitation", "DE");
        full.put("exploitation", "sexual;forced_labour");
        full.put("labour_sector", "I");
        full.put("sexual_exploitation_type", "prostitution");
        full.put("means_of_control", "debt_bondage; withholds_documents");
        full.put("recruiter_relation", "friend");
        full.put("assistance", "shelter;legal");

        TestExtracts.Ingested ingested = ingest(csv(full, validRow("case-2")), ExtractFormat.CSV);

        assertTrue(ingested.outcome().valid(), () -> ingested.outcome().problems().toString());
        assertEquals(2, ingested.outcome().rows());
        assertEquals(1, ingested.outcome().linkedRows());
        CaseRecord first = ingested.records().getFirst();
        assertTrue(first.linked());
        assertEquals(2026, first.registrationYear());
        assertEquals(Optional.of(LocalDate.of(2026, 8, 1)), first.registrationDate());
        assertEquals("presumed", first.status());
        assertEquals(Optional.of("ngo"), first.identifiedBy());
        assertEquals("female", first.sex());
        assertEquals(OptionalInt.of(27), first.age());
        assertEquals(Optional.of("27-29"), first.ageBand());
        assertEquals(Optional.of("no"), first.minorAtExploitation());
        assertEquals(Optional.of("UA"), first.citizenship());
        assertEquals("PL", first.countryOfIdentification());
        assertEquals(Optional.of("DE"), first.countryOfExploitation());
        assertEquals(List.of("sexual", "forced_labour"), first.exploitation());
        assertEquals(List.of("I"), first.labourSector());
        assertEquals(List.of("prostitution"), first.sexualExploitationType());
        assertEquals(List.of("debt_bondage", "withholds_documents"), first.meansOfControl());
        assertEquals(List.of("friend"), first.recruiterRelation());
        assertEquals(List.of("shelter", "legal"), first.assistance());

        HashingPseudonymiser.Call call = ingested.pseudonymiser().calls().getFirst();
        assertEquals("agency-ua-1", call.agencyId());
        assertEquals("case-1", call.recordId());
        assertEquals(new DirectIdentifiers(Optional.of("Olena"), Optional.of("Kovalenko"),
                Optional.of(LocalDate.of(1999, 4, 2)), Optional.of("FX123456")), call.identifiers());
        assertEquals(HashingPseudonymiser.pseudonymOf("Olena\u0000Kovalenko\u00001999-04-02\u0000FX123456", true)
                .value(), first.pseudonym());

        CaseRecord second = ingested.records().get(1);
        assertFalse(second.linked());
        assertEquals(DirectIdentifiers.NONE, ingested.pseudonymiser().calls().get(1).identifiers());
        assertEquals("UA", second.countryOfIdentification(), "defaults to the agency's country");
        assertEquals(Optional.empty(), second.ageBand());
        assertEquals(List.of(), second.exploitation());
    }

    @Test
    void ageBandGivenWithoutAge_isKept() {
        TestExtracts.Ingested ingested = ingest(csv(with(validRow("r"), "age_band", "9-17")), ExtractFormat.CSV);

        assertEquals(Optional.of("9-17"), ingested.records().getFirst().ageBand());
        assertEquals(OptionalInt.empty(), ingested.records().getFirst().age());
    }

    @Test
    void registrationYearOnly_givesYearAndNoDate() {
        Map<String, String> row = with(with(validRow("r"), "registration_date", null), "registration_year", "2026");

        CaseRecord record = ingest(csv(row), ExtractFormat.CSV).records().getFirst();

        assertEquals(2026, record.registrationYear());
        assertEquals(Optional.empty(), record.registrationDate());
    }

    @Test
    void sink_stopsAtTheFirstProblem_butEveryProblemIsReported() {
        String extract = csv(validRow("r1"), validRow("r2"), with(validRow("r3"), "sex", "x"), validRow("r4"),
                with(validRow("r5"), "age", "500"), validRow("r6"));

        TestExtracts.Ingested ingested = ingest(extract, ExtractFormat.CSV);

        assertFalse(ingested.outcome().valid());
        assertEquals(6, ingested.outcome().rows());
        assertEquals(2, ingested.outcome().problemCount());
        assertEquals(List.of(3L, 5L), ingested.outcome().problems().stream().map(ValidationProblem::row).toList());
        assertEquals(2, ingested.records().size());
        assertEquals(List.of("r1", "r2"),
                ingested.pseudonymiser().calls().stream().map(HashingPseudonymiser.Call::recordId).toList());
    }

    @Test
    void duplicateFoundLate_stillInvalidatesTheExtract() {
        TestExtracts.Ingested ingested = ingest(csv(validRow("a"), validRow("b"), validRow("a")), ExtractFormat.CSV);

        assertFalse(ingested.outcome().valid());
        assertEquals("duplicate", ingested.outcome().problems().getFirst().code());
        assertEquals(2, ingested.records().size(), "the caller discards what it staged");
    }

    @Test
    void validate_needsNoAgency_andLeavesCountryOfIdentificationOpen() {
        IngestOutcome outcome = validateCsv(csv(validRow("r1"), validRow("r2")));

        assertTrue(outcome.valid());
        assertEquals(2, outcome.rows());
        assertEquals(0, outcome.linkedRows());
    }

    @Test
    void unknownColumn_isAHeaderProblem() {
        IngestOutcome outcome = validateCsv(csv(with(validRow("r1"), "colour", "red")));

        assertEquals(1, outcome.problemCount());
        ValidationProblem problem = outcome.problems().getFirst();
        assertEquals(0, problem.row());
        assertEquals("", problem.field());
        assertEquals("unknown_column", problem.code());
        assertEquals("column 5 is not a field of the case-record contract", problem.message());
    }

    @Test
    void misspeltColumn_getsAHint() {
        IngestOutcome outcome = validateCsv("record_id,registraton_date,status,Sex\nr1,2026-08-01,presumed,male\n");

        assertEquals(List.of("unknown_column", "unknown_column", "missing_column", "missing_column"), codes(outcome));
        assertEquals("column 2 is not a field of the case-record contract (did you mean registration_date?)",
                outcome.problems().get(0).message());
        assertEquals("column 4 is not a field of the case-record contract (did you mean sex?)",
                outcome.problems().get(1).message());
    }

    @Test
    void duplicateColumn_isAHeaderProblem() {
        IngestOutcome outcome = validateCsv("record_id,registration_date,status,sex,sex\nr1,2026-08-01,presumed,male,"
                + "female\n");

        assertEquals(List.of("duplicate_column"), codes(outcome));
        assertEquals("sex", outcome.problems().getFirst().field());
    }

    @Test
    void missingRequiredColumn_isReportedOnceAtTheHeader() {
        IngestOutcome outcome = validateCsv(csv(with(validRow("r1"), "status", null), with(validRow("r2"), "status",
                null)));

        assertEquals(List.of("missing_column"), codes(outcome));
        assertEquals("status", outcome.problems().getFirst().field());
        assertEquals(0, outcome.problems().getFirst().row());
    }

    @Test
    void missingRequiredColumn_sendsNothingToTheSink() {
        TestExtracts.Ingested ingested = ingest(csv(with(validRow("r1"), "sex", null)), ExtractFormat.CSV);

        assertFalse(ingested.outcome().valid());
        assertEquals(List.of(), ingested.records());
    }

    @Test
    void headerWithoutAnyRegistrationColumn_isMissingAColumn() {
        IngestOutcome outcome = validateCsv(csv(with(validRow("r1"), "registration_date", null)));

        assertEquals(List.of("missing_column"), codes(outcome));
        assertEquals("registration_date", outcome.problems().getFirst().field());
    }

    @Test
    void headerNames_mayCarrySpaces_andComeInAnyOrder() {
        IngestOutcome outcome = validateCsv(" sex , status,record_id ,registration_date\nmale,confirmed,r1,2026-09-30\n");

        assertTrue(outcome.valid(), () -> outcome.problems().toString());
    }

    @Test
    void rowWithTheWrongNumberOfCells_isReported() {
        IngestOutcome outcome = validateCsv("record_id,registration_date,status,sex\nr1,2026-08-01,presumed\n"
                + "r2,2026-08-01,presumed,male,extra\nr3,2026-08-01,presumed,male\n");

        assertEquals(List.of("wrong_cell_count", "wrong_cell_count"), codes(outcome));
        assertEquals(List.of(1L, 2L), outcome.problems().stream().map(ValidationProblem::row).toList());
        assertEquals(3, outcome.rows());
    }

    @Test
    void strayQuote_isAMalformedRow() {
        IngestOutcome outcome = validateCsv("record_id,registration_date,status,sex\nr\"1,2026-08-01,presumed,male\n");

        assertEquals(List.of("malformed_csv"), codes(outcome));
    }

    @Test
    void unterminatedQuote_stopsReading_butHashesTheWholeBody() {
        String extract = "record_id,registration_date,status,sex\nr1,2026-08-01,presumed,male\n\"r2,2026-08-01\n"
                + "r3,2026-08-01,presumed,male\n";

        IngestOutcome outcome = validateCsv(extract);

        assertEquals(List.of("unterminated_quote"), codes(outcome));
        assertEquals(2, outcome.problems().getFirst().row());
        assertEquals(sha256(extract.getBytes(StandardCharsets.UTF_8)), outcome.sha256());
    }

    @Test
    void emptyBody_hasNoHeader() {
        assertEquals(List.of("missing_header"), codes(validateCsv("")));
        assertEquals(List.of("missing_header"), codes(validateCsv("\n\r\n")));
    }

    @Test
    void blankRows_areSkipped_butKeepTheirNumber() {
        String extract = "\n\nrecord_id,registration_date,status,sex\nr1,2026-08-01,presumed,male\n,,,\n\n"
                + " , ,\"\",\nr2,2026-08-01,presumed,nobody\n,,\n";

        IngestOutcome outcome = validateCsv(extract);

        assertEquals(2, outcome.rows());
        assertEquals(List.of("unknown_code"), codes(outcome));
        assertEquals(5, outcome.problems().getFirst().row());
    }

    @Test
    void overlongCell_isTooLong_andReadingGoesOn() {
        String extract = csv(validRow("r1"), with(validRow("r2"), "given_name", "n".repeat(70_000)), validRow("r3"),
                with(validRow("r4"), "sex", "x"));

        IngestOutcome outcome = validateCsv(extract);

        assertEquals(List.of("too_long", "unknown_code"), codes(outcome));
        assertEquals(List.of(2L, 4L), outcome.problems().stream().map(ValidationProblem::row).toList());
        assertEquals("", outcome.problems().getFirst().field());
    }

    @Test
    void rowOfCountlessCells_isTooLong() {
        String extract = csv(validRow("r1")) + "r2" + ",x".repeat(5000) + "\n";

        IngestOutcome outcome = validateCsv(extract);

        assertEquals(List.of("too_long"), codes(outcome));
        assertEquals(2, outcome.problems().getFirst().row());
    }

    @Test
    void headerOnly_isRefusedAsNoRecords_sayingHowToDeclareAQuarterWithoutCases() {
        IngestOutcome outcome = validateCsv("record_id,registration_date,status,sex\n\n,,,\n");

        assertEquals(List.of("no_records"), codes(outcome));
        ValidationProblem problem = outcome.problems().getFirst();
        assertEquals(0, problem.row());
        assertTrue(problem.message().contains("no_cases=true") && problem.message().contains("--no-cases")
                && problem.message().contains("2026-Q3"), problem.message());
        assertEquals(0, outcome.rows());
    }

    @Test
    void headerOnly_declaredAsNoCases_isAValidEmptyExtract() {
        List<CaseRecord> records = new ArrayList<>();
        IngestOutcome outcome = TestExtracts.ingestor().ingest(body("record_id,registration_date,status,sex\n"),
                ExtractFormat.CSV, declaringNoCases(), new HashingPseudonymiser(), records::add);

        assertTrue(outcome.valid(), () -> outcome.problems().toString());
        assertEquals(0, outcome.rows());
    }

    @Test
    void recordsUnderADeclarationOfNoCases_areRefused_andNoneReachesTheSink() {
        List<CaseRecord> records = new ArrayList<>();
        IngestOutcome outcome = TestExtracts.ingestor().ingest(body(csv(validRow("r1"), validRow("r2"))),
                ExtractFormat.CSV, declaringNoCases(), new HashingPseudonymiser(), records::add);

        assertEquals(List.of("records_with_no_cases"), codes(outcome));
        assertEquals(1, outcome.problems().getFirst().row());
        assertEquals(2, outcome.rows());
        assertTrue(records.isEmpty(), "not even the first record is handed on");
    }

    @Test
    void aHeaderWithAnotherProblem_stillSaysThatTheExtractHasNoRecord() {
        IngestOutcome outcome = validateCsv("record_id,registration_date,status\n");

        assertEquals(List.of("missing_column", "no_records"), codes(outcome));
    }

    @Test
    void aSemicolonSeparatedFile_isOneProblemSayingSo() {
        String extract = "\uFEFFrecord_id;registration_date;status;sex;exploitation\n"
                + "r1;2026-08-01;presumed;female;\"sexual;forced_labour\"\nr2;2026-08-02;confirmed;male;sexual\n";

        IngestOutcome outcome = validateCsv(extract);

        assertEquals(List.of("wrong_separator"), codes(outcome));
        ValidationProblem problem = outcome.problems().getFirst();
        assertEquals(0, problem.row());
        assertTrue(problem.message().contains("semicolon-separated") && problem.message().contains("','"),
                problem.message());
        assertEquals(extract.getBytes(StandardCharsets.UTF_8).length, outcome.bytes(), "the body is still read whole");
    }

    @Test
    void aTabSeparatedFile_isOneProblemSayingSo() {
        IngestOutcome outcome = validateCsv("record_id\tregistration_date\tstatus\tsex\nr1\t2026-08-01\tpresumed\tfemale\n");

        assertEquals(List.of("wrong_separator"), codes(outcome));
        assertTrue(outcome.problems().getFirst().message().contains("tab-separated"));
    }

    @Test
    void aCommaHeaderWithSemicolonsInsideACell_isNotTakenForAnotherSeparator() {
        // One known column is enough to read the header as comma-separated and report its own problems.
        IngestOutcome outcome = validateCsv("record_id,registration_date;status;sex\nr1,x\n");

        assertFalse(codes(outcome).contains("wrong_separator"), codes(outcome)::toString);
        // And a header of unknown names that has no field at any separator is reported column by column.
        List<String> unknown = codes(validateCsv("colour;size\nred;2\n"));
        assertTrue(unknown.contains("unknown_column") && !unknown.contains("wrong_separator"), unknown::toString);
    }

    private static ExtractContext declaringNoCases() {
        return new ExtractContext("agency-ua-1", "UA", TestExtracts.Q3_2026, Declaration.NO_CASES);
    }

    @Test
    void byteOrderMark_crlfAndQuotedCells_areAccepted() {
        String extract = "\uFEFF\"record_id\",registration_date,status,sex,given_name\r\n"
                + "\"case, 1\",2026-08-01,presumed,male,\"Jean \"\"JJ\"\"\r\nPierre\"\r\n";

        TestExtracts.Ingested ingested = ingest(extract, ExtractFormat.CSV);

        assertTrue(ingested.outcome().valid(), () -> ingested.outcome().problems().toString());
        HashingPseudonymiser.Call call = ingested.pseudonymiser().calls().getFirst();
        assertEquals("case, 1", call.recordId());
        assertEquals(Optional.of("Jean \"JJ\"\r\nPierre"), call.identifiers().givenName());
    }

    @Test
    void invalidUtf8_isAnEncodingProblem() {
        byte[] head = "record_id,registration_date,status,sex\nr1,2026-08-01,presumed,".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream extract = new ByteArrayOutputStream();
        extract.writeBytes(head);
        extract.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        extract.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

        IngestOutcome outcome = TestExtracts.ingestor().validate(new ByteArrayInputStream(extract.toByteArray()),
                ExtractFormat.CSV, TestExtracts.Q3_2026);

        assertEquals(List.of("invalid_encoding"), codes(outcome));
        assertEquals(0, outcome.problems().getFirst().row());
        assertEquals(extract.size(), outcome.bytes());
    }

    @Test
    void sizeAndSha256_coverTheRawBytes() {
        byte[] extract = ("\uFEFF" + csv(validRow("r1"), validRow("r2"))).getBytes(StandardCharsets.UTF_8);

        IngestOutcome outcome = TestExtracts.ingestor().validate(new ByteArrayInputStream(extract), ExtractFormat.CSV,
                TestExtracts.Q3_2026);

        assertEquals(extract.length, outcome.bytes());
        assertEquals(sha256(extract), outcome.sha256());
    }

    @Test
    void bodyOfExactlyTheLimit_isRead() {
        byte[] extract = csv(validRow("r1")).getBytes(StandardCharsets.UTF_8);
        ExtractIngestor ingestor = new ExtractIngestor(TestExtracts.validator(), extract.length);

        assertTrue(ingestor.validate(new ByteArrayInputStream(extract), ExtractFormat.CSV, TestExtracts.Q3_2026)
                .valid());
    }

    @Test
    void largestPossibleLimit_doesNotOverflow() {
        ExtractIngestor ingestor = new ExtractIngestor(TestExtracts.validator(), Long.MAX_VALUE);

        assertTrue(ingestor.validate(body(csv(validRow("r1"))), ExtractFormat.CSV, TestExtracts.Q3_2026).valid());
    }

    @Test
    void bodyOneByteOverTheLimit_throws() {
        byte[] extract = csv(validRow("r1")).getBytes(StandardCharsets.UTF_8);
        ExtractIngestor ingestor = new ExtractIngestor(TestExtracts.validator(), extract.length - 1);

        ExtractTooLargeException tooLarge = assertThrows(ExtractTooLargeException.class,
                () -> ingestor.validate(new ByteArrayInputStream(extract), ExtractFormat.CSV, TestExtracts.Q3_2026));
        assertEquals(extract.length - 1, tooLarge.limit());
    }

    @Test
    void endlessBody_isCutOffOneByteAfterTheLimit() {
        EndlessExtract endless = new EndlessExtract();
        ExtractIngestor ingestor = new ExtractIngestor(TestExtracts.validator(), 100_000);
        List<CaseRecord> sunk = new ArrayList<>();

        assertThrows(ExtractTooLargeException.class, () -> ingestor.ingest(endless, ExtractFormat.CSV,
                TestExtracts.CONTEXT, new HashingPseudonymiser(), sunk::add));
        assertEquals(100_001, endless.served);
        assertFalse(sunk.isEmpty(), "records were streamed before the limit was hit");
    }

    @Test
    void endlessNdjsonBody_isCutOffToo() {
        ExtractIngestor ingestor = new ExtractIngestor(TestExtracts.validator(), 50_000);

        assertThrows(ExtractTooLargeException.class, () -> ingestor.validate(new EndlessLine(), ExtractFormat.NDJSON,
                TestExtracts.Q3_2026));
    }

    @Test
    @SuppressWarnings("InputStreamSlowMultibyteRead") // it fails at the first read
    void readFailure_isAnUncheckedIoException() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThrows(UncheckedIOException.class,
                () -> TestExtracts.ingestor().validate(broken, ExtractFormat.CSV, TestExtracts.Q3_2026));
    }

    @Test
    void manyProblems_areCappedButCounted() {
        StringBuilder extract = new StringBuilder("record_id,registration_date,status,sex\n");
        for (int i = 0; i < 1500; i++) {
            extract.append("r").append(i).append(",2026-08-01,presumed,nobody\n");
        }

        IngestOutcome outcome = validateCsv(extract.toString());

        assertEquals(1500, outcome.problemCount());
        assertEquals(IngestOutcome.MAX_REPORTED_PROBLEMS, outcome.problems().size());
        assertTrue(outcome.truncated());
        assertEquals(1000L, outcome.problems().getLast().row());
    }

    @Test
    void oneIngestor_servesConcurrentExtracts() throws Exception {
        ExtractIngestor ingestor = TestExtracts.ingestor();
        List<String> extracts = new ArrayList<>();
        for (int e = 0; e < 16; e++) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (int r = 0; r < 2000; r++) {
                rows.add(with(validRow("r" + r), "age", Integer.toString((r * 7 + e) % 121)));
            }
            if (e % 2 == 1) {
                rows.add(validRow("r0"));
            }
            extracts.add(csv(rows));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<IngestOutcome>> outcomes = new ArrayList<>();
            for (String extract : extracts) {
                outcomes.add(pool.submit(() -> ingestor.ingest(body(extract), ExtractFormat.CSV, TestExtracts.CONTEXT,
                        new HashingPseudonymiser(), record -> { })));
            }
            for (int e = 0; e < extracts.size(); e++) {
                IngestOutcome outcome = outcomes.get(e).get();
                assertEquals(e % 2 == 0, outcome.valid(), "extract " + e);
                assertEquals(e % 2 == 0 ? 2000 : 2001, outcome.rows());
                assertEquals(sha256(extracts.get(e).getBytes(StandardCharsets.UTF_8)), outcome.sha256());
            }
        }
    }

    @Test
    void sinkFailure_propagates() {
        IllegalStateException failure = new IllegalStateException("database down");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> TestExtracts.ingestor()
                .ingest(body(csv(validRow("r1"))), ExtractFormat.CSV, TestExtracts.CONTEXT,
                        new HashingPseudonymiser(), record -> {
                            throw failure;
                        }));
        assertEquals(failure, thrown);
    }

    @Test
    void constructor_rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new ExtractIngestor(TestExtracts.validator(), 0));
    }

    static List<String> codes(IngestOutcome outcome) {
        return outcome.problems().stream().map(ValidationProblem::code).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV body that never ends: a header, then valid rows forever; counts the bytes it served. */
    @SuppressWarnings("InputStreamSlowMultibyteRead") // a test stream; speed does not matter
    private static final class EndlessExtract extends InputStream {
        private byte[] pending = "record_id,registration_date,status,sex\n".getBytes(StandardCharsets.UTF_8);
        private int pos;
        private long row;
        long served;

        @Override
        public int read() {
            if (pos == pending.length) {
                pending = ("r" + row++ + ",2026-08-01,presumed,male\n").getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            served++;
            return pending[pos++];
        }
    }

    /** One NDJSON line that never ends. */
    private static final class EndlessLine extends InputStream {
        @Override
        public int read() {
            return 'x';
        }
    }
}
