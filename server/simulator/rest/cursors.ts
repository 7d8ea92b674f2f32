/**
 * Query locators for REST query paging. A cursor keeps the matched row numbers (an Int32Array) and
 * reads the fields when each page is fetched. As in Salesforce, cursors expire after 15 minutes unused
 * and a user has at most 10 open: opening an eleventh releases that user's oldest.
 */
import { makeId } from '../ids';
import type { CompiledQuery } from '../soql/query';

export interface Cursor {
    id: string;
    userId: string;
    query: CompiledQuery;
    rows: Int32Array;
    lastUsed: number;
}

const IDLE_MS = 15 * 60 * 1000;
const MAX_PER_USER = 10;

export class QueryCursors {
    private readonly cursors = new Map<string, Cursor>();
    private counter = 0;

    open(query: CompiledQuery, rows: Int32Array, userId: string): Cursor {
        this.sweep(userId);
        const cursor = { id: makeId('01g', this.counter++), userId, query, rows, lastUsed: Date.now() };
        this.cursors.set(cursor.id, cursor);
        return cursor;
    }

    get(id: string): Cursor | undefined {
        const c = this.cursors.get(id);
        if (!c) return undefined;
        c.lastUsed = Date.now();
        return c;
    }

    close(id: string): void {
        this.cursors.delete(id);
    }

    private sweep(userId: string): void {
        const now = Date.now();
        for (const [id, c] of this.cursors) if (now - c.lastUsed > IDLE_MS) this.cursors.delete(id);
        const mine = [...this.cursors.values()].filter((c) => c.userId === userId);
        for (const c of mine.slice(0, Math.max(0, mine.length - MAX_PER_USER + 1))) this.cursors.delete(c.id);
    }
}
