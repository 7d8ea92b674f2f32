import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    openTestStore,
    ownersOf,
    runUntil,
    startTestSimulator,
    type RunningSimulator
} from '../support/serviceHarness';

jest.setTimeout(180_000);

describe('restarts during the write phase', () => {
    let sim: RunningSimulator;
    let db: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 4000 } });
        db = await openTestStore();
    });

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    test('given more restarts than RETRY_ROUNDS + 1 within the first write round, when the job finishes, then every lead is written and no row ends failed unsent', async () => {
        const env = { COLLECTIONS_BELOW_ROWS: '20', BULK_MAX_UPLOAD_BYTES: '1000', RETRY_ROUNDS: '1' };
        const queue = sim.sample!.queues.find((q) => q.developerName === 'Partner_Nordic_Leads')!;
        const target = sim.sample!.queues.find((q) => q.developerName === 'Partner_Alpine_Leads')!;
        const first = await createRunner(sim, db, env, 'restart-0');
        const leads = await leadsOwnedBy(first.client, queue.id);
        // 26 rows per Bulk API job: the first round takes several jobs, so a restart can land between two.
        expect(leads.length).toBeGreaterThan(26 * 5);
        sim.faults.slowBulk(200);
        const jobId = await createJobRecord(first.client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: queue.developerName,
            Target_Type__c: 'Queue',
            Target__c: target.developerName
        });

        let runner = first;
        for (let restart = 1; restart <= 3; restart++) {
            await runner.runner.tick();
            const settled = async () =>
                (await runner.repos.sfJobs.list(jobId)).filter(
                    (j) => j.state === 'done' && j.sf_state === 'JobComplete'
                ).length;
            const before = await settled();
            for (let i = 0; i < 600 && (await settled()) <= before; i++) await sleep(20);
            await runner.stop();
            runner = await createRunner(sim, db, env, `restart-${restart}`);
        }
        sim.faults.slowBulk(0);
        expect((await runner.repos.plan.countByStatus(jobId)).pending).toBeGreaterThan(0);
        const record = await runUntil(runner, jobId, ['Completed', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Completed', Failed_Count__c: 0, Total__c: leads.length });
        expect([...(await ownersOf(runner.client, leads)).values()].filter((o) => o !== target.id)).toEqual([]);
        expect(new Set((await runner.repos.sfJobs.list(jobId)).map((j) => j.round))).toEqual(new Set([1]));
    });
});
