import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE } from '../../src/store/dataDirLock';
import { openStore } from '../../src/store/openStore';
import { startTestSimulator, uniqueSchema, type RunningSimulator } from '../support/serviceHarness';
import { startServiceProcess, type ServiceProcess } from '../support/serviceProcess';

jest.setTimeout(240_000);

describe('one process per DATA_DIR', () => {
    let sim: RunningSimulator;
    let dataDir: string;
    const children: ServiceProcess[] = [];
    const schema = uniqueSchema('lock');

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 500 } });
        dataDir = mkdtempSync(join(tmpdir(), 'pd-lock-'));
    });

    afterAll(async () => {
        for (const c of children) c.child.kill('SIGKILL');
        await sim?.close();
        rmSync(dataDir, { recursive: true, force: true });
    });

    const start = () => {
        const child = startServiceProcess({
            SF_LOGIN_URL: sim.url,
            SF_CLIENT_ID: sim.consumer.clientId,
            SF_CLIENT_SECRET: sim.consumer.clientSecret,
            API_TOKEN: 'lock-test-token-0123456789abc',
            DATA_DIR: dataDir,
            DATABASE_SCHEMA: schema,
            PORT: '0',
            LOG_LEVEL: 'info'
        });
        children.push(child);
        return child;
    };

    test('given a service on a DATA_DIR, when a second one starts on it, then the second refuses naming the holder and DATA_DIR, and the first carries on', async () => {
        const first = start();
        await first.waitFor('Partner Desk service listening');

        const second = start();
        const exit = await second.exited;

        expect(exit.code).toBe(1);
        expect(second.output()).toContain(
            `DATA_DIR ${dataDir} is in use by another Partner Desk process: process ${first.child.pid}`
        );
        expect(second.output()).not.toMatch(/^\s+at /m);
        expect(second.output()).not.toContain('Partner Desk service listening');
        expect(first.child.exitCode).toBeNull();
        expect((await fetch(`${first.url()}/readyz`)).status).toBe(200);
        first.child.kill('SIGTERM');
        await first.exited;
        expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    });

    test('given a lock left by a killed process, when the service starts, then it takes the folder over', async () => {
        const killed = start();
        await killed.waitFor('Partner Desk service listening');
        killed.child.kill('SIGKILL');
        await killed.exited;
        expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: killed.child.pid });

        const next = start();
        await next.waitFor('Partner Desk service listening');

        expect(next.output()).toContain('DATA_DIR lock left by a process that no longer runs; taking the folder over');
        next.child.kill('SIGTERM');
        await next.exited;
    });

    test('given a store open in this process, when it is opened again, then the second open is refused', async () => {
        const db = await openStore({ dataDir, schema });
        try {
            await expect(openStore({ dataDir, schema })).rejects.toThrow(
                /is in use by another Partner Desk process: this process \(the store is already open\)/
            );
        } finally {
            await db.close();
        }
    });
});
