package org.tipx.anonymizer.cellkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class PTableParametersTest {

    @Test
    void defaults_areTheIssuesFigures() {
        PTableParameters p = PTableParameters.DEFAULTS;
        assertEquals(5, p.maxPerturbation());
        assertEquals(3.0, p.variance());
        assertEquals(2, p.smallestPublishedNonZero());
        assertTrue(p.pStay().isEmpty());
    }

    @Test
    void variance_notBelowDSquared_throwsQuotingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PTableParameters.of(2, 4.5, 1));
        assertTrue(e.getMessage().contains("4.5") && e.getMessage().contains("(D) 2"), e.getMessage());
    }

    @Test
    void variance_notPositive_throwsQuotingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PTableParameters.of(5, -1, 2));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PTableParameters.of(5, Double.NaN, 2));
    }

    @Test
    void maxPerturbationAndGap_outOfRange_throw() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PTableParameters.of(0, 3, 2))
                .getMessage().contains("was 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PTableParameters.of(5, 3, -1))
                .getMessage().contains("was -1"));
    }

    @Test
    void gap_notBelowD_throwsQuotingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PTableParameters.of(3, 2, 3));
        assertTrue(e.getMessage().contains("(js) 3") && e.getMessage().contains("(D) 3"), e.getMessage());
    }

    @Test
    void pStay_outsideUnitInterval_throws() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new PTableParameters(5, 3, 2, OptionalDouble.of(1.0))).getMessage().contains("1.0"));
    }

    @Test
    void pStay_leavingTooMuchVarianceForTheRest_throwsQuotingIt() {
        // V / (1 - 0.9) = 30 cannot fit within +-5 (at most 25).
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PTableParameters(5, 3, 2, OptionalDouble.of(0.9)));
        assertTrue(e.getMessage().contains("0.9") && e.getMessage().contains("30"), e.getMessage());
    }
}
