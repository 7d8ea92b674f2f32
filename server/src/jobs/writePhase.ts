import { updateOwners, COLLECTION_SIZE, isRetryableRowError, type OwnerUpdate } from '../salesforce/collections';
import type { JobPhase } from '../salesforce/jobRecords';
import { isTransientError } from '../salesforce/orgClient';
import type { PlanStatus, RowOutcome } from '../store/planRepo';
import type { SfBulkJobRow } from '../store/sfBulkJobsRepo';
import {
    ROUTED_CSV_HEADER,
    ROUTED_EXTRA_BYTES,
    routedCsvRow,
    routedFields,
    routingStamp,
    type RoutingStamp
} from './routingEvents';
import type { TaskContext } from './taskContext';

/** What a write pass moves: rows in `working` get the owner in `ownerColumn`, ending `done` or `failed`. */
export interface WriteSpec {
    working: PlanStatus;
    done: PlanStatus;
    failed: PlanStatus;
    ownerColumn: 'new_owner_id' | 'old_owner_id';
    phase: JobPhase;
    /** Set the routing fields beside the owner (routingEvents), so the move counts as routing. */
    routed?: boolean;
}

/** Bytes a CSV row takes at most: two 18-character Ids, a comma and a newline. */
const BYTES_PER_ROW = 38;

function ownerOf(row: { new_owner_id: string | null; old_owner_id: string }, column: WriteSpec['ownerColumn']): string {
    return (column === 'new_owner_id' ? row.new_owner_id : row.old_owner_id) ?? '';
}

/**
 * The CSV of one chunk (Id,OwnerId, and the routing fields with a stamp), read from the store page by
 * page in write order. What follows the owner is the same on every line of a chunk, so the store
 * joins the lines itself (see PlanRepo.csvPages).
 */
async function* chunkCsv(
    ctx: TaskContext,
    spec: WriteSpec,
    keyFrom: string,
    keyTo: string,
    stamp?: RoutingStamp
): AsyncGenerator<string> {
    yield stamp ? ROUTED_CSV_HEADER : 'Id,OwnerId\n';
    // A routed line is "Id,OwnerId" and then the stamp's fields: the part after the owner, from the one place that writes the line.
    const lineEnd = stamp ? routedCsvRow('', '', stamp, new Date().toISOString()).slice(1) : '\n';
    yield* ctx.repos.plan.csvPages(ctx.jobId, spec.working, keyFrom, keyTo, spec.ownerColumn, lineEnd);
}

/** Progress of the write: rows settled in the store, plus `inFlight` rows Salesforce has processed in a job not settled yet. */
async function reportWrite(ctx: TaskContext, spec: WriteSpec, inFlight = 0): Promise<void> {
    await ctx.progress.report(spec.phase, async () => {
        const counts = await ctx.repos.plan.countByStatus(ctx.jobId);
        const total = ctx.state.total ?? 0;
        return {
            Processed__c: Math.min(total, (counts[spec.done] ?? 0) + (counts[spec.failed] ?? 0) + inFlight),
            Failed_Count__c: counts[spec.failed] ?? 0,
            Total__c: total
        };
    });
}

/** Waits for a stored Bulk API 2.0 job to end and applies its outcome to the plan rows. */
async function settleBulkJob(ctx: TaskContext, spec: WriteSpec, job: SfBulkJobRow): Promise<void> {
    for (;;) {
        const info = await ctx.retrying('bulk job status', () => ctx.ingest.info(job.sf_job_id));
        if (info.state === 'UploadComplete' || info.state === 'InProgress') {
            await reportWrite(ctx, spec, info.numberRecordsProcessed ?? 0);
            await ctx.pause(ctx.config.jobs.bulkPollIntervalMs);
            await ctx.checkpoint(false);
            continue;
        }
        if (info.state === 'Open') {
            // The upload never completed (the instance died during it): nothing was processed.
            await ctx.retrying('abort bulk job', () => ctx.ingest.abort(job.sf_job_id)).catch(() => undefined);
            await ctx.repos.sfJobs.markDone(job.sf_job_id, 'Aborted', 0);
            return;
        }
        if (info.state !== 'JobComplete') {
            // Failed or Aborted: its rows stay to be written; writing a row twice gives the same owner.
            ctx.logger.warn(
                { sfJobId: job.sf_job_id, state: info.state, message: info.errorMessage },
                'bulk job did not complete; its rows go to the next round'
            );
            await ctx.repos.sfJobs.markDone(job.sf_job_id, info.state, 0);
            return;
        }
        let failedRows = 0;
        let retried = 0;
        // Salesforce counts the failed rows in the job's status: with none, no results to download.
        const failedBatches = info.numberRecordsFailed === 0 ? [] : ctx.ingest.failedResults(job.sf_job_id);
        for await (const batch of failedBatches) {
            const failures: RowOutcome[] = batch.map((f) => ({
                leadId: f.id,
                ok: false,
                retryable: isRetryableRowError(f.error),
                error: f.error
            }));
            retried += failures.filter((f) => f.retryable).length;
            failedRows += failures.length;
            await ctx.repos.plan.markFailures(ctx.jobId, job.key_from, job.key_to, failures, spec.working, spec.failed);
        }
        const written = await ctx.repos.plan.settleRange(ctx.jobId, job.key_from, job.key_to, spec.working, spec.done);
        await ctx.repos.sfJobs.markDone(job.sf_job_id, info.state, failedRows);
        ctx.metrics.leadsWritten.inc({ api: 'bulk' }, written);
        ctx.metrics.rowsRetried.inc({ api: 'bulk' }, retried);
        ctx.logger.info({ sfJobId: job.sf_job_id, written, failedRows, retryable: retried }, 'bulk job settled');
        return;
    }
}

/** One round over the working rows with Bulk API 2.0 ingest jobs of at most `chunkRows` rows, one after another. */
async function bulkPass(
    ctx: TaskContext,
    spec: WriteSpec,
    round: number,
    chunkRows: number,
    stamp?: RoutingStamp
): Promise<void> {
    let after = '';
    for (;;) {
        const chunk = await ctx.repos.plan.nextChunk(ctx.jobId, spec.working, after, chunkRows);
        if (!chunk) {
            return;
        }
        await ctx.checkpoint();
        const opened = await ctx.retrying('open bulk job', () => ctx.ingest.open('Lead'));
        const row: SfBulkJobRow = {
            sf_job_id: opened.id,
            job_id: ctx.jobId,
            task_kind: ctx.kind,
            round,
            key_from: chunk.keyFrom,
            key_to: chunk.keyTo,
            row_count: chunk.rows,
            state: 'open',
            sf_state: null,
            failed_rows: null
        };
        await ctx.repos.sfJobs.record(row);
        try {
            await ctx.ingest.upload(opened.id, () => chunkCsv(ctx, spec, chunk.keyFrom, chunk.keyTo, stamp));
            await ctx.repos.sfJobs.markUploaded(opened.id);
            await ctx.retrying('close bulk job', () => ctx.ingest.close(opened.id));
        } catch (error) {
            await ctx.ingest.abort(opened.id).catch(() => undefined);
            await ctx.repos.sfJobs.markDone(opened.id, 'Aborted', 0);
            if (!isTransientError(error)) {
                throw error;
            }
            ctx.logger.warn({ err: error, sfJobId: opened.id }, 'upload failed; the chunk is sent again');
            await ctx.pause(ctx.config.jobs.retryBaseDelayMs);
            continue;
        }
        await settleBulkJob(ctx, spec, row);
        await reportWrite(ctx, spec);
        after = chunk.keyTo;
    }
}

/** One round with sObject Collections (at most 200 rows a call, one call at a time). */
async function collectionsPass(
    ctx: TaskContext,
    spec: WriteSpec,
    batchSize: number,
    stamp?: RoutingStamp
): Promise<void> {
    let after = '';
    for (;;) {
        const chunk = await ctx.repos.plan.nextChunk(ctx.jobId, spec.working, after, batchSize);
        if (!chunk) {
            return;
        }
        await ctx.checkpoint();
        const rows: OwnerUpdate[] = [];
        const fields = stamp ? routedFields(stamp, new Date().toISOString()) : undefined;
        for await (const page of ctx.repos.plan.iterateWriteOrder(
            ctx.jobId,
            spec.working,
            chunk.keyFrom,
            chunk.keyTo,
            batchSize
        )) {
            rows.push(...page.map((r) => ({ id: r.lead_id, ownerId: ownerOf(r, spec.ownerColumn), fields })));
        }
        const results = await ctx.retrying('update owners', () => updateOwners(ctx.client, rows));
        const failures: RowOutcome[] = results
            .filter((r) => !r.success)
            .map((r) => ({
                leadId: r.id,
                ok: false,
                retryable: isRetryableRowError(r.errorCode ?? ''),
                error: `${r.errorCode}:${r.message}`
            }));
        await ctx.repos.plan.markFailures(ctx.jobId, chunk.keyFrom, chunk.keyTo, failures, spec.working, spec.failed);
        const written = await ctx.repos.plan.settleRange(
            ctx.jobId,
            chunk.keyFrom,
            chunk.keyTo,
            spec.working,
            spec.done
        );
        ctx.metrics.leadsWritten.inc({ api: 'collections' }, written);
        ctx.metrics.rowsRetried.inc({ api: 'collections' }, failures.filter((f) => f.retryable).length);
        await reportWrite(ctx, spec);
        after = chunk.keyTo;
    }
}

/**
 * Writes every row in `spec.working`. First re-attaches to Bulk API 2.0 jobs a previous instance
 * left running; then rounds: the first with Bulk API 2.0 (large jobs) or sObject Collections
 * (small ones), later rounds resubmit rows that failed with a retryable error after a backoff, in
 * smaller bulk jobs, and below the collections threshold through Collections in shrinking batches.
 * Rows still failing after the last round end `failed` with Salesforce's reason.
 */
export async function writeAll(ctx: TaskContext, spec: WriteSpec): Promise<void> {
    for (const job of await ctx.repos.sfJobs.unfinished(ctx.jobId, ctx.kind)) {
        ctx.logger.info({ sfJobId: job.sf_job_id }, 're-attaching to a bulk job of a previous run');
        await settleBulkJob(ctx, spec, job);
    }
    const { collectionsBelowRows, retryRounds, retryBaseDelayMs, bulkMaxUploadBytes } = ctx.config.jobs;
    const stamp = spec.routed ? routingStamp(ctx.record, ctx.state.resolved!) : undefined;
    // A restart resumes the round it was in: only rounds that ended count against RETRY_ROUNDS.
    // (A task saved before rounds were stored resumes its last recorded Bulk API round.)
    const firstRound = ctx.state.writeRound ?? Math.max(1, await ctx.repos.sfJobs.maxRound(ctx.jobId, ctx.kind));
    for (let round = firstRound; ; round++) {
        const remaining = (await ctx.repos.plan.countByStatus(ctx.jobId))[spec.working] ?? 0;
        if (remaining === 0) {
            break;
        }
        if (round > retryRounds + 1) {
            await ctx.repos.plan.failRemaining(ctx.jobId, spec.working, spec.failed);
            break;
        }
        if (ctx.state.writeRound !== round) {
            await ctx.save(spec.phase, { writeRound: round });
        }
        if (round > 1) {
            const delay = Math.min(60_000, retryBaseDelayMs * 2 ** (round - 2));
            ctx.logger.info({ round, remaining, delay }, 'resubmitting rows that failed with a retryable error');
            await ctx.pause(delay);
        }
        await ctx.checkpoint();
        if (remaining < collectionsBelowRows || !ctx.state.bulk) {
            const size = round <= 2 ? COLLECTION_SIZE : Math.max(1, Math.floor(COLLECTION_SIZE / 2 ** (round - 2)));
            await collectionsPass(ctx, spec, size, stamp);
        } else {
            const maxRows = Math.floor(bulkMaxUploadBytes / (BYTES_PER_ROW + (stamp ? ROUTED_EXTRA_BYTES : 0)));
            const chunkRows =
                round === 1 ? maxRows : Math.max(10_000, Math.min(maxRows, Math.ceil(remaining / 2 ** (round - 1))));
            await bulkPass(ctx, spec, round, chunkRows, stamp);
        }
    }
    await reportWrite(ctx, spec);
}
