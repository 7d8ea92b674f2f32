import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    openTestStore,
    ownersOf,
    readJobRecord,
    runUntil,
    startTestSimulator,
    type RunningSimulator
} from '../support/serviceHarness';

describe('a bulk reassignment job against the org simulator', () => {
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

    test('given a dry run to one partner user, when it runs, then it plans, attaches the plan CSV and changes no lead', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[0]!;
        const target = sim.sample!.partnerUsers[1]!;
        const before = await leadsOwnedBy(r.client, source.id);
        expect(before.length).toBeGreaterThan(10);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username,
            Dry_Run__c: true
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect([record.Status__c, record.Message__c]).toEqual(['Completed', expect.stringMatching(/^Dry run/)]);
        expect(record.Message__c).toMatch(/^Dry run: \d+ leads would move/);
        expect(record.Total__c).toBe(before.length);
        expect(record.Plan_File_Id__c).toMatch(/^069/);
        const summary = JSON.parse(String(record.Summary__c));
        expect(summary.targets[0]).toMatchObject({ ownerId: target.id, planned: before.length, moved: 0 });
        expect((await leadsOwnedBy(r.client, source.id)).sort()).toEqual(before.sort());
        const versions = await r.client.query<{ Id: string; Title: string; ContentSize: number }>(
            `SELECT Id, Title, ContentSize FROM ContentVersion WHERE FirstPublishLocationId = '${jobId}'`
        );
        expect(versions).toHaveLength(1);
        // The plan went up as a streamed multipart file: every planned lead is in it, under its header.
        const csv = await (
            await r.client.fetchRaw(`${r.client.dataPath}/sobjects/ContentVersion/${versions[0]!.Id}/VersionData`, {
                method: 'GET'
            })
        ).text();
        const lines = csv.trimEnd().split('\n');
        expect(lines[0]).toBe('Id,OldOwnerId,NewOwnerId,NewOwnerName');
        expect(
            lines
                .slice(1)
                .map((line) => line.split(',')[0])
                .sort()
        ).toEqual([...before].sort());
        expect(lines.slice(1).every((line) => line.split(',')[2] === target.id)).toBe(true);
        expect(versions[0]!.ContentSize).toBe(Buffer.byteLength(csv));
    });

    test('given a small job to one partner user, when it runs, then every lead moves through sObject Collections without assignment rules', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[2]!;
        const target = sim.sample!.partnerUsers[3]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        sim.stats.reset();
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record).toMatchObject({
            Status__c: 'Completed',
            Phase__c: 'Done',
            Total__c: leads.length,
            Failed_Count__c: 0,
            Changed_Since_Count__c: 0
        });
        const owners = await ownersOf(r.client, leads);
        expect([...owners.values()].every((owner) => owner === target.id)).toBe(true);
        expect(sim.stats.requests['rest.collections.update']).toBe(Math.ceil(leads.length / 200));
        expect(sim.stats.writesWithoutAutoAssignFalse('Lead')).toEqual([]);
        expect(record.Claimed_By__c).toBe('test-instance');
    });

    test('given group members with a capacity, when a job plans, then each gets no more leads than its room (loads read with the member lookups)', async () => {
        const r = await createRunner(sim, db);
        const members = await r.client.query<{
            Id: string;
            Member_Type__c: string;
            Username__c: string | null;
            Queue_Developer_Name__c: string | null;
        }>(
            "SELECT Id, Member_Type__c, Username__c, Queue_Developer_Name__c FROM Distribution_Member__c WHERE Distribution_Group__r.Name = 'Nordics' ORDER BY CreatedDate, Id"
        );
        const userMember = members.find((m) => m.Member_Type__c === 'User')!;
        const queueMember = members.find((m) => m.Member_Type__c === 'Queue')!;
        const user = sim.sample!.partnerUsers.find((u) => u.username === userMember.Username__c)!;
        const queue = sim.sample!.queues.find((q) => q.developerName === queueMember.Queue_Developer_Name__c)!;
        const openOf = (ownerId: string) =>
            r.client.count(`SELECT COUNT() FROM Lead WHERE OwnerId = '${ownerId}' AND IsConverted = false`);
        const setCapacity = (id: string, capacity: number) =>
            r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Member__c/${id}`, {
                Capacity__c: capacity
            });
        // A full user member: without its load read, it would take leads up to this capacity.
        expect(await openOf(user.id)).toBeGreaterThan(0);
        await setCapacity(userMember.Id, await openOf(user.id));
        await setCapacity(queueMember.Id, (await openOf(queue.id)) + 2);
        const source = sim.sample!.partnerUsers[11]!;
        expect(await openOf(source.id)).toBeGreaterThan(5);
        sim.stats.reset();
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: 'Nordics',
            Dry_Run__c: true
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Completed');
        const planned = JSON.parse(String(record.Summary__c)).targets as Array<{ ownerId: string; planned: number }>;
        expect(planned.find((t) => t.ownerId === user.id)?.planned ?? 0).toBe(0);
        expect(planned.find((t) => t.ownerId === queue.id)?.planned ?? 0).toBeLessThanOrEqual(2);
        expect(planned.reduce((a, t) => a + t.planned, 0)).toBeGreaterThan(0);
        // The loads travelled in the second Composite Batch with the members' users and queues, not alone.
        expect(sim.stats.subrequests['rest.query']).toBeGreaterThanOrEqual(6);
    });

    test('given a large job to a distribution group, when it runs, then Bulk API 2.0 moves the leads by the round-robin plan and the group state is written back', async () => {
        const r = await createRunner(sim, db, { COLLECTIONS_BELOW_ROWS: '50' });
        const queue = sim.sample!.queues.find((q) => q.developerName === 'Lead_Intake')!;
        const leads = await leadsOwnedBy(r.client, queue.id);
        expect(leads.length).toBeGreaterThan(50);
        sim.stats.reset();
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: 'Lead_Intake',
            Target_Type__c: 'Group',
            Target__c: 'Nordics'
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Completed');
        expect(record.Total__c).toBe(leads.length);
        expect(sim.stats.requests['bulk.ingest.create']).toBe(1);
        expect(sim.stats.requests['bulk.query.create']).toBeGreaterThanOrEqual(2);
        expect(sim.stats.requests['rest.collections.update'] ?? 0).toBe(0);
        // Lookups share Composite Batch requests: claim + source + group; members + selection size; group state + end.
        expect(sim.stats.requests['rest.composite.batch']).toBe(3);
        expect(sim.stats.subrequests['rest.sobject.update']).toBe(3);
        // No row failed, so no failed-results download.
        expect(sim.stats.requests['bulk.ingest.results'] ?? 0).toBe(0);
        const summary = JSON.parse(String(record.Summary__c));
        const owners = await ownersOf(r.client, leads);
        const planned = await r.repos.plan.countByTarget(jobId);
        for (const target of summary.targets) {
            const count = [...owners.values()].filter((o) => o === target.ownerId).length;
            expect(count).toBe(target.moved);
            expect(planned.filter((p) => p.ownerId === target.ownerId).reduce((a, p) => a + p.n, 0)).toBe(
                target.planned
            );
        }
        expect(summary.moved + summary.unassigned).toBe(leads.length);
        const group = (
            await r.client.query<{ State__c: string }>(
                "SELECT State__c FROM Distribution_Group__c WHERE Name = 'Nordics'"
            )
        )[0]!;
        expect(Object.keys(JSON.parse(group.State__c)).length).toBe(summary.targets.length);
        const stored = await readJobRecord(r.client, jobId);
        expect(stored.Finished_At__c).toBeTruthy();
    });
});
