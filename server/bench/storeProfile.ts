/**
 * BENCH_PROFILE=1: where the store's time and the embedded store's memory go during a bench. Wraps a
 * Db so that every statement is timed and, on PGlite, the WASM heap growth it caused is noted
 * (the heap never shrinks, so growth is what the process keeps). Statements are grouped by their
 * text with whitespace folded, cut to 90 characters.
 */
import type { Db, SqlClient } from '../src/store/db';
import { round } from './harness';

interface StatementCost {
    calls: number;
    ms: number;
    heapGrowth: number;
}

const MB = 1024 * 1024;

export class StoreProfile {
    private readonly costs = new Map<string, StatementCost>();
    private readonly t0 = Date.now();
    /** [seconds since start, heap MB, RSS MB, statement] each time the heap grew. */
    private readonly growth: Array<[number, number, number, string]> = [];

    constructor(private readonly inner: Db) {}

    private async timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
        const heap0 = this.inner.heapBytes?.() ?? 0;
        const start = performance.now();
        try {
            return await run();
        } finally {
            const cost = this.costs.get(key) ?? { calls: 0, ms: 0, heapGrowth: 0 };
            const heap = this.inner.heapBytes?.() ?? 0;
            cost.calls++;
            cost.ms += performance.now() - start;
            cost.heapGrowth += heap - heap0;
            this.costs.set(key, cost);
            if (heap > heap0) {
                this.growth.push([
                    round((Date.now() - this.t0) / 1000, 1),
                    round(heap / MB),
                    round(process.memoryUsage().rss / MB),
                    key
                ]);
            }
        }
    }

    private wrap(client: SqlClient): SqlClient {
        return {
            query: <T>(sql: string, params?: unknown[]) => this.timed(sql, () => client.query<T>(sql, params))
        };
    }

    /** The Db to hand to the repos. */
    db(): Db {
        const db = this.inner;
        return {
            ...db,
            ...this.wrap(db),
            transaction: (work) => db.transaction((tx) => work(this.wrap(tx))),
            exec: (sql) => this.timed(sql, () => db.exec(sql)),
            close: () => db.close(),
            unavailable: () => db.unavailable(),
            ...(db.heapBytes ? { heapBytes: () => db.heapBytes!() } : {})
        };
    }

    report(limit = 25): string {
        const rows = [...this.costs.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, limit);
        const lines = rows.map(
            ([sql, c]) =>
                `  ${(c.ms / 1000).toFixed(1).padStart(7)} s ${String(c.calls).padStart(6)} calls ${(c.heapGrowth / MB).toFixed(0).padStart(5)} MB heap  ${sql}`
        );
        const growth = this.growth.map(([t, heap, rss, sql]) => `  t=${t}s heap ${heap} MB rss ${rss} MB  ${sql}`);
        return [
            'store statements by time (total, calls, WASM heap growth):',
            ...lines,
            'WASM heap growth events:',
            ...growth
        ].join('\n');
    }
}
