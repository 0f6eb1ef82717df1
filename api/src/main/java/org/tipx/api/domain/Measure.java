package org.tipx.api.domain;

/** What a protected table counts. */
public enum Measure {
    /**
     * Distinct persons: records with the same pseudonym (one person reported by several agencies,
     * or in several extracts) count once in a cell. A person lies in a cell when at least one of
     * their records does, so a person whose records disagree on a dimension (say two age bands)
     * counts once in each of those values, and once in their total.
     */
    VICTIMS,
    /** Stored records: a person reported by two agencies counts twice. */
    REGISTRATIONS
}
