package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final List<String> QIS = List.of("age", "sex");

    /** {@code classes} classes of {@code size} rows each, then {@code suppressed} all-star rows. */
    private static Dataset output(int classes, int size, int smallClassSize, int suppressed) {
        List<String[]> rows = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int i = 0; i < size; i++) {
                rows.add(new String[] {c + "0-" + c + "9", "F", "s" + (i % 3)});
            }
        }
        for (int i = 0; i < smallClassSize; i++) {
            rows.add(new String[] {"90-99", "M", "s" + i});
        }
        for (int i = 0; i < suppressed; i++) {
            rows.add(new String[] {"*", "*", "s0"});
        }
        return Dataset.of(List.of("age", "sex", "diagnosis"), rows);
    }

    @Test
    void everyClassAtLeastK_isSafe() {
        VerificationResult result = Verifier.verify(output(3, 5, 0, 0), QIS,
                List.of(new PrivacyModel.KAnonymity(5)), 0);

        assertTrue(result.safe(), result.problems().toString());
        assertEquals(3, result.classes());
        assertEquals(5, result.smallestClass());
    }

    @Test
    void plantedClassOfKMinusOne_failsLoudly() {
        Dataset unsafe = output(3, 5, 4, 0);

        UnsafeOutputException e = assertThrows(UnsafeOutputException.class,
                () -> Verifier.requireSafe(unsafe, QIS, List.of(new PrivacyModel.KAnonymity(5)), 0));

        assertEquals(List.of("1 class smaller than k = 5"), e.problems());
        assertFalse(e.getMessage().contains("90-99"), "no cell value is quoted");
    }

    @Test
    void suppressedRows_areExcludedFromClasses() {
        VerificationResult result = Verifier.verify(output(3, 5, 0, 2), QIS,
                List.of(new PrivacyModel.KAnonymity(5)), 0.15);

        assertTrue(result.safe(), result.problems().toString());
        assertEquals(2, result.suppressed());
        assertEquals(3, result.classes());
    }

    @Test
    void suppressionAboveTheLimit_isUnsafe() {
        // 3 suppressed rows of 18: a 10% limit allows 1; 3 rows are too few to count as a class of k = 5.
        VerificationResult result = Verifier.verify(output(3, 5, 0, 3), QIS,
                List.of(new PrivacyModel.KAnonymity(5)), 0.10);

        assertFalse(result.safe());
        assertEquals(List.of("3 rows are suppressed but the limit allows 1"), result.problems());
    }

    @Test
    void manyAllStarRows_passAsOneClassWhenTheyMeetK() {
        VerificationResult result = Verifier.verify(output(0, 0, 0, 6), QIS,
                List.of(new PrivacyModel.KAnonymity(5)), 0);

        assertTrue(result.safe(), result.problems().toString());
        assertEquals(1, result.classes());
    }

    @Test
    void distinctLDiversity_classWithTooFewValues_fails() {
        // The small class has values s0 and s1 only.
        VerificationResult result = Verifier.verify(output(2, 6, 2, 0), QIS,
                List.of(new PrivacyModel.DistinctLDiversity("diagnosis", 3)), 0);

        assertFalse(result.safe());
        assertEquals(List.of("1 class with fewer than l = 3 distinct values of 'diagnosis'"), result.problems());
    }

    @Test
    void entropyLDiversity_uniformValues_passExactly() {
        // Classes of 6 rows with three values twice each: entropy ln 3, exactly the bound for l = 3.
        VerificationResult result = Verifier.verify(output(2, 6, 0, 0), QIS,
                List.of(new PrivacyModel.EntropyLDiversity("diagnosis", 3)), 0);

        assertTrue(result.safe(), result.problems().toString());
    }

    @Test
    void missingQuasiIdentifierColumn_isAnError() {
        assertThrows(AnonymizationException.class, () -> Verifier.verify(output(1, 5, 0, 0),
                List.of("age", "country"), List.of(new PrivacyModel.KAnonymity(2)), 0));
    }
}
