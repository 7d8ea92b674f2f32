import type { JobPhase, JobRecordUpdate, JobRecords } from '../salesforce/jobRecords';
import { nowIso } from '../salesforce/jobRecords';

/** Writes progress to the job record at most every `intervalMs` (not per lead), plus on every phase change. */
export class ProgressReporter {
    private lastWrite = 0;
    private lastPhase: JobPhase | undefined;

    constructor(
        private readonly records: JobRecords,
        private readonly jobId: string,
        private readonly intervalMs: number
    ) {}

    /** Records a write made elsewhere (the claim), so the next report of the same phase waits its turn. */
    markWritten(phase: JobPhase): void {
        this.lastWrite = Date.now();
        this.lastPhase = phase;
    }

    /** Writes when the phase changed or the interval passed; `build` is only called when a write is due. */
    async report(phase: JobPhase, build: () => Promise<JobRecordUpdate> | JobRecordUpdate, force = false): Promise<void> {
        const due = force || phase !== this.lastPhase || Date.now() - this.lastWrite >= this.intervalMs;
        if (!due) {
            return;
        }
        const fields = await build();
        await this.records.update(this.jobId, { ...fields, Phase__c: phase, Progress_Updated_At__c: nowIso() });
        this.lastWrite = Date.now();
        this.lastPhase = phase;
    }
}
