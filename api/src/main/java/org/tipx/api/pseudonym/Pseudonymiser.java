package org.tipx.api.pseudonym;

/**
 * Turns a record's direct identifiers into a keyed pseudonym and its record key. Implementations are
 * thread-safe and deterministic for a given secret.
 */
public interface Pseudonymiser {

    /**
     * The keyed pseudonym of one record's person.
     *
     * @param agencyId    the uploading agency; used only when the identifiers are too thin to link
     * @param recordId    the agency's own case id; used only when the identifiers are too thin to link
     * @param identifiers the direct identifiers as uploaded (possibly none)
     */
    Pseudonym pseudonymise(String agencyId, String recordId, DirectIdentifiers identifiers);
}
