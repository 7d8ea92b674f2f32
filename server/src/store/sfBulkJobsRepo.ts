import type { Db } from './db';
import type { TaskKind } from './tasksRepo';

export interface SfBulkJobRow {
    sf_job_id: string;
    job_id: string;
    task_kind: TaskKind;
    round: number;
    key_from: string;
    key_to: string;
    row_count: number;
    state: 'open' | 'uploaded' | 'done';
    sf_state: string | null;
    failed_rows: number | null;
}

/** The Salesforce Bulk API 2.0 ingest jobs of each task: stored before upload, so a restart re-attaches. */
export class SfBulkJobsRepo {
    constructor(private readonly db: Db) {}

    async record(
        row: Pick<SfBulkJobRow, 'sf_job_id' | 'job_id' | 'task_kind' | 'round' | 'key_from' | 'key_to' | 'row_count'>
    ): Promise<void> {
        await this.db.query(
            `INSERT INTO sf_bulk_jobs (sf_job_id, job_id, task_kind, round, key_from, key_to, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [row.sf_job_id, row.job_id, row.task_kind, row.round, row.key_from, row.key_to, row.row_count]
        );
    }

    async markUploaded(sfJobId: string): Promise<void> {
        await this.db.query(`UPDATE sf_bulk_jobs SET state = 'uploaded' WHERE sf_job_id = $1 AND state = 'open'`, [
            sfJobId
        ]);
    }

    async markDone(sfJobId: string, sfState: string, failedRows: number): Promise<void> {
        await this.db.query(
            `UPDATE sf_bulk_jobs SET state = 'done', sf_state = $2, failed_rows = $3, finished_at = now() WHERE sf_job_id = $1`,
            [sfJobId, sfState, failedRows]
        );
    }

    /** Jobs not yet done (a previous instance died while they ran), oldest first. */
    async unfinished(jobId: string, kind: TaskKind): Promise<SfBulkJobRow[]> {
        return (
            await this.db.query<SfBulkJobRow>(
                `SELECT * FROM sf_bulk_jobs WHERE job_id = $1 AND task_kind = $2 AND state <> 'done' ORDER BY created_at, sf_job_id`,
                [jobId, kind]
            )
        ).rows;
    }

    async list(jobId: string): Promise<SfBulkJobRow[]> {
        return (
            await this.db.query<SfBulkJobRow>(
                'SELECT * FROM sf_bulk_jobs WHERE job_id = $1 ORDER BY created_at, sf_job_id',
                [jobId]
            )
        ).rows;
    }

    async maxRound(jobId: string, kind: TaskKind): Promise<number> {
        const row = (
            await this.db.query<{ r: number | null }>(
                'SELECT max(round) AS r FROM sf_bulk_jobs WHERE job_id = $1 AND task_kind = $2',
                [jobId, kind]
            )
        ).rows[0];
        return row?.r ?? 0;
    }
}
