import type { Db } from '../../src/store/db';
import { PlanRepo } from '../../src/store/planRepo';
import { openTestStore } from '../support/serviceHarness';

const id = (n: number) => `00Q8d00000${String(n).padStart(5, '0')}AAA`;

describe('settling a written chunk', () => {
    let db: Db;
    let plan: PlanRepo;

    beforeAll(async () => {
        db = await openTestStore();
        plan = new PlanRepo(db);
    });

    afterAll(async () => {
        await db?.close();
    });

    test('given a chunk settled in slices smaller than itself, when it settles, then every written row of the range is done, parked rows go back to work, refused rows and rows outside the range stay', async () => {
        const job = 'a0A8d00000settle1AAA';
        const owner = '0058d000000000AAAA';
        await plan.insertBatch(
            job,
            0,
            Array.from({ length: 23 }, (_, i) => ({
                leadId: id(i),
                oldOwnerId: '00G8d000000000AAAA',
                newOwnerId: owner
            }))
        );
        const chunk = (await plan.nextChunk(job, 'pending', '', 20))!;
        expect(chunk.rows).toBe(20);
        await plan.markFailures(
            job,
            chunk.keyFrom,
            chunk.keyTo,
            [
                { leadId: id(3), ok: false, retryable: true, error: 'UNABLE_TO_LOCK_ROW:locked' },
                { leadId: id(11), ok: false, retryable: false, error: 'INVALID_CROSS_REFERENCE_KEY:bad' }
            ],
            'pending',
            'failed'
        );

        const written = await plan.settleRange(job, chunk.keyFrom, chunk.keyTo, 'pending', 'moved', 3);

        expect(written).toBe(18);
        const byLead = new Map<string, string>();
        for await (const page of plan.iterate(job, undefined)) {
            for (const row of page) byLead.set(row.lead_id, row.status);
        }
        expect(byLead.get(id(3))).toBe('pending');
        expect(byLead.get(id(11))).toBe('failed');
        expect([20, 21, 22].map((n) => byLead.get(id(n)))).toEqual(['pending', 'pending', 'pending']);
        expect(await plan.countByStatus(job)).toEqual({ moved: 18, failed: 1, pending: 4 });
    });
});
