package org.tipx.anonymizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** l-diversity on adult, with salary-class as the sensitive attribute. */
class DiversityTest {
    private static final List<String> QIS = AdultFixture.QUASI_IDENTIFIERS.subList(0, 8);

    private static AnonymizationConfig config(PrivacyModel diversity, double suppression) {
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        for (String column : QIS) {
            builder.quasiIdentifier(column,
                    Hierarchy.fromCsv(AdultFixture.directory().resolve("adult_hierarchy_" + column + ".csv"), ';'));
        }
        return builder.model(new PrivacyModel.KAnonymity(5)).model(diversity).suppressionLimit(suppression).build();
    }

    @Test
    void distinctLDiversity_everyPublishedClassHasBothSalaryClasses() {
        Dataset adult = AdultFixture.data();
        AnonymizationConfig config = config(new PrivacyModel.DistinctLDiversity("salary-class", 2), 0.05);

        AnonymizationResult result = Anonymizer.anonymize(adult, config);

        Verifier.requireSafe(result.output(), QIS, config.models(), 0.05);
        assertTrue(result.report().optimal());
        assertEquals(AttributeRole.SENSITIVE, config.role("salary-class"));
        Map<List<String>, Set<String>> valuesPerClass = new HashMap<>();
        Dataset output = result.output();
        int salary = output.columnIndex("salary-class");
        for (int row = 0; row < output.size(); row++) {
            List<String> key = new java.util.ArrayList<>();
            for (String column : QIS) {
                key.add(output.get(row, output.columnIndex(column)));
            }
            if (key.stream().allMatch(Hierarchy.SUPPRESSED::equals)) {
                continue;
            }
            valuesPerClass.computeIfAbsent(key, k -> new HashSet<>()).add(output.get(row, salary));
        }
        assertEquals(result.report().classes(), valuesPerClass.size());
        valuesPerClass.values().forEach(values -> assertEquals(2, values.size()));
    }

    @Test
    void entropyLDiversity_withSuppression_outputPassesTheVerifier() {
        Dataset adult = AdultFixture.data();
        AnonymizationConfig config = config(new PrivacyModel.EntropyLDiversity("salary-class", 1.5), 0.02);

        AnonymizationResult result = Anonymizer.anonymize(adult, config);

        VerificationResult verification = Verifier.requireSafe(result.output(), QIS, config.models(), 0.02);
        assertEquals(result.report().suppressed(), verification.suppressed());
        assertTrue(result.report().suppressed() <= config.maxSuppressed(adult.size()));
    }
}
