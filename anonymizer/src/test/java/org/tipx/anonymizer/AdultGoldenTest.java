package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ARX 3.9.2's optimal results on UCI adult (see src/test/resources/adult/REFERENCE.md). */
class AdultGoldenTest {
    private static Dataset adult;

    @BeforeAll
    static void load() {
        adult = AdultFixture.data();
    }

    @ParameterizedTest(name = "k={0}, suppression={1}")
    @CsvSource(delimiter = '|', value = {
            "5  | 0.00 | 0,4,1,1,3,2,2,1,0 | 0    | 24  | 0.5731509655590044",
            "5  | 0.05 | 0,3,0,0,2,1,1,2,0 | 1346 | 397 | 0.2419323650662908",
            "11 | 0.00 | 0,4,1,1,3,2,2,1,0 | 0    | 24  | 0.5731509655590044",
            "11 | 0.05 | 0,4,0,1,2,1,1,1,0 | 1507 | 186 | 0.30327639837087306"})
    void adult_arxReferenceCase_sameOptimum(int k, double suppression, String levels, long suppressed,
                                            long classes, double loss) {
        AnonymizationConfig config = AdultFixture.config(k, suppression).build();

        AnonymizationResult result = Anonymizer.anonymize(adult, config);

        AnonymizationReport report = result.report();
        List<Integer> expectedLevels = new ArrayList<>();
        for (String level : levels.split(",")) {
            expectedLevels.add(Integer.parseInt(level.trim()));
        }
        assertEquals(expectedLevels, List.copyOf(report.levels().values()));
        assertEquals(suppressed, report.suppressed());
        assertEquals(classes, report.classes());
        assertEquals(loss, report.loss(), 1e-9);
        assertEquals(loss, report.score(), 1e-9);
        assertTrue(report.optimal());
        assertEquals(12_960, report.latticeSize());
        assertEquals(adult.size() - suppressed,
                report.classSizeDistribution().entrySet().stream().mapToLong(e -> e.getKey() * e.getValue()).sum());
        VerificationResult verification = Verifier.requireSafe(result.output(), AdultFixture.QUASI_IDENTIFIERS,
                config.models(), suppression);
        assertEquals(suppressed, verification.suppressed());
        assertEquals(classes, verification.classes());
    }
}
