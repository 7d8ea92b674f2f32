import type { Db, SqlClient } from './db';
import type { NewOutboxMessage } from './outboxRepo';

export interface NewNotificationEvent {
    dedupeKey: string;
    kind: string;
    recipientId: string;
    jobId?: string | null;
    happenedAt: string;
    item: unknown;
}

export interface StoredNotificationEvent {
    id: number;
    kind: string;
    recipient_id: string;
    job_id: string | null;
    happened_at: Date;
    item: unknown;
    created_at: Date;
}

export interface PendingGroup {
    recipientId: string;
    kind: string;
    /** When the oldest waiting event was recorded: a window starts there. */
    firstAt: Date;
    count: number;
}

/** The waiting events of one recipient and kind. */
export interface EventGroup {
    recipientId: string;
    kind: string;
}

/** One message made of some of a group's events. */
export interface ComposedMessage {
    message: NewOutboxMessage;
    eventIds: number[];
}

/** The events waiting to be told and the read positions in the org; see migration 006. */
export class NotificationsRepo {
    constructor(private readonly db: Db) {}

    /** Records events; one already recorded (same dedupe key) is skipped. Returns how many were new. */
    async record(events: NewNotificationEvent[], tx: SqlClient = this.db): Promise<number> {
        let added = 0;
        for (let i = 0; i < events.length; i += 500) {
            const chunk = events.slice(i, i + 500);
            const result = await tx.query(
                `INSERT INTO notification_events (dedupe_key, kind, recipient_id, job_id, happened_at, item)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
                 ON CONFLICT (dedupe_key) DO NOTHING`,
                [
                    chunk.map((e) => e.dedupeKey),
                    chunk.map((e) => e.kind),
                    chunk.map((e) => e.recipientId),
                    chunk.map((e) => e.jobId ?? null),
                    chunk.map((e) => e.happenedAt),
                    chunk.map((e) => JSON.stringify(e.item))
                ]
            );
            added += result.rowCount;
        }
        return added;
    }

    /** Records events and moves a watermark in one transaction: a crash leaves both as they were. */
    async recordWithWatermark(events: NewNotificationEvent[], source: string, value: unknown): Promise<number> {
        return this.db.transaction(async (tx) => {
            const added = await this.record(events, tx);
            await tx.query(
                `INSERT INTO notification_watermarks (source, value) VALUES ($1, $2::jsonb)
                 ON CONFLICT (source) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
                [source, JSON.stringify(value)]
            );
            return added;
        });
    }

    async watermark<T>(source: string): Promise<T | undefined> {
        const row = (
            await this.db.query<{ value: T }>('SELECT value FROM notification_watermarks WHERE source = $1', [source])
        ).rows[0];
        return row?.value;
    }

    async pendingGroups(): Promise<PendingGroup[]> {
        const rows = await this.db.query<{ recipient_id: string; kind: string; first_at: Date; n: string }>(
            `SELECT recipient_id, kind, min(created_at) AS first_at, count(*) AS n FROM notification_events
              WHERE state = 'pending' GROUP BY recipient_id, kind ORDER BY min(created_at)`
        );
        return rows.rows.map((row) => ({
            recipientId: row.recipient_id,
            kind: row.kind,
            firstAt: new Date(row.first_at),
            count: Number(row.n)
        }));
    }

    /**
     * Turns the waiting events of many recipients and kinds into outbox messages in one transaction:
     * `build` gets each group's events (locked, so a second instance composing at once gets none) and
     * returns the messages made of them, each naming its events; events named by no message stay
     * waiting. Returns how many messages went into the outbox.
     */
    async batchIntoOutbox(
        groups: readonly EventGroup[],
        build: (group: EventGroup, events: StoredNotificationEvent[]) => ComposedMessage[]
    ): Promise<number> {
        if (groups.length === 0) {
            return 0;
        }
        return this.db.transaction(async (tx) => {
            const rows = (
                await tx.query<StoredNotificationEvent>(
                    `SELECT id, kind, recipient_id, job_id, happened_at, item, created_at FROM notification_events
                      WHERE state = 'pending' AND (recipient_id, kind) IN (SELECT * FROM unnest($1::text[], $2::text[]))
                      ORDER BY happened_at, id FOR UPDATE SKIP LOCKED`,
                    [groups.map((g) => g.recipientId), groups.map((g) => g.kind)]
                )
            ).rows.map((row) => ({ ...row, id: Number(row.id) }));
            const byGroup = new Map<string, StoredNotificationEvent[]>();
            for (const row of rows) {
                const key = `${row.recipient_id}\u0000${row.kind}`;
                const events = byGroup.get(key);
                if (events) events.push(row);
                else byGroup.set(key, [row]);
            }
            const composed = groups.flatMap((group) => {
                const events = byGroup.get(`${group.recipientId}\u0000${group.kind}`);
                return events ? build(group, events) : [];
            });
            if (composed.length === 0) {
                return 0;
            }
            const messages = composed.map((c) => c.message);
            const inserted = await tx.query<{ id: number; dedupe_key: string }>(
                `INSERT INTO outbox (dedupe_key, job_id, recipient_id, recipient_email, subject, body, html, headers, kind, language)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
                 RETURNING id, dedupe_key`,
                [
                    messages.map((m) => m.dedupeKey),
                    messages.map((m) => m.jobId ?? null),
                    messages.map((m) => m.recipientId),
                    messages.map((m) => m.recipientEmail),
                    messages.map((m) => m.subject),
                    messages.map((m) => m.body),
                    messages.map((m) => m.html ?? null),
                    messages.map((m) => JSON.stringify(m.headers ?? {})),
                    messages.map((m) => m.kind ?? 'lead_digest'),
                    messages.map((m) => m.language ?? null)
                ]
            );
            const outboxIds = new Map(inserted.rows.map((row) => [row.dedupe_key, Number(row.id)]));
            const eventIds = composed.flatMap((c) => c.eventIds);
            await tx.query(
                `UPDATE notification_events e SET state = 'batched', outbox_id = u.outbox_id
                   FROM unnest($1::bigint[], $2::bigint[]) AS u(event_id, outbox_id) WHERE e.id = u.event_id`,
                [eventIds, composed.flatMap((c) => c.eventIds.map(() => outboxIds.get(c.message.dedupeKey)!))]
            );
            return composed.length;
        });
    }

    /** Marks the waiting events of one recipient (all kinds, or one) as not sent, and why. */
    async skip(recipientId: string, kind: string | undefined, reason: string): Promise<number> {
        return (
            await this.db.query(
                `UPDATE notification_events SET state = 'skipped', skip_reason = $3 WHERE state = 'pending' AND recipient_id = $1 AND ($2::text IS NULL OR kind = $2)`,
                [recipientId, kind ?? null, reason]
            )
        ).rowCount;
    }

    /** Events per state and skip reason, optionally of one job: what the job API shows. */
    async countByState(jobId?: string): Promise<Array<{ state: string; reason: string | null; count: number }>> {
        const rows = await this.db.query<{ state: string; skip_reason: string | null; n: string }>(
            `SELECT state, skip_reason, count(*) AS n FROM notification_events WHERE ($1::text IS NULL OR job_id = $1) GROUP BY state, skip_reason ORDER BY state`,
            [jobId ?? null]
        );
        return rows.rows.map((row) => ({ state: row.state, reason: row.skip_reason, count: Number(row.n) }));
    }
}
