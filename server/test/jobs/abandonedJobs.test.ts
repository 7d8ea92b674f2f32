import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    openTestStore,
    readJobRecord,
    startTestSimulator,
    type RunningSimulator
} from '../support/serviceHarness';

describe('a job left Running by an instance whose store is gone', () => {
    let sim: RunningSimulator;
    let db: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 2000 } });
        db = await openTestStore();
    });

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    test('given a Running record with no progress for an hour and no task in this store, when the service polls, then it ends Failed saying what to do, and a live one is left alone', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[1]!;
        const fields = {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[2]!.username
        };
        const leadsBefore = await leadsOwnedBy(r.client, source.id);
        const abandoned = await createJobRecord(r.client, fields);
        const live = await createJobRecord(r.client, fields);
        const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
        const path = (id: string) => `${r.client.dataPath}/sobjects/Bulk_Reassignment_Job__c/${id}`;
        await r.client.rest('PATCH', path(abandoned), {
            Status__c: 'Running',
            Phase__c: 'Write',
            Claimed_By__c: 'old-host:4242:abc',
            Progress_Updated_At__c: hourAgo
        });
        await r.client.rest('PATCH', path(live), {
            Status__c: 'Running',
            Phase__c: 'Write',
            Claimed_By__c: 'other-host:77:def',
            Progress_Updated_At__c: new Date().toISOString()
        });

        await r.cycle();

        const ended = await readJobRecord(r.client, abandoned);
        expect(ended).toMatchObject({ Status__c: 'Failed', Phase__c: 'Done' });
        expect(ended.Message__c).toMatch(
            /^Stopped: this job was left Running by instance old-host:4242:abc, .* it cannot be resumed\. .*create a new job with the same source and target: it plans from the leads the source owns now, so no lead is moved twice\.$/
        );
        expect((await readJobRecord(r.client, live)).Status__c).toBe('Running');
        expect(await r.repos.tasks.get(abandoned, 'run')).toBeUndefined();
        expect(await leadsOwnedBy(r.client, source.id)).toEqual(leadsBefore);
    });
});
