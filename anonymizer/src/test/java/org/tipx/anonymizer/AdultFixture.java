package org.tipx.anonymizer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** The UCI adult golden fixture: data and ARX's hierarchies from test resources. */
final class AdultFixture {
    static final List<String> QUASI_IDENTIFIERS = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation", "salary-class");

    private AdultFixture() {
    }

    static Path directory() {
        try {
            return Path.of(AdultFixture.class.getResource("/adult/adult.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset data() {
        return Dataset.readCsv(directory().resolve("adult.csv"), ';');
    }

    static AnonymizationConfig.Builder config(int k, double suppression) {
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        for (String column : QUASI_IDENTIFIERS) {
            builder.quasiIdentifier(column,
                    Hierarchy.fromCsv(directory().resolve("adult_hierarchy_" + column + ".csv"), ';'));
        }
        return builder.model(new PrivacyModel.KAnonymity(k)).suppressionLimit(suppression)
                .metric(QualityMetric.LOSS);
    }
}
