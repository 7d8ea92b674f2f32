import type { Db, SqlClient } from './db';

export type TaskKind = 'run' | 'revert';

export interface TaskRow {
    job_id: string;
    kind: TaskKind;
    state: 'pending' | 'running' | 'done';
    phase: string;
    input: Record<string, unknown>;
    context: Record<string, unknown>;
    outcome: string | null;
    message: string | null;
    summary: Record<string, unknown> | null;
    claimed_by: string | null;
    claim_count: number;
    lease_until: Date | null;
    cancel_requested: boolean;
    created_at: Date;
    updated_at: Date;
    finished_at: Date | null;
}

/** Thrown when this instance no longer holds the lease of a task (another instance took it over). */
export class LeaseLostError extends Error {
    constructor(
        readonly jobId: string,
        readonly kind: TaskKind
    ) {
        super(`Lease on ${kind} of job ${jobId} was lost; another instance owns it now`);
        this.name = 'LeaseLostError';
    }
}

/** Local record of the work on each job record, with claims and leases. */
export class TasksRepo {
    constructor(private readonly db: Db) {}

    /** Records a task seen in the org; a task already known is left as it is. Returns true when new. */
    async enqueue(jobId: string, kind: TaskKind, input: Record<string, unknown>): Promise<boolean> {
        const result = await this.db.query(
            'INSERT INTO tasks (job_id, kind, input) VALUES ($1, $2, $3) ON CONFLICT (job_id, kind) DO NOTHING',
            [jobId, kind, JSON.stringify(input)]
        );
        return result.rowCount > 0;
    }

    /**
     * Claims one task that is pending, or running under an expired lease (its instance died).
     * FOR UPDATE SKIP LOCKED lets several instances claim at once without blocking or sharing a task.
     */
    async claimNext(instance: string, leaseSeconds: number): Promise<TaskRow | undefined> {
        return this.db.transaction(async (tx) => {
            const candidate = await tx.query<{ job_id: string; kind: TaskKind }>(
                `SELECT job_id, kind FROM tasks
                  WHERE state = 'pending' OR (state = 'running' AND lease_until < now())
                  ORDER BY created_at, job_id, kind
                  LIMIT 1
                  FOR UPDATE SKIP LOCKED`
            );
            const row = candidate.rows[0];
            if (!row) {
                return undefined;
            }
            const claimed = await tx.query<TaskRow>(
                `UPDATE tasks
                    SET state = 'running', claimed_by = $3, claim_count = claim_count + 1,
                        lease_until = now() + make_interval(secs => $4), updated_at = now()
                  WHERE job_id = $1 AND kind = $2
                  RETURNING *`,
                [row.job_id, row.kind, instance, leaseSeconds]
            );
            return claimed.rows[0];
        });
    }

    /** Renews the lease and reports a pending cancel; throws LeaseLostError if another instance has taken the task. */
    async heartbeat(
        jobId: string,
        kind: TaskKind,
        instance: string,
        leaseSeconds: number
    ): Promise<{ cancelRequested: boolean }> {
        const result = await this.db.query<{ cancel_requested: boolean }>(
            `UPDATE tasks SET lease_until = now() + make_interval(secs => $4)
              WHERE job_id = $1 AND kind = $2 AND claimed_by = $3 AND state = 'running'
              RETURNING cancel_requested`,
            [jobId, kind, instance, leaseSeconds]
        );
        const row = result.rows[0];
        if (!row) {
            throw new LeaseLostError(jobId, kind);
        }
        return { cancelRequested: row.cancel_requested };
    }

    /** Marks a task to be cancelled at its next checkpoint; false when there is no unfinished task. */
    async requestCancel(jobId: string, kind: TaskKind): Promise<boolean> {
        const result = await this.db.query(
            `UPDATE tasks SET cancel_requested = true, updated_at = now() WHERE job_id = $1 AND kind = $2 AND state <> 'done'`,
            [jobId, kind]
        );
        return result.rowCount > 0;
    }

    /** Saves phase and context, guarded by the claim (a fencing check on every step). */
    async saveProgress(
        jobId: string,
        kind: TaskKind,
        instance: string,
        patch: { phase?: string; context?: Record<string, unknown> },
        client: SqlClient = this.db
    ): Promise<void> {
        const result = await client.query(
            `UPDATE tasks SET phase = COALESCE($4, phase), context = COALESCE($5::jsonb, context), updated_at = now()
              WHERE job_id = $1 AND kind = $2 AND claimed_by = $3 AND state = 'running'`,
            [jobId, kind, instance, patch.phase ?? null, patch.context ? JSON.stringify(patch.context) : null]
        );
        if (result.rowCount === 0) {
            throw new LeaseLostError(jobId, kind);
        }
    }

    async finish(
        jobId: string,
        kind: TaskKind,
        instance: string,
        outcome: string,
        message: string | null,
        summary: Record<string, unknown> | null
    ): Promise<void> {
        const result = await this.db.query(
            `UPDATE tasks SET state = 'done', phase = 'Done', outcome = $4, message = $5, summary = $6::jsonb,
                    lease_until = NULL, finished_at = now(), updated_at = now()
              WHERE job_id = $1 AND kind = $2 AND claimed_by = $3 AND state = 'running'`,
            [jobId, kind, instance, outcome, message, summary ? JSON.stringify(summary) : null]
        );
        if (result.rowCount === 0) {
            throw new LeaseLostError(jobId, kind);
        }
    }

    /** Gives a task back (e.g. on shutdown) so another instance can claim it at once. */
    async release(jobId: string, kind: TaskKind, instance: string): Promise<void> {
        await this.db.query(
            `UPDATE tasks SET state = 'pending', lease_until = NULL, updated_at = now()
              WHERE job_id = $1 AND kind = $2 AND claimed_by = $3 AND state = 'running'`,
            [jobId, kind, instance]
        );
    }

    /** With PGlite only this process can hold the data folder, so leases left by a killed process are void. */
    async expireAllLeases(): Promise<number> {
        const result = await this.db.query(
            `UPDATE tasks SET lease_until = now() - interval '1 second' WHERE state = 'running'`
        );
        return result.rowCount;
    }

    async get(jobId: string, kind: TaskKind): Promise<TaskRow | undefined> {
        return (await this.db.query<TaskRow>('SELECT * FROM tasks WHERE job_id = $1 AND kind = $2', [jobId, kind]))
            .rows[0];
    }

    async listForJob(jobId: string): Promise<TaskRow[]> {
        return (await this.db.query<TaskRow>('SELECT * FROM tasks WHERE job_id = $1 ORDER BY created_at', [jobId]))
            .rows;
    }

    async list(limit: number, offset: number, state?: string): Promise<TaskRow[]> {
        return (
            await this.db.query<TaskRow>(
                `SELECT * FROM tasks WHERE ($3::text IS NULL OR state = $3) ORDER BY created_at DESC, job_id LIMIT $1 OFFSET $2`,
                [limit, offset, state ?? null]
            )
        ).rows;
    }

    async countByState(): Promise<Record<string, number>> {
        const rows = (
            await this.db.query<{ state: string; n: string }>('SELECT state, count(*) AS n FROM tasks GROUP BY state')
        ).rows;
        return Object.fromEntries(rows.map((row) => [row.state, Number(row.n)]));
    }
}
