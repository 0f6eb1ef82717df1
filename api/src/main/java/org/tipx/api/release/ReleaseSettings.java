package org.tipx.api.release;

import java.util.Objects;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.anonymize.CaseRecordAnonymization;

/**
 * How releases are built: the k and suppression limit of the microdata, and the cell key parameters
 * pinned into every release for its tables.
 *
 * @param k                smallest equivalence class of the microdata, at least 2
 * @param suppressionLimit largest share of persons whose quasi-identifiers may all be suppressed, 0..1
 * @param protection       the p-table and threshold of the release's tables
 */
public record ReleaseSettings(int k, double suppressionLimit, ProtectionParameters protection) {

    /** k = 11 and 5 % suppression as {@link CaseRecordAnonymization}; D = 5, V = 3, js = 2, threshold 10. */
    public static final ReleaseSettings DEFAULTS = new ReleaseSettings(CaseRecordAnonymization.DEFAULT_K,
            CaseRecordAnonymization.DEFAULT_SUPPRESSION_LIMIT, ProtectionParameters.DEFAULTS);

    public ReleaseSettings {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, was " + k);
        }
        if (!(suppressionLimit >= 0 && suppressionLimit <= 1)) {
            throw new IllegalArgumentException("suppressionLimit must be in 0..1, was " + suppressionLimit);
        }
        Objects.requireNonNull(protection, "protection");
    }

    /** These settings with another k. */
    public ReleaseSettings withK(int newK) {
        return new ReleaseSettings(newK, suppressionLimit, protection);
    }
}
