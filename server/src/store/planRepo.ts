import type { Db, SqlClient } from './db';

export type PlanStatus =
    | 'pending'
    | 'unassigned'
    | 'changed_before'
    | 'moved'
    | 'failed'
    | 'changed_after'
    | 'retry'
    | 'reverting'
    | 'reverted'
    | 'revert_changed'
    | 'revert_failed';

export interface PlanRow {
    seq: number;
    lead_id: string;
    old_owner_id: string;
    new_owner_id: string | null;
    status: PlanStatus;
    attempts: number;
    error: string | null;
    sort_key: string;
}

export interface NewPlanRow {
    leadId: string;
    oldOwnerId: string;
    newOwnerId: string | null;
}

/** Outcome of one written row, as Salesforce reported it. */
export interface RowOutcome {
    leadId: string;
    ok: boolean;
    retryable: boolean;
    error?: string;
}

/** Rows one settling UPDATE touches at most (see settleRange). */
export const SETTLE_SLICE_ROWS = 50_000;

const toRow = (row: Record<string, unknown>): PlanRow => ({ ...(row as unknown as PlanRow), seq: Number(row.seq) });

/** The stored plan of each job and the state of every row in it. */
export class PlanRepo {
    constructor(private readonly db: Db) {}

    /** Appends planned rows (one statement per batch, through unnest, on PGlite and PostgreSQL alike). */
    async insertBatch(jobId: string, firstSeq: number, rows: NewPlanRow[], client: SqlClient = this.db): Promise<void> {
        if (rows.length === 0) {
            return;
        }
        await client.query(
            `INSERT INTO plan_rows (job_id, seq, lead_id, old_owner_id, new_owner_id, status)
             SELECT $1, $2::bigint + ord - 1, lead, old_owner, new_owner,
                    CASE WHEN new_owner IS NULL THEN 'unassigned' ELSE 'pending' END
               FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(lead, old_owner, new_owner, ord)`,
            [jobId, firstSeq, rows.map((r) => r.leadId), rows.map((r) => r.oldOwnerId), rows.map((r) => r.newOwnerId)]
        );
    }

    async deleteJob(jobId: string, client: SqlClient = this.db): Promise<void> {
        await client.query('DELETE FROM plan_rows WHERE job_id = $1', [jobId]);
        await client.query('DELETE FROM owner_snapshots WHERE job_id = $1', [jobId]);
    }

    async countByStatus(jobId: string): Promise<Record<string, number>> {
        const rows = (
            await this.db.query<{ status: string; n: string }>(
                'SELECT status, count(*) AS n FROM plan_rows WHERE job_id = $1 GROUP BY status',
                [jobId]
            )
        ).rows;
        return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    }

    /** Rows per new owner and status: the per-target summary. */
    async countByTarget(jobId: string): Promise<Array<{ ownerId: string; status: string; n: number }>> {
        const rows = (
            await this.db.query<{ owner_id: string; status: string; n: string }>(
                `SELECT new_owner_id AS owner_id, status, count(*) AS n FROM plan_rows
                  WHERE job_id = $1 AND new_owner_id IS NOT NULL GROUP BY new_owner_id, status ORDER BY new_owner_id`,
                [jobId]
            )
        ).rows;
        return rows.map((row) => ({ ownerId: row.owner_id, status: row.status, n: Number(row.n) }));
    }

    /** Pages through rows in seq (planning) order, keyset-paginated so memory stays flat for millions of rows. */
    async *iterate(jobId: string, statuses: PlanStatus[] | undefined, pageSize = 10_000): AsyncGenerator<PlanRow[]> {
        let after = -1;
        for (;;) {
            const page = (
                await this.db.query<Record<string, unknown>>(
                    `SELECT seq, lead_id, old_owner_id, new_owner_id, status, attempts, error, sort_key FROM plan_rows
                      WHERE job_id = $1 AND seq > $2 AND ($3::text[] IS NULL OR status = ANY($3))
                      ORDER BY seq LIMIT $4`,
                    [jobId, after, statuses ?? null, pageSize]
                )
            ).rows.map(toRow);
            if (page.length === 0) {
                return;
            }
            yield page;
            after = page[page.length - 1]!.seq;
            if (page.length < pageSize) {
                return;
            }
        }
    }

    /** Pages through the rows of one status in write order (sort_key) within (fromKey, toKey]. */
    async *iterateWriteOrder(
        jobId: string,
        status: PlanStatus,
        fromKey: string,
        toKey: string,
        pageSize = 10_000
    ): AsyncGenerator<PlanRow[]> {
        let after = fromKey;
        for (;;) {
            const page = (
                await this.db.query<Record<string, unknown>>(
                    `SELECT seq, lead_id, old_owner_id, new_owner_id, status, attempts, error, sort_key FROM plan_rows
                      WHERE job_id = $1 AND status = $2 AND sort_key > $3 AND sort_key <= $4
                      ORDER BY sort_key LIMIT $5`,
                    [jobId, status, after, toKey, pageSize]
                )
            ).rows.map(toRow);
            if (page.length === 0) {
                return;
            }
            yield page;
            after = page[page.length - 1]!.sort_key;
            if (page.length < pageSize) {
                return;
            }
        }
    }

    /**
     * The upload CSV lines (`Id,OwnerId` then `lineEnd`) of the rows of one status within (fromKey, toKey],
     * page by page in write order. The database joins each page into one text value: one value to hand
     * over per 10,000 rows instead of eight per row (with the embedded store, decoding rows is most of a
     * page's cost).
     */
    async *csvPages(
        jobId: string,
        status: PlanStatus,
        fromKey: string,
        toKey: string,
        ownerColumn: 'new_owner_id' | 'old_owner_id',
        lineEnd: string,
        pageSize = 10_000
    ): AsyncGenerator<string> {
        let after = fromKey;
        for (;;) {
            const page = (
                await this.db.query<{ csv: string | null; last_key: string | null; n: string }>(
                    `SELECT string_agg(lead_id || ',' || coalesce(${ownerColumn}, '') || $6, '' ORDER BY sort_key) AS csv,
                            max(sort_key) AS last_key, count(*) AS n
                       FROM (SELECT lead_id, ${ownerColumn}, sort_key FROM plan_rows
                              WHERE job_id = $1 AND status = $2 AND sort_key > $3 AND sort_key <= $4
                              ORDER BY sort_key LIMIT $5) AS page`,
                    [jobId, status, after, toKey, pageSize, lineEnd]
                )
            ).rows[0];
            if (!page || page.last_key === null || page.csv === null) {
                return;
            }
            yield page.csv;
            after = page.last_key;
            if (Number(page.n) < pageSize) {
                return;
            }
        }
    }

    /** The next chunk of at most `count` rows of `status` after `afterKey` in write order, or undefined when none is left. */
    async nextChunk(
        jobId: string,
        status: PlanStatus,
        afterKey: string,
        count: number
    ): Promise<{ keyFrom: string; keyTo: string; rows: number } | undefined> {
        const result = await this.db.query<{ last_key: string | null; n: string }>(
            `SELECT max(sort_key) AS last_key, count(*) AS n FROM (
                SELECT sort_key FROM plan_rows WHERE job_id = $1 AND status = $2 AND sort_key > $3 ORDER BY sort_key LIMIT $4) AS chunk`,
            [jobId, status, afterKey, count]
        );
        const row = result.rows[0];
        if (!row || row.last_key === null) {
            return undefined;
        }
        return { keyFrom: afterKey, keyTo: row.last_key, rows: Number(row.n) };
    }

    /**
     * Records the rows Salesforce refused in a written chunk: non-retryable ones become `failedStatus`,
     * retryable ones are parked as 'retry' until settleRange puts them back to work. Safe to repeat.
     */
    async markFailures(
        jobId: string,
        keyFrom: string,
        keyTo: string,
        failures: RowOutcome[],
        working: PlanStatus,
        failedStatus: PlanStatus
    ): Promise<void> {
        if (failures.length === 0) {
            return;
        }
        await this.db.query(
            `UPDATE plan_rows p
                SET status = CASE WHEN f.retryable THEN 'retry' ELSE $7 END, attempts = p.attempts + 1, error = f.error
               FROM unnest($4::text[], $5::text[], $6::boolean[]) AS f(lead, error, retryable)
              WHERE p.job_id = $1 AND p.sort_key > $2 AND p.sort_key <= $3 AND p.lead_id = f.lead AND p.status IN ($8, 'retry')`,
            [
                jobId,
                keyFrom,
                keyTo,
                failures.map((f) => f.leadId),
                failures.map((f) => f.error ?? 'Unknown error'),
                failures.map((f) => f.retryable),
                failedStatus,
                working
            ]
        );
    }

    /**
     * After markFailures: every other working row of the chunk was written; parked rows go back to work.
     * Returns rows written. One transaction, in slices of `sliceRows` rows in write order: on the
     * embedded store one UPDATE of a million rows grew the WASM heap by 331 MB, which it never gives back.
     */
    async settleRange(
        jobId: string,
        keyFrom: string,
        keyTo: string,
        working: PlanStatus,
        done: PlanStatus,
        sliceRows = SETTLE_SLICE_ROWS
    ): Promise<number> {
        return this.db.transaction(async (tx) => {
            let written = 0;
            let after = keyFrom;
            for (;;) {
                const upTo =
                    (
                        await tx.query<{ last_key: string | null }>(
                            `SELECT max(sort_key) AS last_key FROM (
                                SELECT sort_key FROM plan_rows WHERE job_id = $1 AND sort_key > $2 AND sort_key <= $3
                                 ORDER BY sort_key LIMIT $4) AS slice`,
                            [jobId, after, keyTo, sliceRows]
                        )
                    ).rows[0]?.last_key ?? null;
                if (upTo === null) {
                    break;
                }
                const result = await tx.query(
                    `UPDATE plan_rows SET status = $5, attempts = attempts + 1, error = NULL
                      WHERE job_id = $1 AND sort_key > $2 AND sort_key <= $3 AND status = $4`,
                    [jobId, after, upTo, working, done]
                );
                written += result.rowCount;
                await tx.query(
                    `UPDATE plan_rows SET status = $4 WHERE job_id = $1 AND sort_key > $2 AND sort_key <= $3 AND status = 'retry'`,
                    [jobId, after, upTo, working]
                );
                after = upTo;
            }
            return written;
        });
    }

    /** Moves every row of one status to another (e.g. moved -> reverting). */
    async moveAll(jobId: string, from: PlanStatus, to: PlanStatus): Promise<number> {
        return (
            await this.db.query(
                'UPDATE plan_rows SET status = $3, attempts = 0, error = NULL WHERE job_id = $1 AND status = $2',
                [jobId, from, to]
            )
        ).rowCount;
    }

    /** Rows still being retried after the last round become failed with their last error. */
    async failRemaining(jobId: string, working: PlanStatus, failedStatus: PlanStatus): Promise<number> {
        const result = await this.db.query(
            `UPDATE plan_rows SET status = $3, error = COALESCE(error, 'Not written') WHERE job_id = $1 AND status = $2`,
            [jobId, working, failedStatus]
        );
        return result.rowCount;
    }

    async addSnapshot(jobId: string, purpose: string, rows: Array<{ leadId: string; ownerId: string }>): Promise<void> {
        if (rows.length === 0) {
            return;
        }
        await this.db.query(
            `INSERT INTO owner_snapshots (job_id, purpose, lead_id, owner_id)
             SELECT $1, $2, lead, owner FROM unnest($3::text[], $4::text[]) AS t(lead, owner)`,
            [jobId, purpose, rows.map((r) => r.leadId), rows.map((r) => r.ownerId)]
        );
    }

    async clearSnapshot(jobId: string, purpose: string): Promise<void> {
        await this.db.query('DELETE FROM owner_snapshots WHERE job_id = $1 AND purpose = $2', [jobId, purpose]);
    }

    /**
     * Compares rows in status `from` with a snapshot of current owners: rows whose lead now has
     * `expected` (old_owner_id or new_owner_id) keep going, rows whose lead is missing from the
     * snapshot or has another owner get `changed`. Returns how many changed.
     * `alreadyDone` (optional) marks rows whose lead already has `doneOwner` as done.
     */
    async reconcileWithSnapshot(
        jobId: string,
        purpose: string,
        from: PlanStatus,
        expected: 'old_owner_id' | 'new_owner_id',
        changed: PlanStatus,
        alreadyDone?: { ownerColumn: 'old_owner_id' | 'new_owner_id'; status: PlanStatus }
    ): Promise<number> {
        return this.db.transaction(async (tx) => {
            // Fresh statistics after a bulk load, so the planner hashes instead of looping per row.
            await tx.query('ANALYZE owner_snapshots');
            await tx.query('ANALYZE plan_rows');
            if (alreadyDone) {
                await tx.query(
                    `UPDATE plan_rows p SET status = $4 FROM owner_snapshots s
                      WHERE p.job_id = $1 AND p.status = $3 AND s.job_id = $1 AND s.purpose = $2 AND s.lead_id = p.lead_id
                        AND s.owner_id = p.${alreadyDone.ownerColumn} AND s.owner_id <> p.${expected}`,
                    [jobId, purpose, from, alreadyDone.status]
                );
            }
            const result = await tx.query(
                `UPDATE plan_rows p SET status = $4
                   FROM (SELECT p2.seq FROM plan_rows p2
                           LEFT JOIN owner_snapshots s ON s.job_id = $1 AND s.purpose = $2 AND s.lead_id = p2.lead_id AND s.owner_id = p2.${expected}
                          WHERE p2.job_id = $1 AND p2.status = $3 AND s.lead_id IS NULL) AS changed
                  WHERE p.job_id = $1 AND p.seq = changed.seq`,
                [jobId, purpose, from, changed]
            );
            await tx.query('DELETE FROM owner_snapshots WHERE job_id = $1 AND purpose = $2', [jobId, purpose]);
            return result.rowCount;
        });
    }

    /** The most frequent errors of the rows in `status`, most frequent first. */
    async topErrors(jobId: string, status: PlanStatus, limit: number): Promise<Array<{ error: string; n: number }>> {
        const rows = (
            await this.db.query<{ error: string | null; n: string }>(
                'SELECT error, count(*) AS n FROM plan_rows WHERE job_id = $1 AND status = $2 GROUP BY error ORDER BY count(*) DESC, error LIMIT $3',
                [jobId, status, limit]
            )
        ).rows;
        return rows.map((row) => ({ error: row.error ?? 'no error recorded', n: Number(row.n) }));
    }

    async listIds(jobId: string, status: PlanStatus, limit: number): Promise<string[]> {
        return (
            await this.db.query<{ lead_id: string }>(
                'SELECT lead_id FROM plan_rows WHERE job_id = $1 AND status = $2 ORDER BY seq LIMIT $3',
                [jobId, status, limit]
            )
        ).rows.map((row) => row.lead_id);
    }

    async listByOwner(jobId: string, status: PlanStatus): Promise<Array<{ ownerId: string; leadIds: string[] }>> {
        const rows = (
            await this.db.query<{ owner_id: string; leads: string[] }>(
                `SELECT new_owner_id AS owner_id, array_agg(lead_id ORDER BY seq) AS leads FROM plan_rows
                  WHERE job_id = $1 AND status = $2 AND new_owner_id IS NOT NULL GROUP BY new_owner_id ORDER BY new_owner_id`,
                [jobId, status]
            )
        ).rows;
        return rows.map((row) => ({ ownerId: row.owner_id, leadIds: row.leads }));
    }
}
