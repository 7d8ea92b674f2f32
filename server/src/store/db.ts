/** The small SQL surface the service needs; PGlite and PostgreSQL (pg) both provide it. */
export interface SqlClient {
    query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export interface Db extends SqlClient {
    /** Runs `work` in one transaction (BEGIN/COMMIT, ROLLBACK on error). */
    transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
    /** Runs several statements separated by `;` (migrations). */
    exec(sql: string): Promise<void>;
    close(): Promise<void>;
    /** `pglite`: one process owns the data folder; `postgres`: instances may share it. */
    readonly kind: 'pglite' | 'postgres';
    /** Why the store cannot be used right now (its connection dropped and is being made again), or undefined. */
    unavailable(): string | undefined;
    /** The embedded store's WASM heap in bytes (it grows and never shrinks); undefined for PostgreSQL. */
    heapBytes?(): number;
}

/**
 * The store's connection failed (the database restarted, a pooler dropped it, an operator ended
 * it): the work in hand is given back, not failed, and carries on once the store is back.
 */
export class StoreUnavailableError extends Error {
    constructor(message: string, options?: { cause?: unknown }) {
        super(`The store is unavailable: ${message}`, options);
        this.name = 'StoreUnavailableError';
    }
}
