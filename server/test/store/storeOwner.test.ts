import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../../src/config/startupError';
import { openStore } from '../../src/store/openStore';
import { createRepos } from '../../src/store/repos';
import { bindStoreToOrg } from '../../src/store/storeOwner';
import { openTestStore, quietLogger, startTestSimulator, uniqueSchema } from '../support/serviceHarness';
import { startServiceProcess } from '../support/serviceProcess';

jest.setTimeout(180_000);

const PRODUCTION = '00D000000000001AAA';
const SANDBOX = '00D000000000002AAA';
const where = { setting: 'DATA_DIR', value: '/srv/partner-desk' };

describe('a store answers to one org', () => {
    test('given a store bound to one org, when a service of another org opens it, then it is refused naming the setting and both orgs, and the tasks stay', async () => {
        const db = await openTestStore();
        try {
            await bindStoreToOrg(db, { orgId: PRODUCTION }, where, quietLogger);
            await createRepos(db).tasks.enqueue('a0X000000000001AAA', 'run', {});
            await bindStoreToOrg(db, { orgId: PRODUCTION }, where, quietLogger);

            const refused = bindStoreToOrg(db, { orgId: SANDBOX }, where, quietLogger);

            await expect(refused).rejects.toThrow(StartupError);
            await expect(refused).rejects.toThrow(
                `DATA_DIR /srv/partner-desk holds the jobs of org ${PRODUCTION}, but the service is connected to org ${SANDBOX}`
            );
            expect(await createRepos(db).tasks.countByState()).toEqual({ pending: 1 });
        } finally {
            await db.close();
        }
    });

    test('given a store of an earlier in-process simulator, when a new simulator run opens it, then the old jobs are cleared instead of answering for new records with the same Ids', async () => {
        const db = await openTestStore();
        try {
            await bindStoreToOrg(db, { orgId: PRODUCTION, simulatorRun: 'first' }, where, quietLogger);
            await createRepos(db).tasks.enqueue('a0X000000000001AAA', 'run', {});

            await bindStoreToOrg(db, { orgId: PRODUCTION, simulatorRun: 'second' }, where, quietLogger);

            expect(await createRepos(db).tasks.countByState()).toEqual({});
        } finally {
            await db.close();
        }
    });

    test('given a DATA_DIR bound to another org, when the service starts against the simulator org, then it exits naming DATA_DIR without a stack', async () => {
        const sim = await startTestSimulator({ sample: { leads: 200 } });
        const dataDir = mkdtempSync(join(tmpdir(), 'pd-owner-'));
        const schema = uniqueSchema('owner');
        try {
            const db = await openStore({ dataDir, schema });
            await bindStoreToOrg(db, { orgId: SANDBOX }, where, quietLogger);
            await db.close();

            const service = startServiceProcess({
                SF_LOGIN_URL: sim.url,
                SF_CLIENT_ID: sim.consumer.clientId,
                SF_CLIENT_SECRET: sim.consumer.clientSecret,
                API_TOKEN: 'owner-test-token-0123456789ab',
                DATA_DIR: dataDir,
                DATABASE_SCHEMA: schema,
                PORT: '0'
            });
            const exit = await service.exited;

            expect(exit.code).toBe(1);
            expect(service.output()).toContain(
                `Partner Desk did not start: DATA_DIR ${dataDir} holds the jobs of org ${SANDBOX}, but the service is connected to org ${sim.store.orgId}`
            );
            expect(service.output()).not.toMatch(/^\s+at /m);
        } finally {
            await sim.close();
            rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
