import type { Db } from '../../src/store/db';
import { createDemoJobs } from '../../src/demo/demoJobs';
import {
    createRunner,
    leadsOwnedBy,
    openTestStore,
    runUntil,
    startTestSimulator,
    type RunningSimulator
} from '../support/serviceHarness';

describe('the demo jobs of simulator mode', () => {
    let sim: RunningSimulator;
    let db: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 3000 } });
        db = await openTestStore();
    });

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    test('given the sample data, when the demo jobs run, then the dry run plans and the real job moves every lead of the departed partner', async () => {
        const r = await createRunner(sim, db);
        const departed = sim.sample!.inactivePartnerUser;
        const before = await leadsOwnedBy(r.client, departed.id);
        expect(before.length).toBeGreaterThan(0);

        const [dryRun, realRun] = await createDemoJobs(r.client, sim.sample!);
        expect(dryRun.dryRun).toBe(true);
        expect(realRun.dryRun).toBe(false);

        const planned = await runUntil(r, dryRun.id, ['Completed', 'Failed']);
        const moved = await runUntil(r, realRun.id, ['Completed', 'Failed']);
        await r.stop();

        expect(planned.Status__c).toBe('Completed');
        expect(planned.Total__c).toBe(before.length);
        expect(moved.Status__c).toBe('Completed');
        expect(await leadsOwnedBy(r.client, departed.id)).toEqual([]);
    });
});
