import type { Logger } from 'pino';
import type { JobPhase, JobRecordUpdate, JobRecords } from '../salesforce/jobRecords';
import { nowIso } from '../salesforce/jobRecords';

type Build = () => Promise<JobRecordUpdate> | JobRecordUpdate;

/** Longest silence while a job runs: the console calls a running job stale after 5 minutes without a write. */
export const KEEPALIVE_MS = 60_000;

/**
 * Writes progress to the job record at most once every `intervalMs`, never per lead. A report that
 * comes sooner (a new phase, more leads done) waits for the interval and is then written as it stands
 * by then, so a fast phase costs no request of its own. With nothing new for KEEPALIVE_MS, the time
 * of the last progress is written again, so a long wait on Salesforce is not taken for a dead service.
 */
export class ProgressReporter {
    private lastWrite = 0;
    private lastPhase: JobPhase | undefined;
    /** Reports not yet written, the latest per phase, in the order their phases came. */
    private pending = new Map<JobPhase, Build>();
    private timer: NodeJS.Timeout | undefined;
    private writing: Promise<void> = Promise.resolve();
    private stopped = false;

    constructor(
        private readonly records: JobRecords,
        private readonly jobId: string,
        private readonly intervalMs: number,
        private readonly logger?: Logger,
        private readonly keepaliveMs = KEEPALIVE_MS
    ) {}

    /** Records a write made elsewhere (the claim), so the next report waits its turn. */
    markWritten(phase: JobPhase): void {
        this.lastWrite = Date.now();
        this.lastPhase = phase;
        this.schedule();
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
        if (Date.now() - this.lastWrite >= this.intervalMs) {
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
        const wait = this.pending.size > 0 ? this.intervalMs : Math.max(this.intervalMs, this.keepaliveMs);
        this.timer = setTimeout(() => void this.flushLogged(), Math.max(0, this.lastWrite + wait - Date.now()));
        this.timer.unref();
    }

    private flushLogged(): Promise<void> {
        return this.flush().catch((error: unknown) => this.logger?.warn({ err: error }, 'progress write failed; the next one carries on'));
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
            this.lastWrite = Date.now();
            this.lastPhase = phase;
            try {
                await this.records.update(this.jobId, { ...fields, ...(phase ? { Phase__c: phase } : {}), Progress_Updated_At__c: nowIso() });
            } finally {
                this.schedule();
            }
        });
        this.writing = run.catch(() => undefined);
        return run;
    }
}
