import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import { POSTGRES_URL } from '../support/postgres';
import {
    createJobRecord,
    leadsOwnedBy,
    quietLogger,
    readJobRecord,
    startTestSimulator,
    uniqueSchema,
    type RunningSimulator
} from '../support/serviceHarness';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';

jest.setTimeout(180_000);

/** Ends every PostgreSQL connection of one service process, as a server restart or pg_terminate_backend does. */
async function terminateConnectionsOf(pid: number): Promise<number> {
    const admin = new Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
        const result = await admin.query(
            'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
            [`partner-desk:${pid}`]
        );
        return result.rowCount ?? 0;
    } finally {
        await admin.end();
    }
}

describe('a dropped PostgreSQL connection', () => {
    let sim: RunningSimulator;
    let service: ServiceProcess | undefined;
    const schema = uniqueSchema('reconnect');

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 2000 } });
    });

    afterAll(async () => {
        service?.child.kill('SIGKILL');
        const admin = new Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await admin.end();
        await sim?.close();
    });

    test('given a service on PostgreSQL, when the server ends its connections, then it logs it, is not ready, reconnects and still runs a job', async () => {
        service = startServiceProcess({
            SF_LOGIN_URL: sim.url,
            SF_CLIENT_ID: sim.consumer.clientId,
            SF_CLIENT_SECRET: sim.consumer.clientSecret,
            API_TOKEN: 'reconnect-test-token-0123456789',
            DATABASE_URL: POSTGRES_URL,
            DATABASE_SCHEMA: schema,
            PORT: '0',
            POLL_INTERVAL_MS: '200',
            PROGRESS_INTERVAL_MS: '0',
            LOG_LEVEL: 'info'
        });
        await service.waitFor('Partner Desk service listening');
        const url = service.url();
        expect((await fetch(`${url}/readyz`)).status).toBe(200);

        expect(await terminateConnectionsOf(service.child.pid!)).toBeGreaterThan(0);
        const readiness: number[] = [];
        for (let i = 0; i < 40 && !readiness.includes(503); i++) {
            readiness.push((await fetch(`${url}/readyz`)).status);
            await sleep(25);
        }
        await service.waitFor('PostgreSQL answers again', 30_000);

        expect(service.child.exitCode).toBeNull();
        expect(service.output()).toContain('PostgreSQL connection lost');
        expect(service.output()).not.toContain('Unhandled');
        expect(readiness).toContain(503);
        expect((await fetch(`${url}/readyz`)).status).toBe(200);

        const client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
        const source = sim.sample!.partnerUsers[1]!;
        const target = sim.sample!.partnerUsers[2]!;
        const leads = await leadsOwnedBy(client, source.id);
        const jobId = await createJobRecord(client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });
        for (
            let i = 0;
            i < 300 && !['Completed', 'Failed'].includes(String((await readJobRecord(client, jobId)).Status__c));
            i++
        ) {
            await sleep(100);
        }
        expect(await readJobRecord(client, jobId)).toMatchObject({
            Status__c: 'Completed',
            Total__c: leads.length,
            Failed_Count__c: 0
        });
    });
});
