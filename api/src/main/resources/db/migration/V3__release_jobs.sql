-- tipx schema, version 3: release jobs. Same rules as V1 and V2 (syntax that both H2 in PostgreSQL mode
-- and PostgreSQL 14+ accept, no reserved words as names).
-- POST /v1/releases queues a job and a background thread runs it; tipx release (the CLI) runs one in
-- its own process. The rows are what lets every process sharing the store build one release at a time,
-- and what a server finds at its next start when a stop interrupted a build (it marks them abandoned).
-- No row holds record contents: a failed job keeps a problem type and a text written for the client.

CREATE TABLE release_job (
    -- job- and a random UUID: ids neither reveal order nor can be guessed.
    id            VARCHAR(40)              NOT NULL PRIMARY KEY,
    -- queued -> running -> succeeded | failed; queued or running -> abandoned.
    state         VARCHAR(16)              NOT NULL,
    -- admin (POST /v1/releases), cli (tipx release), demo.
    requested_by  VARCHAR(40)              NOT NULL,
    queued        TIMESTAMP WITH TIME ZONE NOT NULL,
    started       TIMESTAMP WITH TIME ZONE,
    finished      TIMESTAMP WITH TIME ZONE,
    -- Set when the job succeeded.
    release_id    VARCHAR(40)              REFERENCES release (id),
    -- Set when it failed: the problem type (urn:tipx:problem:<problem>) and its detail.
    problem       VARCHAR(40),
    detail        VARCHAR(1000),
    -- TRUE while queued or running, NULL afterwards. The unique constraint ignores NULLs, so at most one
    -- job is under way at any time, whichever process queued it (as extract.current_flag in V1).
    active_flag   BOOLEAN                  CHECK (active_flag),
    CONSTRAINT release_job_state CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'abandoned')),
    CONSTRAINT release_job_active_while_under_way CHECK (
        (state IN ('queued', 'running') AND active_flag = TRUE)
        OR (state IN ('succeeded', 'failed', 'abandoned') AND active_flag IS NULL)),
    CONSTRAINT release_job_one_active UNIQUE (active_flag)
);
