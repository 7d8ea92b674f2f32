import { csvBatches, textStream } from './csvStream';
import type { OrgClient } from './orgClient';

export type IngestState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

export interface IngestJobInfo {
    id: string;
    state: IngestState;
    numberRecordsProcessed?: number;
    numberRecordsFailed?: number;
    errorMessage?: string;
}

export interface FailedRow {
    id: string;
    error: string;
}

/** Bulk API 2.0 ingest (update) jobs: each call is one HTTP request, so the caller owns polling and retries. */
export class BulkIngest {
    constructor(private readonly client: OrgClient) {}

    private get base(): string {
        return `${this.client.dataPath}/jobs/ingest`;
    }

    /** Creates an update job for `object` (CSV, LF line endings). */
    async open(object: string): Promise<IngestJobInfo> {
        return this.client.rest<IngestJobInfo>('POST', this.base, {
            object,
            operation: 'update',
            contentType: 'CSV',
            lineEnding: 'LF',
            columnDelimiter: 'COMMA'
        });
    }

    /** Streams the CSV (header + rows) from `chunks`; the factory is called again if the session must be renewed. */
    async upload(jobId: string, chunks: () => AsyncGenerator<string>): Promise<void> {
        const response = await this.client.fetchRaw(`${this.base}/${jobId}/batches`, {
            method: 'PUT',
            headers: { 'Content-Type': 'text/csv' },
            body: () => textStream(chunks)
        });
        await response.body?.cancel();
    }

    async close(jobId: string): Promise<IngestJobInfo> {
        return this.client.rest<IngestJobInfo>('PATCH', `${this.base}/${jobId}`, { state: 'UploadComplete' });
    }

    async abort(jobId: string): Promise<IngestJobInfo> {
        return this.client.rest<IngestJobInfo>('PATCH', `${this.base}/${jobId}`, { state: 'Aborted' });
    }

    async info(jobId: string): Promise<IngestJobInfo> {
        return this.client.rest<IngestJobInfo>('GET', `${this.base}/${jobId}`);
    }

    /** Failed rows (sf__Id, sf__Error) streamed in batches. */
    async *failedResults(jobId: string, batchSize = 10_000): AsyncGenerator<FailedRow[]> {
        const response = await this.client.fetchRaw(`${this.base}/${jobId}/failedResults`, {
            method: 'GET',
            headers: { Accept: 'text/csv' }
        });
        for await (const batch of csvBatches(response, batchSize)) {
            yield batch.map((row) => ({ id: row.sf__Id || row.Id || '', error: row.sf__Error ?? 'Unknown error' }));
        }
    }
}
