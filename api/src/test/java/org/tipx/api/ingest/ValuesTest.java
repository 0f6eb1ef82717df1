package org.tipx.api.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small public value types of the package. */
class ValuesTest {

    @Test
    void extractContext_blankAgency_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ExtractContext(" ", "UA", TestExtracts.Q3_2026));
    }

    @Test
    void ingestOutcome_isValidOnlyWithoutProblems_andCopiesItsList() {
        List<ValidationProblem> problems = new ArrayList<>();
        IngestOutcome clean = new IngestOutcome(3, 1, 120, "00", problems, 0, false);
        problems.add(new ValidationProblem(1, "sex", "required", "sex is required"));

        assertTrue(clean.valid());
        assertEquals(List.of(), clean.problems());
        assertFalse(new IngestOutcome(3, 0, 120, "00", problems, 1, false).valid());
        assertFalse(new IngestOutcome(3, 0, 120, "00", List.of(), 7, true).valid());
    }

    @Test
    void ingestOutcome_countBelowTheListedProblems_throws() {
        List<ValidationProblem> one = List.of(new ValidationProblem(1, "sex", "required", "sex is required"));

        assertThrows(IllegalArgumentException.class, () -> new IngestOutcome(1, 0, 10, "00", one, 0, false));
    }

    @Test
    void extractTooLarge_carriesItsLimit() {
        ExtractTooLargeException tooLarge = new ExtractTooLargeException(1024);

        assertEquals(1024, tooLarge.limit());
        assertEquals("the extract is larger than 1024 bytes", tooLarge.getMessage());
    }

    @Test
    void validRow_toString_isRedacted() {
        String id = "secret-record-id";
        ValidRow row = new ValidRow(id, org.tipx.api.pseudonym.DirectIdentifiers.NONE, 2026,
                java.util.Optional.empty(), "presumed", java.util.Optional.empty(), "male",
                java.util.OptionalInt.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());

        assertFalse(row.toString().contains(id));
    }
}
