-- Notifications to send. dedupe_key makes "one email per event" hold across restarts and instances.
CREATE TABLE outbox (
    id               bigserial   PRIMARY KEY,
    dedupe_key       text        NOT NULL UNIQUE,
    job_id           text        NOT NULL,
    recipient_id     text        NOT NULL,
    recipient_email  text        NOT NULL,
    subject          text        NOT NULL,
    body             text        NOT NULL,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    claimed_by       text,
    lease_until      timestamptz,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
