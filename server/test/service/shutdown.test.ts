import { openPostgresDb } from '../../src/store/postgresDb';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import { dropSchema, POSTGRES_URL } from '../support/postgres';
import {
    createJobRecord,
    quietLogger,
    startTestSimulator,
    uniqueSchema,
    type RunningSimulator
} from '../support/serviceHarness';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';

jest.setTimeout(120_000);

describe('shutdown during a backoff', () => {
    let sim: RunningSimulator;
    let service: ServiceProcess | undefined;
    const schema = uniqueSchema('shutdown');

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 2000 } });
    });

    afterAll(async () => {
        service?.child.kill('SIGKILL');
        const db = await openPostgresDb(POSTGRES_URL, schema);
        await dropSchema(db, schema);
        await db.close();
        await sim?.close();
    });

    test('given a task waiting a minute before its next retry round, when SIGTERM arrives, then the service exits within seconds and gives the task back', async () => {
        const client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
        sim.faults.lockRows({ share: 1, failAttempts: 1000, seed: 1, objects: ['Lead'] });
        const source = sim.sample!.partnerUsers[1]!;
        const jobId = await createJobRecord(client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[2]!.username
        });
        service = startServiceProcess({
            SF_LOGIN_URL: sim.url,
            SF_CLIENT_ID: sim.consumer.clientId,
            SF_CLIENT_SECRET: sim.consumer.clientSecret,
            API_TOKEN: 'shutdown-test-token-0123456789',
            DATABASE_URL: POSTGRES_URL,
            DATABASE_SCHEMA: schema,
            PORT: '0',
            POLL_INTERVAL_MS: '200',
            RETRY_BASE_DELAY_MS: '60000',
            LOG_LEVEL: 'info'
        });
        await service.waitFor('resubmitting rows that failed with a retryable error', 60_000);

        const signalled = Date.now();
        service.child.kill('SIGTERM');
        const exit = await service.exited;
        const took = Date.now() - signalled;

        expect(exit.code).toBe(0);
        expect(took).toBeLessThan(5_000);
        expect(service.output()).toContain('task given back on shutdown');
        const db = await openPostgresDb(POSTGRES_URL, schema);
        try {
            expect(
                (
                    await db.query<{ state: string }>("SELECT state FROM tasks WHERE job_id = $1 AND kind = 'run'", [
                        jobId
                    ])
                ).rows
            ).toEqual([{ state: 'pending' }]);
        } finally {
            await db.close();
        }
    });
});
