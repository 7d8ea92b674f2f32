import { openPostgresDb } from '../../src/store/postgresDb';
import { migrate } from '../../src/store/migrate';
import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    readJobRecord,
    startTestSimulator,
    uniqueSchema,
    type RunningSimulator
} from '../support/serviceHarness';
import { POSTGRES_URL, dropSchema } from '../support/postgres';

jest.setTimeout(180_000);

/** Two service instances on one PostgreSQL database share the jobs; none runs twice. */
describe('two instances on the machine PostgreSQL', () => {
    const schema = uniqueSchema('pd_multi');
    let sim: RunningSimulator;
    let dbA: Db;
    let dbB: Db;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 4000 } });
        dbA = await openPostgresDb(POSTGRES_URL, schema);
        dbB = await openPostgresDb(POSTGRES_URL, schema);
        await Promise.all([migrate(dbA), migrate(dbB)]);
    });

    afterAll(async () => {
        await dropSchema(dbA, schema);
        await dbA?.close();
        await dbB?.close();
        await sim?.close();
    });

    test('given six jobs and two instances polling at once, when they run, then each job is claimed and written exactly once', async () => {
        const env = { DATABASE_SCHEMA: schema };
        const a = await createRunner(sim, dbA, env, 'instance-a');
        const b = await createRunner(sim, dbB, env, 'instance-b');
        const users = sim.sample!.partnerUsers;
        const jobs: Array<{ id: string; leads: number }> = [];
        for (let i = 0; i < 6; i++) {
            const source = users[i * 2]!;
            const leads = (await leadsOwnedBy(a.client, source.id)).length;
            jobs.push({
                id: await createJobRecord(a.client, {
                    Source_Type__c: 'User',
                    Source_Owner__c: source.username,
                    Target_Type__c: 'User',
                    Target__c: users[i * 2 + 1]!.username
                }),
                leads
            });
        }
        sim.stats.reset();

        for (let round = 0; round < 20; round++) {
            await Promise.all([a.cycle(), b.cycle()]);
            const statuses = await Promise.all(jobs.map(async (j) => (await readJobRecord(a.client, j.id)).Status__c));
            if (statuses.every((s) => s === 'Completed')) break;
        }

        const records = await Promise.all(jobs.map((j) => readJobRecord(a.client, j.id)));
        expect(records.map((r) => r.Status__c)).toEqual(jobs.map(() => 'Completed'));
        const tasks = (
            await dbA.query<{ job_id: string; claim_count: number; claimed_by: string }>(
                "SELECT job_id, claim_count, claimed_by FROM tasks WHERE kind = 'run'"
            )
        ).rows;
        expect(tasks).toHaveLength(6);
        expect(tasks.every((t) => t.claim_count === 1)).toBe(true);
        expect(new Set(tasks.map((t) => t.claimed_by))).toEqual(new Set(['instance-a', 'instance-b']));
        for (const [i, record] of records.entries()) {
            expect(record.Claimed_By__c).toBe(tasks.find((t) => t.job_id === jobs[i]!.id)!.claimed_by);
        }
        const leadRowsWritten = sim.stats.writes.filter((w) => w.object === 'Lead').reduce((n, w) => n + w.records, 0);
        expect(leadRowsWritten).toBe(jobs.reduce((n, j) => n + j.leads, 0));
    });

    test('given an instance that claimed a job and died, when its lease runs out, then the other instance takes the job over and finishes it', async () => {
        const env = { DATABASE_SCHEMA: schema, LEASE_SECONDS: '2', HEARTBEAT_SECONDS: '1' };
        const b = await createRunner(sim, dbB, env, 'instance-b');
        const source = sim.sample!.partnerUsers[12]!;
        const jobId = await createJobRecord(b.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[13]!.username
        });
        const dead = await createRunner(sim, dbA, env, 'instance-dead');
        await (dead.runner as unknown as { discover(): Promise<void> }).discover();
        const claimed = await dead.repos.tasks.claimNext('instance-dead', 2);
        expect(claimed?.job_id).toBe(jobId);

        await b.cycle();
        expect((await b.repos.tasks.get(jobId, 'run'))?.claimed_by).toBe('instance-dead');
        await new Promise((resolve) => setTimeout(resolve, 2500));
        await b.cycle();

        const record = await readJobRecord(b.client, jobId);
        expect(record).toMatchObject({ Status__c: 'Completed', Claimed_By__c: 'instance-b' });
        expect(await b.repos.tasks.get(jobId, 'run')).toMatchObject({
            claimed_by: 'instance-b',
            claim_count: 2,
            outcome: 'Completed'
        });
    });
});
