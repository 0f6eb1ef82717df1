package org.tipx.anonymizer;

import java.util.Objects;

/**
 * The anonymised records and what was done to them.
 *
 * @param output the published table: identifying columns removed, quasi-identifiers generalised, suppressed
 *               records with {@code *} in every quasi-identifier, other columns unchanged
 * @param report the chosen transformation and its quality and risk figures
 */
public record AnonymizationResult(Dataset output, AnonymizationReport report) {
    public AnonymizationResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(report, "report");
    }
}
