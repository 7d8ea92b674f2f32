import { setTimeout as sleep } from 'node:timers/promises';
import { csvBatches } from './csvStream';
import { SalesforceApiError, type OrgClient } from './orgClient';

interface QueryJobInfo {
    id: string;
    state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    numberRecordsProcessed?: number;
    errorMessage?: string;
}

/** Records per results page: results are streamed, so big pages cost no memory and save requests. */
export const BULK_QUERY_PAGE = 1_000_000;

export interface BulkQueryOptions {
    pollIntervalMs: number;
    /** Records per results page; large pages keep the request count down, streaming keeps memory flat. */
    maxRecords?: number;
    batchSize?: number;
    /** Called while waiting, so the caller can heartbeat or notice a cancel. */
    onPoll?: () => Promise<void>;
    /** Waits between polls; a caller that can be stopped passes a wait that ends on shutdown. */
    pause?: (ms: number) => Promise<void>;
}

/**
 * Runs a Bulk API 2.0 query job and streams its CSV results in batches. The job is polled here
 * (not by jsforce's bulk2.query, which buffers whole result pages as parsed records).
 */
export async function* bulkQuery(
    client: OrgClient,
    soql: string,
    options: BulkQueryOptions
): AsyncGenerator<Array<Record<string, string>>> {
    const base = `${client.dataPath}/jobs/query`;
    const job = await client.rest<QueryJobInfo>('POST', base, {
        operation: 'query',
        query: soql,
        contentType: 'CSV',
        lineEnding: 'LF',
        columnDelimiter: 'COMMA'
    });
    let info = job;
    while (info.state === 'UploadComplete' || info.state === 'InProgress') {
        await (options.pause ?? sleep)(options.pollIntervalMs);
        await options.onPoll?.();
        info = await client.rest<QueryJobInfo>('GET', `${base}/${job.id}`);
    }
    if (info.state !== 'JobComplete') {
        throw new SalesforceApiError(
            500,
            'BULK_QUERY_FAILED',
            `Bulk query job ${job.id} ended ${info.state}: ${info.errorMessage ?? 'no message'}`
        );
    }
    let locator: string | null = null;
    do {
        const params = new URLSearchParams();
        if (options.maxRecords) {
            params.set('maxRecords', String(options.maxRecords));
        }
        if (locator) {
            params.set('locator', locator);
        }
        const query = params.toString();
        const response = await client.fetchRaw(`${base}/${job.id}/results${query ? `?${query}` : ''}`, {
            method: 'GET',
            headers: { Accept: 'text/csv' }
        });
        const next = response.headers.get('sforce-locator');
        locator = next && next !== 'null' ? next : null;
        yield* csvBatches(response, options.batchSize ?? 10_000);
    } while (locator);
}
