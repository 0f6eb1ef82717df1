package org.tipx.anonymizer;

import java.util.Objects;

/**
 * A privacy criterion every published equivalence class must meet; classes that fail are suppressed, within
 * the configured suppression limit.
 */
public sealed interface PrivacyModel permits PrivacyModel.KAnonymity, PrivacyModel.DistinctLDiversity,
        PrivacyModel.EntropyLDiversity {

    /**
     * k-anonymity (Samarati and Sweeney, 1998): every class holds at least {@code k} records.
     *
     * @param k at least 1
     */
    record KAnonymity(int k) implements PrivacyModel {
        public KAnonymity {
            if (k < 1) {
                throw new AnonymizationException("k must be at least 1, got " + k);
            }
        }
    }

    /**
     * Distinct l-diversity (Machanavajjhala et al., 2007): every class holds at least {@code l} distinct values
     * of the sensitive column.
     */
    record DistinctLDiversity(String sensitiveColumn, int l) implements PrivacyModel {
        public DistinctLDiversity {
            Objects.requireNonNull(sensitiveColumn, "sensitiveColumn");
            if (l < 1) {
                throw new AnonymizationException("l must be at least 1, got " + l);
            }
        }
    }

    /**
     * Entropy l-diversity (Machanavajjhala et al., 2007): in every class, the entropy of the sensitive column's
     * distribution is at least ln(l).
     */
    record EntropyLDiversity(String sensitiveColumn, double l) implements PrivacyModel {
        public EntropyLDiversity {
            Objects.requireNonNull(sensitiveColumn, "sensitiveColumn");
            if (!(l >= 1.0) || Double.isInfinite(l)) {
                throw new AnonymizationException("l must be a finite number of at least 1, got " + l);
            }
        }
    }

    /** The sensitive column this model protects, if it is an l-diversity model. */
    default java.util.Optional<String> sensitiveColumnName() {
        return switch (this) {
            case KAnonymity ignored -> java.util.Optional.empty();
            case DistinctLDiversity m -> java.util.Optional.of(m.sensitiveColumn());
            case EntropyLDiversity m -> java.util.Optional.of(m.sensitiveColumn());
        };
    }
}
