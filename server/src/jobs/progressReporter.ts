import type { Logger } from 'pino';
import type { JobPhase, JobRecordUpdate, JobRecords } from '../salesforce/jobRecords';
import { nowIso } from '../salesforce/jobRecords';

type Build = () => Promise<JobRecordUpdate> | JobRecordUpdate;

/** Longest silence while a job runs: the console calls a running job stale after 5 minutes without a write. */
export const KEEPALIVE_MS = 60_000;

/** Longest wait between two writes while a phase keeps reporting. */
export const MAX_INTERVAL_MS = 30_000;

export interface ProgressTiming {
    /** Shortest time between two writes (PROGRESS_INTERVAL_MS). */
    intervalMs: number;
    /** The wait doubles with each write in the same phase, up to this. */
    maxIntervalMs?: number;
    keepaliveMs?: number;
}

/**
 * Writes progress to the job record, never per lead: every few seconds when a phase starts, less
 * often as it goes on. After a write the next waits `intervalMs`, doubling with each write in the same
 * phase up to `maxIntervalMs`; a new phase starts again at `intervalMs`. A report that comes sooner
 * waits and is then written as it stands, with what earlier phases reported, so a short phase costs no
 * request of its own and a long job costs few. With nothing new for `keepaliveMs`, the time of the last
 * progress is written again, so a long wait on Salesforce is not taken for a dead service.
 */
export class ProgressReporter {
    private lastWrite = 0;
    private lastPhase: JobPhase | undefined;
    /** Writes made since the phase last changed. */
    private writesInPhase = 0;
    /** Reports not yet written, the latest per phase, in the order their phases came. */
    private pending = new Map<JobPhase, Build>();
    private timer: NodeJS.Timeout | undefined;
    private writing: Promise<void> = Promise.resolve();
    private stopped = false;
    private readonly intervalMs: number;
    private readonly maxIntervalMs: number;
    private readonly keepaliveMs: number;

    constructor(
        private readonly records: JobRecords,
        private readonly jobId: string,
        timing: ProgressTiming,
        private readonly logger?: Logger
    ) {
        this.intervalMs = timing.intervalMs;
        this.maxIntervalMs = Math.max(timing.intervalMs, timing.maxIntervalMs ?? MAX_INTERVAL_MS);
        this.keepaliveMs = Math.max(timing.intervalMs, timing.keepaliveMs ?? KEEPALIVE_MS);
    }

    /** Records a write made elsewhere (the claim), so the next report waits its turn. */
    markWritten(phase: JobPhase): void {
        this.noteWrite(phase);
        this.schedule();
    }

    private noteWrite(phase: JobPhase | undefined): void {
        this.writesInPhase = phase === this.lastPhase ? this.writesInPhase + 1 : 1;
        this.lastWrite = Date.now();
        this.lastPhase = phase;
    }

    /** How long after the last write the pending reports may be written. */
    private wait(): number {
        if (this.pending.size === 0) {
            return this.keepaliveMs;
        }
        const phase = [...this.pending.keys()].at(-1);
        if (phase !== this.lastPhase) {
            return this.intervalMs;
        }
        return Math.min(this.maxIntervalMs, this.intervalMs * 2 ** Math.max(0, this.writesInPhase - 1));
    }

    /**
     * Reports where the job is. `build` is called when the write happens (it may read the store),
     * now if the interval has passed (the caller waits for it), else when it has. A failed write is
     * logged, not thrown: progress is shown, not relied on, and the next write carries on.
     */
    async report(phase: JobPhase, build: Build): Promise<void> {
        if (this.stopped) {
            return;
        }
        this.pending.delete(phase);
        this.pending.set(phase, build);
        if (Date.now() - this.lastWrite >= this.wait()) {
            await this.flushLogged();
        } else {
            this.schedule();
        }
    }

    /** Stops reporting: the pending report is dropped, a write under way is waited for. Final writes come after this. */
    async stop(): Promise<void> {
        this.stopped = true;
        this.pending.clear();
        clearTimeout(this.timer);
        await this.writing;
    }

    private schedule(): void {
        clearTimeout(this.timer);
        if (this.stopped) {
            return;
        }
        this.timer = setTimeout(() => void this.flushLogged(), Math.max(0, this.lastWrite + this.wait() - Date.now()));
        this.timer.unref();
    }

    private flushLogged(): Promise<void> {
        return this.flush().catch((error: unknown) =>
            this.logger?.warn({ err: error }, 'progress write failed; the next one carries on')
        );
    }

    /** Writes the pending report (or, with none, a keepalive); writes never overlap. */
    private flush(): Promise<void> {
        const run = this.writing.then(async () => {
            if (this.stopped) {
                return;
            }
            const reports = [...this.pending];
            this.pending.clear();
            clearTimeout(this.timer);
            // An earlier phase's fields (the plan's total) are kept under the later phase's.
            let fields: JobRecordUpdate = {};
            for (const [, build] of reports) {
                fields = { ...fields, ...(await build()) };
            }
            const phase = reports.at(-1)?.[0] ?? this.lastPhase;
            if (this.stopped) {
                return;
            }
            this.noteWrite(phase);
            try {
                await this.records.update(this.jobId, {
                    ...fields,
                    ...(phase ? { Phase__c: phase } : {}),
                    Progress_Updated_At__c: nowIso()
                });
            } finally {
                this.schedule();
            }
        });
        this.writing = run.catch(() => undefined);
        return run;
    }
}
