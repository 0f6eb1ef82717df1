package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the rule that the search must not prune by anonymity when entropy l-diversity is combined with
 * suppression ({@code LatticeSearch}: {@code monotone} is false then).
 *
 * <p>Entropy is concave, so merging classes that all pass gives a class that passes; but a class suppressed at
 * one node is published again once it is merged into a bigger class, and if it skews that class's sensitive
 * values, the merged class fails and takes its formerly passing records with it. Acceptability is then not
 * monotone along generalisation: a node can pass while a generalisation of it fails. A search that treated
 * a failing node as proof that everything below it fails (failing witnesses, chain bisection) or that the top
 * must pass would miss the optimum. Each table below is the smallest hand-made case of one way this goes
 * wrong; the seeded random tables of {@link SearchMatchesBruteForceTest} almost never produce it.
 */
class EntropyLDiversitySuppressionTest {
    private static final String SENSITIVE = "s";

    /**
     * One QI of height 4. Leaves x1, x2 hold one a and one b each (entropy ln 2: pass for l = 2); leaf y holds
     * a single a, leaf z a single b (entropy 0: fail). n = 6 and the limit 0.34 allows ⌊2.04⌋ = 2 suppressed.
     * <ul>
     *   <li>level 0 {x1, x2, y, z}: y and z suppressed (2): acceptable, Loss 1/3.</li>
     *   <li>level 1 {x1 y → P, x2 → Q, z → R}: P = {a, a, b} has entropy 0.64 &lt; ln 2 and fails, so
     *   the passing x1 is suppressed with y: 4 suppressed, <b>not acceptable</b>.</li>
     *   <li>level 2 {P R → S, Q → T}: S = {a, a, b, b} passes again, nothing suppressed: acceptable, Loss 4/9.</li>
     *   <li>level 3 (*): {a, a, a, b, b, b} passes: acceptable, Loss 1.</li>
     * </ul>
     * Loss per level: the published records' covered-leaf shares plus 1 per suppressed record, normalised by
     * n/|D| = 1.5 and n − 1.5 = 4.5: level 0 gives (4·¼ + 2 − 1.5)/4.5 = 1/3, level 2 (4·¾ + 2·¼ − 1.5)/4.5 =
     * 4/9. The optimum is level 0, below the failing level 1. A search that bisects the chain 0–1–2–3 from
     * the bottom checks level 1 first, sees it fail, concludes that level 0 fails too and returns level 2.
     */
    @Test
    void failingNodeBetweenTwoPassingOnes_optimumBelowItIsStillFound() {
        Hierarchy hierarchy = Hierarchy.of(List.of(
                List.of("x1", "P", "S", Hierarchy.SUPPRESSED),
                List.of("y", "P", "S", Hierarchy.SUPPRESSED),
                List.of("x2", "Q", "T", Hierarchy.SUPPRESSED),
                List.of("z", "R", "S", Hierarchy.SUPPRESSED)));
        Dataset data = table(new String[][] {
                {"x1", "a"}, {"x1", "b"}, {"x2", "a"}, {"x2", "b"}, {"y", "a"}, {"z", "b"}});
        AnonymizationConfig config = config(hierarchy, 0.34);

        assertAcceptability(data, config, true, false, true, true);
        AnonymizationReport report = assertEngineMatchesBruteForce(data, config);
        assertEquals(0, report.levels().get("q"));
        assertEquals(2, report.suppressed());
        assertEquals(1.0 / 3, report.loss(), 1e-12);
    }

    /**
     * One QI of height 2. Leaf x holds one a and one b (entropy ln 2: pass for l = 2), leaf y a single a
     * (fail). n = 3 and the limit 0.34 allows ⌊1.02⌋ = 1 suppressed. Level 0 suppresses y and is acceptable;
     * level 1 (*) is the single class {a, a, b}, entropy 0.64 &lt; ln 2, so all 3 records fail: the top is
     * <b>not acceptable</b>. With monotone models a failing top proves that nothing passes; here the search
     * must go on and find level 0.
     */
    @Test
    void topFailsButALowerNodePasses_searchFindsItInsteadOfGivingUp() {
        Hierarchy hierarchy = Hierarchy.of(List.of(
                List.of("x", Hierarchy.SUPPRESSED),
                List.of("y", Hierarchy.SUPPRESSED)));
        Dataset data = table(new String[][] {{"x", "a"}, {"x", "b"}, {"y", "a"}});
        AnonymizationConfig config = config(hierarchy, 0.34);

        assertAcceptability(data, config, true, false);
        AnonymizationReport report = assertEngineMatchesBruteForce(data, config);
        assertEquals(0, report.levels().get("q"));
        assertEquals(1, report.suppressed());
    }

    private static Dataset table(String[][] rows) {
        List<String[]> data = new ArrayList<>();
        for (String[] row : rows) {
            data.add(row.clone());
        }
        return Dataset.of(List.of("q", SENSITIVE), data);
    }

    private static AnonymizationConfig config(Hierarchy hierarchy, double suppressionLimit) {
        return AnonymizationConfig.builder()
                .quasiIdentifier("q", hierarchy)
                .model(new PrivacyModel.EntropyLDiversity(SENSITIVE, 2))
                .suppressionLimit(suppressionLimit)
                .metric(QualityMetric.LOSS)
                .build();
    }

    /** The premise, judged by the brute force from strings: acceptability per level of the single QI. */
    private static void assertAcceptability(Dataset data, AnonymizationConfig config, boolean... acceptablePerLevel) {
        List<BruteForce.NodeScore> all = BruteForce.scoreAll(data, config);
        assertEquals(acceptablePerLevel.length, all.size(), "lattice size");
        for (BruteForce.NodeScore node : all) {
            boolean expected = acceptablePerLevel[node.levels()[0]];
            if (expected) {
                assertTrue(node.acceptable(), "level " + node.levels()[0] + " is acceptable");
            } else {
                assertFalse(node.acceptable(), "level " + node.levels()[0] + " is not acceptable");
            }
        }
    }

    private static AnonymizationReport assertEngineMatchesBruteForce(Dataset data, AnonymizationConfig config) {
        BruteForce.NodeScore best = BruteForce.scoreAll(data, config).stream()
                .filter(BruteForce.NodeScore::acceptable)
                .min(Comparator.comparingDouble(BruteForce.NodeScore::score))
                .orElseThrow();

        AnonymizationResult result = Anonymizer.anonymize(data, config);

        AnonymizationReport report = result.report();
        assertEquals(best.score(), report.score(), 1e-12, "optimum score");
        assertEquals(best.levels()[0], report.levels().get("q"), "optimal level");
        assertTrue(report.optimal(), "proven optimal");
        VerificationResult verification = Verifier.requireSafe(result.output(), config.quasiIdentifierColumns(),
                config.models(), config.suppressionLimit());
        assertEquals(report.suppressed(), verification.suppressed());
        return report;
    }
}
