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
}
