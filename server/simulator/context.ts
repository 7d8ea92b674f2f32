/** Shared state of one running simulator, handed to every request handler. */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import type { Sessions, Session } from './auth';
import type { BulkJobs } from './bulk/jobs';
import type { Dml } from './dml';
import type { Faults } from './faults';
import type { QueryCursors } from './rest/cursors';
import type { Stats } from './stats';
import type { Store } from './store';

export interface Usage {
    apiRequestsMax: number;
    apiRequests: number;
    bulkBatchesMax: number;
    bulkBatches: number;
    bulkQueryJobs: number;
}

export interface SimulatorContext {
    store: Store;
    dml: Dml;
    faults: Faults;
    stats: Stats;
    sessions: Sessions;
    cursors: QueryCursors;
    bulk: BulkJobs;
    usage: Usage;
    /** Base URL, e.g. http://127.0.0.1:4567 (the instance_url the token endpoint hands out). */
    baseUrl: () => string;
    /** Newest API version the simulator reports. */
    latestVersion: string;
}

/** What handlers read of a request: node's IncomingMessage, or a Composite Batch subrequest held in memory. */
export interface SimRequest extends Readable {
    method?: string;
    headers: IncomingHttpHeaders;
}

/** What handlers answer into: node's ServerResponse, or the collector of a Composite Batch subrequest's answer. */
export interface SimResponse extends Writable {
    readonly headersSent: boolean;
    writeHead(statusCode: number, headers?: OutgoingHttpHeaders): this;
}

export interface Ctx {
    req: SimRequest;
    res: SimResponse;
    url: URL;
    /** Path parameters captured by the route pattern. */
    params: string[];
    /** API version from the path, e.g. "64.0". */
    version: string;
    session: Session;
    sim: SimulatorContext;
    /** Set when the call is a Composite Batch subrequest rather than an HTTP request of its own. */
    inBatch?: boolean;
}
