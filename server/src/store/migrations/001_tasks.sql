-- One row per piece of work on a job record: its run, and later perhaps its revert.
CREATE TABLE tasks (
    job_id       text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('run', 'revert')),
    state        text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done')),
    phase        text        NOT NULL DEFAULT 'Queued',
    input        jsonb       NOT NULL,
    context      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    outcome      text,
    message      text,
    summary      jsonb,
    claimed_by   text,
    claim_count  integer     NOT NULL DEFAULT 0,
    lease_until  timestamptz,
    cancel_requested boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    PRIMARY KEY (job_id, kind)
);
CREATE INDEX tasks_claimable ON tasks (state, lease_until);
