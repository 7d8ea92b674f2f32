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
        const progress = new ProgressReporter(records, 'a0A', 200);
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
        const progress = new ProgressReporter(records, 'a0A', 50);
        await sleep(60);

        await progress.report('Verify', () => ({}));

        expect(writes.map((w) => withoutTime(w.fields))).toEqual([{ Phase__c: 'Verify' }]);
        await progress.stop();
    });

    test('given a pending report and a write under way, when stopped, then the write finishes, the pending report is dropped and nothing follows', async () => {
        const { records, writes } = recordingRecords(100);
        const progress = new ProgressReporter(records, 'a0A', 50);
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
        const progress = new ProgressReporter(records, 'a0A', 20, undefined, 100);
        progress.markWritten('Write');

        await sleep(260);
        await progress.stop();

        expect(writes.length).toBeGreaterThanOrEqual(2);
        expect(writes.map((w) => withoutTime(w.fields))).toContainEqual({ Phase__c: 'Write' });
        expect(writes[1]!.at - writes[0]!.at).toBeGreaterThanOrEqual(90);
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
        const progress = new ProgressReporter(records, 'a0A', 30, logger);
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
