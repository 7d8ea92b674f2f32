/**
 * The org simulator: a local HTTP server that answers the parts of Salesforce's documented REST,
 * Bulk API 2.0 and OAuth APIs the Partner Desk service uses, with Salesforce's shapes and error codes,
 * so tests and the no-org demo exercise the service's real jsforce code path. It is a simulator for
 * tests and demos, not Salesforce. See README.md.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Sessions, type ConsumerConfig } from './auth';
import { BulkJobs } from './bulk/jobs';
import type { SimulatorContext } from './context';
import { Dml, type Settings } from './dml';
import { Faults } from './faults';
import { QueryCursors } from './rest/cursors';
import { loadSampleData, SAMPLE_SIZES, type SampleInfo, type SampleOptions } from './sampleData';
import { createHandler } from './server';
import { Stats } from './stats';
import { Store } from './store';

export interface SimulatorOptions {
    /** Port to listen on (default 0: any free port). */
    port?: number;
    /** Interface to bind (default 127.0.0.1). */
    host?: string;
    /** Sample data: 'small' (5,000 leads, the default), 'large' (1,000,000), 'none', or explicit options. */
    sample?: 'small' | 'large' | 'none' | SampleOptions;
    /** Package folder whose objects/ folders define custom objects and fields (default: this repository's force-app); null to skip. */
    sourceDir?: string | null;
    /** Connected app settings for the OAuth token endpoint. */
    consumer?: Partial<ConsumerConfig>;
    /** Sessions expire this long after issue (default: never, until expired by a fault). */
    sessionTtlMs?: number;
    /** Newest API version reported by /services/data (default 64.0); every vXX.X path is served. */
    apiVersion?: string;
    /** Owner the org's active lead assignment rule assigns to on REST writes without Sforce-Auto-Assign: FALSE. */
    leadAssignmentRuleOwnerId?: string | null;
    /** Daily API request allocation reported by /limits (default 100,000). */
    apiRequestsMax?: number;
}

export interface RunningSimulator {
    /** Base URL, e.g. http://127.0.0.1:41234: use it as instanceUrl and as the OAuth loginUrl. */
    url: string;
    port: number;
    store: Store;
    faults: Faults;
    stats: Stats;
    settings: Settings;
    consumer: ConsumerConfig;
    /** A session for the integration user, ready for `new Connection({ instanceUrl: url, accessToken })`. */
    accessToken: string;
    /** Issues a new session for a user (by username; default the integration user). */
    issueToken(username?: string): string;
    /** What the sample data created (Ids, usernames, queue names), when sample data was loaded. */
    sample?: SampleInfo;
    close(): Promise<void>;
}

export const DEFAULT_CONSUMER: ConsumerConfig = {
    clientId: '3MVG9SIMULATOR.PartnerDesk.ConsumerKey',
    clientSecret: 'partner-desk-simulator-secret'
};

const DEFAULT_SOURCE_DIR = path.resolve(__dirname, '../../force-app');

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
    const store = new Store({
        sourceDir: options.sourceDir === undefined ? DEFAULT_SOURCE_DIR : options.sourceDir
    });
    const sampleOption = options.sample ?? 'small';
    const sample =
        sampleOption === 'none'
            ? undefined
            : loadSampleData(store, typeof sampleOption === 'string' ? SAMPLE_SIZES[sampleOption] : sampleOption);
    const consumer: ConsumerConfig = { ...DEFAULT_CONSUMER, ...options.consumer };
    const sessions = new Sessions(store, consumer, options.sessionTtlMs);
    const faults = new Faults({
        expireSessions: () => sessions.expireAll(),
        changeOwner: (recordId, ownerId) => {
            const loc = store.locate(recordId);
            if (!loc) throw new Error(`No record with Id ${recordId}`);
            const owner = store.locate(ownerId);
            if (!owner || !['User', 'Group'].includes(owner.table.object.name))
                throw new Error(`Owner ${ownerId} is not a user or queue`);
            loc.table.set(loc.row, loc.table.field('OwnerId')!, owner.table.id(owner.row));
            store.stampUpdate(loc.table, loc.row, Date.now(), store.integrationUserId);
        }
    });
    const settings: Settings = {
        leadAssignmentRuleOwnerId: options.leadAssignmentRuleOwnerId ?? null,
        // The partner site of the sample org; its domain is reserved (.invalid): links to it open nothing.
        sites: [
            {
                id: '0DB000000000001AAA',
                name: 'Partners',
                urlPathPrefix: 'partners',
                siteUrl: 'https://partner-desk.simulator.invalid/partners',
                status: 'Live'
            }
        ]
    };
    const stats = new Stats();
    let baseUrl = '';
    const sim: SimulatorContext = {
        store,
        dml: new Dml(store, faults, settings),
        faults,
        stats,
        sessions,
        cursors: new QueryCursors(),
        bulk: new BulkJobs(),
        usage: {
            apiRequestsMax: options.apiRequestsMax ?? 100000,
            apiRequests: 0,
            bulkBatchesMax: 15000,
            bulkBatches: 0,
            bulkQueryJobs: 0
        },
        baseUrl: () => baseUrl,
        latestVersion: options.apiVersion ?? '64.0'
    };
    // Node's own 16 KB header cap would answer 431 before the simulator can tell 414 from 431.
    const server = http.createServer({ maxHeaderSize: 64 * 1024 }, createHandler(sim));
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
    const issueToken = (username?: string): string => {
        const userId = username ? store.findId('User', 'Username', username) : store.integrationUserId;
        if (!userId) throw new Error(`No user ${username ?? ''}`);
        return sessions.issue(userId).token;
    };
    return {
        url: baseUrl,
        port,
        store,
        faults,
        stats,
        settings,
        consumer,
        accessToken: issueToken(),
        issueToken,
        sample,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => {
                    sim.bulk.close();
                    resolve();
                });
            })
    };
}

export { Store } from './store';
export { Faults } from './faults';
export { Stats } from './stats';
export type { SampleInfo, SampleOptions } from './sampleData';
export type { ConsumerConfig } from './auth';
