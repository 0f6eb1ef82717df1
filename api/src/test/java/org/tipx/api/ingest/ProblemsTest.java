package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void quote_shortValue_isQuotedWhole() {
        assertEquals("'abc'", Problems.quote("abc"));
    }

    @Test
    void quote_longValue_isCutAtFortyCharacters() {
        assertEquals("'" + "x".repeat(40) + "\u2026'", Problems.quote("x".repeat(41)));
        assertEquals("'" + "\uD83D\uDE00".repeat(40) + "\u2026'", Problems.quote("\uD83D\uDE00".repeat(50)));
    }

    @Test
    void quote_controlCharacters_areReplaced() {
        assertEquals("'a\uFFFDb\uFFFDc'", Problems.quote("a\nb\u001Bc"));
    }

    @Test
    void problems_areCountedBeyondTheCap() {
        Problems problems = new Problems();
        for (int i = 0; i < IngestOutcome.MAX_REPORTED_PROBLEMS + 5; i++) {
            problems.add(i, "", "x", "m");
        }

        assertEquals(IngestOutcome.MAX_REPORTED_PROBLEMS + 5, problems.count());
        assertEquals(IngestOutcome.MAX_REPORTED_PROBLEMS, problems.kept().size());
        assertTrue(problems.truncated());
        assertFalse(new Problems().truncated());
    }
}
