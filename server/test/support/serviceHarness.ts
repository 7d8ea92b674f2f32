import pino from 'pino';
import { loadConfig, type ServiceConfig } from '../../src/config/serviceConfig';
import { readEnvFile } from '../../src/config/defaultsFile';
import { createServiceMetrics } from '../../src/metrics/serviceMetrics';
import { JobRunner } from '../../src/jobs/runner';
import { createRepos, type Repos } from '../../src/store/repos';
import { JobRecords } from '../../src/salesforce/jobRecords';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import type { Db } from '../../src/store/db';
import { openStore } from '../../src/store/openStore';
import { startSimulator, type SimulatorOptions, type RunningSimulator } from '../../simulator';

export type { RunningSimulator };

/** A schema name no other test run uses (tests share PGlite instances and the PostgreSQL database). */
export function uniqueSchema(prefix: string): string {
    return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6).toString(36)}`.toLowerCase();
}

export const quietLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Service configuration pointing at a running simulator with test-friendly timings. */
export function testConfig(sim: RunningSimulator, env: Record<string, string> = {}): ServiceConfig {
    return loadConfig(
        {
            SF_LOGIN_URL: sim.url,
            SF_CLIENT_ID: sim.consumer.clientId,
            SF_CLIENT_SECRET: sim.consumer.clientSecret,
            API_TOKEN: 'test-token-0123456789abcdef',
            DATABASE_SCHEMA: uniqueSchema('pd'),
            POLL_INTERVAL_MS: '200',
            PROGRESS_INTERVAL_MS: '0',
            BULK_POLL_INTERVAL_MS: '50',
            RETRY_BASE_DELAY_MS: '20',
            LEASE_SECONDS: '20',
            HEARTBEAT_SECONDS: '2',
            LOG_LEVEL: 'silent',
            ...env
        },
        readEnvFile()
    );
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
    return startSimulator({ sample: { leads: 3000 }, ...options });
}

/** A simulator and a store for one describe block, started before its tests and closed after them. */
export function useSimulatorAndStore(options: SimulatorOptions = {}): {
    readonly sim: RunningSimulator;
    readonly db: Db;
} {
    const held: { sim?: RunningSimulator; db?: Db } = {};
    beforeAll(async () => {
        held.sim = await startTestSimulator(options);
        held.db = await openTestStore();
    });
    afterAll(async () => {
        await held.db?.close();
        await held.sim?.close();
    });
    return {
        get sim() {
            return held.sim!;
        },
        get db() {
            return held.db!;
        }
    };
}

export interface RunnerUnderTest {
    runner: JobRunner;
    repos: Repos;
    client: OrgClient;
    config: ServiceConfig;
    /** Polls and waits until every claimed task has ended. */
    cycle(): Promise<void>;
    stop(): Promise<void>;
}

/** A job runner on `db` against the simulator, driven by hand (no timer). */
export async function createRunner(
    sim: RunningSimulator,
    db: Db,
    env: Record<string, string> = {},
    instance = 'test-instance'
): Promise<RunnerUnderTest> {
    const config = testConfig(sim, env);
    const client = await OrgClient.connect(
        clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
        config.apiVersion,
        quietLogger
    );
    const repos = createRepos(db);
    const runner = new JobRunner({
        client,
        db,
        repos,
        config,
        logger: quietLogger,
        metrics: createServiceMetrics(undefined, false),
        instance
    });
    return {
        runner,
        repos,
        client,
        config,
        async cycle() {
            await runner.tick();
            await runner.idle();
        },
        stop: () => runner.stop()
    };
}

/** One PGlite store (in memory) per test file; each test uses its own schema through `openStore`. */
export async function openTestStore(schema = uniqueSchema('pd')): Promise<Db> {
    return openStore({ schema });
}

/** Creates a Bulk_Reassignment_Job__c record in the simulator as the console would. */
export async function createJobRecord(client: OrgClient, fields: Record<string, unknown>): Promise<string> {
    return new JobRecords(client).create({ Dry_Run__c: false, ...fields });
}

export async function readJobRecord(client: OrgClient, id: string): Promise<Record<string, unknown>> {
    return client.rest<Record<string, unknown>>('GET', `${client.dataPath}/sobjects/Bulk_Reassignment_Job__c/${id}`);
}

/** Owner of each lead, read through SOQL. */
export async function ownersOf(client: OrgClient, leadIds: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    for (let i = 0; i < leadIds.length; i += 200) {
        const ids = leadIds
            .slice(i, i + 200)
            .map((id) => `'${id}'`)
            .join(',');
        for (const row of await client.query<{ Id: string; OwnerId: string }>(
            `SELECT Id, OwnerId FROM Lead WHERE Id IN (${ids})`
        )) {
            owners.set(row.Id, row.OwnerId);
        }
    }
    return owners;
}

export async function leadsOwnedBy(client: OrgClient, ownerId: string): Promise<string[]> {
    return (
        await client.query<{ Id: string }>(`SELECT Id FROM Lead WHERE OwnerId = '${ownerId}' AND IsConverted = false`)
    ).map((r) => r.Id);
}

/** Polls `cycle` until the job record reaches one of `statuses`. */
export async function runUntil(
    r: RunnerUnderTest,
    jobId: string,
    statuses: string[],
    maxCycles = 50
): Promise<Record<string, unknown>> {
    for (let i = 0; i < maxCycles; i++) {
        await r.cycle();
        const record = await readJobRecord(r.client, jobId);
        if (statuses.includes(String(record.Status__c))) {
            return record;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const record = await readJobRecord(r.client, jobId);
    throw new Error(
        `Job ${jobId} did not reach ${statuses.join('/')}; it is ${String(record.Status__c)}: ${String(record.Message__c)}`
    );
}
