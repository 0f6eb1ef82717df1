package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;

/**
 * On random small tables and hierarchies, the engine's optimum equals a brute-force search over the whole
 * lattice, its output passes the verifier, and it never suppresses more than the limit allows.
 */
class SearchMatchesBruteForceTest {

    @RepeatedTest(300)
    void randomTable_engineOptimum_equalsBruteForceMinimum(RepetitionInfo repetition) {
        Random random = new Random(7_919L * repetition.getCurrentRepetition());
        int qis = 2 + random.nextInt(3);
        int rows = 20 + random.nextInt(281);
        List<String> columns = new ArrayList<>();
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (int q = 0; q < qis; q++) {
            String column = "q" + q;
            columns.add(column);
            Hierarchy hierarchy = RandomTables.hierarchy(random, "v" + q + "_", 2 + random.nextInt(9),
                    2 + random.nextInt(3), random.nextInt(8) != 0);
            hierarchies.add(hierarchy);
            builder.quasiIdentifier(column, hierarchy);
        }
        columns.add("s");
        columns.add("id");
        builder.identifying("id");
        List<String[]> data = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String[] row = new String[qis + 2];
            for (int q = 0; q < qis; q++) {
                row[q] = hierarchies.get(q).leaves().get(RandomTables.skewed(random, hierarchies.get(q).leafCount()));
            }
            row[qis] = "s" + RandomTables.skewed(random, 4);
            row[qis + 1] = "person" + r;
            data.add(row);
        }
        Dataset dataset = Dataset.of(columns, data);
        int k = 2 + random.nextInt(4);
        builder.model(new PrivacyModel.KAnonymity(k));
        switch (random.nextInt(4)) {
            case 0 -> builder.model(new PrivacyModel.DistinctLDiversity("s", 2));
            case 1 -> builder.model(new PrivacyModel.EntropyLDiversity("s", 1.5));
            default -> { }
        }
        double limit = random.nextInt(11) / 100.0;
        builder.suppressionLimit(limit);
        builder.metric(QualityMetric.values()[random.nextInt(QualityMetric.values().length)]);
        AnonymizationConfig config = builder.build();

        List<BruteForce.NodeScore> all = BruteForce.scoreAll(dataset, config);
        BruteForce.NodeScore best = all.stream().filter(BruteForce.NodeScore::acceptable)
                .min(Comparator.comparingDouble(BruteForce.NodeScore::score)).orElse(null);
        if (best == null) {
            assertThrows(AnonymizationException.class, () -> Anonymizer.anonymize(dataset, config));
            return;
        }

        AnonymizationResult result = Anonymizer.anonymize(dataset, config);

        AnonymizationReport report = result.report();
        double tolerance = 1e-9 * Math.max(1, Math.abs(best.score()));
        assertEquals(best.score(), report.score(), tolerance, "optimum score");
        int[] levels = report.levels().values().stream().mapToInt(Integer::intValue).toArray();
        BruteForce.NodeScore chosen = BruteForce.score(dataset, config, config.quasiIdentifierColumns(),
                List.copyOf(config.quasiIdentifiers().values()), levels);
        assertTrue(chosen.acceptable(), "the chosen node " + BruteForce.describe(levels) + " is acceptable");
        assertEquals(best.score(), chosen.score(), tolerance, "the chosen node achieves the optimum");
        assertEquals(chosen.suppressed(), report.suppressed());
        assertTrue(report.optimal());
        assertTrue(report.suppressed() <= Math.floor(limit * rows + 1e-9), "suppressed within the limit");
        assertEquals(all.size(), report.latticeSize());
        VerificationResult verification = Verifier.requireSafe(result.output(), config.quasiIdentifierColumns(),
                config.models(), limit);
        assertEquals(report.suppressed(), verification.suppressed());
        assertEquals(report.classes(), verification.classes());
        assertTrue(!result.output().columns().contains("id"), "identifying column removed");
    }
}
