package org.tipx.anonymizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The privacy models, resolved against the encoded columns.
 *
 * @param k             the largest k of the k-anonymity models (1 when there is none)
 * @param distinct      distinct l-diversity: sensitive index and l
 * @param entropy       entropy l-diversity: sensitive index and l
 */
record Criteria(int k, List<DistinctCheck> distinct, List<EntropyCheck> entropy) {

    record DistinctCheck(int sensitive, int l) {
    }

    record EntropyCheck(int sensitive, double l) {
    }

    static Criteria of(List<PrivacyModel> models, List<String> sensitiveColumns) {
        int k = 1;
        List<DistinctCheck> distinct = new ArrayList<>();
        List<EntropyCheck> entropy = new ArrayList<>();
        for (PrivacyModel model : models) {
            switch (model) {
                case PrivacyModel.KAnonymity m -> k = Math.max(k, m.k());
                case PrivacyModel.DistinctLDiversity m ->
                        distinct.add(new DistinctCheck(sensitiveColumns.indexOf(m.sensitiveColumn()), m.l()));
                case PrivacyModel.EntropyLDiversity m ->
                        entropy.add(new EntropyCheck(sensitiveColumns.indexOf(m.sensitiveColumn()), m.l()));
            }
        }
        return new Criteria(k, List.copyOf(distinct), List.copyOf(entropy));
    }

    /** Whether passing survives generalisation even when classes may be suppressed (see LatticeSearch). */
    boolean monotoneWithSuppression() {
        return entropy.isEmpty();
    }
}
