/**
 * Composite Batch (POST /composite/batch): up to 25 subrequests run one after another as the same user,
 * each committing on its own, answered together. A subrequest goes through the ordinary route handlers
 * with an in-memory request (its richInput as the JSON body, no headers) and a response collector.
 */
import { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Ctx, SimRequest, SimResponse } from '../context';
import { ApiError } from '../errors';
import { readJson, sendJson } from '../httpUtil';

const MAX_SUBREQUESTS = 25;

/** `vXX.X/...` or `/services/data/vXX.X/...`, as Salesforce accepts a subrequest's url. */
const SUBREQUEST_URL = /^(?:\/services\/data\/)?(v\d+\.\d\/.*)$/;

const METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']);

export interface Subrequest {
    method: string;
    /** The full path with query string, e.g. /services/data/v64.0/query?q=... */
    path: string;
    richInput: unknown;
}

interface SubrequestResult {
    statusCode: number;
    result: unknown;
}

/** Routes a subrequest to its handler, answering into `res` (errors included) as an HTTP request would be. */
export type Dispatch = (parent: Ctx, sub: Subrequest, req: SimRequest, res: SimResponse) => Promise<void>;

const invalid = (message: string): ApiError => new ApiError(400, 'INVALID_BATCH_REQUEST', message);

/** Salesforce checks the whole body before running anything: one bad subrequest fails the request. */
function parseBatch(body: unknown): { subrequests: Subrequest[]; haltOnError: boolean } {
    const batch = (body ?? {}) as { batchRequests?: unknown; haltOnError?: unknown };
    if (!Array.isArray(batch.batchRequests)) throw invalid('batchRequests is required and must be an array');
    if (batch.batchRequests.length > MAX_SUBREQUESTS)
        throw invalid(`A batch can contain at most ${MAX_SUBREQUESTS} subrequests`);
    if (batch.haltOnError !== undefined && typeof batch.haltOnError !== 'boolean')
        throw invalid('haltOnError must be a boolean');
    const subrequests = batch.batchRequests.map((item: unknown, i): Subrequest => {
        const { method, url, richInput } = (item ?? {}) as { method?: unknown; url?: unknown; richInput?: unknown };
        if (typeof method !== 'string' || !METHODS.has(method.toUpperCase()))
            throw invalid(`Subrequest ${i} has no valid method`);
        const m = typeof url === 'string' ? SUBREQUEST_URL.exec(url) : null;
        if (!m) throw invalid(`Subrequest ${i} has no valid url: it must start with vXX.X/`);
        return { method: method.toUpperCase(), path: `/services/data/${m[1]}`, richInput };
    });
    return { subrequests, haltOnError: batch.haltOnError === true };
}

/** Collects what a handler answers to a subrequest instead of sending it. */
class ResponseCollector extends Writable implements SimResponse {
    headersSent = false;
    private status = 200;
    private readonly chunks: Buffer[] = [];

    writeHead(statusCode: number): this {
        this.status = statusCode;
        this.headersSent = true;
        return this;
    }

    override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
        this.chunks.push(chunk);
        done();
    }

    /** Batchable resources answer JSON or nothing (204). */
    result(): SubrequestResult {
        const text = Buffer.concat(this.chunks).toString('utf8');
        return { statusCode: this.status, result: text ? JSON.parse(text) : null };
    }
}

async function run(ctx: Ctx, sub: Subrequest, dispatch: Dispatch): Promise<SubrequestResult> {
    const body = sub.richInput === undefined ? [] : [Buffer.from(JSON.stringify(sub.richInput))];
    const req: SimRequest = Object.assign(Readable.from(body, { objectMode: false }), {
        method: sub.method,
        headers: {}
    });
    const res = new ResponseCollector();
    await dispatch(ctx, sub, req, res);
    await finished(res);
    return res.result();
}

const HALTED: SubrequestResult = {
    statusCode: 412,
    result: new ApiError(412, 'BATCH_PROCESSING_HALTED', 'Batch processing halted per request').body()
};

/** POST /composite/batch */
export async function compositeBatch(ctx: Ctx, dispatch: Dispatch): Promise<void> {
    const { subrequests, haltOnError } = parseBatch(await readJson<unknown>(ctx.req));
    const results: SubrequestResult[] = [];
    let halted = false;
    for (const sub of subrequests) {
        const result = halted ? HALTED : await run(ctx, sub, dispatch);
        results.push(result);
        if (haltOnError && result.statusCode >= 400) halted = true;
    }
    sendJson(ctx.res, 200, { hasErrors: results.some((r) => r.statusCode >= 400), results });
}
