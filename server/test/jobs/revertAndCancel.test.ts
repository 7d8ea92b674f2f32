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

describe('revert and cancel', () => {
    let sim: RunningSimulator;
    let db: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 6000 } });
        db = await openTestStore();
    });

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    const setStatus = async (client: Awaited<ReturnType<typeof createRunner>>['client'], id: string, status: string) =>
        client.rest('PATCH', `${client.dataPath}/sobjects/Bulk_Reassignment_Job__c/${id}`, { Status__c: status });

    test.each([
        ['sObject Collections', '2000'],
        ['Bulk API 2.0', '50']
    ])(
        'given a completed job (%s), when a revert is requested, then unchanged leads go back and a lead changed since is listed and left alone',
        async (_api, threshold) => {
            const r = await createRunner(sim, db, { COLLECTIONS_BELOW_ROWS: threshold });
            const source = threshold === '50' ? sim.sample!.partnerUsers[0]! : sim.sample!.partnerUsers[1]!;
            const target = threshold === '50' ? sim.sample!.partnerUsers[2]! : sim.sample!.partnerUsers[3]!;
            const leads = await leadsOwnedBy(r.client, source.id);
            const jobId = await createJobRecord(r.client, {
                Source_Type__c: 'User',
                Source_Owner__c: source.username,
                Target_Type__c: 'User',
                Target__c: target.username
            });
            await runUntil(r, jobId, ['Completed']);
            const changed = leads[1]!;
            sim.faults.changeOwner(changed, sim.sample!.internalUsers[0]!.id);

            await setStatus(r.client, jobId, 'Revert_Requested');
            const record = await runUntil(r, jobId, ['Reverted', 'Failed']);

            expect(record).toMatchObject({
                Status__c: 'Reverted',
                Reverted_Count__c: leads.length - 1,
                Changed_Since_Count__c: 1
            });
            expect(JSON.parse(String(record.Summary__c)).revert.changedSinceIds).toEqual([changed]);
            const owners = await ownersOf(r.client, leads);
            expect(owners.get(changed)).toBe(sim.sample!.internalUsers[0]!.id);
            expect([...owners.entries()].filter(([id, o]) => id !== changed && o !== source.id)).toEqual([]);
        }
    );

    test('given a revert of a dry run, when it is requested, then it is refused with a reason and nothing changes', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[4]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[5]!.username,
            Dry_Run__c: true
        });
        await runUntil(r, jobId, ['Completed']);
        sim.stats.reset();

        await setStatus(r.client, jobId, 'Revert_Requested');
        const record = await runUntil(r, jobId, ['Completed', 'Failed', 'Reverted']);

        expect(record.Status__c).toBe('Completed');
        expect(record.Message__c).toMatch(/^Revert refused: .*a dry run changed nothing/);
        expect(sim.stats.writes.filter((w) => w.object === 'Lead')).toEqual([]);
    });

    test('given a queued job, when it is cancelled before it starts, then it ends Cancelled and nothing changes', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[6]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[7]!.username
        });
        await setStatus(r.client, jobId, 'Cancel_Requested');

        const record = await runUntil(r, jobId, ['Cancelled', 'Completed', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Cancelled', Message__c: 'Cancelled: nothing was changed.' });
        expect([...(await ownersOf(r.client, leads)).values()].every((o) => o === source.id)).toBe(true);
    });

    test('given a job started through a store this service does not have, when its cancel is handled here, then the message does not claim nothing was changed', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[8]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[9]!.username
        });
        // What a run whose store was lost leaves on the record: its claim, then the cancel.
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Bulk_Reassignment_Job__c/${jobId}`, {
            Status__c: 'Cancel_Requested',
            Claimed_By__c: 'lost-instance'
        });

        const record = await runUntil(r, jobId, ['Cancelled', 'Completed', 'Failed']);

        expect(record.Status__c).toBe('Cancelled');
        expect(record.Message__c).not.toContain('nothing was changed');
        expect(record.Message__c).toMatch(
            /^Cancelled: this service changed nothing, but the job had been started by instance lost-instance with a store this service does not have/
        );
        expect(JSON.parse(String(record.Summary__c))).toMatchObject({ cancelled: true, earlierRunBy: 'lost-instance' });
    });

    test('given a running job, when a cancel is requested during the write, then it stops between batches and says what had moved', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.queues.find((q) => q.developerName === 'Partner_Pacific_Leads')!;
        const target = sim.sample!.queues.find((q) => q.developerName === 'Partner_Maple_Leads')!;
        const leads = await leadsOwnedBy(r.client, source.id);
        expect(leads.length).toBeGreaterThan(200);
        expect(leads.length).toBeLessThan(2000);
        let jobId = '';
        let writes = 0;
        const rest = r.client.rest.bind(r.client);
        r.client.rest = (async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
            const result = await rest(method as 'GET', path, body, headers);
            if (path.includes('/composite/sobjects') && ++writes === 1) {
                await setStatus(r.client, jobId, 'Cancel_Requested');
                await r.repos.tasks.requestCancel(jobId, 'run');
            }
            return result;
        }) as typeof r.client.rest;
        jobId = await createJobRecord(r.client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: source.developerName,
            Target_Type__c: 'Queue',
            Target__c: target.developerName
        });

        const record = await runUntil(r, jobId, ['Cancelled', 'Completed', 'Failed']);

        expect(record.Status__c).toBe('Cancelled');
        expect(record.Message__c).toMatch(
            /^Cancelled: 200 leads had already moved \(Revert undoes them\); \d+ were left with their owner\.$/
        );
        const owners = [...(await ownersOf(r.client, leads)).values()];
        expect(owners.filter((o) => o === target.id)).toHaveLength(200);
    });

    test("given a completed move of a deactivated user's leads, when it is reverted, then no lead can go back and the job says the revert failed and why", async () => {
        const r = await createRunner(sim, db);
        const departed = sim.sample!.inactivePartnerUser;
        const target = sim.sample!.queues.find((q) => q.developerName === 'Partner_Alpine_Leads')!;
        const leads = await leadsOwnedBy(r.client, departed.id);
        expect(leads.length).toBeGreaterThan(0);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'Deactivated_User',
            Source_Owner__c: departed.username,
            Target_Type__c: 'Queue',
            Target__c: target.developerName
        });
        await runUntil(r, jobId, ['Completed']);

        await setStatus(r.client, jobId, 'Revert_Requested');
        const record = await runUntil(r, jobId, ['Reverted', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Failed', Reverted_Count__c: 0, Failed_Count__c: leads.length });
        expect(record.Message__c).toMatch(
            new RegExp(
                `^Revert failed: none of the ${leads.length} leads could be put back to their previous owner \\(INACTIVE_OWNER_OR_USER:.* \\(${leads.length} leads?\\)\\); they keep the owner the job gave them\\. .*reactivate that user`
            )
        );
        expect([...(await ownersOf(r.client, leads)).values()].every((o) => o === target.id)).toBe(true);
        expect((await r.repos.tasks.get(jobId, 'revert'))?.outcome).toBe('Failed');
    });
});
