import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/serviceConfig';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import { isTransientError, type OrgClient } from '../salesforce/orgClient';
import { BulkIngest } from '../salesforce/bulkIngest';
import { JobRecords, type JobRecord, type JobRecordUpdate } from '../salesforce/jobRecords';
import { OrgDirectory } from '../salesforce/orgDirectory';
import type { Repos } from '../store/repos';
import { LeaseLostError, type TaskKind, type TaskRow } from '../store/tasksRepo';
import { CancelledError, ShuttingDownError } from './errors';
import { ProgressReporter } from './progressReporter';
import type { TaskState } from './jobModel';

/** One claimed task and everything its phases use: org APIs, store, progress, heartbeat and cancel checks. */
export class TaskContext {
    readonly records: JobRecords;
    readonly directory: OrgDirectory;
    readonly ingest: BulkIngest;
    readonly progress: ProgressReporter;
    state: TaskState;
    private cancelRequested = false;
    private leaseLost = false;
    /** Set on shutdown (see stop()); the next checkpoint stops the task. */
    stopping = false;
    /** Aborted on shutdown, so a task waiting out a backoff or a poll interval stops at once. */
    private readonly stopSignal = new AbortController();
    private heartbeatTimer: NodeJS.Timeout | undefined;
    private claim: Promise<unknown> = Promise.resolve(null);

    constructor(
        readonly task: TaskRow,
        readonly record: JobRecord,
        readonly client: OrgClient,
        readonly repos: Repos,
        readonly config: ServiceConfig,
        readonly instance: string,
        readonly logger: Logger,
        readonly metrics: ServiceMetrics
    ) {
        this.records = new JobRecords(client);
        this.directory = new OrgDirectory(client);
        this.ingest = new BulkIngest(client);
        this.progress = new ProgressReporter(
            this.records,
            task.job_id,
            { intervalMs: config.jobs.progressIntervalMs },
            logger
        );
        this.state = { ...(task.context as TaskState) };
        this.cancelRequested = task.cancel_requested;
    }

    get jobId(): string {
        return this.task.job_id;
    }

    get kind(): TaskKind {
        return this.task.kind;
    }

    /** The write that marks the record claimed, started but not yet awaited (see claimWritten). */
    markClaimed(write: Promise<void>): void {
        this.progress.markWritten(this.kind === 'run' ? 'Select' : 'Revert');
        // Settled into a value so that a failure waits, unhandled-free, for claimWritten() to report it.
        this.claim = write.then(
            () => null,
            (error: unknown) => ({ error })
        );
    }

    /** Waits for the claim write; throws its error if it failed. */
    async claimWritten(): Promise<void> {
        const outcome = (await this.claim) as { error: unknown } | null;
        if (outcome) {
            throw outcome.error;
        }
    }

    /**
     * Writes the record's final state. Progress reporting stops first, so no late progress write can
     * land after it. `alongside` is a write that must land with it: it travels first, in the same
     * Composite Batch, which halts if it fails.
     */
    async writeFinal(fields: JobRecordUpdate, alongside?: () => Promise<unknown>): Promise<void> {
        await this.progress.stop();
        await Promise.all([alongside?.(), this.records.update(this.jobId, fields)]);
    }

    /** Renews the lease in the background while long calls (uploads, bulk polls) run. */
    startHeartbeat(): void {
        this.heartbeatTimer = setInterval(() => {
            void this.beat().catch((error: unknown) => this.logger.warn({ err: error }, 'heartbeat failed'));
        }, this.config.jobs.heartbeatSeconds * 1000);
        this.heartbeatTimer.unref();
    }

    stopHeartbeat(): void {
        clearInterval(this.heartbeatTimer);
    }

    private async beat(): Promise<void> {
        try {
            const { cancelRequested } = await this.repos.tasks.heartbeat(
                this.jobId,
                this.kind,
                this.instance,
                this.config.jobs.leaseSeconds
            );
            this.cancelRequested ||= cancelRequested;
        } catch (error) {
            if (error instanceof LeaseLostError) {
                this.leaseLost = true;
            }
            throw error;
        }
    }

    /** Between phases and batches: stop if the lease is gone or a cancel was requested. */
    async checkpoint(cancellable = true): Promise<void> {
        if (this.leaseLost) {
            throw new LeaseLostError(this.jobId, this.kind);
        }
        if (this.stopping) {
            throw new ShuttingDownError();
        }
        await this.beat();
        if (cancellable && this.cancelRequested) {
            throw new CancelledError();
        }
    }

    requestCancel(): void {
        this.cancelRequested = true;
    }

    /** Shutdown: the task stops at its next checkpoint, and a wait in progress ends now. */
    stop(): void {
        this.stopping = true;
        this.stopSignal.abort();
    }

    /** Waits `ms`, or throws ShuttingDownError as soon as the service shuts down (the task is then given back). */
    async pause(ms: number): Promise<void> {
        if (this.stopping) {
            throw new ShuttingDownError();
        }
        try {
            await sleep(ms, undefined, { signal: this.stopSignal.signal });
        } catch (error) {
            if (this.stopSignal.signal.aborted) {
                throw new ShuttingDownError();
            }
            throw error;
        }
    }

    /** Persists phase and state (guarded by the claim). */
    async save(phase: string, patch: Partial<TaskState> = {}): Promise<void> {
        this.state = { ...this.state, ...patch };
        await this.repos.tasks.saveProgress(this.jobId, this.kind, this.instance, {
            phase,
            context: this.state as Record<string, unknown>
        });
    }

    /** Calls the org again after transient failures (503, REQUEST_LIMIT_EXCEEDED, connection resets) with backoff. */
    async retrying<T>(what: string, call: () => Promise<T>, attempts = 6): Promise<T> {
        for (let attempt = 1; ; attempt++) {
            try {
                return await call();
            } catch (error) {
                if (attempt >= attempts || !isTransientError(error)) {
                    throw error;
                }
                const delay = Math.min(30_000, this.config.jobs.retryBaseDelayMs * 2 ** (attempt - 1));
                this.logger.warn({ err: error, attempt, delay }, `${what}: transient failure, retrying`);
                await this.pause(delay);
            }
        }
    }
}
