/**
 * Bulk API 2.0 ingest: create a job, upload one CSV (streamed to disk, at most 150 MB of base64
 * content), mark it UploadComplete, then the simulator processes it asynchronously in internal
 * batches of 10,000 rows and writes successful, failed and unprocessed results as CSV.
 */
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type { Ctx, SimulatorContext } from '../context';
import { type FieldValues } from '../dml';
import { ApiError, RowError } from '../errors';
import { autoAssignHeader, readJson, sendJson, sendNoContent } from '../httpUtil';
import type { FieldDef, ObjectDef } from '../schema';
import { quoteCsv } from '../values';
import { DELIMITERS, ingestCreateInfo, ingestInfo, ResultFile, touch, type IngestJob } from './jobs';

/** Internal batch size, as Salesforce processes Bulk API 2.0 ingest data. */
export const INGEST_BATCH_ROWS = 10000;
/** 150 MB of base64-encoded content, Salesforce's per-job upload limit. */
export const MAX_UPLOAD_BASE64_BYTES = 150 * 1024 * 1024;
const OPERATIONS = ['insert', 'update', 'upsert', 'delete', 'hardDelete'];

const invalidJobState = (message: string): ApiError => new ApiError(409, 'INVALIDJOBSTATE', message);

function base64Size(bytes: number): number {
    return Math.ceil(bytes / 3) * 4;
}

/** POST /jobs/ingest */
export async function createIngestJob(ctx: Ctx): Promise<void> {
    const body = await readJson<Record<string, string | undefined>>(ctx.req);
    const obj = ctx.sim.store.describe(body.object ?? '');
    if (!body.object) throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : Required field object is missing');
    if (!obj) throw new ApiError(400, 'INVALIDENTITY', `Entity '${body.object}' is not supported by the Bulk API.`);
    if (!body.operation || !OPERATIONS.includes(body.operation)) {
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for operation: ${body.operation ?? ''}`);
    }
    if (body.operation === 'upsert' && (body.externalIdFieldName ?? '').toLowerCase() !== 'id') {
        throw new ApiError(400, 'INVALIDJOB', 'InvalidJob : the org simulator supports upsert on the Id field only');
    }
    if (body.contentType && body.contentType !== 'CSV')
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for contentType: ${body.contentType}`);
    const columnDelimiter = body.columnDelimiter ?? 'COMMA';
    if (!DELIMITERS[columnDelimiter])
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for columnDelimiter: ${columnDelimiter}`);
    const lineEnding = body.lineEnding ?? 'LF';
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
        throw new ApiError(400, 'INVALIDJOB', `InvalidJob : Invalid value for lineEnding: ${lineEnding}`);
    const jobs = ctx.sim.bulk;
    const id = jobs.nextId();
    const now = Date.now();
    const job: IngestJob = {
        kind: 'ingest',
        id,
        operation: body.operation,
        object: obj.name,
        createdById: ctx.session.userId,
        createdDate: now,
        systemModstamp: now,
        state: 'Open',
        apiVersion: Number(ctx.version),
        lineEnding,
        columnDelimiter,
        externalIdFieldName: body.externalIdFieldName,
        assignmentRuleId: body.assignmentRuleId,
        numberRecordsProcessed: 0,
        numberRecordsFailed: 0,
        retries: 0,
        totalProcessingTime: 0,
        apiActiveProcessingTime: 0,
        dataPath: jobs.file(`${id}-data.csv`),
        uploadedBytes: 0,
        uploaded: false,
        successful: new ResultFile(jobs.file(`${id}-success.csv`)),
        failed: new ResultFile(jobs.file(`${id}-failed.csv`)),
        unprocessed: new ResultFile(jobs.file(`${id}-unprocessed.csv`))
    };
    jobs.ingest.set(id, job);
    sendJson(ctx.res, 200, ingestCreateInfo(job, ctx.version));
}

/** PUT /jobs/ingest/{id}/batches: the CSV body goes straight to disk, counted as it streams. */
export async function uploadIngestData(ctx: Ctx): Promise<void> {
    const job = ctx.sim.bulk.ingestJob(ctx.params[0]);
    ctx.sim.stats.write('bulk.ingest.upload', job.object, 0, autoAssignHeader(ctx.req));
    if (job.state !== 'Open')
        throw invalidJobState(`Job ${job.id} is not open for data upload: its state is ${job.state}`);
    if (job.uploaded)
        throw invalidJobState(`Data was already uploaded to job ${job.id}; a Bulk API 2.0 job takes one upload`);
    const declared = Number(ctx.req.headers['content-length'] ?? NaN);
    const tooLarge = (): ApiError =>
        new ApiError(
            413,
            'EXCEEDED_MAX_SIZE_REQUEST',
            `Maximum size of request reached. Maximum size of request is ${MAX_UPLOAD_BASE64_BYTES} bytes of base64-encoded content.`
        );
    if (Number.isFinite(declared) && base64Size(declared) > MAX_UPLOAD_BASE64_BYTES) {
        ctx.req.resume();
        throw tooLarge();
    }
    let bytes = 0;
    let exceeded = false;
    const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
            bytes += chunk.length;
            if (base64Size(bytes) > MAX_UPLOAD_BASE64_BYTES) {
                exceeded = true;
                cb(tooLarge());
                return;
            }
            cb(null, chunk);
        }
    });
    try {
        await pipeline(ctx.req, counter, fs.createWriteStream(job.dataPath));
    } catch (e) {
        fs.rmSync(job.dataPath, { force: true });
        if (exceeded) {
            ctx.req.resume();
            throw tooLarge();
        }
        throw e;
    }
    job.uploadedBytes = bytes;
    job.uploaded = true;
    touch(job);
    ctx.res.writeHead(201);
    ctx.res.end();
}

/** PATCH /jobs/ingest/{id} with {state: UploadComplete | Aborted} */
export async function patchIngestJob(ctx: Ctx): Promise<void> {
    const job = ctx.sim.bulk.ingestJob(ctx.params[0]);
    const body = await readJson<{ state?: string }>(ctx.req);
    if (body.state === 'UploadComplete') {
        if (job.state !== 'Open') throw invalidJobState(`Job ${job.id} can't be closed: its state is ${job.state}`);
        touch(job, 'UploadComplete');
        // Errors end the job as Failed inside; a rejection here can only come from a closed simulator.
        setImmediate(() => void processIngestJob(ctx.sim, job).catch(() => undefined));
    } else if (body.state === 'Aborted') {
        if (!['Open', 'UploadComplete', 'InProgress'].includes(job.state))
            throw invalidJobState(`Job ${job.id} can't be aborted: its state is ${job.state}`);
        touch(job, 'Aborted');
    } else {
        throw new ApiError(400, 'INVALIDJOBSTATE', `Invalid state change: ${body.state ?? '(none)'}`);
    }
    sendJson(ctx.res, 200, ingestCreateInfo(job, ctx.version));
}

/** GET /jobs/ingest/{id} */
export function getIngestJob(ctx: Ctx): void {
    sendJson(ctx.res, 200, ingestInfo(ctx.sim.bulk.ingestJob(ctx.params[0]), ctx.version));
}

/** GET /jobs/ingest */
export function listIngestJobs(ctx: Ctx): void {
    const records = [...ctx.sim.bulk.ingest.values()].map((j) => ingestInfo(j, ctx.version));
    sendJson(ctx.res, 200, { done: true, records, nextRecordsUrl: null });
}

/** DELETE /jobs/ingest/{id} */
export function deleteIngestJob(ctx: Ctx): void {
    const job = ctx.sim.bulk.ingestJob(ctx.params[0]);
    if (!['UploadComplete', 'JobComplete', 'Aborted', 'Failed'].includes(job.state)) {
        throw invalidJobState(`Job ${job.id} can't be deleted: its state is ${job.state}`);
    }
    if (job.state === 'UploadComplete') touch(job, 'Aborted');
    for (const f of [job.successful, job.failed, job.unprocessed]) f.remove();
    fs.rm(job.dataPath, { force: true }, () => undefined);
    ctx.sim.bulk.ingest.delete(job.id);
    sendNoContent(ctx.res);
}

/** GET /jobs/ingest/{id}/successfulResults | failedResults | unprocessedrecords */
export function ingestResults(ctx: Ctx, which: 'successful' | 'failed' | 'unprocessed'): void {
    const job = ctx.sim.bulk.ingestJob(ctx.params[0]);
    if (job.state === 'Open' || job.state === 'UploadComplete') {
        throw invalidJobState(`Results are not available: job ${job.id} is in state ${job.state}`);
    }
    const stream = job[which].stream();
    ctx.res.writeHead(200, { 'Content-Type': 'text/csv' });
    if (!stream) ctx.res.end();
    else stream.pipe(ctx.res);
}

interface Column {
    raw: string;
    field: FieldDef;
}

function headerColumns(obj: ObjectDef, header: string[]): Column[] {
    return header.map((raw) => {
        const name = raw.trim();
        const field = obj.byName.get(name.toLowerCase());
        if (!field) throw new Error(`InvalidBatch : Field name not found : ${name}`);
        return { raw: name, field };
    });
}

const wait = (ms: number): Promise<void> => new Promise((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r)));

/** Processes an uploaded job in batches of 10,000 rows; results go to the job's result files. */
export async function processIngestJob(sim: SimulatorContext, job: IngestJob): Promise<void> {
    if (job.state !== 'UploadComplete') return;
    const started = Date.now();
    const obj = sim.store.describe(job.object)!;
    const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
    const delimiter = DELIMITERS[job.columnDelimiter];
    let columns: Column[] | undefined;
    let headerCells = '';
    let batch: string[][] = [];
    let aborted = false;
    const runBatch = async (rows: string[][]): Promise<void> => {
        if (job.state !== 'Aborted') await wait(sim.faults.bulkBatchDelayMs);
        if (job.state === 'Aborted') {
            aborted = true;
            await job.unprocessed.append(rows.map((r) => r.map(quoteCsv).join(delimiter) + eol).join(''));
            return;
        }
        const batchStart = Date.now();
        const ok: string[] = [];
        const bad: string[] = [];
        const idIndex = columns!.findIndex((c) => c.field.type === 'id');
        const wctx = { userId: job.createdById, runAssignmentRules: job.assignmentRuleId !== undefined };
        const sep = delimiter;
        // One map reused for every row: the DML layer copies what it keeps.
        const values: FieldValues = new Map();
        for (const cells of rows) {
            let original = '';
            for (let i = 0; i < cells.length; i++) original += (i ? sep : '') + quoteCsv(cells[i]);
            const idValue = idIndex >= 0 && cells[idIndex] !== '' ? cells[idIndex] : undefined;
            let id = idValue;
            try {
                values.clear();
                for (let i = 0; i < cells.length; i++) {
                    const cell = cells[i];
                    if (i === idIndex || cell === '') continue;
                    values.set(columns![i].field, cell === '#N/A' ? null : cell);
                }
                let created = false;
                if (job.operation === 'insert' || (job.operation === 'upsert' && !idValue)) {
                    id = sim.dml.create(obj, values, wctx);
                    created = true;
                } else if (job.operation === 'delete' || job.operation === 'hardDelete') {
                    id = sim.dml.delete(obj, idValue ?? '', wctx);
                } else {
                    if (!idValue) throw new RowError('MISSING_ARGUMENT', 'Id not specified in an update call', []);
                    id = sim.dml.update(obj, idValue, values, wctx);
                }
                ok.push(quoteCsv(id) + sep + (created ? '"true"' : '"false"') + sep + original + eol);
            } catch (e) {
                if (!(e instanceof RowError)) throw e;
                bad.push(quoteCsv(id ?? '') + sep + quoteCsv(e.toBulk()) + sep + original + eol);
            }
        }
        await job.successful.append(ok.join(''));
        await job.failed.append(bad.join(''));
        job.numberRecordsProcessed += rows.length;
        job.numberRecordsFailed += bad.length;
        job.apiActiveProcessingTime += Date.now() - batchStart;
        sim.usage.bulkBatches++;
        sim.stats.rows('bulk', rows.length);
        touch(job);
    };
    try {
        touch(job, 'InProgress');
        sim.stats.write('bulk.ingest.process', job.object, 0, null);
        if (job.uploaded) {
            const parser = fs.createReadStream(job.dataPath).pipe(
                parse({
                    delimiter,
                    bom: true,
                    skip_empty_lines: true,
                    record_delimiter: job.lineEnding === 'CRLF' ? '\r\n' : ['\n', '\r\n']
                })
            );
            for await (const record of parser as AsyncIterable<string[]>) {
                if (!columns) {
                    columns = headerColumns(obj, record);
                    headerCells = record.map((c) => quoteCsv(c.trim())).join(delimiter);
                    if (
                        (job.operation === 'update' || job.operation === 'delete') &&
                        !columns.some((c) => c.field.type === 'id')
                    ) {
                        throw new Error('InvalidBatch : Field name not found : Id');
                    }
                    await job.successful.append(
                        `${quoteCsv('sf__Id')}${delimiter}${quoteCsv('sf__Created')}${delimiter}${headerCells}${eol}`
                    );
                    await job.failed.append(
                        `${quoteCsv('sf__Id')}${delimiter}${quoteCsv('sf__Error')}${delimiter}${headerCells}${eol}`
                    );
                    await job.unprocessed.append(headerCells + eol);
                    continue;
                }
                batch.push(record);
                if (batch.length === INGEST_BATCH_ROWS) {
                    await runBatch(batch);
                    batch = [];
                }
            }
            if (batch.length) await runBatch(batch);
        }
        if (!aborted && (job.state as string) !== 'Aborted') touch(job, 'JobComplete');
    } catch (e) {
        job.errorMessage =
            e instanceof Error
                ? e.message.startsWith('InvalidBatch')
                    ? e.message
                    : `InvalidBatch : ${e.message}`
                : String(e);
        // A job that fails before its first batch leaves the whole upload unprocessed.
        if (job.numberRecordsProcessed === 0 && job.uploaded && job.unprocessed.committed === 0) {
            await fs.promises.copyFile(job.dataPath, job.unprocessed.path);
            job.unprocessed.committed = job.uploadedBytes;
        }
        touch(job, 'Failed');
    } finally {
        job.totalProcessingTime = Date.now() - started;
        sim.stats.write('bulk.ingest.done', job.object, job.numberRecordsProcessed, null);
    }
}
