-- The plan of a job: stored completely before any lead changes. seq is the planning order;
-- sort_key orders the writes by new owner then lead, so an upload groups the rows of one owner
-- (fewer lock conflicts) and every chunk of a write is a sort_key range.
CREATE TABLE plan_rows (
    job_id        text    NOT NULL,
    seq           bigint  NOT NULL,
    lead_id       text    NOT NULL,
    old_owner_id  text    NOT NULL,
    new_owner_id  text,
    -- pending: to be written | unassigned: no eligible member | changed_before: owner changed before the write
    -- moved | failed | changed_after: owner changed after the write | reverted | revert_changed | revert_failed
    status        text    NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    error         text,
    sort_key      text    GENERATED ALWAYS AS (coalesce(new_owner_id, '') || '/' || lead_id) STORED,
    PRIMARY KEY (job_id, seq)
);
CREATE UNIQUE INDEX plan_rows_lead ON plan_rows (job_id, lead_id);
CREATE INDEX plan_rows_write_order ON plan_rows (job_id, status, sort_key);

-- Owners read back from the org (recheck before the write, verify after it, revert).
CREATE TABLE owner_snapshots (
    job_id    text NOT NULL,
    purpose   text NOT NULL,
    lead_id   text NOT NULL,
    owner_id  text NOT NULL
);
CREATE INDEX owner_snapshots_lookup ON owner_snapshots (job_id, purpose, lead_id);
