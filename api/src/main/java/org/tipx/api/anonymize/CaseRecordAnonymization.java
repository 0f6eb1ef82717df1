package org.tipx.api.anonymize;

import java.util.Collection;
import org.tipx.anonymizer.AnonymizationConfig;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.PrivacyModel;
import org.tipx.anonymizer.QualityMetric;
import org.tipx.api.domain.CaseRecord;

/**
 * tipx's default k-anonymisation of case records: the quasi-identifiers of {@link CaseRecordTable} with the
 * hierarchies of {@link CaseRecordHierarchies}, k = {@value #DEFAULT_K}, at most {@value #DEFAULT_SUPPRESSION_LIMIT}
 * of the records suppressed, information loss as the quality metric.
 *
 * <p>k = 11 is what IOM applies to the CTDC Global Dataset it publishes for download, so a tipx release is at
 * least as protected as the public CTDC data on the same people. A 5 % suppression budget keeps totals within
 * 5 % of the truth while letting the search drop a few outliers instead of coarsening every record to reach k
 * (datasets/hierarchies/PROVENANCE.md). No time budget: the case-record lattice has 27,648 transformations, so
 * the search is always run to its proven optimum. Stateless; thread-safe.
 */
public final class CaseRecordAnonymization {

    /** Smallest equivalence class size of a release (CTDC's k). */
    public static final int DEFAULT_K = 11;
    /** Largest share of records that may be suppressed. */
    public static final double DEFAULT_SUPPRESSION_LIMIT = 0.05;

    private CaseRecordAnonymization() {
    }

    /** The default configuration over the given hierarchies. */
    public static AnonymizationConfig defaultConfig(CaseRecordHierarchies hierarchies) {
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        hierarchies.byColumn().forEach(builder::quasiIdentifier);
        return builder.model(new PrivacyModel.KAnonymity(DEFAULT_K))
                .suppressionLimit(DEFAULT_SUPPRESSION_LIMIT)
                .metric(QualityMetric.LOSS)
                .build();
    }

    /** The records as a {@link CaseRecordTable}, anonymised with {@link #defaultConfig} over the default hierarchies. */
    public static AnonymizationResult anonymize(Collection<CaseRecord> records) {
        return Anonymizer.anonymize(CaseRecordTable.of(records), defaultConfig(CaseRecordHierarchies.load()));
    }
}
