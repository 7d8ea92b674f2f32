import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { openPostgresDb } from '../../src/store/postgresDb';
import { dropSchema, POSTGRES_URL } from '../support/postgres';
import { startTestSimulator, uniqueSchema, type RunningSimulator } from '../support/serviceHarness';
import { startServiceProcess } from '../support/serviceProcess';

jest.setTimeout(120_000);

/** A stack trace line as Node prints them. */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('every start failure names the setting to fix', () => {
    let sim: RunningSimulator;
    let busy: Server;
    let busyPort: number;
    /** A port nothing listens on (fetch refuses well-known ports such as 1 before connecting). */
    let closedPort: number;
    const schema = uniqueSchema('startfail');

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 200 } });
        busy = createServer();
        await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
        busyPort = (busy.address() as AddressInfo).port;
        const probe = createServer();
        await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
        closedPort = (probe.address() as AddressInfo).port;
        await new Promise((resolve) => probe.close(resolve));
    });

    afterAll(async () => {
        await new Promise((resolve) => busy?.close(resolve));
        const db = await openPostgresDb(POSTGRES_URL, schema);
        await dropSchema(db, schema);
        await db.close();
        await sim?.close();
    });

    const orgEnv = () => ({
        SF_LOGIN_URL: sim.url,
        SF_CLIENT_ID: sim.consumer.clientId,
        SF_CLIENT_SECRET: sim.consumer.clientSecret,
        API_TOKEN: 'start-failure-token-0123456789',
        DATABASE_URL: POSTGRES_URL,
        DATABASE_SCHEMA: schema,
        PORT: '0'
    });

    /** Each case: the environment that breaks the start, and the line that must name the setting. */
    const cases: Array<[string, () => { env: Record<string, string>; says: string }]> = [
        [
            'the port is in use',
            () => ({
                env: { ...orgEnv(), PORT: String(busyPort) },
                says: `PORT ${busyPort} is already in use on 127.0.0.1`
            })
        ],
        [
            'HOST does not resolve',
            () => ({
                env: { ...orgEnv(), HOST: 'no-such-host.invalid' },
                says: 'HOST no-such-host.invalid is not an address of this machine'
            })
        ],
        [
            'DATABASE_URL points at no server',
            () => ({
                env: { ...orgEnv(), DATABASE_URL: 'postgres://partner:secret@127.0.0.1:1/desk' },
                says: 'DATABASE_URL: cannot use PostgreSQL at 127.0.0.1:1/desk (ECONNREFUSED)'
            })
        ],
        [
            'SF_LOGIN_URL cannot be reached',
            () => ({
                env: { ...orgEnv(), SF_LOGIN_URL: `http://127.0.0.1:${closedPort}` },
                says: `SF_LOGIN_URL http://127.0.0.1:${closedPort} cannot be reached (ECONNREFUSED)`
            })
        ],
        [
            'the client secret is wrong',
            () => ({
                env: { ...orgEnv(), SF_CLIENT_SECRET: 'not-the-secret' },
                says: `SF_CLIENT_SECRET was refused by ${sim.url}`
            })
        ],
        [
            'the key file is missing',
            () => ({
                env: {
                    ...orgEnv(),
                    SF_CLIENT_SECRET: '',
                    SF_USERNAME: 'integration@partnerdesk.sim',
                    SF_PRIVATE_KEY_FILE: '/nonexistent/server.key'
                },
                says: 'SF_PRIVATE_KEY_FILE /nonexistent/server.key cannot be read (ENOENT)'
            })
        ]
    ];

    test.each(cases)(
        'given %s, when the service starts, then it exits with one line naming the setting and no stack',
        async (_what, make) => {
            const { env, says } = make();
            const service = startServiceProcess(env);
            const exit = await service.exited;

            expect(exit.code).toBe(1);
            expect(service.output()).toContain(`Partner Desk did not start: ${says}`);
            expect(service.output()).not.toMatch(STACK_LINE);
            expect(service.output()).not.toContain('secret@');
        }
    );

    test('given LOG_LEVEL=debug, when the start fails, then the stack is in the debug log', async () => {
        const service = startServiceProcess({ ...orgEnv(), PORT: String(busyPort), LOG_LEVEL: 'debug' });
        await service.exited;

        expect(service.output()).toContain('"msg":"start failure"');
        expect(service.output()).toContain('EADDRINUSE');
    });

    test('given HOST=0.0.0.0, when the service starts, then it warns that health and metrics are open on every address', async () => {
        const service = startServiceProcess({ ...orgEnv(), HOST: '0.0.0.0' });
        await service.waitFor('Partner Desk service listening');
        service.child.kill('SIGTERM');
        await service.exited;

        expect(service.output()).toContain(
            'HOST=0.0.0.0: /healthz, /readyz and /metrics answer without a token on every address this binds'
        );
    });
});
