import type { OrgClient } from './orgClient';

export interface CollectionRowResult {
    id: string;
    success: boolean;
    errorCode?: string;
    message?: string;
}

interface SaveResult {
    id?: string;
    success: boolean;
    errors?: Array<{ statusCode: string; message: string }>;
}

/** Largest sObject Collections request Salesforce accepts. */
export const COLLECTION_SIZE = 200;

/** An owner change, and the other Lead fields that travel with it (null clears a field). */
export interface OwnerUpdate {
    id: string;
    ownerId: string;
    fields?: Record<string, string | null>;
}

function checkSize(count: number): void {
    if (count > COLLECTION_SIZE) {
        throw new Error(`sObject Collections take at most ${COLLECTION_SIZE} records, got ${count}`);
    }
}

/**
 * Updates up to 200 Lead owners in one sObject Collections call, allOrNone false, with
 * `Sforce-Auto-Assign: FALSE` so active assignment rules do not re-route the leads.
 */
export async function updateOwners(client: OrgClient, rows: OwnerUpdate[]): Promise<CollectionRowResult[]> {
    checkSize(rows.length);
    const results = await client.rest<SaveResult[]>(
        'PATCH',
        `${client.dataPath}/composite/sobjects`,
        {
            allOrNone: false,
            records: rows.map((row) => ({
                attributes: { type: 'Lead' },
                ...row.fields,
                Id: row.id,
                OwnerId: row.ownerId
            }))
        },
        { 'Sforce-Auto-Assign': 'FALSE' }
    );
    return toRowResults(
        rows.map((row) => row.id),
        results
    );
}

/** Creates up to 200 records of one object in one sObject Collections call, allOrNone false. */
export async function createRecords(
    client: OrgClient,
    type: string,
    records: Array<Record<string, unknown>>
): Promise<CollectionRowResult[]> {
    checkSize(records.length);
    const results = await client.rest<SaveResult[]>('POST', `${client.dataPath}/composite/sobjects`, {
        allOrNone: false,
        records: records.map((record) => ({ attributes: { type }, ...record }))
    });
    // A created record has no Id before the call: rows are named by their position.
    return toRowResults(
        records.map((_record, i) => String(i)),
        results
    );
}

function toRowResults(ids: string[], results: SaveResult[]): CollectionRowResult[] {
    return ids.map((id, i) => {
        const result = results[i];
        const error = result?.errors?.[0];
        return {
            id,
            success: result?.success === true,
            errorCode: result?.success ? undefined : (error?.statusCode ?? 'UNKNOWN_EXCEPTION'),
            message: result?.success ? undefined : (error?.message ?? 'No result for this row')
        };
    });
}

/** Row-level errors that can succeed when the row is sent again later. */
const RETRYABLE_ROW_CODES = [
    'UNABLE_TO_LOCK_ROW',
    'SERVER_UNAVAILABLE',
    'REQUEST_RUNNING_TOO_LONG',
    'QUERY_TIMEOUT',
    'UNKNOWN_EXCEPTION'
];

/** True when a row error (a code, or a Bulk API "CODE:message" text) is worth retrying. */
export function isRetryableRowError(codeOrText: string): boolean {
    return RETRYABLE_ROW_CODES.some(
        (code) => codeOrText === code || codeOrText.startsWith(`${code}:`) || codeOrText.startsWith(`${code} `)
    );
}
