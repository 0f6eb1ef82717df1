package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded random damage to valid extracts: whatever the bytes, reading ends with an outcome (never another
 * exception), and every problem code that comes out is one documented in docs/extract-validation.md.
 */
class FuzzTest {

    private static final String CSV = TestExtracts.csv(
            TestExtracts.with(TestExtracts.with(TestExtracts.validRow("r1"), "exploitation", "sexual;forced_labour"),
                    "given_name", "Ana, \"Li\""),
            TestExtracts.with(TestExtracts.validRow("r2"), "age", "34"),
            TestExtracts.with(TestExtracts.validRow("r3"), "citizenship", "XS"));
    private static final String NDJSON = """
            {"record_id":"r1","registration_date":"2026-08-01","status":"presumed","sex":"male","exploitation":["sexual"]}
            {"record_id":"r2","registration_year":2026,"status":"confirmed","sex":"female","age":34,"given_name":"Ana"}
            {"record_id":"r3","registration_date":"2026-09-30","status":"presumed","sex":"other","labour_sector":[]}
            """;
    private static final String NOISE = "\",;[]{}:\n\r\\ 0-=é\uFEFF";
    private static final Set<String> SEEN_CODES = new HashSet<>();

    @RepeatedTest(300)
    void damagedCsv_alwaysEndsWithAnOutcome(RepetitionInfo repetition) {
        readDamaged(CSV, ExtractFormat.CSV, new Random(31L * repetition.getCurrentRepetition()));
    }

    @RepeatedTest(300)
    void damagedNdjson_alwaysEndsWithAnOutcome(RepetitionInfo repetition) {
        readDamaged(NDJSON, ExtractFormat.NDJSON, new Random(37L * repetition.getCurrentRepetition()));
    }

    @AfterAll
    static void everyCodeSeen_isDocumented() throws IOException {
        Path doc = Path.of("..", "docs", "extract-validation.md");
        Set<String> documented = new HashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\|").matcher(Files.readString(doc));
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertTrue(SEEN_CODES.size() > 5, SEEN_CODES::toString);
        SEEN_CODES.removeAll(documented);
        assertEquals(Set.of(), SEEN_CODES, "problem codes missing from " + doc);
    }

    private static void readDamaged(String extract, ExtractFormat format, Random random) {
        byte[] bytes = damage(extract, random);
        IngestOutcome outcome = TestExtracts.ingestor().ingest(new ByteArrayInputStream(bytes), format,
                TestExtracts.CONTEXT, new HashingPseudonymiser(), record -> { });
        assertEquals(bytes.length, outcome.bytes());
        assertTrue(outcome.valid() || outcome.problemCount() > 0);
        List<ValidationProblem> problems = outcome.problems();
        for (ValidationProblem problem : problems) {
            assertTrue(problem.row() >= 0);
            SEEN_CODES.add(problem.code());
        }
    }

    /** A few random edits: insert noise, delete a span, or put in a byte that is not UTF-8. */
    private static byte[] damage(String extract, Random random) {
        StringBuilder text = new StringBuilder(extract);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
                default -> text.insert(at, "=+-@".charAt(random.nextInt(4)));
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(10) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xFF;
        }
        return bytes;
    }
}
