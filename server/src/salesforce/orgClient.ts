import { Connection } from 'jsforce';
import type { Logger } from 'pino';
import type { OrgSession, TokenSource } from './tokenSources';

/** An error answer from the org, with Salesforce's errorCode kept for retry decisions. */
export class SalesforceApiError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string
    ) {
        super(`${errorCode}: ${message}`);
        this.name = 'SalesforceApiError';
    }
}

/** Error codes (and HTTP statuses) that go away by themselves: wait and call again. */
const TRANSIENT_CODES = new Set([
    'CONNECTION_ERROR',
    'REQUEST_LIMIT_EXCEEDED',
    'SERVER_UNAVAILABLE',
    'UNABLE_TO_LOCK_ROW',
    'ERROR_HTTP_503',
    'ERROR_HTTP_502',
    'ERROR_HTTP_500',
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED'
]);

export function isTransientError(error: unknown): boolean {
    if (error instanceof SalesforceApiError) {
        return TRANSIENT_CODES.has(error.errorCode) || error.status >= 500;
    }
    const e = error as {
        errorCode?: string;
        name?: string;
        code?: string;
        message?: string;
        cause?: { code?: string };
    };
    if (e instanceof TypeError && (e.message === 'terminated' || e.message === 'fetch failed')) {
        return true;
    }
    return [e.errorCode, e.name, e.code, e.cause?.code].some((code) => code !== undefined && TRANSIENT_CODES.has(code));
}

export interface RequestCounts {
    rest: number;
    query: number;
    /** Composite Batch requests (each carries 2 to 25 calls). */
    batch: number;
    bulkData: number;
    refresh: number;
}

interface QueryResultPage<T> {
    records: T[];
    done: boolean;
    nextRecordsUrl?: string;
    totalSize: number;
}

/** Salesforce's limit on subrequests in one Composite Batch request. */
export const BATCH_LIMIT = 25;

type BatchMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface PendingCall {
    method: BatchMethod;
    path: string;
    body?: unknown;
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
}

interface BatchResult {
    statusCode: number;
    result: unknown;
}

/**
 * The service's one way to the org: a jsforce Connection whose session is refreshed from the
 * configured token source when it expires (INVALID_SESSION_ID), plus raw streaming calls for
 * Bulk API 2.0 CSV data, which jsforce would buffer and parse whole in memory.
 */
export class OrgClient {
    readonly conn: Connection;
    readonly counts: RequestCounts = { rest: 0, query: 0, batch: 0, bulkData: 0, refresh: 0 };
    private refreshing: Promise<void> | undefined;
    private pending: PendingCall[] = [];

    private constructor(
        private readonly source: TokenSource,
        session: OrgSession,
        readonly apiVersion: string,
        private readonly logger: Logger
    ) {
        this.conn = new Connection({
            instanceUrl: session.instanceUrl,
            accessToken: session.accessToken,
            version: apiVersion,
            refreshFn: (_conn, callback) => {
                this.renewSession()
                    .then(() => callback(null, this.conn.accessToken ?? undefined))
                    .catch((error: Error) => callback(error));
            }
        });
    }

    static async connect(source: TokenSource, apiVersion: string, logger: Logger): Promise<OrgClient> {
        const session = await source();
        logger.info({ instanceUrl: session.instanceUrl }, 'connected to org');
        return new OrgClient(source, session, apiVersion, logger);
    }

    get instanceUrl(): string {
        return this.conn.instanceUrl;
    }

    /** `/services/data/vNN.0` */
    get dataPath(): string {
        return `/services/data/v${this.apiVersion}`;
    }

    /** Gets a new session from the token source; concurrent callers share one refresh. */
    renewSession(): Promise<void> {
        if (!this.refreshing) {
            this.counts.refresh++;
            this.refreshing = this.source()
                .then((session) => {
                    this.conn.accessToken = session.accessToken;
                    this.conn.instanceUrl = session.instanceUrl;
                    this.logger.info('org session renewed');
                })
                .finally(() => {
                    this.refreshing = undefined;
                });
        }
        return this.refreshing;
    }

    /** A JSON REST call through jsforce (session refresh included). `path` starts with /services/. */
    async rest<T>(
        method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
        path: string,
        body?: unknown,
        headers: Record<string, string> = {}
    ): Promise<T> {
        this.counts.rest++;
        try {
            return (await this.conn.request<T>({
                method,
                url: path,
                body: body === undefined ? undefined : JSON.stringify(body),
                headers: { 'Content-Type': 'application/json', ...headers }
            })) as T;
        } catch (error) {
            throw toApiError(error);
        }
    }

    /**
     * A JSON REST call that may share one HTTP request with others: calls made in the same turn of
     * the event loop (e.g. started together under Promise.all) go out as one Composite Batch request
     * of up to 25, run by Salesforce in the order they were made. The batch halts at the first
     * failing call; the calls after it fail with BATCH_PROCESSING_HALTED. A lone call goes out as
     * itself. Only for calls that need no headers of their own.
     */
    batchable<T>(method: BatchMethod, path: string, body?: unknown): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            this.pending.push({ method, path, body, resolve: resolve as (value: unknown) => void, reject });
            if (this.pending.length === 1) {
                setImmediate(() => void this.flush());
            }
        });
    }

    private async flush(): Promise<void> {
        const calls = this.pending;
        this.pending = [];
        for (let i = 0; i < calls.length; i += BATCH_LIMIT) {
            const group = calls.slice(i, i + BATCH_LIMIT);
            if (group.length === 1) {
                const [call] = group as [PendingCall];
                await this.single(call).then(call.resolve, call.reject);
            } else {
                await this.sendBatch(group);
            }
        }
    }

    private single(call: PendingCall): Promise<unknown> {
        if (call.method === 'GET' && /\/query(All)?[/?]/.test(call.path)) {
            return this.queryCall(call.path);
        }
        return this.rest(call.method, call.path, call.body);
    }

    private async sendBatch(calls: PendingCall[]): Promise<void> {
        this.counts.batch++;
        let results: BatchResult[];
        try {
            const answer = await this.rest<{ results: BatchResult[] }>('POST', `${this.dataPath}/composite/batch`, {
                haltOnError: true,
                batchRequests: calls.map((call) => ({
                    method: call.method,
                    // Subrequest URLs start at the version: "v64.0/query?q=..."
                    url: call.path.replace(/^\/services\/data\//, ''),
                    ...(call.body === undefined ? {} : { richInput: call.body })
                }))
            });
            results = answer.results;
        } catch (error) {
            for (const call of calls) call.reject(error);
            return;
        }
        calls.forEach((call, i) => {
            const outcome = results[i];
            if (!outcome) {
                call.reject(
                    new SalesforceApiError(
                        500,
                        'BATCH_RESULT_MISSING',
                        `The batch answered ${results.length} results for ${calls.length} calls`
                    )
                );
            } else if (outcome.statusCode >= 400) {
                const first = Array.isArray(outcome.result)
                    ? (outcome.result[0] as { errorCode?: string; message?: string } | undefined)
                    : undefined;
                call.reject(
                    new SalesforceApiError(
                        outcome.statusCode,
                        first?.errorCode ?? `ERROR_HTTP_${outcome.statusCode}`,
                        first?.message ?? 'no message'
                    )
                );
            } else {
                call.resolve(outcome.result);
            }
        });
    }

    /** Pages of a SOQL query (2,000 records a page by default); the first page may travel in a batch. */
    async *queryPages<T>(soql: string): AsyncGenerator<T[]> {
        let page = await this.batchable<QueryResultPage<T>>(
            'GET',
            `${this.dataPath}/query?q=${encodeURIComponent(soql)}`
        );
        yield page.records;
        while (!page.done && page.nextRecordsUrl) {
            page = await this.queryCall<T>(page.nextRecordsUrl);
            yield page.records;
        }
    }

    /**
     * The Id of the org this client is logged in to (the one Organization record); see
     * https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Organization.htm
     */
    async organizationId(): Promise<string> {
        const [org] = await this.query<{ Id: string }>('SELECT Id FROM Organization LIMIT 1');
        if (!org) {
            throw new SalesforceApiError(500, 'NO_ORGANIZATION', 'The org returned no Organization record');
        }
        return org.Id;
    }

    /** Every record of a small SOQL query. */
    async query<T>(soql: string): Promise<T[]> {
        const all: T[] = [];
        for await (const page of this.queryPages<T>(soql)) {
            all.push(...page);
        }
        return all;
    }

    async count(soql: string): Promise<number> {
        return (
            await this.batchable<QueryResultPage<never>>('GET', `${this.dataPath}/query?q=${encodeURIComponent(soql)}`)
        ).totalSize;
    }

    private async queryCall<T>(url: string): Promise<QueryResultPage<T>> {
        this.counts.query++;
        try {
            return (await this.conn.request<QueryResultPage<T>>({ method: 'GET', url })) as QueryResultPage<T>;
        } catch (error) {
            throw toApiError(error);
        }
    }

    /**
     * A raw HTTP call for streamed CSV bodies. `body` is a factory so the call can be repeated
     * once with a fresh stream after the session is renewed.
     */
    async fetchRaw(
        path: string,
        init: { method: string; headers?: Record<string, string>; body?: () => ReadableStream<Uint8Array> | string }
    ): Promise<Response> {
        let renewed = false;
        for (let attempt = 1; ; attempt++) {
            this.counts.bulkData++;
            const body = init.body?.();
            let response: Response;
            try {
                response = await fetch(new URL(path, this.instanceUrl), {
                    method: init.method,
                    headers: { ...init.headers, Authorization: `Bearer ${this.conn.accessToken}` },
                    body,
                    ...(body !== undefined && typeof body !== 'string' ? { duplex: 'half' } : {})
                } as RequestInit);
            } catch (error) {
                // A kept-alive connection the server had just closed, a reset: the body factory makes a repeat safe.
                const cause = (error as { cause?: { code?: string; message?: string } }).cause;
                if (attempt < 3) {
                    this.logger.debug({ path, cause: cause?.code }, 'connection failed; trying again');
                    continue;
                }
                throw new SalesforceApiError(
                    0,
                    'CONNECTION_ERROR',
                    `${cause?.code ?? ''} ${cause?.message ?? (error as Error).message}`.trim()
                );
            }
            if (response.status === 401 && !renewed) {
                renewed = true;
                await response.body?.cancel();
                await this.renewSession();
                continue;
            }
            if (!response.ok) {
                throw await errorFromResponse(response);
            }
            return response;
        }
    }
}

async function errorFromResponse(response: Response): Promise<SalesforceApiError> {
    const text = await response.text();
    try {
        const parsed = JSON.parse(text) as
            | Array<{ errorCode?: string; message?: string }>
            | { errorCode?: string; message?: string };
        const first = Array.isArray(parsed) ? parsed[0] : parsed;
        return new SalesforceApiError(
            response.status,
            first?.errorCode ?? `ERROR_HTTP_${response.status}`,
            first?.message ?? text
        );
    } catch {
        return new SalesforceApiError(response.status, `ERROR_HTTP_${response.status}`, text.slice(0, 500));
    }
}

function toApiError(error: unknown): unknown {
    if (error instanceof SalesforceApiError) {
        return error;
    }
    const e = error as { errorCode?: string; name?: string; message?: string; statusCode?: number };
    const code = e.errorCode ?? (e.name && /^[A-Z_0-9]+$/.test(e.name) ? e.name : undefined);
    if (code) {
        return new SalesforceApiError(e.statusCode ?? 400, code, e.message ?? code);
    }
    return error;
}
