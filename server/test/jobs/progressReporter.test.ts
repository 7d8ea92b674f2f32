import { setTimeout as sleep } from 'node:timers/promises';
import { ProgressReporter } from '../../src/jobs/progressReporter';
import type { JobRecordUpdate, JobRecords } from '../../src/salesforce/jobRecords';

/** A job record that keeps every write made to it, with the time it was made. */
function recordingRecords(delayMs = 0) {
    const writes: Array<{ at: number; fields: JobRecordUpdate }> = [];
    const records = {
        async update(_id: string, fields: JobRecordUpdate): Promise<void> {
            await sleep(delayMs);
            writes.push({ at: Date.now(), fields });
        }
    } as unknown as JobRecords;
    return { records, writes };
}

const withoutTime = (fields: JobRecordUpdate) => {
    const { Progress_Updated_At__c: at, ...rest } = fields;
    expect(typeof at).toBe('string');
    return rest;
};

describe('progress written to the job record', () => {
    test('given reports faster than the interval, when the interval passes, then one write carries the latest phase and what each phase reported', async () => {
        const { records, writes } = recordingRecords();
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 200 });
        progress.markWritten('Select');

        await progress.report('Plan', () => ({ Total__c: 10, Processed__c: 4 }));
        await progress.report('Plan', () => ({ Total__c: 10, Processed__c: 10, Unassigned_Count__c: 1 }));
        await progress.report('Write', () => ({ Processed__c: 0 }));
        expect(writes).toHaveLength(0);

        await sleep(350);
        expect(writes.map((w) => withoutTime(w.fields))).toEqual([
            { Total__c: 10, Processed__c: 0, Unassigned_Count__c: 1, Phase__c: 'Write' }
        ]);
        await progress.stop();
    });

    test('given the interval has passed, when a report comes, then it is written at once and the caller waits for it', async () => {
        const { records, writes } = recordingRecords(20);
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 50 });
        await sleep(60);

        await progress.report('Verify', () => ({}));

        expect(writes.map((w) => withoutTime(w.fields))).toEqual([{ Phase__c: 'Verify' }]);
        await progress.stop();
    });

    test('given a pending report and a write under way, when stopped, then the write finishes, the pending report is dropped and nothing follows', async () => {
        const { records, writes } = recordingRecords(100);
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 50 });
        const first = progress.report('Plan', () => ({ Processed__c: 1 }));
        await sleep(10);
        void progress.report('Plan', () => ({ Processed__c: 2 }));

        await progress.stop();
        await first;
        await sleep(150);

        expect(writes.map((w) => withoutTime(w.fields))).toEqual([{ Processed__c: 1, Phase__c: 'Plan' }]);
    });

    test('given nothing new for the keepalive time, when it passes, then the time of the last progress is written again under the same phase', async () => {
        const { records, writes } = recordingRecords();
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 20, keepaliveMs: 100 });
        progress.markWritten('Write');

        await sleep(260);
        await progress.stop();

        expect(writes.length).toBeGreaterThanOrEqual(2);
        expect(writes.map((w) => withoutTime(w.fields))).toContainEqual({ Phase__c: 'Write' });
        expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(90);
    });

    test('given a phase that keeps reporting, when it goes on, then the wait doubles after each write up to the longest, and a new phase starts short again', async () => {
        const { records, writes } = recordingRecords();
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 40, maxIntervalMs: 160 });
        progress.markWritten('Select');
        const started = Date.now();
        let processed = 0;
        while (Date.now() - started < 700) {
            await progress.report('Write', () => ({ Processed__c: ++processed }));
            await sleep(5);
        }
        const writePhase = writes.length;
        const verifyAt = Date.now();
        await progress.report('Verify', () => ({}));
        await sleep(60);
        await progress.stop();

        const gaps = writes.slice(1, writePhase).map((w, i) => w.at - writes[i]!.at);
        // 40 ms to the first write of the phase, then 40, 80, 160, 160...: never shorter than the rule allows.
        const allowed = [40, 80, 160, 160, 160];
        gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(allowed[i]! - 5));
        expect(writePhase).toBeGreaterThanOrEqual(4);
        expect(writePhase).toBeLessThanOrEqual(7);
        // The write phase's last report, still pending, goes out with the new phase.
        expect(withoutTime(writes.at(-1)!.fields)).toEqual({ Processed__c: processed, Phase__c: 'Verify' });
        // A new phase waits at most the short interval (40 ms), not the long one the write phase had reached.
        expect(writes.at(-1)!.at - verifyAt).toBeLessThan(120);
    });

    test('given a failing write from the timer, when the next report comes, then it is written (the failure is logged, not thrown at the job)', async () => {
        let fail = true;
        const writes: JobRecordUpdate[] = [];
        const records = {
            async update(_id: string, fields: JobRecordUpdate): Promise<void> {
                if (fail) {
                    fail = false;
                    throw new Error('SERVER_UNAVAILABLE');
                }
                writes.push(fields);
            }
        } as unknown as JobRecords;
        const warnings: unknown[] = [];
        const logger = { warn: (o: unknown) => warnings.push(o) } as never;
        const progress = new ProgressReporter(records, 'a0A', { intervalMs: 30 }, logger);
        progress.markWritten('Select');
        await progress.report('Plan', () => ({ Processed__c: 1 }));

        await sleep(60);
        await progress.report('Plan', () => ({ Processed__c: 2 }));
        await sleep(60);
        await progress.stop();

        expect(warnings).toHaveLength(1);
        expect(writes.map(withoutTime)).toEqual([{ Processed__c: 2, Phase__c: 'Plan' }]);
    });
});
