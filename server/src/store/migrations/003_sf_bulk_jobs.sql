-- Every Bulk API 2.0 ingest job the service creates, stored before data is uploaded,
-- so that a restarted service re-attaches to it instead of writing the rows again.
CREATE TABLE sf_bulk_jobs (
    sf_job_id    text        PRIMARY KEY,
    job_id       text        NOT NULL,
    task_kind    text        NOT NULL,
    round        integer     NOT NULL,
    key_from     text        NOT NULL,
    key_to       text        NOT NULL,
    row_count    integer     NOT NULL,
    state        text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'uploaded', 'done')),
    sf_state     text,
    failed_rows  integer,
    created_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz
);
CREATE INDEX sf_bulk_jobs_job ON sf_bulk_jobs (job_id, task_kind, state);
