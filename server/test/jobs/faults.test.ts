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

/** The faults issue 5 says the service must survive: lock errors, 503s, session expiry mid-job. */
describe('faults during a job', () => {
    let sim: RunningSimulator;
    let db: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 4000 } });
        db = await openTestStore();
    });

    afterEach(() => sim.faults.reset());

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    test('given UNABLE_TO_LOCK_ROW on 20% of rows, when a Bulk API job writes, then failed rows are resubmitted and every lead ends with its planned owner', async () => {
        const r = await createRunner(sim, db, { COLLECTIONS_BELOW_ROWS: '100' });
        const queue = sim.sample!.queues.find((q) => q.developerName === 'Partner_Nordic_Leads')!;
        const target = sim.sample!.queues.find((q) => q.developerName === 'Partner_Alpine_Leads')!;
        const leads = await leadsOwnedBy(r.client, queue.id);
        expect(leads.length).toBeGreaterThan(100);
        sim.faults.lockRows({ share: 0.2, failAttempts: 2, seed: 7, objects: ['Lead'] });
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: queue.developerName,
            Target_Type__c: 'Queue',
            Target__c: target.developerName
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Completed', Failed_Count__c: 0, Total__c: leads.length });
        expect(sim.faults.state().lockedRowsSeen).toBeGreaterThan(0);
        const owners = await ownersOf(r.client, leads);
        expect([...owners.values()].filter((o) => o !== target.id)).toEqual([]);
        const rounds = await r.repos.sfJobs.list(jobId);
        expect(rounds[0]!.failed_rows).toBeGreaterThan(0);
    });

    test('given UNABLE_TO_LOCK_ROW on 20% of rows, when sObject Collections write, then every lead still moves', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[4]!;
        const target = sim.sample!.partnerUsers[5]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        sim.faults.lockRows({ share: 0.2, failAttempts: 1, seed: 3, objects: ['Lead'] });
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Completed', Failed_Count__c: 0 });
        expect([...(await ownersOf(r.client, leads)).values()].every((o) => o === target.id)).toBe(true);
    });

    test("given rows still locked after the last retry round, when the job ends, then they are reported failed with Salesforce's reason in the failures file", async () => {
        const r = await createRunner(sim, db, { RETRY_ROUNDS: '1' });
        const source = sim.sample!.partnerUsers[9]!;
        const target = sim.sample!.partnerUsers[10]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        sim.faults.lockRows({ share: 0.3, failAttempts: 99, seed: 11, objects: ['Lead'] });
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        sim.faults.reset();
        expect(record.Status__c).toBe('Completed');
        const failedCount = Number(record.Failed_Count__c);
        expect(failedCount).toBeGreaterThan(0);
        expect(record.Failures_File_Id__c).toMatch(/^069/);
        const version = (
            await r.client.query<{ Id: string }>(
                `SELECT Id FROM ContentVersion WHERE ContentDocumentId = '${String(record.Failures_File_Id__c)}'`
            )
        )[0]!;
        const csv = await (
            await r.client.fetchRaw(`${r.client.dataPath}/sobjects/ContentVersion/${version.Id}/VersionData`, {
                method: 'GET'
            })
        ).text();
        const rows = csv.trimEnd().split('\n');
        expect(rows[0]).toBe('Id,OldOwnerId,NewOwnerId,Error');
        expect(rows).toHaveLength(failedCount + 1);
        expect(rows.slice(1).every((row) => row.includes('UNABLE_TO_LOCK_ROW'))).toBe(true);
        const owners = await ownersOf(r.client, leads);
        const failedIds = new Set(rows.slice(1).map((row) => row.split(',')[0]));
        expect(leads.filter((id) => failedIds.has(id)).every((id) => owners.get(id) === source.id)).toBe(true);
        expect(leads.filter((id) => !failedIds.has(id)).every((id) => owners.get(id) === target.id)).toBe(true);
    });

    test('given the session expires in the middle of the write, when the job goes on, then the service re-authenticates and finishes', async () => {
        const r = await createRunner(sim, db, { COLLECTIONS_BELOW_ROWS: '100' });
        const queue = sim.sample!.queues.find((q) => q.developerName === 'Partner_Aegean_Leads')!;
        const target = sim.sample!.queues.find((q) => q.developerName === 'Partner_Maple_Leads')!;
        const leads = await leadsOwnedBy(r.client, queue.id);
        sim.faults.slowBulk(300);
        const rest = r.client.rest.bind(r.client);
        let expired = 0;
        r.client.rest = (async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
            const result = await rest(method as 'GET', path, body, headers);
            if (method === 'PATCH' && (body as { state?: string } | undefined)?.state === 'UploadComplete') {
                expired += sim.faults.expireSessions();
            }
            return result;
        }) as typeof r.client.rest;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'Queue',
            Source_Owner__c: queue.developerName,
            Target_Type__c: 'Queue',
            Target__c: target.developerName
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(expired).toBeGreaterThan(0);
        expect(r.client.counts.refresh).toBeGreaterThan(0);
        expect(record).toMatchObject({ Status__c: 'Completed', Failed_Count__c: 0 });
        expect([...(await ownersOf(r.client, leads)).values()].every((o) => o === target.id)).toBe(true);
    });

    test('given 503 answers on a share of requests, when a job runs, then it retries and finishes', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[6]!;
        const target = sim.sample!.partnerUsers[7]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });
        sim.faults.unavailable({ share: 0.15, seed: 5 });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        sim.faults.reset();
        expect(record).toMatchObject({ Status__c: 'Completed', Failed_Count__c: 0 });
        expect([...(await ownersOf(r.client, leads)).values()].every((o) => o === target.id)).toBe(true);
    });

    test('given an owner changes between plan and write, when the job writes, then that lead is reported and not overwritten', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[8]!;
        const target = sim.sample!.partnerUsers[9]!;
        const someoneElse = sim.sample!.internalUsers[0]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        const touched = leads[0]!;
        const rest = r.client.rest.bind(r.client);
        r.client.rest = (async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
            if (method === 'PATCH' && (body as { Phase__c?: string } | undefined)?.Phase__c === 'Write') {
                sim.faults.changeOwner(touched, someoneElse.id);
            }
            return rest(method as 'GET', path, body, headers);
        }) as typeof r.client.rest;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record).toMatchObject({ Status__c: 'Completed', Changed_Since_Count__c: 1 });
        expect(JSON.parse(String(record.Summary__c)).changedSinceIds).toEqual([touched]);
        const owners = await ownersOf(r.client, leads);
        expect(owners.get(touched)).toBe(someoneElse.id);
        expect([...owners.entries()].filter(([id, o]) => id !== touched && o !== target.id)).toEqual([]);
    });
});
