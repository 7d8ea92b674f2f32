import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/serviceConfig';
import { JobRecords, nowIso, type JobRecord, type JobStatus } from '../salesforce/jobRecords';
import { isTransientError, type OrgClient } from '../salesforce/orgClient';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import { StoreUnavailableError, type Db } from '../store/db';
import type { Repos } from '../store/repos';
import { LeaseLostError, type TaskKind, type TaskRow } from '../store/tasksRepo';
import { BadInputError, CancelledError, ShuttingDownError } from './errors';
import { finishCancelled } from './finishPhase';
import type { TaskOutcome } from './jobModel';
import { queueJobFinished } from './notifyPhase';
import { revertJob } from './revertPhase';
import { runJob } from './runJob';
import { TaskContext } from './taskContext';

export interface RunnerDeps {
    client: OrgClient;
    db: Db;
    repos: Repos;
    config: ServiceConfig;
    logger: Logger;
    metrics: ServiceMetrics;
    instance: string;
    /** Tasks run at once by this instance. */
    maxConcurrent?: number;
}

/**
 * A running job record without a progress write for this long has lost its instance: a live one
 * writes at least every minute (ProgressReporter's keepalive), and the console calls it stale after 5.
 */
export const ABANDONED_AFTER_MS = 5 * 60_000;

/** How often a poll also looks for abandoned records (an API call of its own). */
const ABANDONED_CHECK_MS = 60_000;

/** Claims more than this many times without finishing = the task itself keeps failing. */
const MAX_CLAIMS = 5;

const FINAL_STATUS: Record<string, JobStatus> = {
    Completed: 'Completed',
    Failed: 'Failed',
    Cancelled: 'Cancelled',
    Reverted: 'Reverted'
};

function inputOf(record: JobRecord): Record<string, unknown> {
    const {
        Id,
        Name,
        Dry_Run__c,
        Notify_Owners__c,
        Source_Type__c,
        Source_Owner__c,
        Filter_Statuses__c,
        Filter_Min_Age_Days__c,
        Filter_Countries__c,
        Target_Type__c,
        Target__c
    } = record;
    return {
        Id,
        Name,
        Dry_Run__c,
        Notify_Owners__c,
        Source_Type__c,
        Source_Owner__c,
        Filter_Statuses__c,
        Filter_Min_Age_Days__c,
        Filter_Countries__c,
        Target_Type__c,
        Target__c
    };
}

/**
 * Finds job records in the org (SOQL poll; no streaming subscription), records them as local
 * tasks, claims tasks exactly once through the store (FOR UPDATE SKIP LOCKED + lease), marks the
 * record Running with Claimed_By__c, and runs them.
 */
export class JobRunner {
    private readonly records: JobRecords;
    private readonly active = new Map<string, TaskContext>();
    private readonly running = new Set<Promise<void>>();
    /** Records read by the last poll, so a task claimed right after needs no second read. */
    private readonly seen = new Map<string, JobRecord>();
    private timer: NodeJS.Timeout | undefined;
    private ticking: Promise<void> | undefined;
    private stopped = false;
    private lastAbandonedCheck = 0;
    lastPollOk: Date | undefined;

    constructor(private readonly deps: RunnerDeps) {
        this.records = new JobRecords(deps.client);
    }

    start(): void {
        const loop = () => {
            if (this.stopped) return;
            void this.tick().finally(() => {
                if (!this.stopped) {
                    this.timer = setTimeout(loop, this.deps.config.jobs.pollIntervalMs);
                }
            });
        };
        loop();
    }

    /** One poll: discover, then claim and start what this instance has room for. */
    tick(): Promise<void> {
        this.ticking ??= (async () => {
            try {
                await this.discover();
                this.lastPollOk = new Date();
            } catch (error) {
                this.deps.logger.error({ err: error }, 'polling job records failed');
            }
            try {
                await this.claimAndStart();
            } catch (error) {
                this.deps.logger.error({ err: error }, 'claiming tasks failed');
            }
        })().finally(() => {
            this.ticking = undefined;
        });
        return this.ticking;
    }

    /** Waits until no task runs (tests and the bench). */
    async idle(): Promise<void> {
        while (this.running.size > 0 || this.ticking) {
            await Promise.all([...this.running, this.ticking]);
        }
    }

    private async discover(): Promise<void> {
        const { tasks } = this.deps.repos;
        this.seen.clear();
        for (const record of await this.records.findActionable()) {
            this.seen.set(record.Id, record);
            const kind: TaskKind = record.Status__c === 'Revert_Requested' ? 'revert' : 'run';
            const added = await tasks.enqueue(record.Id, kind, inputOf(record));
            if (added) {
                this.deps.logger.info({ jobId: record.Id, name: record.Name, kind }, 'new job task');
            }
            if (record.Status__c === 'Cancel_Requested') {
                await tasks.requestCancel(record.Id, 'run');
                this.active.get(`${record.Id}:run`)?.requestCancel();
            }
            const task = await tasks.get(record.Id, kind);
            if (task?.state === 'done' && task.outcome) {
                await this.resync(record, task);
            }
        }
        if (Date.now() - this.lastAbandonedCheck >= ABANDONED_CHECK_MS) {
            this.lastAbandonedCheck = Date.now();
            await this.endAbandoned();
        }
    }

    /**
     * A record left Running (or Reverting) with no progress for ABANDONED_AFTER_MS, by an instance
     * whose store this service does not share (the store was lost, or the service moved from PGlite to
     * PostgreSQL), would stay Running for good: nothing here knows what it wrote. It is ended Failed
     * with what to do; a new job plans from the owners the org has now, so no lead moves twice.
     * A record whose task this store knows is left to the leases (or put back to its end, if done).
     */
    private async endAbandoned(): Promise<void> {
        const { tasks } = this.deps.repos;
        for (const record of await this.records.findAbandoned(new Date(Date.now() - ABANDONED_AFTER_MS))) {
            const kind: TaskKind = record.Status__c === 'Reverting' ? 'revert' : 'run';
            const task = await tasks.get(record.Id, kind);
            if (task) {
                if (task.state === 'done' && task.outcome) await this.resync(record, task);
                continue;
            }
            const holder = record.Claimed_By__c ? `instance ${record.Claimed_By__c}` : 'an instance';
            const what =
                kind === 'run'
                    ? 'Leads it had already moved keep their new owner. To move the rest, create a new job with the same source and target: it plans from the leads the source owns now, so no lead is moved twice.'
                    : 'Leads it had already put back keep their old owner; the others keep the owner the job gave them. Reassign those with a new job if needed.';
            const message = `Stopped: this job was left ${record.Status__c} by ${holder}, which stopped without finishing, and its store is not the one this service uses (lost, or the service moved to another store), so it cannot be resumed. ${what}`;
            await this.records.update(record.Id, {
                Status__c: 'Failed',
                Phase__c: 'Done',
                Message__c: message,
                Finished_At__c: nowIso(),
                Progress_Updated_At__c: nowIso()
            });
            this.deps.logger.warn(
                { jobId: record.Id, name: record.Name, claimedBy: record.Claimed_By__c, status: record.Status__c },
                'job left running by an instance with another store ended Failed'
            );
        }
    }

    /** The record asks for something already over (e.g. cancel after the end): put the final status back. */
    private async resync(record: JobRecord, task: TaskRow): Promise<void> {
        const note =
            record.Status__c === 'Cancel_Requested'
                ? 'The cancel came after the job had ended; use Revert to undo it. '
                : record.Status__c === 'Revert_Requested'
                  ? 'This job was already reverted. '
                  : '';
        await this.records.update(record.Id, {
            Status__c: FINAL_STATUS[task.outcome!] ?? 'Failed',
            Phase__c: 'Done',
            Message__c: `${note}${task.message ?? ''}`.slice(0, 4000)
        });
    }

    private async claimAndStart(): Promise<void> {
        const max = this.deps.maxConcurrent ?? 2;
        while (!this.stopped && this.running.size < max) {
            const task = await this.deps.repos.tasks.claimNext(this.deps.instance, this.deps.config.jobs.leaseSeconds);
            if (!task) {
                return;
            }
            const run = this.execute(task).finally(() => this.running.delete(run));
            this.running.add(run);
        }
    }

    private async execute(task: TaskRow): Promise<void> {
        const { repos, logger, instance, metrics } = this.deps;
        const log = logger.child({ jobId: task.job_id, kind: task.kind, claim: task.claim_count });
        const started = Date.now();
        const seen = this.seen.get(task.job_id);
        this.seen.delete(task.job_id);
        const record =
            seen ??
            (await this.records.get(task.job_id).catch((error: unknown) => {
                log.error({ err: error }, 'cannot read the job record');
                return null;
            }));
        if (record === null) {
            await repos.tasks.release(task.job_id, task.kind, instance);
            return;
        }
        if (!record) {
            await repos.tasks.finish(
                task.job_id,
                task.kind,
                instance,
                'Failed',
                'The job record no longer exists',
                null
            );
            return;
        }
        const ctx = new TaskContext(task, record, this.deps.client, repos, this.deps.config, instance, log, metrics);
        if (record.Status__c === 'Cancel_Requested' && task.kind === 'run') {
            ctx.requestCancel();
        }
        this.active.set(`${task.job_id}:${task.kind}`, ctx);
        ctx.startHeartbeat();
        let outcome: TaskOutcome;
        try {
            // Not awaited here: the claim travels in the same Composite Batch as the task's first lookups.
            const claim = {
                Status__c:
                    task.kind === 'run'
                        ? record.Status__c === 'Cancel_Requested'
                            ? 'Cancel_Requested'
                            : 'Running'
                        : 'Reverting',
                Phase__c: task.kind === 'run' ? 'Select' : 'Revert',
                Claimed_By__c: instance,
                ...(task.claim_count === 1 ? { Started_At__c: nowIso(), Message__c: null } : {}),
                Progress_Updated_At__c: nowIso()
            } as const;
            ctx.markClaimed(ctx.retrying('mark the job claimed', () => this.records.update(task.job_id, claim)));
            log.info('task claimed');
            outcome = task.kind === 'run' ? await runJob(ctx) : await revertJob(ctx);
        } catch (error) {
            // Whatever the failure, the claim write lands before the record's final state is written, and
            // no progress is written for a task this instance no longer works on.
            await ctx.claimWritten().catch(() => undefined);
            await ctx.progress.stop();
            const handled = await this.handleFailure(ctx, task, error, log);
            if (!handled) {
                return;
            }
            outcome = handled;
        } finally {
            ctx.stopHeartbeat();
            this.active.delete(`${task.job_id}:${task.kind}`);
        }
        await repos.tasks
            .finish(task.job_id, task.kind, instance, outcome.status, outcome.message, outcome.summary)
            .catch((error: unknown) => {
                log.error({ err: error }, 'could not record the end of the task');
            });
        if (task.kind === 'run') {
            await queueJobFinished(repos, record, outcome).catch((error: unknown) =>
                log.error({ err: error }, 'could not record the job-finished notification')
            );
        }
        metrics.tasksFinished.inc({ kind: task.kind, outcome: outcome.status });
        metrics.taskDuration.observe({ kind: task.kind }, (Date.now() - started) / 1000);
        log.info({ outcome: outcome.status, message: outcome.message }, 'task ended');
    }

    /** Turns a failure into the task's outcome, or undefined when the task goes back to be claimed again. */
    private async handleFailure(
        ctx: TaskContext,
        task: TaskRow,
        error: unknown,
        log: Logger
    ): Promise<TaskOutcome | undefined> {
        const { repos, instance } = this.deps;
        try {
            if (error instanceof LeaseLostError) {
                log.warn('lease lost; another instance carries on with the task');
                return undefined;
            }
            if (error instanceof ShuttingDownError) {
                await repos.tasks.release(task.job_id, task.kind, instance);
                log.info('task given back on shutdown');
                return undefined;
            }
            if (error instanceof StoreUnavailableError) {
                // Not the job's fault: it carries on from its last saved step once the store answers.
                log.warn({ reason: error.message }, 'task stopped: the store is unavailable; it is given back');
                await repos.tasks.release(task.job_id, task.kind, instance).catch(() => undefined);
                return undefined;
            }
            if (error instanceof CancelledError) {
                return await finishCancelled(ctx);
            }
            if (error instanceof BadInputError) {
                return await this.failTask(ctx, error.message, true);
            }
            if (isTransientError(error) && task.claim_count < MAX_CLAIMS) {
                log.warn({ err: error }, 'task stopped by a transient org error; it is claimed again at the next poll');
                await repos.tasks.release(task.job_id, task.kind, instance);
                return undefined;
            }
            log.error({ err: error }, 'task failed');
            return await this.failTask(ctx, error instanceof Error ? error.message : String(error), false);
        } catch (followUp) {
            log.error({ err: followUp, original: error }, 'could not record the failure; the task is given back');
            await repos.tasks.release(task.job_id, task.kind, instance).catch(() => undefined);
            return undefined;
        }
    }

    private async failTask(ctx: TaskContext, reason: string, badInput: boolean): Promise<TaskOutcome> {
        if (ctx.kind === 'revert') {
            const run = await this.deps.repos.tasks.get(ctx.jobId, 'run');
            const message = `Revert refused: ${reason}`;
            await ctx.writeFinal({
                Status__c: run?.outcome ? (FINAL_STATUS[run.outcome] ?? 'Failed') : 'Failed',
                Phase__c: 'Done',
                Message__c: message.slice(0, 4000),
                Progress_Updated_At__c: nowIso()
            });
            return { status: 'Failed', message, summary: { version: 1, revertError: reason } };
        }
        const moved = (await this.deps.repos.plan.countByStatus(ctx.jobId)).moved ?? 0;
        const message =
            badInput || moved === 0
                ? `Nothing was changed: ${reason}`
                : `The job stopped: ${reason}. ${moved} leads had moved; Revert undoes them.`;
        await ctx.writeFinal({
            Status__c: 'Failed',
            Phase__c: 'Done',
            Message__c: message.slice(0, 4000),
            Finished_At__c: nowIso(),
            Progress_Updated_At__c: nowIso(),
            Summary__c: JSON.stringify({ version: 1, failed: true, moved })
        });
        return { status: 'Failed', message, summary: { version: 1, error: reason, moved } };
    }

    /** Stops polling; running tasks stop at their next checkpoint and are given back. */
    async stop(): Promise<void> {
        this.stopped = true;
        clearTimeout(this.timer);
        for (const ctx of this.active.values()) {
            ctx.stop();
        }
        await this.ticking?.catch(() => undefined);
        await Promise.allSettled([...this.running]);
    }
}
