/**
 * Bulk API 2.0 query: the SOQL is checked when the job is created, then run asynchronously; its rows
 * are written once to a CSV file (a snapshot, as Salesforce's results are) and served in pages with
 * the Sforce-Locator and Sforce-NumberOfRecords headers.
 */
import * as fs from 'node:fs';
import type { Ctx, SimulatorContext } from '../context';
import { ApiError } from '../errors';
import { readJson, sendJson, sendNoContent } from '../httpUtil';
import { compileQuery, selectRows } from '../soql/query';
import { quoteCsv, toCsvValue } from '../values';
import { DELIMITERS, queryInfo, ResultFile, touch, type QueryJob } from './jobs';
import { INGEST_BATCH_ROWS } from './ingest';

/**
 * Without maxRecords, a results page holds as many rows as fit in this many bytes (Salesforce also
 * limits pages by size when maxRecords is absent).
 */
export const DEFAULT_QUERY_PAGE_BYTES = 1024 * 1024 * 1024;

/** POST /jobs/query */
export async function createQueryJob(ctx: Ctx): Promise<void> {
    const body = await readJson<Record<string, string | undefined>>(ctx.req);
    const operation = body.operation ?? 'query';
    if (operation !== 'query' && operation !== 'queryAll')
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for operation: ${operation}`);
    const columnDelimiter = body.columnDelimiter ?? 'COMMA';
    if (!DELIMITERS[columnDelimiter])
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for columnDelimiter: ${columnDelimiter}`);
    const lineEnding = body.lineEnding ?? 'LF';
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for lineEnding: ${lineEnding}`);
    let compiled;
    try {
        compiled = compileQuery(ctx.sim.store, body.query ?? '', { scanAll: operation === 'queryAll' });
    } catch (e) {
        if (e instanceof ApiError)
            throw new ApiError(400, 'INVALIDJOB', `Failed to process query: ${e.errorCode}: ${e.message}`);
        throw e;
    }
    if (compiled.type !== 'records')
        throw new ApiError(
            400,
            'INVALIDJOB',
            'Failed to process query: Aggregate queries are not supported by Bulk API 2.0'
        );
    const jobs = ctx.sim.bulk;
    const id = jobs.nextId();
    const now = Date.now();
    const delimiter = DELIMITERS[columnDelimiter];
    const job: QueryJob = {
        kind: 'query',
        id,
        operation,
        object: compiled.object.name,
        createdById: ctx.session.userId,
        createdDate: now,
        systemModstamp: now,
        state: 'UploadComplete',
        apiVersion: Number(ctx.version),
        lineEnding,
        columnDelimiter,
        numberRecordsProcessed: 0,
        retries: 0,
        totalProcessingTime: 0,
        query: body.query ?? '',
        compiled,
        results: new ResultFile(jobs.file(`${id}-query.csv`)),
        headerLine:
            compiled.columns.map((c) => quoteCsv(c.canonical)).join(delimiter) +
            (lineEnding === 'CRLF' ? '\r\n' : '\n'),
        offsets: new Float64Array(1),
        rowCount: 0
    };
    jobs.query.set(id, job);
    ctx.sim.usage.bulkQueryJobs++;
    setImmediate(() => void processQueryJob(ctx.sim, job).catch(() => undefined));
    sendJson(ctx.res, 200, queryInfo(job, false));
}

const wait = (ms: number): Promise<void> => new Promise((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r)));

export async function processQueryJob(sim: SimulatorContext, job: QueryJob): Promise<void> {
    const started = Date.now();
    try {
        touch(job, 'InProgress');
        // Compiled again now: filters hold column arrays, which grow when records are inserted.
        const q = compileQuery(sim.store, job.query, { scanAll: job.operation === 'queryAll' });
        const rows = selectRows(q);
        const delimiter = DELIMITERS[job.columnDelimiter];
        const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
        const offsets = new Float64Array(rows.length + 1);
        let bytes = 0;
        for (let start = 0; start < rows.length; start += INGEST_BATCH_ROWS) {
            await wait(sim.faults.bulkBatchDelayMs);
            if (job.state === 'Aborted') return;
            const end = Math.min(rows.length, start + INGEST_BATCH_ROWS);
            const lines: string[] = [];
            for (let i = start; i < end; i++) {
                const line = q.columns.map((c) => quoteCsv(toCsvValue(c.type, c.get(rows[i])))).join(delimiter) + eol;
                offsets[i] = bytes;
                bytes += Buffer.byteLength(line);
                lines.push(line);
            }
            await job.results.append(lines.join(''));
            job.numberRecordsProcessed = end;
            touch(job);
        }
        offsets[rows.length] = bytes;
        job.offsets = offsets;
        job.rowCount = rows.length;
        await job.results.close();
        touch(job, 'JobComplete');
    } catch (e) {
        job.errorMessage = e instanceof Error ? e.message : String(e);
        touch(job, 'Failed');
    } finally {
        job.totalProcessingTime = Date.now() - started;
    }
}

/** GET /jobs/query/{id} */
export function getQueryJob(ctx: Ctx): void {
    sendJson(ctx.res, 200, queryInfo(ctx.sim.bulk.queryJob(ctx.params[0]), true));
}

/** GET /jobs/query */
export function listQueryJobs(ctx: Ctx): void {
    sendJson(ctx.res, 200, {
        done: true,
        records: [...ctx.sim.bulk.query.values()].map((j) => queryInfo(j, true)),
        nextRecordsUrl: null
    });
}

/** PATCH /jobs/query/{id} with {state: Aborted} */
export async function patchQueryJob(ctx: Ctx): Promise<void> {
    const job = ctx.sim.bulk.queryJob(ctx.params[0]);
    const body = await readJson<{ state?: string }>(ctx.req);
    if (body.state !== 'Aborted')
        throw new ApiError(400, 'INVALIDJOBSTATE', `Invalid state change: ${body.state ?? '(none)'}`);
    if (!['UploadComplete', 'InProgress'].includes(job.state))
        throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} can't be aborted: its state is ${job.state}`);
    touch(job, 'Aborted');
    sendJson(ctx.res, 200, queryInfo(job, false));
}

/** DELETE /jobs/query/{id} */
export function deleteQueryJob(ctx: Ctx): void {
    const job = ctx.sim.bulk.queryJob(ctx.params[0]);
    if (job.state === 'InProgress' || job.state === 'UploadComplete')
        throw new ApiError(409, 'INVALIDJOBSTATE', `Job ${job.id} can't be deleted while it runs`);
    job.results.remove();
    ctx.sim.bulk.query.delete(job.id);
    sendNoContent(ctx.res);
}

function decodeLocator(locator: string): number {
    const n = Number(Buffer.from(locator, 'base64').toString('utf8'));
    if (!Number.isInteger(n) || n < 0) throw new ApiError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
    return n;
}

function pageEndBySize(job: QueryJob, start: number): number {
    let end = job.rowCount;
    if (job.offsets[end] - job.offsets[start] <= DEFAULT_QUERY_PAGE_BYTES) return end;
    let lo = start + 1;
    let hi = end;
    while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (job.offsets[mid] - job.offsets[start] <= DEFAULT_QUERY_PAGE_BYTES) lo = mid;
        else hi = mid - 1;
    }
    end = lo;
    return end;
}

/** GET /jobs/query/{id}/results?locator=&maxRecords= */
export function queryResults(ctx: Ctx): void {
    const job = ctx.sim.bulk.queryJob(ctx.params[0]);
    if (job.state !== 'JobComplete')
        throw new ApiError(409, 'INVALIDJOBSTATE', `Results are not available: job ${job.id} is in state ${job.state}`);
    if (String(job.apiVersion.toFixed(1)) !== ctx.version) {
        throw new ApiError(
            409,
            'INVALIDJOBSTATE',
            `Use the API version the job was created with (v${job.apiVersion.toFixed(1)}) to get its results`
        );
    }
    const locator = ctx.url.searchParams.get('locator');
    const start = locator ? decodeLocator(locator) : 0;
    if (start > job.rowCount) throw new ApiError(400, 'INVALIDLOCATOR', `Invalid locator: ${locator ?? ''}`);
    const maxParam = ctx.url.searchParams.get('maxRecords');
    const max = maxParam ? Number(maxParam) : undefined;
    if (max !== undefined && (!Number.isInteger(max) || max <= 0))
        throw new ApiError(400, 'INVALIDREQUEST', `Invalid maxRecords: ${maxParam ?? ''}`);
    const end = max !== undefined ? Math.min(job.rowCount, start + max) : pageEndBySize(job, start);
    const next = end < job.rowCount ? Buffer.from(String(end)).toString('base64').replace(/=+$/, '') : 'null';
    ctx.res.writeHead(200, {
        'Content-Type': 'text/csv',
        'Sforce-Locator': next,
        'Sforce-NumberOfRecords': String(end - start)
    });
    ctx.res.write(job.headerLine);
    if (end === start) {
        ctx.res.end();
        return;
    }
    fs.createReadStream(job.results.path, { start: job.offsets[start], end: job.offsets[end] - 1 }).pipe(ctx.res);
}
