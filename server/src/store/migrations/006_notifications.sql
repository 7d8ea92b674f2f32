-- What needs telling, one row per event and recipient, before it becomes an email. The dedupe key
-- (kind, event, recipient) makes reading the same routing log entry twice add nothing; a row is
-- batched into exactly one outbox message (outbox_id) or skipped with its reason.
CREATE TABLE notification_events (
    id            bigserial   PRIMARY KEY,
    dedupe_key    text        NOT NULL UNIQUE,
    kind          text        NOT NULL,
    recipient_id  text        NOT NULL,
    job_id        text,
    happened_at   timestamptz NOT NULL,
    item          jsonb       NOT NULL,
    state         text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'batched', 'skipped')),
    outbox_id     bigint,
    skip_reason   text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_events_pending ON notification_events (state, recipient_id, kind);

-- How far each org source has been read (the routing log: its last CreatedDate and Id).
CREATE TABLE notification_watermarks (
    source      text        PRIMARY KEY,
    value       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- The outbox carries every kind of message now, not only job digests.
ALTER TABLE outbox ALTER COLUMN job_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN kind text NOT NULL DEFAULT 'lead_digest';
ALTER TABLE outbox ADD COLUMN html text;
ALTER TABLE outbox ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE outbox ADD COLUMN language text;
ALTER TABLE outbox ADD COLUMN permanent boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_sent_at ON outbox (sent_at);
