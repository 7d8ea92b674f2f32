import { BATCH_LIMIT, OrgClient, SalesforceApiError } from '../../src/salesforce/orgClient';
import { OrgDirectory } from '../../src/salesforce/orgDirectory';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import { quietLogger, startTestSimulator, type RunningSimulator } from '../support/serviceHarness';

/** Calls started together share Composite Batch requests; each caller still gets its own answer or error. */
describe('calls to the org made together', () => {
    let sim: RunningSimulator;
    let client: OrgClient;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 2500 } });
        client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
    });

    beforeEach(() => sim.stats.reset());

    afterAll(async () => {
        await sim?.close();
    });

    test('given lookups started under Promise.all, when they run, then one HTTP request carries them and each gets its own rows', async () => {
        const directory = new OrgDirectory(client);
        const [partner, queue, group] = [sim.sample!.partnerUsers[0]!, sim.sample!.queues[0]!, 'Nordics'];

        const [user, foundQueue, foundGroup, count] = await Promise.all([
            directory.userByUsername(partner.username),
            directory.queueByDeveloperName(queue.developerName),
            directory.groupWithMembers(group),
            directory.countLeads(`OwnerId = '${partner.id}'`)
        ]);

        expect(user?.Username).toBe(partner.username);
        expect(foundQueue?.DeveloperName).toBe(queue.developerName);
        expect(foundGroup?.group.Name).toBe(group);
        expect(foundGroup?.members.length).toBeGreaterThan(0);
        expect(count).toBeGreaterThanOrEqual(0);
        expect(sim.stats.requests).toEqual({ 'rest.composite.batch': 1 });
        expect(sim.stats.subrequests['rest.query']).toBe(4);
    });

    test('given one call alone, when it runs, then it goes out as itself, not as a batch', async () => {
        await new OrgDirectory(client).userByUsername(sim.sample!.partnerUsers[1]!.username);

        expect(sim.stats.requests).toEqual({ 'rest.query': 1 });
    });

    test('given a write and a read started together, when they run, then the read sees the write (Salesforce runs them in order)', async () => {
        const group = (
            await client.query<{ Id: string }>("SELECT Id FROM Distribution_Group__c WHERE Name = 'Nordics'")
        )[0]!;
        sim.stats.reset();

        const [, after] = await Promise.all([
            new OrgDirectory(client).writeGroupState(group.Id, { x: 3 }),
            client.query<{ State__c: string }>(`SELECT State__c FROM Distribution_Group__c WHERE Id = '${group.Id}'`)
        ]);

        expect(JSON.parse(after[0]!.State__c)).toEqual({ x: 3 });
        expect(sim.stats.requests).toEqual({ 'rest.composite.batch': 1 });
    });

    test("given a failing call among others, when the batch runs, then that caller gets Salesforce's error and the calls after it are halted", async () => {
        const results = await Promise.allSettled([
            client.query('SELECT Id FROM User LIMIT 1'),
            client.query('SELECT NoSuchField__c FROM User'),
            client.query('SELECT Id FROM Lead LIMIT 1')
        ]);

        expect(results[0]!.status).toBe('fulfilled');
        const failed = results[1] as PromiseRejectedResult;
        expect(failed.reason).toBeInstanceOf(SalesforceApiError);
        expect((failed.reason as SalesforceApiError).errorCode).toBe('INVALID_FIELD');
        const halted = results[2] as PromiseRejectedResult;
        expect((halted.reason as SalesforceApiError).errorCode).toBe('BATCH_PROCESSING_HALTED');
        expect(sim.stats.requests).toEqual({ 'rest.composite.batch': 1 });
    });

    test(`given more than ${BATCH_LIMIT} calls together, when they run, then they travel in batches of at most ${BATCH_LIMIT}`, async () => {
        const usernames = sim.sample!.partnerUsers.map((u) => u.username);
        const calls = Array.from({ length: BATCH_LIMIT + 3 }, (_, i) =>
            new OrgDirectory(client).userByUsername(usernames[i % usernames.length]!)
        );

        const users = await Promise.all(calls);

        expect(users.map((u) => u?.Username)).toEqual(
            Array.from({ length: BATCH_LIMIT + 3 }, (_, i) => usernames[i % usernames.length])
        );
        expect(sim.stats.requests).toEqual({ 'rest.composite.batch': 2 });
        expect(sim.stats.subrequests['rest.query']).toBe(BATCH_LIMIT + 3);
    });

    test('given a query of more than one page inside a batch, when read, then the next pages are fetched and every row comes back', async () => {
        const [leads, users] = await Promise.all([
            client.query<{ Id: string }>('SELECT Id FROM Lead'),
            client.query<{ Id: string }>('SELECT Id FROM User')
        ]);

        expect(leads.length).toBeGreaterThan(2000);
        expect(new Set(leads.map((l) => l.Id)).size).toBe(leads.length);
        expect(users.length).toBeGreaterThan(0);
        expect(sim.stats.requests['rest.composite.batch']).toBe(1);
        expect(sim.stats.requests['rest.queryMore']).toBeGreaterThanOrEqual(1);
    });

    test('given the whole batch refused (the org unavailable), when it runs, then every caller gets that error', async () => {
        sim.faults.unavailable({ share: 1, seed: 1 });
        try {
            const results = await Promise.allSettled([
                client.query('SELECT Id FROM User LIMIT 1'),
                client.query('SELECT Id FROM Lead LIMIT 1')
            ]);
            expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
            expect(results.map((r) => ((r as PromiseRejectedResult).reason as SalesforceApiError).errorCode)).toEqual([
                'SERVER_UNAVAILABLE',
                'SERVER_UNAVAILABLE'
            ]);
        } finally {
            sim.faults.reset();
        }
    });
});
