import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createApp } from '../../src/http/app';
import { createLogger } from '../../src/config/logger';
import { createServiceMetrics } from '../../src/metrics/serviceMetrics';
import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    openTestStore,
    readJobRecord,
    runUntil,
    startTestSimulator,
    type RunnerUnderTest,
    type RunningSimulator
} from '../support/serviceHarness';

const TOKEN = 'http-test-token-0123456789abcdef';

describe('HTTP: health, readiness, metrics and the job API', () => {
    let sim: RunningSimulator;
    let db: Db;
    let r: RunnerUnderTest;
    let server: Server;
    let base: string;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 2000 } });
        db = await openTestStore();
        r = await createRunner(sim, db);
        const app = createApp({
            db,
            client: r.client,
            repos: r.repos,
            metrics: createServiceMetrics(undefined, false),
            apiToken: TOKEN,
            logger: createLogger('silent'),
            orgCheckTtlMs: 0
        });
        server = await new Promise<Server>((resolve) => {
            const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
        await new Promise((resolve) => server?.close(resolve));
        await db?.close();
        await sim?.close();
    });

    const api = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
        fetch(`${base}${path}`, {
            ...init,
            headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) }
        });

    test('given the service is up, when probed, then /healthz is ok and /readyz checks the store and the org', async () => {
        expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
        const ready = await fetch(`${base}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toEqual({ status: 'ready', checks: { store: 'ok', org: 'ok' } });
    });

    test('given the org is unavailable, when /readyz is probed, then it answers 503 naming the org', async () => {
        sim.faults.unavailable({ next: 10 });
        const ready = await fetch(`${base}/readyz`);
        sim.faults.reset();
        expect(ready.status).toBe(503);
        const body = (await ready.json()) as { checks: Record<string, string> };
        expect(body.checks.store).toBe('ok');
        expect(body.checks.org).toMatch(/^unreachable: /);
    });

    test('given no or a wrong bearer token, when /api is called, then it answers 401 saying how to authenticate', async () => {
        const none = await api('/api/jobs', {}, null);
        expect(none.status).toBe(401);
        expect(none.headers.get('www-authenticate')).toBe('Bearer');
        expect(((await none.json()) as { message: string }).message).toMatch(/Authorization: Bearer/);
        expect((await api('/api/jobs', {}, 'wrong-token-0123456789abcdef')).status).toBe(401);
    });

    test('given invalid input, when the job API is called, then it answers 400 naming the field', async () => {
        const badId = await api('/api/jobs/not-an-id');
        expect(badId.status).toBe(400);
        expect(((await badId.json()) as { message: string }).message).toMatch(
            /^id must be the 18-character Id of a Bulk_Reassignment_Job__c record/
        );
        const badLimit = await api('/api/jobs?limit=5000');
        expect(badLimit.status).toBe(400);
        expect(((await badLimit.json()) as { message: string }).message).toBe('limit must be at most 200');
        expect((await api('/api/jobs/a0A000000000000AAA')).status).toBe(404);
    });

    test('given a finished job, when listed, shown and reverted through the API, then it answers with its tasks and the revert runs', async () => {
        const source = sim.sample!.partnerUsers[0]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[1]!.username
        });
        await runUntil(r, jobId, ['Completed']);

        const list = (await (await api('/api/jobs?limit=10')).json()) as {
            jobs: Array<{ jobId: string; outcome: string }>;
        };
        expect(list.jobs.find((j) => j.jobId === jobId)).toMatchObject({ outcome: 'Completed' });
        const shown = (await (await api(`/api/jobs/${jobId}`)).json()) as {
            tasks: unknown[];
            rows: Record<string, number>;
        };
        expect(shown.tasks).toHaveLength(1);
        expect(Object.keys(shown.rows)).toEqual(['moved']);

        const cancel = await api(`/api/jobs/${jobId}/cancel`, { method: 'POST' });
        expect(cancel.status).toBe(409);
        const revert = await api(`/api/jobs/${jobId}/revert`, { method: 'POST' });
        expect(revert.status).toBe(202);
        expect((await readJobRecord(r.client, jobId)).Status__c).toBe('Revert_Requested');
        expect((await api(`/api/jobs/${jobId}/revert`, { method: 'POST' })).status).toBe(409);
        const record = await runUntil(r, jobId, ['Reverted']);
        expect(record.Reverted_Count__c).toBe(shown.rows.moved);
    });

    test('given a scrape, when /metrics is read, then it exposes task and Salesforce request figures', async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        expect(text).toMatch(/partner_desk_tasks\{state="done"\} \d+/);
        expect(text).toMatch(/partner_desk_salesforce_requests\{kind="rest"\} \d+/);
    });

    test('given log lines with secrets, when logged, then tokens, keys and passwords are redacted', () => {
        let out = '';
        const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((out += chunk.toString()), done()) });
        const logger = createLogger('info', sink as never);
        logger.info(
            {
                accessToken: 'SECRET1',
                config: { password: 'SECRET2', clientSecret: 'SECRET3' },
                headers: { authorization: 'Bearer SECRET4' }
            },
            'hello'
        );
        expect(out).toContain('[redacted]');
        expect(out).not.toMatch(/SECRET\d/);
    });
});
