-- tipx schema, version 1. One script for both H2 2.x (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;
-- DEFAULT_NULL_ORDERING=HIGH) and PostgreSQL 14+: only syntax both accept.
-- Column names avoid words that H2 reserves (YEAR, ROWS, KEY, VALUE), so no identifier needs quoting.
-- No column holds a direct identifier or an agency's record_id: they never reach storage.

CREATE TABLE agency (
    id          VARCHAR(64)              NOT NULL PRIMARY KEY,
    name        VARCHAR(200)             NOT NULL,
    country     VARCHAR(2)               NOT NULL,
    type        VARCHAR(64)              NOT NULL,
    created     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per agency, written with it. The token hash lives apart from the agency row because every
-- open upload holds a key-share lock on that row (through extract's foreign key), and PostgreSQL
-- treats an update of a uniquely indexed column as a key update that waits for those locks: rotating
-- or revoking a token would stall behind every upload in progress.
CREATE TABLE agency_token (
    agency_id   VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES agency (id),
    -- Hash of the agency's active token; NULL once revoked (a unique index ignores NULLs).
    token_hash  VARCHAR(128)
);

CREATE UNIQUE INDEX agency_token_hash ON agency_token (token_hash);

CREATE TABLE extract (
    id                VARCHAR(40)              NOT NULL PRIMARY KEY,
    agency_id         VARCHAR(64)              NOT NULL REFERENCES agency (id),
    period_year       SMALLINT                 NOT NULL,
    period_quarter    SMALLINT                 NOT NULL CHECK (period_quarter BETWEEN 1 AND 4),
    media_type        VARCHAR(100)             NOT NULL,
    -- Set on commit; the row exists earlier only inside the uploading transaction.
    sha256            VARCHAR(64)              NOT NULL,
    row_count         BIGINT                   NOT NULL,
    linked_row_count  BIGINT                   NOT NULL,
    uploaded          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- TRUE for the current extract of its (agency, period), NULL once replaced. Unique constraints
    -- treat NULLs as distinct on both databases, so the constraint below allows many replaced
    -- extracts but one current one, without the partial index that H2 lacks.
    current_flag      BOOLEAN                  CHECK (current_flag),
    replaces          VARCHAR(40)              REFERENCES extract (id),
    CONSTRAINT extract_one_current UNIQUE (agency_id, period_year, period_quarter, current_flag)
);

-- One row per (agency, period) that has ever been committed: commits lock it (SELECT ... FOR UPDATE)
-- so that concurrent uploads for the same period take turns. A separate row, not the agency's, because
-- an open upload already holds a key-share lock on the agency row through its foreign key, and
-- PostgreSQL's FOR UPDATE would wait for every other open upload of that agency.
CREATE TABLE extract_period_lock (
    agency_id       VARCHAR(64) NOT NULL REFERENCES agency (id),
    period_year     SMALLINT    NOT NULL,
    period_quarter  SMALLINT    NOT NULL,
    PRIMARY KEY (agency_id, period_year, period_quarter)
);

-- No foreign key to extract: PostgreSQL checks one row by row through a trigger, which cut COPY from
-- about 240,000 to 80,000 rows/s in StoreThroughput. Integrity holds by construction instead: records
-- are written only in the transaction that creates their extract row, and extracts are never deleted.
CREATE TABLE case_record (
    extract_id                 VARCHAR(40)   NOT NULL,
    -- Upload order within the extract, from 0.
    seq                        INTEGER       NOT NULL,
    pseudonym                  VARCHAR(128)  NOT NULL,
    linked                     BOOLEAN       NOT NULL,
    record_key                 SMALLINT      NOT NULL CHECK (record_key BETWEEN 0 AND 4095),
    registration_year          SMALLINT      NOT NULL,
    registration_date          DATE,
    status                     VARCHAR(64)   NOT NULL,
    identified_by              VARCHAR(64),
    sex                        VARCHAR(64)   NOT NULL,
    age                        SMALLINT,
    age_band                   VARCHAR(64),
    minor_at_exploitation      VARCHAR(64),
    citizenship                VARCHAR(64),
    country_of_identification  VARCHAR(64)   NOT NULL,
    country_of_exploitation    VARCHAR(64),
    -- Multi-valued codes joined with ';' (the contract's CSV separator); NULL = not recorded.
    exploitation               VARCHAR(1000),
    labour_sector              VARCHAR(1000),
    sexual_exploitation_type   VARCHAR(1000),
    means_of_control           VARCHAR(1000),
    recruiter_relation         VARCHAR(1000),
    assistance                 VARCHAR(1000),
    PRIMARY KEY (extract_id, seq)
);

CREATE TABLE audit_event (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(64)              NOT NULL,
    action   VARCHAR(64)              NOT NULL,
    subject  VARCHAR(64)              NOT NULL,
    detail   VARCHAR(500)             NOT NULL
);
