/**
 * What clients did: HTTP requests counted by kind, Composite Batch subrequests by the kind of route they
 * ran, and for every write the headers that change its meaning (Sforce-Auto-Assign), so tests and the
 * bench can check the client's behaviour.
 */

export interface WriteRecord {
    at: string;
    kind: string;
    object: string;
    records: number;
    /** The Sforce-Auto-Assign header as sent, or null when absent (Salesforce then runs assignment rules). */
    autoAssign: string | null;
}

/** Request kinds that are status polls, left out of "requests besides polls". */
export const POLL_KINDS = new Set(['bulk.ingest.info', 'bulk.query.info']);

const MAX_WRITES_KEPT = 10000;

export class Stats {
    requests: Record<string, number> = {};
    /** Composite Batch subrequests that ran, by route kind: not HTTP requests, so not in `requests`. */
    subrequests: Record<string, number> = {};
    /** SOQL queries sent as HTTP requests of their own, by the object queried (tells a poll of the job object from a lookup). */
    queriesByObject: Record<string, number> = {};
    writes: WriteRecord[] = [];
    /** Rows written through each API, for throughput figures. */
    rowsWritten: Record<string, number> = {};

    count(kind: string): void {
        this.requests[kind] = (this.requests[kind] ?? 0) + 1;
    }

    countSubrequest(kind: string): void {
        this.subrequests[kind] = (this.subrequests[kind] ?? 0) + 1;
    }

    queryOf(object: string): void {
        this.queriesByObject[object] = (this.queriesByObject[object] ?? 0) + 1;
    }

    write(kind: string, object: string, records: number, autoAssign: string | null): void {
        this.writes.push({ at: new Date().toISOString(), kind, object, records, autoAssign });
        if (this.writes.length > MAX_WRITES_KEPT) this.writes.splice(0, this.writes.length - MAX_WRITES_KEPT);
    }

    rows(kind: string, n: number): void {
        this.rowsWritten[kind] = (this.rowsWritten[kind] ?? 0) + n;
    }

    total(): number {
        return Object.values(this.requests).reduce((a, b) => a + b, 0);
    }

    /** Every request except job status polls (token and identity requests included). */
    totalBesidesPolls(): number {
        return Object.entries(this.requests)
            .filter(([k]) => !POLL_KINDS.has(k))
            .reduce((a, [, n]) => a + n, 0);
    }

    /** Writes to `object` (optionally of one kind) that did not send Sforce-Auto-Assign: FALSE. */
    writesWithoutAutoAssignFalse(object?: string): WriteRecord[] {
        return this.writes.filter(
            (w) =>
                (!object || w.object.toLowerCase() === object.toLowerCase()) &&
                w.kind.startsWith('rest.') &&
                (w.autoAssign ?? '').toUpperCase() !== 'FALSE'
        );
    }

    reset(): void {
        this.requests = {};
        this.subrequests = {};
        this.queriesByObject = {};
        this.writes = [];
        this.rowsWritten = {};
    }

    snapshot(): {
        requests: Record<string, number>;
        subrequests: Record<string, number>;
        queriesByObject: Record<string, number>;
        total: number;
        totalBesidesPolls: number;
        rowsWritten: Record<string, number>;
        writes: WriteRecord[];
    } {
        return {
            requests: { ...this.requests },
            subrequests: { ...this.subrequests },
            queriesByObject: { ...this.queriesByObject },
            total: this.total(),
            totalBesidesPolls: this.totalBesidesPolls(),
            rowsWritten: { ...this.rowsWritten },
            writes: this.writes.slice(-200)
        };
    }
}
