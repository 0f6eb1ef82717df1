package org.tipx.api.ingest;

import java.util.Objects;

import org.tipx.api.domain.Period;

/**
 * Who uploads an extract and for which period.
 *
 * @param agencyId      the uploading agency, passed to the pseudonymiser
 * @param agencyCountry ISO 3166-1 alpha-2 country of the agency: the default {@code country_of_identification}
 * @param period        the reporting period the extract covers
 * @param declaration   whether the agency declares a quarter without cases
 */
public record ExtractContext(String agencyId, String agencyCountry, Period period, Declaration declaration) {

    /** An upload expected to hold records (no declaration of a quarter without cases). */
    public ExtractContext(String agencyId, String agencyCountry, Period period) {
        this(agencyId, agencyCountry, period, Declaration.RECORDS);
    }

    public ExtractContext {
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(agencyCountry, "agencyCountry");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(declaration, "declaration");
        if (agencyId.isBlank()) {
            throw new IllegalArgumentException("agency id must not be blank");
        }
    }
}
