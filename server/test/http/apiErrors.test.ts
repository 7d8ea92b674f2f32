import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/config/logger';
import { createApp } from '../../src/http/app';
import { createServiceMetrics } from '../../src/metrics/serviceMetrics';
import { checkSmtp } from '../../src/notifications/smtpCheck';
import type { Db } from '../../src/store/db';
import { createRepos } from '../../src/store/repos';
import {
    createJobRecord,
    createRunner,
    openTestStore,
    startTestSimulator,
    type RunnerUnderTest,
    type RunningSimulator
} from '../support/serviceHarness';

const TOKEN = 'api-errors-token-0123456789abcdef';

interface LogLine {
    level: number;
    msg: string;
    err?: unknown;
    status?: number;
}

describe('the API: one error shape, honest status codes, client errors logged at info', () => {
    let sim: RunningSimulator;
    let db: Db;
    let r: RunnerUnderTest;
    const servers: Server[] = [];
    let base: string;
    let logged = '';

    const serve = async (app: ReturnType<typeof createApp>): Promise<string> => {
        const server = await new Promise<Server>((resolve) => {
            const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        servers.push(server);
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => ((logged += chunk.toString()), done()) });
    const logLines = (): LogLine[] =>
        logged
            .trim()
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as LogLine);

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 500 } });
        db = await openTestStore();
        r = await createRunner(sim, db);
        base = await serve(
            createApp({
                db,
                client: r.client,
                repos: r.repos,
                metrics: createServiceMetrics(undefined, false),
                apiToken: TOKEN,
                logger: createLogger('info', sink as never),
                orgCheckTtlMs: 0
            })
        );
    });

    beforeEach(() => {
        logged = '';
        sim.faults.reset();
    });

    afterAll(async () => {
        for (const server of servers) await new Promise((resolve) => server.close(resolve));
        await db?.close();
        await sim?.close();
    });

    const call = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
        fetch(`${base}${path}`, {
            ...init,
            headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) }
        });
    const json = { 'Content-Type': 'application/json' };

    test('given a 15-character job Id, when shown, then it is refused as invalid input saying the 18-character Id is needed', async () => {
        const response = await call('/api/jobs/a0A000000000000');
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
            error: 'invalid_request',
            message: expect.stringMatching(/^id must be the 18-character Id/)
        });
    });

    test('given a wrong method, when called, then it answers 405 with the methods the path takes', async () => {
        const remove = await call('/api/jobs/a0A000000000000AAA', { method: 'DELETE' });
        expect(remove.status).toBe(405);
        expect(remove.headers.get('allow')).toBe('GET');
        expect(await remove.json()).toEqual({
            error: 'method_not_allowed',
            message: 'DELETE is not allowed on /api/jobs/a0A000000000000AAA; use GET.'
        });
        expect((await call('/api/jobs/a0A000000000000AAA/cancel')).status).toBe(405);
        expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
    });

    test('given no token, when a bad or oversized body is sent, then the answer is 401: the token is checked before the body is read', async () => {
        const bad = await call(
            '/api/jobs/a0A000000000000AAA/cancel',
            { method: 'POST', headers: json, body: '{not json' },
            null
        );
        const big = await call(
            '/api/jobs/a0A000000000000AAA/cancel',
            { method: 'POST', headers: json, body: JSON.stringify({ pad: 'x'.repeat(20_000) }) },
            null
        );
        expect([bad.status, big.status]).toEqual([401, 401]);
        expect(logLines().filter((line) => line.level >= 50)).toEqual([]);
    });

    test('given the token and a bad, oversized or badly encoded request, when sent, then it answers 400/413/400 in the one shape and logs at info without a stack', async () => {
        const bad = await call('/api/jobs/a0A000000000000AAA/cancel', {
            method: 'POST',
            headers: json,
            body: '{not json'
        });
        const big = await call('/api/jobs/a0A000000000000AAA/cancel', {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ pad: 'x'.repeat(20_000) })
        });
        const uri = await call('/api/jobs/%E0%A4%A');

        expect([bad.status, big.status, uri.status]).toEqual([400, 413, 400]);
        expect(await bad.json()).toEqual({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
        expect(await big.json()).toEqual({
            error: 'body_too_large',
            message: 'The request body is larger than 10 kB.'
        });
        expect(((await uri.json()) as { error: string }).error).toBe('invalid_uri');
        const lines = logLines();
        expect(lines.map((line) => [line.level, line.msg, line.status])).toEqual([
            [30, 'client error', 400],
            [30, 'client error', 413],
            [30, 'client error', 400]
        ]);
        expect(lines.filter((line) => line.err !== undefined)).toEqual([]);
    });

    test('given the org answers 503, when a job is cancelled through the API, then it answers 503 org_unavailable with Retry-After, not 400', async () => {
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: sim.sample!.partnerUsers[0]!.username,
            Target_Type__c: 'User',
            Target__c: sim.sample!.partnerUsers[1]!.username
        });
        sim.faults.unavailable({ next: 10 });
        const response = await call(`/api/jobs/${jobId}/cancel`, { method: 'POST' });
        sim.faults.reset();

        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
        expect(await response.json()).toEqual({
            error: 'org_unavailable',
            message: expect.stringMatching(/^The org is unavailable right now \(.+\); try again shortly\.$/)
        });
    });

    test('given the tasks table is gone, when /readyz is probed, then the store is not ready (a SELECT 1 would pass)', async () => {
        const broken = await openTestStore();
        try {
            await broken.query('DROP TABLE tasks');
            const url = await serve(
                createApp({
                    db: broken,
                    client: r.client,
                    repos: createRepos(broken),
                    metrics: createServiceMetrics(undefined, false),
                    apiToken: TOKEN,
                    logger: createLogger('silent'),
                    orgCheckTtlMs: 0
                })
            );
            const ready = await fetch(`${url}/readyz`);
            expect(ready.status).toBe(503);
            expect(((await ready.json()) as { checks: Record<string, string> }).checks.store).toMatch(
                /^unreachable: .*"tasks" does not exist/
            );
        } finally {
            await broken.close();
        }
    });

    test('given an SMTP server that does not answer, when /readyz is probed, then it is not ready naming SMTP', async () => {
        const smtpCheck = () =>
            checkSmtp({ host: '127.0.0.1', port: 1, secure: false, user: undefined, password: undefined });
        const url = await serve(
            createApp({
                db,
                client: r.client,
                repos: r.repos,
                metrics: createServiceMetrics(undefined, false),
                apiToken: TOKEN,
                logger: createLogger('silent'),
                smtpCheck,
                orgCheckTtlMs: 0
            })
        );
        const ready = await fetch(`${url}/readyz`);

        expect(ready.status).toBe(503);
        expect(await ready.json()).toEqual({
            status: 'not ready',
            checks: {
                store: 'ok',
                org: 'ok',
                smtp: expect.stringMatching(/^unreachable: 127\.0\.0\.1:1: .*ECONNREFUSED/)
            }
        });
    });
});
