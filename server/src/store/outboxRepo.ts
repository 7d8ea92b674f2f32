import type { Db } from './db';

export interface OutboxMessage {
    id: number;
    dedupe_key: string;
    job_id: string | null;
    recipient_id: string;
    recipient_email: string;
    subject: string;
    body: string;
    html: string | null;
    headers: Record<string, string>;
    kind: string;
    state: 'pending' | 'sending' | 'sent' | 'failed';
    attempts: number;
}

export interface NewOutboxMessage {
    dedupeKey: string;
    jobId?: string | null;
    recipientId: string;
    recipientEmail: string;
    subject: string;
    /** Plain text part. */
    body: string;
    html?: string | null;
    headers?: Record<string, string>;
    kind?: string;
    language?: string | null;
}

/** Notifications waiting to be sent; a dedupe key per event keeps every event to one email. */
export class OutboxRepo {
    constructor(private readonly db: Db) {}

    /** Adds messages; one whose dedupe key is already there is skipped (restart, second instance). */
    async add(messages: NewOutboxMessage[]): Promise<number> {
        let added = 0;
        for (const m of messages) {
            const result = await this.db.query(
                `INSERT INTO outbox (dedupe_key, job_id, recipient_id, recipient_email, subject, body, html, headers, kind, language)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (dedupe_key) DO NOTHING`,
                [
                    m.dedupeKey,
                    m.jobId ?? null,
                    m.recipientId,
                    m.recipientEmail,
                    m.subject,
                    m.body,
                    m.html ?? null,
                    JSON.stringify(m.headers ?? {}),
                    m.kind ?? 'lead_digest',
                    m.language ?? null
                ]
            );
            added += result.rowCount;
        }
        return added;
    }

    /**
     * Claims due messages for sending. A message claimed by an instance that died becomes due again
     * after its lease; the SMTP send is the only step that could repeat, and only in that window.
     */
    async claimDue(instance: string, limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
        return this.db.transaction(async (tx) => {
            const due = await tx.query<{ id: number }>(
                `SELECT id FROM outbox
                  WHERE (state = 'pending' AND next_attempt_at <= now()) OR (state = 'sending' AND lease_until < now())
                  ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
                [limit]
            );
            if (due.rows.length === 0) {
                return [];
            }
            return (
                await tx.query<OutboxMessage>(
                    `UPDATE outbox SET state = 'sending', claimed_by = $2, lease_until = now() + make_interval(secs => $3), attempts = attempts + 1
                      WHERE id = ANY($1::bigint[]) RETURNING *`,
                    [due.rows.map((row) => row.id), instance, leaseSeconds]
                )
            ).rows.map((row) => ({ ...row, id: Number(row.id) }));
        });
    }

    /** Records messages the server accepted; recording one twice changes nothing. */
    async markSent(ids: readonly number[]): Promise<void> {
        await this.db.query(
            `UPDATE outbox SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
              WHERE id = ANY($1::bigint[]) AND state <> 'sent'`,
            [ids]
        );
    }

    /** A failed send goes back to pending with backoff, or to failed after `maxAttempts`. */
    async markFailed(id: number, error: string, maxAttempts: number, retryInSeconds: number): Promise<void> {
        await this.db.query(
            `UPDATE outbox SET state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END, last_error = $2, lease_until = NULL,
                    next_attempt_at = now() + make_interval(secs => $4)
              WHERE id = $1`,
            [id, error.slice(0, 1000), maxAttempts, retryInSeconds]
        );
    }

    /** A refusal that no retry can change (unknown mailbox, 5xx): failed at once, with the server's answer. */
    async markPermanentlyFailed(id: number, error: string): Promise<void> {
        await this.db.query(
            `UPDATE outbox SET state = 'failed', permanent = true, last_error = $2, lease_until = NULL WHERE id = $1`,
            [id, error.slice(0, 1000)]
        );
    }

    /** A message claimed but not sent (the daily cap was reached): due again at `at`, the attempt not counted. */
    async release(id: number, at: Date): Promise<void> {
        await this.db.query(
            `UPDATE outbox SET state = 'pending', attempts = attempts - 1, lease_until = NULL, next_attempt_at = $2 WHERE id = $1`,
            [id, at]
        );
    }

    /** Messages sent since `since`: the daily cap counts these. */
    async countSentSince(since: Date): Promise<number> {
        return Number(
            (
                await this.db.query<{ n: string }>(
                    `SELECT count(*) AS n FROM outbox WHERE state = 'sent' AND sent_at >= $1`,
                    [since]
                )
            ).rows[0]?.n ?? 0
        );
    }

    /**
     * Ends every lease (PGlite only: one process owns the folder, so a lease left behind was held by a
     * process that died). Its message was not accepted as far as the store knows, so it goes again.
     */
    async expireAllLeases(): Promise<number> {
        return (
            await this.db.query(`UPDATE outbox SET lease_until = now() - interval '1 second' WHERE state = 'sending'`)
        ).rowCount;
    }

    /** The messages that failed for good, newest first (what an operator looks at). */
    async listFailed(
        jobId?: string,
        limit = 100
    ): Promise<
        Array<{ id: number; recipient_email: string; kind: string; last_error: string | null; permanent: boolean }>
    > {
        return (
            await this.db.query<{
                id: number;
                recipient_email: string;
                kind: string;
                last_error: string | null;
                permanent: boolean;
            }>(
                `SELECT id, recipient_email, kind, last_error, permanent FROM outbox WHERE state = 'failed' AND ($1::text IS NULL OR job_id = $1) ORDER BY id DESC LIMIT $2`,
                [jobId ?? null, limit]
            )
        ).rows.map((row) => ({ ...row, id: Number(row.id) }));
    }

    async countByState(jobId?: string): Promise<Record<string, number>> {
        const rows = (
            await this.db.query<{ state: string; n: string }>(
                'SELECT state, count(*) AS n FROM outbox WHERE ($1::text IS NULL OR job_id = $1) GROUP BY state',
                [jobId ?? null]
            )
        ).rows;
        return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
    }
}
