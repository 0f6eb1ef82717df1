package org.tipx.anonymizer.cellkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PTableTest {

    static Stream<PTableParameters> parameterSets() {
        return Stream.of(
                PTableParameters.DEFAULTS,
                PTableParameters.of(8, 3, 2),
                PTableParameters.of(3, 1.5, 1),
                PTableParameters.of(5, 3, 0),
                PTableParameters.of(4, 2, 3), // small rows cannot reach V: two-point rows
                new PTableParameters(5, 3, 2, OptionalDouble.of(0.5)),
                new PTableParameters(5, 3, 2, OptionalDouble.of(0.8)));
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void everyRow_sumsToOne_isUnbiased_andHasVarianceVWhereFeasible(PTableParameters p) {
        PTable table = PTable.maximumEntropy(p);
        for (int i = 0; i <= table.genericRow() + 5; i++) {
            double sum = 0;
            for (int j = Math.max(0, i - p.maxPerturbation()); j <= i + p.maxPerturbation(); j++) {
                sum += table.probability(i, j);
            }
            assertEquals(1.0, sum, 1e-12, "row " + i);
            assertEquals(i, table.mean(i), 1e-9, "mean of row " + i);
            if (i == 0) {
                assertEquals(0.0, table.variance(0), "zeros stay zeros");
            } else if (publishedValues(table, i) > 2) {
                assertEquals(p.variance(), table.variance(i), 1e-6, "variance of row " + i);
            } else {
                // Infeasible row: the unique two-point law with the attainable variance closest to V.
                assertTrue(i < table.genericRow(), "row " + i);
            }
        }
    }

    @Test
    void randomValidParameters_alwaysBuildUnbiasedRowsWithVarianceVOrTheClosestTwoPointLaw() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int trial = 0; trial < 300; trial++) {
            int d = 1 + random.nextInt(10);
            int js = random.nextInt(d);
            // V anywhere in (0, D^2), including close to both ends.
            double v = d * d * (trial % 10 == 0 ? 0.999 : trial % 10 == 1 ? 0.001 : random.nextDouble(0.01, 0.99));
            PTableParameters p;
            try {
                p = new PTableParameters(d, v, js, random.nextBoolean()
                        ? OptionalDouble.empty() : OptionalDouble.of(random.nextDouble(0.05, 0.95)));
            } catch (IllegalArgumentException rejected) {
                continue; // an infeasible pStay: validation's job, tested elsewhere
            }
            PTable table = PTable.maximumEntropy(p);
            for (int i = 0; i <= table.genericRow(); i++) {
                assertEquals(i, table.mean(i), 1e-9, p + " row " + i);
                boolean exact = Math.abs(table.variance(i) - v) < 1e-6;
                // Only a cut row may miss V, and then it is a two-point law (plus the stay value).
                assertTrue(exact || i == 0 || (i < table.genericRow() && publishedValues(table, i) <= 3),
                        p + " row " + i + " variance " + table.variance(i));
            }
            assertEquals(v, table.variance(table.genericRow()), 1e-6, p.toString());
        }
    }

    @Test
    void defaults_everyNonZeroRow_reachesTheVariance() {
        PTable table = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        for (int i = 1; i <= table.genericRow() + 3; i++) {
            assertEquals(3.0, table.variance(i), 1e-6, "row " + i);
        }
        assertEquals(8, table.genericRow());
    }

    @Test
    void infeasibleSmallRows_takeTheClosestAttainableVariance() {
        // D = 4, js = 3: row 1 lives on {0, 4, 5}, where the least variance with mean 1 is
        // 1 * 3 = 3 (on 0 and 4); row 2 on {0, 4, 5, 6}, least variance 2 * 2 = 4; both above V = 2.
        PTable table = PTable.maximumEntropy(PTableParameters.of(4, 2, 3));
        assertEquals(0.75, table.probability(1, 0), 1e-15);
        assertEquals(0.25, table.probability(1, 4), 1e-15);
        assertEquals(3.0, table.variance(1), 1e-12);
        assertEquals(0.5, table.probability(2, 0), 1e-15);
        assertEquals(0.5, table.probability(2, 4), 1e-15);
        assertEquals(0.0, table.probability(2, 5));
        assertEquals(4.0, table.variance(2), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void noRow_publishesInTheGapOrBeyondD(PTableParameters p) {
        PTable table = PTable.maximumEntropy(p);
        for (PTableEntry e : table.entries()) {
            assertTrue(e.published() == 0 || e.published() > p.smallestPublishedNonZero(), e.toString());
            assertTrue(Math.abs(e.published() - e.original()) <= p.maxPerturbation(), e.toString());
            assertTrue(e.probability() > 0, e.toString());
        }
        for (int i = 0; i < 40; i++) {
            for (int j = 1; j <= p.smallestPublishedNonZero(); j++) {
                assertEquals(0.0, table.probability(i, j), "P(" + j + " | " + i + ")");
            }
        }
        assertEquals(1.0, table.probability(0, 0));
    }

    @Test
    void pStay_isTheProbabilityOfNoChangeAboveTheGap() {
        PTable table = PTable.maximumEntropy(new PTableParameters(5, 3, 2, OptionalDouble.of(0.5)));
        for (int i = 3; i < 30; i++) {
            assertEquals(0.5, table.probability(i, i), 1e-15, "row " + i);
        }
    }

    @Test
    void maximumEntropyRow_hasLogProbabilitiesQuadraticInJ() {
        // p_j = exp(a j + b j^2) / Z: second differences of log p are the constant 2b.
        PTable table = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        int i = 40;
        double first = secondDifference(table, i, i - 4);
        for (int j = i - 3; j <= i + 4; j++) {
            assertEquals(first, secondDifference(table, i, j), 1e-9, "at " + j);
        }
        assertTrue(first < 0, "concave: the law is peaked at i");
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void perturb_overAllKeys_reproducesTheTableKeyByKey(PTableParameters p) {
        PTable table = PTable.maximumEntropy(p);
        List<PTableEntry> entries = table.entries();
        for (int i = 0; i <= table.genericRow(); i++) {
            int[] counts = new int[i + p.maxPerturbation() + 1];
            for (int key = 0; key < PTable.KEY_SPACE; key++) {
                counts[table.perturb(i, key)]++;
            }
            int original = i;
            for (PTableEntry e : entries.stream().filter(e -> e.original() == original).toList()) {
                // The keys k with lower <= (k + 0.5) / 4096 < upper.
                long expected = keysBelow(e.cumulativeUpper()) - keysBelow(e.cumulativeLower());
                assertEquals(expected, counts[e.published()], e.toString());
                assertTrue(Math.abs(counts[e.published()] - PTable.KEY_SPACE * e.probability()) <= 1.0, e.toString());
                counts[e.published()] = 0;
            }
            assertEquals(0, java.util.Arrays.stream(counts).sum(), "no key lands outside the row, row " + i);
        }
    }

    @Test
    void perturb_largeCounts_useTheGenericRowShifted() {
        PTable table = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        int g = table.genericRow();
        for (int key = 0; key < PTable.KEY_SPACE; key += 7) {
            assertEquals(table.perturb(g, key) - g, table.perturb(1_000_000, key) - 1_000_000);
        }
        assertEquals(table.probability(g, g + 2), table.probability(500, 502));
        assertEquals(500.0, table.mean(500), 1e-9);
    }

    @Test
    void perturb_sameCountAndKey_isDeterministicAcrossTables() {
        PTable a = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        PTable b = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        assertEquals(a.entries(), b.entries());
        for (int key = 0; key < PTable.KEY_SPACE; key += 13) {
            assertEquals(a.perturb(17, key), b.perturb(17, key));
        }
    }

    @Test
    void perturb_badKeyOrCount_throwsQuotingIt() {
        PTable table = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.perturb(3, 4096))
                .getMessage().contains("4096"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.perturb(-2, 0))
                .getMessage().contains("-2"));
    }

    private static long keysBelow(double bound) {
        // Number of k in 0..4095 with (k + 0.5) / 4096 < bound.
        long n = 0;
        for (int k = 0; k < PTable.KEY_SPACE; k++) {
            if ((k + 0.5) / PTable.KEY_SPACE < bound) {
                n++;
            }
        }
        return n;
    }

    private static int publishedValues(PTable table, int i) {
        int n = 0;
        for (int j = Math.max(0, i - table.maxPerturbation()); j <= i + table.maxPerturbation(); j++) {
            n += table.probability(i, j) > 0 ? 1 : 0;
        }
        return n;
    }

    private static double secondDifference(PTable table, int i, int j) {
        return Math.log(table.probability(i, j + 1)) - 2 * Math.log(table.probability(i, j))
                + Math.log(table.probability(i, j - 1));
    }
}
