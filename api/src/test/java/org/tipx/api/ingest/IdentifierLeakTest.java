package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tipx.api.ingest.TestExtracts.csv;
import static org.tipx.api.ingest.TestExtracts.validRow;
import static org.tipx.api.ingest.TestExtracts.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Direct identifiers planted in broken extracts never show up in problems, logs or records. */
class IdentifierLeakTest {

    private static final String GIVEN = "Zephyrinaqx";
    private static final String FAMILY = "Quillonbexx";
    private static final String BIRTH = "1987-31-12";
    private static final String DOCUMENT = "DOCSECRET991";
    private static final List<String> PLANTED = List.of(GIVEN, FAMILY, BIRTH, DOCUMENT, "31.12.1987", "2031-01-02");

    private final Logger logger = Logger.getLogger("org.tipx.api.ingest");
    private final List<String> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(new SimpleFormatter().format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        logger.removeHandler(capture);
        logger.setLevel(previousLevel);
    }

    @Test
    void csvProblems_neverQuoteIdentifiers() {
        Map<String, String> base = with(with(with(with(validRow("r1"), "given_name", GIVEN), "family_name", FAMILY),
                "birth_date", "1990-01-01"), "document_number", DOCUMENT);
        String extract = csv(
                with(base, "given_name", "=" + GIVEN),
                with(with(base, "record_id", "r2"), "family_name", "+" + FAMILY),
                with(with(base, "record_id", "r3"), "birth_date", BIRTH),
                with(with(base, "record_id", "r4"), "birth_date", "31.12.1987"),
                with(with(base, "record_id", "r5"), "birth_date", "2031-01-02"),
                with(with(base, "record_id", "r6"), "document_number", "@" + DOCUMENT),
                with(with(base, "record_id", "r7"), "document_number", "-" + DOCUMENT))
                + "r8,2026-08-01,presumed,female," + GIVEN + "\n"
                + "r9,2026-08-01,presumed,female," + GIVEN + "\"x," + FAMILY + ",1990-01-01," + DOCUMENT + "\n"
                + "\"r10,2026-08-01,presumed,female," + GIVEN + "," + FAMILY + ",1990-01-01," + DOCUMENT + "\n";

        TestExtracts.Ingested ingested = TestExtracts.ingest(extract, ExtractFormat.CSV);

        assertTrue(ingested.outcome().problemCount() >= 10, ingested.outcome().problems()::toString);
        assertFalse(logged.isEmpty(), "the ingestor's log was captured");
        assertNothingPlanted(ingested);
    }

    @Test
    void ndjsonProblems_neverQuoteIdentifiers() {
        String valid = "\"registration_date\":\"2026-08-01\",\"status\":\"presumed\",\"sex\":\"male\"";
        String extract = String.join("\n",
                "{\"record_id\":\"r1\"," + valid + ",\"given_name\":[\"" + GIVEN + "\"]}",
                "{\"record_id\":\"r2\"," + valid + ",\"family_name\":\"" + FAMILY + "\" \"" + FAMILY + "\"}",
                "{\"record_id\":\"r3\"," + valid + ",\"birth_date\":\"" + BIRTH + "\"}",
                "{\"record_id\":\"r4\"," + valid + ",\"document_number\":\"=" + DOCUMENT + "\"}",
                "{\"record_id\":\"r5\"," + valid + ",\"given_name\":\"" + GIVEN + "\",\"given_name\":\"" + GIVEN
                        + "\"}",
                "{\"record_id\":\"r6\"," + valid + ",\"document_number\":" + DOCUMENT + "}",
                "{\"record_id\":\"r7\"," + valid + ",\"birth_date\":{\"y\":\"" + BIRTH + "\"}}",
                "[\"" + GIVEN + "\"]",
                "{\"" + GIVEN + "\":\"" + FAMILY + "\"}",
                "{\"record_id\":\"r8\"," + valid + ",\"given_name\":\"" + GIVEN);

        TestExtracts.Ingested ingested = TestExtracts.ingest(extract, ExtractFormat.NDJSON);

        assertTrue(ingested.outcome().problemCount() >= 10, ingested.outcome().problems()::toString);
        assertNothingPlanted(ingested);
    }

    @Test
    void csvWithoutHeader_neverQuotesTheFirstRowAsColumnNames() {
        String extract = "r1,2026-08-01,presumed,female," + GIVEN + "," + FAMILY + "," + DOCUMENT + "\n"
                + "r2,2026-08-01,presumed,male,a,b,c\n";

        TestExtracts.Ingested ingested = TestExtracts.ingest(extract, ExtractFormat.CSV);

        assertTrue(ingested.outcome().problems().stream().anyMatch(p -> p.code().equals("unknown_column")));
        assertNothingPlanted(ingested);
    }

    @Test
    void validRecords_carryNoIdentifier() {
        Map<String, String> row = with(with(with(with(validRow("r1"), "given_name", GIVEN), "family_name", FAMILY),
                "birth_date", "1990-01-01"), "document_number", DOCUMENT);

        TestExtracts.Ingested ingested = TestExtracts.ingest(csv(row), ExtractFormat.CSV);

        assertTrue(ingested.outcome().valid());
        assertNothingPlanted(ingested);
        assertFalse(ingested.pseudonymiser().calls().getFirst().identifiers().toString().contains(GIVEN));
    }

    private void assertNothingPlanted(TestExtracts.Ingested ingested) {
        assertClean(ingested.outcome().toString());
        assertClean(logged.toString());
        assertClean(ingested.records().toString());
    }

    private static void assertClean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String planted : PLANTED) {
            assertFalse(lower.contains(planted.toLowerCase(Locale.ROOT)), () -> "'" + planted + "' leaked: " + text);
        }
    }
}
