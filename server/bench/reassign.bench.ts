/**
 * The service moving 1,000,000 leads through Bulk API 2.0 against the org simulator running in a
 * child process (so only the service's memory and CPU are measured here), once with the embedded
 * store (PGlite, the default) and once with PostgreSQL (BENCH_STORES picks: pglite,postgres), and the
 * same move through sObject Collections, measured on 20,000 leads and scaled linearly (said so in the labels).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { readEnvFile } from '../src/config/defaultsFile';
import { loadConfig } from '../src/config/serviceConfig';
import { createServiceMetrics } from '../src/metrics/serviceMetrics';
import { JobRunner } from '../src/jobs/runner';
import { createRepos } from '../src/store/repos';
import { JobRecords } from '../src/salesforce/jobRecords';
import { OrgClient } from '../src/salesforce/orgClient';
import { clientCredentialsSource } from '../src/salesforce/tokenSources';
import { openStore } from '../src/store/openStore';
import { MemoryPeak, round, type BenchFigure } from './harness';
import { StoreProfile } from './storeProfile';

export const name = 'reassign';
export const description =
    'service moving 1,000,000 leads (Bulk API 2.0) against the simulator in a child process, on the embedded store (PGlite) and on PostgreSQL (BENCH_DATABASE_URL): peak RSS, CPU, wall time, HTTP requests besides polls (<= 20); embedded vs PostgreSQL; vs sObject Collections';

/** The PostgreSQL server for the PostgreSQL run; its CPU is the server's, not in the service's figures (the bench says so). */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface SimInfo {
    url: string;
    consumer: { clientId: string; clientSecret: string };
    partnerUser: string;
    bulkLeads: number;
    collectionsLeads: number;
}

interface SimStats {
    requests: Record<string, number>;
    /** Calls carried inside Composite Batch requests, by kind (not HTTP requests of their own). */
    subrequests?: Record<string, number>;
    queriesByObject?: Record<string, number>;
    totalBesidesPolls: number;
}

async function startSimulatorProcess(bulkLeads: number, collectionsLeads: number) {
    const child = spawn(
        process.execPath,
        ['--require', require.resolve('tsx/cjs'), resolve(__dirname, 'reassignSimulatorProcess.ts')],
        {
            env: {
                ...process.env,
                BENCH_BULK_LEADS: String(bulkLeads),
                BENCH_COLLECTIONS_LEADS: String(collectionsLeads)
            },
            stdio: ['ignore', 'pipe', 'inherit']
        }
    );
    const line = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout! }).once('line', done);
        child.once('exit', (code) => fail(new Error(`simulator process exited with ${code}`)));
    });
    return { child, info: JSON.parse(line) as SimInfo };
}

async function simStats(url: string): Promise<SimStats> {
    return (await fetch(`${url}/__simulator/stats`)).json() as Promise<SimStats>;
}

async function resetStats(url: string): Promise<void> {
    await fetch(`${url}/__simulator/stats/reset`, { method: 'POST' });
}

const POLL_KINDS = new Set(['bulk.ingest.info', 'bulk.query.info']);

type StoreKind = 'postgres' | 'pglite';

interface StoreRun {
    figures: BenchFigure[];
    wall: number;
    peakRss: number;
    /** The service's RSS, idle, right after its first start on a fresh DATA_DIR (embedded store only). */
    idleRss?: number;
}

/** Starts the service (server/src/main.ts, as npm start does) on a fresh DATA_DIR against the simulator and reads its RSS once it idles. */
async function idleServiceRss(info: SimInfo): Promise<number> {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-idle-'));
    const service = spawn(
        process.execPath,
        [
            '--max-old-space-size=512',
            '--import',
            pathToFileURL(require.resolve('tsx')).href,
            resolve(__dirname, '../src/main.ts')
        ],
        {
            env: {
                PATH: process.env.PATH ?? '',
                SF_LOGIN_URL: info.url,
                SF_CLIENT_ID: info.consumer.clientId,
                SF_CLIENT_SECRET: info.consumer.clientSecret,
                API_TOKEN: 'bench-token-0123456789abcdef',
                DATA_DIR: dataDir,
                PORT: '0',
                POLL_INTERVAL_MS: '3600000'
            },
            stdio: ['ignore', 'pipe', 'inherit']
        }
    );
    try {
        await new Promise<void>((done, fail) => {
            createInterface({ input: service.stdout! }).on(
                'line',
                (line) => line.includes('Partner Desk service listening') && done()
            );
            service.once('exit', (code) => fail(new Error(`the service exited with ${code} before listening`)));
        });
        await new Promise((done) => setTimeout(done, 5_000));
        const status = readFileSync(`/proc/${service.pid}/status`, 'utf8');
        return round(Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024, 1);
    } finally {
        service.kill('SIGTERM');
        await new Promise((done) => service.once('exit', done));
        rmSync(dataDir, { recursive: true, force: true });
    }
}

/**
 * The embedded store beside PostgreSQL: each moves the same 1,000,000 leads (a fresh simulator each,
 * the first move changes the owners); then the figures the embedded store is held to.
 */
export async function run(): Promise<BenchFigure[]> {
    const stores = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',').map((s) => s.trim()) as StoreKind[];
    const runs = new Map<StoreKind, StoreRun>();
    for (const store of stores) {
        runs.set(store, await runOnStore(store, store === 'postgres'));
    }
    const figures = [...stores]
        .sort()
        .reverse()
        .flatMap((store) => runs.get(store)!.figures);
    const pg = runs.get('postgres');
    const lite = runs.get('pglite');
    if (lite) {
        figures.push(
            {
                label: 'embedded PGlite: service peak RSS during the move (aim < 600 MB)',
                value: lite.peakRss,
                unit: 'MB'
            },
            {
                label: 'embedded PGlite: service RSS idle after its first start on a fresh DATA_DIR (aim < 300 MB)',
                value: lite.idleRss ?? 0,
                unit: 'MB'
            }
        );
    }
    if (pg && lite) {
        figures.push({
            label: 'embedded PGlite / PostgreSQL: wall time of the move (aim <= 2)',
            value: round(lite.wall / pg.wall, 2),
            unit: 'x'
        });
    }
    figures.push({
        label: `machine: ${cpus().length} cores, load average at the end ${loadavg()[0]!.toFixed(1)} (other work shares them)`,
        value: cpus().length,
        unit: 'cores'
    });
    return figures;
}

async function runOnStore(store: StoreKind, withCollections: boolean): Promise<StoreRun> {
    const bulkLeads = Number(process.env.BENCH_LEADS ?? 1_000_000);
    const collectionsLeads = withCollections ? Number(process.env.BENCH_COLLECTIONS_LEADS ?? 20_000) : 0;
    const prefix = store === 'pglite' ? 'embedded PGlite: ' : 'PostgreSQL: ';
    const { child, info } = await startSimulatorProcess(bulkLeads, collectionsLeads);
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-bench-'));
    const figures: BenchFigure[] = [];
    try {
        const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' });
        const config = loadConfig(
            {
                SF_LOGIN_URL: info.url,
                SF_CLIENT_ID: info.consumer.clientId,
                SF_CLIENT_SECRET: info.consumer.clientSecret,
                API_TOKEN: 'bench-token-0123456789abcdef',
                DATA_DIR: dataDir,
                DATABASE_URL: store === 'postgres' ? DATABASE_URL : '',
                DATABASE_SCHEMA: `pd_bench_${process.pid}`,
                BULK_POLL_INTERVAL_MS: '1000',
                COLLECTIONS_BELOW_ROWS: String(Math.min(2000, bulkLeads)),
                LOG_LEVEL: 'silent'
            },
            readEnvFile()
        );
        const opened = await openStore({ dataDir, databaseUrl: config.store.databaseUrl, schema: config.store.schema });
        // BENCH_PROFILE=1: each statement's time and WASM heap growth, to stderr after the move.
        const profile = process.env.BENCH_PROFILE === '1' ? new StoreProfile(opened) : undefined;
        const db = profile?.db() ?? opened;
        const client = await OrgClient.connect(
            clientCredentialsSource(info.url, info.consumer.clientId, info.consumer.clientSecret),
            config.apiVersion,
            logger
        );
        const repos = createRepos(db);
        const records = new JobRecords(client);

        const measure = async (jobFields: Record<string, unknown>, env: Record<string, string>) => {
            const runner = new JobRunner({
                client,
                db,
                repos,
                config: { ...config, jobs: { ...config.jobs, ...envJobs(env) } },
                logger,
                metrics: createServiceMetrics(undefined, false),
                instance: 'bench'
            });
            const id = await records.create({ Dry_Run__c: false, ...jobFields });
            await resetStats(info.url);
            global.gc?.();
            const memory = new MemoryPeak().start(25);
            const cpu0 = process.cpuUsage();
            const t0 = Date.now();
            await runner.tick();
            await runner.idle();
            const cpu = process.cpuUsage(cpu0);
            const wall = (Date.now() - t0) / 1000;
            memory.stop();
            if (profile) {
                process.stderr.write(`${prefix}${profile.report()}\n`);
            }
            const stats = await simStats(info.url);
            const record = await client.rest<Record<string, unknown>>(
                'GET',
                `${client.dataPath}/sobjects/Bulk_Reassignment_Job__c/${id}`
            );
            if (record.Status__c !== 'Completed') {
                throw new Error(`bench job ended ${String(record.Status__c)}: ${String(record.Message__c)}`);
            }
            const statusPolls = Object.entries(stats.requests)
                .filter(([kind]) => POLL_KINDS.has(kind))
                .reduce((a, [, n]) => a + n, 0);
            // The runner's poll for new job records (a SOQL query on the job object) is a poll too.
            const recordPolls = stats.queriesByObject?.Bulk_Reassignment_Job__c ?? 0;
            const besidesPolls = stats.totalBesidesPolls - recordPolls;
            return {
                cpuSeconds: (cpu.user + cpu.system) / 1e6,
                wall,
                memory,
                stats,
                polls: statusPolls + recordPolls,
                statusPolls,
                recordPolls,
                besidesPolls,
                record
            };
        };

        // BENCH_DRY_RUN=1: the same job as a dry run (plan stored, plan CSV attached, nothing moved).
        const dryRun = process.env.BENCH_DRY_RUN === '1';
        const bulk = await measure(
            {
                Source_Type__c: 'Queue',
                Source_Owner__c: 'Lead_Intake',
                Target_Type__c: 'Group',
                Target__c: 'Nordics',
                Dry_Run__c: dryRun
            },
            {}
        );
        const peak = bulk.memory.figures().find((f) => f.label === 'peak RSS')!.value;
        // In this job every lone PATCH is a job record write: the group's state travels in the last batch.
        const recordWrites = bulk.stats.requests['rest.sobject.update'] ?? 0;
        const batches = bulk.stats.requests['rest.composite.batch'] ?? 0;
        const batched = Object.values(bulk.stats.subrequests ?? {}).reduce((a, n) => a + n, 0);
        figures.push(
            dryRun
                ? {
                      label: `DRY RUN: leads planned, plan CSV attached (of ${bulkLeads.toLocaleString('en-US')})`,
                      value: Number(bulk.record.Total__c),
                      unit: 'leads'
                  }
                : {
                      label: `Bulk API 2.0: leads moved (of ${bulkLeads.toLocaleString('en-US')})`,
                      value: Number(bulk.record.Processed__c),
                      unit: 'leads'
                  },
            { label: 'Bulk API 2.0: service peak RSS (target < 300 MB)', value: peak, unit: 'MB' },
            ...bulk.memory
                .figures()
                .filter((f) => f.label !== 'peak RSS')
                .map((f) => ({ ...f, label: `Bulk API 2.0: service ${f.label}` })),
            {
                label: 'Bulk API 2.0: service CPU time, user + system (target < 30 s)',
                value: round(bulk.cpuSeconds, 1),
                unit: 's'
            },
            { label: 'Bulk API 2.0: wall time', value: round(bulk.wall, 1), unit: 's' },
            {
                label: 'Bulk API 2.0: HTTP requests besides polls (target <= 20)',
                value: bulk.besidesPolls,
                unit: 'requests'
            },
            {
                label: `Bulk API 2.0: of which progress writes to the job record (at most one per PROGRESS_INTERVAL_MS = ${config.jobs.progressIntervalMs} ms, fewer as a phase goes on)`,
                value: recordWrites,
                unit: 'requests'
            },
            {
                label: `Bulk API 2.0: of which Composite Batch requests (carrying ${batched} calls)`,
                value: batches,
                unit: 'requests'
            },
            {
                label: 'Bulk API 2.0: HTTP requests besides polls and progress writes',
                value: bulk.besidesPolls - recordWrites,
                unit: 'requests'
            },
            { label: 'Bulk API 2.0: polls: Bulk API job status', value: bulk.statusPolls, unit: 'requests' },
            {
                label: 'Bulk API 2.0: polls: new job records (SOQL on the job object)',
                value: bulk.recordPolls,
                unit: 'requests'
            },
            store === 'postgres'
                ? { label: 'store: PostgreSQL server (its CPU is not in the service CPU figure)', value: 1, unit: '' }
                : {
                      label: 'store: embedded PGlite in the service process (its CPU is in the service CPU figure)',
                      value: 1,
                      unit: ''
                  }
        );
        for (const [kind, n] of Object.entries(bulk.stats.requests).sort()) {
            figures.push({ label: `  requests ${kind}`, value: n, unit: '' });
        }
        for (const [kind, n] of Object.entries(bulk.stats.subrequests ?? {}).sort()) {
            figures.push({ label: `  inside Composite Batch: ${kind}`, value: n, unit: '' });
        }

        const result = (): StoreRun => ({
            figures: figures.map((f) => ({ ...f, label: `${prefix}${f.label}` })),
            wall: bulk.wall,
            peakRss: peak
        });
        if (dryRun || !withCollections) {
            await db.query(`DROP SCHEMA ${config.store.schema} CASCADE`);
            await db.close();
            return store === 'pglite' ? { ...result(), idleRss: await idleServiceRss(info) } : result();
        }
        const coll = await measure(
            {
                Source_Type__c: 'Queue',
                Source_Owner__c: 'Partner_Maple_Leads',
                Target_Type__c: 'User',
                Target__c: info.partnerUser
            },
            { COLLECTIONS_BELOW_ROWS: String(collectionsLeads + 1) }
        );
        const scale = bulkLeads / collectionsLeads;
        const collRequests = coll.besidesPolls * scale;
        figures.push(
            {
                label: `sObject Collections: measured on ${collectionsLeads.toLocaleString('en-US')} leads: CPU time`,
                value: round(coll.cpuSeconds, 2),
                unit: 's'
            },
            {
                label: `sObject Collections: measured on ${collectionsLeads.toLocaleString('en-US')} leads: wall time`,
                value: round(coll.wall, 1),
                unit: 's'
            },
            {
                label: `sObject Collections: measured on ${collectionsLeads.toLocaleString('en-US')} leads: HTTP requests`,
                value: coll.besidesPolls,
                unit: 'requests'
            },
            {
                label: `sObject Collections: ESTIMATE for ${bulkLeads.toLocaleString('en-US')} leads (scaled linearly x${round(scale, 1)}): CPU time`,
                value: round(coll.cpuSeconds * scale, 1),
                unit: 's'
            },
            {
                label: `sObject Collections: ESTIMATE for ${bulkLeads.toLocaleString('en-US')} leads (scaled linearly): wall time`,
                value: round(coll.wall * scale, 0),
                unit: 's'
            },
            {
                label: `sObject Collections: ESTIMATE for ${bulkLeads.toLocaleString('en-US')} leads (scaled linearly): HTTP requests`,
                value: Math.round(collRequests),
                unit: 'requests'
            },
            {
                label: 'ratio Collections / Bulk API 2.0: HTTP requests',
                value: round(collRequests / Math.max(1, bulk.besidesPolls + bulk.polls), 0),
                unit: 'x (bulk incl. polls)'
            },
            {
                label: 'ratio Collections / Bulk API 2.0: CPU time',
                value: round((coll.cpuSeconds * scale) / bulk.cpuSeconds, 1),
                unit: 'x'
            },
            {
                label: 'ratio Collections / Bulk API 2.0: wall time',
                value: round((coll.wall * scale) / bulk.wall, 1),
                unit: 'x'
            }
        );
        await db.query(`DROP SCHEMA ${config.store.schema} CASCADE`);
        await db.close();
        return store === 'pglite' ? { ...result(), idleRss: await idleServiceRss(info) } : result();
    } finally {
        child.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
    }
}

function envJobs(env: Record<string, string>): Partial<ReturnType<typeof loadConfig>['jobs']> {
    return env.COLLECTIONS_BELOW_ROWS ? { collectionsBelowRows: Number(env.COLLECTIONS_BELOW_ROWS) } : {};
}
