import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { POSTGRES_URL } from '../support/postgres';
import { startTestSimulator, uniqueSchema, type RunningSimulator } from '../support/serviceHarness';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../../..');

function isRunning(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe('npm start as a container main process', () => {
    let sim: RunningSimulator;
    let servicePid: number | undefined;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 200 } });
    });

    afterAll(async () => {
        if (servicePid && isRunning(servicePid)) process.kill(servicePid, 'SIGKILL');
        await sim?.close();
    });

    test("given the service started with npm start, when SIGTERM goes to npm's PID, then the service shuts down and exits", async () => {
        const npm = spawn('npm', ['start'], {
            cwd: ROOT,
            env: {
                PATH: process.env.PATH ?? '',
                HOME: process.env.HOME ?? '',
                SF_LOGIN_URL: sim.url,
                SF_CLIENT_ID: sim.consumer.clientId,
                SF_CLIENT_SECRET: sim.consumer.clientSecret,
                API_TOKEN: 'npm-start-test-token-0123456789',
                DATABASE_URL: POSTGRES_URL,
                DATABASE_SCHEMA: uniqueSchema('npmstart'),
                PORT: '0'
            },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let out = '';
        npm.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        npm.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        const npmExited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
        for (let i = 0; i < 1200 && !out.includes('Partner Desk service listening'); i++) await sleep(50);
        const listening = out.split('\n').find((line) => line.includes('Partner Desk service listening'));
        expect(listening).toBeDefined();
        // The instance name is host:pid:random; the pid is the service's node process, not npm's.
        servicePid = Number((JSON.parse(listening!) as { instance: string }).instance.split(':')[1]);
        expect(servicePid).not.toBe(npm.pid);

        npm.kill('SIGTERM');
        await npmExited;
        for (let i = 0; i < 100 && isRunning(servicePid); i++) await sleep(100);

        expect(isRunning(servicePid)).toBe(false);
        expect(out).toContain('"signal":"SIGTERM","msg":"shutting down"');
    });
});
