package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fifteen quasi-identifiers: a lattice beyond ARX's 100,000-node limit for optimal search. */
class LargeLatticeTest {
    private static final int QIS = 15;

    private static Dataset data(List<Hierarchy> hierarchies, Random random) {
        List<String> columns = new ArrayList<>();
        for (int q = 0; q < QIS; q++) {
            columns.add("q" + q);
        }
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            String[] row = new String[QIS];
            for (int q = 0; q < QIS; q++) {
                Hierarchy hierarchy = hierarchies.get(q);
                row[q] = hierarchy.leaves().get(RandomTables.skewed(random, hierarchy.leafCount()));
            }
            rows.add(row);
        }
        return Dataset.of(columns, rows);
    }

    private static AnonymizationConfig.Builder config(List<Hierarchy> hierarchies) {
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        for (int q = 0; q < QIS; q++) {
            builder.quasiIdentifier("q" + q, hierarchies.get(q));
        }
        return builder.model(new PrivacyModel.KAnonymity(3)).suppressionLimit(0.04);
    }

    private static List<Hierarchy> hierarchies(Random random) {
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (int q = 0; q < QIS; q++) {
            hierarchies.add(RandomTables.hierarchy(random, "v" + q + "_", 3 + random.nextInt(4), 3 + q % 2, true));
        }
        return hierarchies;
    }

    @Test
    void fifteenQuasiIdentifiers_hardData_nodeBudgetIsRespectedAndOptimalityNotClaimed() {
        Random random = new Random(15);
        List<Hierarchy> hierarchies = hierarchies(random);
        Dataset data = data(hierarchies, random);
        long budget = 300;

        AnonymizationResult result = Anonymizer.anonymize(data, config(hierarchies).nodeBudget(budget).build());

        AnonymizationReport report = result.report();
        assertTrue(report.latticeSize() > 100_000, "lattice of " + report.latticeSize());
        assertTrue(report.nodesChecked() <= budget + 1, "checked " + report.nodesChecked());
        assertFalse(report.optimal(), "400 random records over 15 attributes cannot be settled in 300 nodes");
        Verifier.requireSafe(result.output(), config(hierarchies).build().quasiIdentifierColumns(),
                List.of(new PrivacyModel.KAnonymity(3)), 0.04);
    }

    @Test
    void fifteenQuasiIdentifiers_timeBudget_stopsAndReportsNotOptimal() {
        Random random = new Random(17);
        List<Hierarchy> hierarchies = hierarchies(random);
        Dataset data = data(hierarchies, random);

        AnonymizationResult result = Anonymizer.anonymize(data, config(hierarchies)
                .timeBudget(Duration.ofMillis(200)).build());

        assertFalse(result.report().optimal());
        Verifier.requireSafe(result.output(), config(hierarchies).build().quasiIdentifierColumns(),
                List.of(new PrivacyModel.KAnonymity(3)), 0.04);
    }

    @Test
    void fifteenQuasiIdentifiers_easyData_optimumProvenWithinBudget() {
        Random random = new Random(18);
        List<Hierarchy> hierarchies = hierarchies(random);
        // 25 distinct profiles, 16 copies each: already 3-anonymous untouched, so the bottom is optimal.
        Dataset profiles = data(hierarchies, random);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 400; r++) {
            String[] row = new String[QIS];
            for (int q = 0; q < QIS; q++) {
                row[q] = profiles.get(r % 25, q);
            }
            rows.add(row);
        }
        Dataset data = Dataset.of(profiles.columns(), rows);

        AnonymizationResult result = Anonymizer.anonymize(data, config(hierarchies).nodeBudget(1_000).build());

        AnonymizationReport report = result.report();
        assertTrue(report.optimal());
        assertEquals(0.0, report.loss(), 1e-12);
        assertTrue(report.levels().values().stream().allMatch(level -> level == 0));
        assertTrue(report.nodesChecked() <= 1_000);
    }

    @Test
    void fifteenQuasiIdentifiers_tinyNodeBudget_stillReturnsASafeOutput() {
        Random random = new Random(16);
        List<Hierarchy> hierarchies = hierarchies(random);
        Dataset data = data(hierarchies, random);

        AnonymizationResult result = Anonymizer.anonymize(data, config(hierarchies).nodeBudget(1)
                .timeBudget(Duration.ofMinutes(1)).build());

        assertTrue(!result.report().optimal() || result.report().nodesChecked() <= 2);
        Verifier.requireSafe(result.output(), config(hierarchies).build().quasiIdentifierColumns(),
                List.of(new PrivacyModel.KAnonymity(3)), 0.04);
    }
}
