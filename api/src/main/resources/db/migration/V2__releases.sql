-- tipx schema, version 2: releases. Same rules as V1 (syntax that both H2 in PostgreSQL mode and
-- PostgreSQL 14+ accept, no reserved words as names). TEXT is H2's CHARACTER LARGE OBJECT and
-- PostgreSQL's text (up to 1 GB): both hold a million-person microdata file and read it back as a stream.
-- A release is immutable: nothing updates or deletes these rows, and the extracts and records it names
-- are never deleted either, so its records stay exactly those it was built from.

CREATE TABLE release (
    -- Readable and sortable within a day: YYYY-MM-DD.N (UTC date of creation, N from 1).
    id         VARCHAR(40)              NOT NULL PRIMARY KEY,
    -- Creation order across days, for "newest first" and "latest" (ids sort as text, so .10 < .9).
    ordinal    BIGINT                   GENERATED ALWAYS AS IDENTITY,
    created    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The manifest as published (JSON text): inputs, counts, every SDC parameter.
    manifest   TEXT                     NOT NULL,
    -- The k-anonymised microdata as published (CSV text, UTF-8 when served).
    microdata  TEXT                     NOT NULL,
    CONSTRAINT release_ordinal UNIQUE (ordinal)
);

-- The extracts a release was built from, in manifest order (agency id, then period). Its records are
-- the records of these extracts, read in this order.
CREATE TABLE release_extract (
    release_id        VARCHAR(40) NOT NULL REFERENCES release (id),
    extract_position  INTEGER     NOT NULL,
    extract_id        VARCHAR(40) NOT NULL REFERENCES extract (id),
    PRIMARY KEY (release_id, extract_position),
    CONSTRAINT release_extract_once UNIQUE (release_id, extract_id)
);
