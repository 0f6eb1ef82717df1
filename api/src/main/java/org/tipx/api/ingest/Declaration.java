package org.tipx.api.ingest;

/**
 * What the uploader says the extract holds. An extract without any record is refused unless the agency
 * declares that it had no cases in the quarter: otherwise an export that lost its rows (a filter left on,
 * the template sent by mistake) would replace the agency's real extract without anyone noticing.
 */
public enum Declaration {
    /** The usual upload: the extract holds at least one record. */
    RECORDS,
    /** The agency had no cases in the quarter: the extract is a CSV header alone, or an empty NDJSON body. */
    NO_CASES
}
