/**
 * Bulk API 2.0 job registry: ingest and query jobs, their JSON "job info" shapes, and the files that
 * hold uploaded data and results (in a temporary folder, so a million rows never sit in one string).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApiError } from '../errors';
import { makeId } from '../ids';
import type { CompiledQuery } from '../soql/query';

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export const DELIMITERS: Record<string, string> = {
    COMMA: ',',
    TAB: '\t',
    PIPE: '|',
    SEMICOLON: ';',
    CARET: '^',
    BACKQUOTE: '`'
};

/** An append-only results file; `committed` is how many bytes are safely written and may be served. */
export class ResultFile {
    committed = 0;
    private handle: fs.promises.FileHandle | undefined;

    constructor(readonly path: string) {}

    async append(text: string): Promise<void> {
        if (!text) return;
        this.handle ??= await fs.promises.open(this.path, 'a');
        const buf = Buffer.from(text, 'utf8');
        await this.handle.write(buf);
        this.committed += buf.length;
    }

    async close(): Promise<void> {
        await this.handle?.close();
        this.handle = undefined;
    }

    remove(): void {
        void this.close().finally(() => fs.rm(this.path, { force: true }, () => undefined));
    }

    stream(): NodeJS.ReadableStream | undefined {
        return this.committed > 0 ? fs.createReadStream(this.path, { start: 0, end: this.committed - 1 }) : undefined;
    }
}

interface JobBase {
    id: string;
    operation: string;
    object: string;
    createdById: string;
    createdDate: number;
    systemModstamp: number;
    state: JobState;
    apiVersion: number;
    lineEnding: 'LF' | 'CRLF';
    columnDelimiter: string;
    numberRecordsProcessed: number;
    retries: number;
    totalProcessingTime: number;
    errorMessage?: string;
}

export interface IngestJob extends JobBase {
    kind: 'ingest';
    externalIdFieldName?: string;
    assignmentRuleId?: string;
    numberRecordsFailed: number;
    apiActiveProcessingTime: number;
    dataPath: string;
    uploadedBytes: number;
    uploaded: boolean;
    successful: ResultFile;
    failed: ResultFile;
    unprocessed: ResultFile;
}

export interface QueryJob extends JobBase {
    kind: 'query';
    query: string;
    compiled: CompiledQuery;
    results: ResultFile;
    /** Header line of every results page. */
    headerLine: string;
    /** Byte offset of each row's start in the results file, plus one past the last row. */
    offsets: Float64Array;
    rowCount: number;
}

const DIR_PREFIX = 'org-simulator-';

/** Removes job folders left by simulator processes that were killed (the pid in the name is gone). */
function sweepStaleDirs(): void {
    for (const name of fs.readdirSync(os.tmpdir())) {
        const pid = Number(/^org-simulator-(\d+)-/.exec(name)?.[1]);
        if (!pid || pid === process.pid) continue;
        try {
            process.kill(pid, 0);
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ESRCH')
                fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
        }
    }
}

function timestamp(ms: number): string {
    return new Date(ms).toISOString().replace('Z', '+0000');
}

export class BulkJobs {
    readonly dir: string;
    readonly ingest = new Map<string, IngestJob>();
    readonly query = new Map<string, QueryJob>();
    private counter = 0;

    private readonly removeOnExit = (): void => fs.rmSync(this.dir, { recursive: true, force: true });

    constructor() {
        sweepStaleDirs();
        this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
        process.once('exit', this.removeOnExit);
    }

    nextId(): string {
        return makeId('750', this.counter++);
    }

    file(name: string): string {
        return path.join(this.dir, name);
    }

    ingestJob(id: string): IngestJob {
        const job = this.ingest.get(id);
        if (!job) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        return job;
    }

    queryJob(id: string): QueryJob {
        const job = this.query.get(id);
        if (!job) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        return job;
    }

    close(): void {
        for (const job of this.ingest.values())
            for (const f of [job.successful, job.failed, job.unprocessed]) void f.close();
        for (const job of this.query.values()) void job.results.close();
        process.removeListener('exit', this.removeOnExit);
        this.removeOnExit();
    }
}

function common(job: JobBase): Record<string, unknown> {
    return {
        id: job.id,
        operation: job.operation,
        object: job.object,
        createdById: job.createdById,
        createdDate: timestamp(job.createdDate),
        systemModstamp: timestamp(job.systemModstamp),
        state: job.state,
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: job.apiVersion
    };
}

/** Job info as returned by create and by the state-change PATCH. */
export function ingestCreateInfo(job: IngestJob, version: string): Record<string, unknown> {
    return {
        ...common(job),
        ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
        ...(job.assignmentRuleId ? { assignmentRuleId: job.assignmentRuleId } : {}),
        contentUrl: `services/data/v${version}/jobs/ingest/${job.id}/batches`,
        lineEnding: job.lineEnding,
        columnDelimiter: job.columnDelimiter
    };
}

/** GET /jobs/ingest/{id} */
export function ingestInfo(job: IngestJob, version: string): Record<string, unknown> {
    return {
        ...ingestCreateInfo(job, version),
        jobType: 'V2Ingest',
        numberRecordsProcessed: job.numberRecordsProcessed,
        numberRecordsFailed: job.numberRecordsFailed,
        retries: job.retries,
        totalProcessingTime: job.totalProcessingTime,
        apiActiveProcessingTime: job.apiActiveProcessingTime,
        apexProcessingTime: 0,
        ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
}

/** GET /jobs/query/{id} */
export function queryInfo(job: QueryJob, withCounts: boolean): Record<string, unknown> {
    return {
        ...common(job),
        lineEnding: job.lineEnding,
        columnDelimiter: job.columnDelimiter,
        ...(withCounts
            ? {
                  jobType: 'V2Query',
                  numberRecordsProcessed: job.numberRecordsProcessed,
                  retries: job.retries,
                  totalProcessingTime: job.totalProcessingTime
              }
            : {}),
        ...(job.errorMessage ? { errorMessage: job.errorMessage } : {})
    };
}

export function touch(job: JobBase, state?: JobState): void {
    if (state) job.state = state;
    job.systemModstamp = Date.now();
}
