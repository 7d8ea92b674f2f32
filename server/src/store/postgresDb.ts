import { Pool, type PoolClient } from 'pg';
import type { Db, SqlClient } from './db';

/** PostgreSQL server through a pg Pool; every connection works in `schema`. */
export async function openPostgresDb(connectionString: string, schema: string): Promise<Db> {
    const pool = new Pool({ connectionString, max: 5, options: `-c search_path=${schema}` });
    const bootstrap = await pool.connect();
    try {
        await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
        bootstrap.release();
    }
    const wrap = (client: Pool | PoolClient): SqlClient => ({
        async query<T>(sql: string, params?: unknown[]) {
            const result = await client.query(sql, params);
            return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
        }
    });
    return {
        kind: 'postgres',
        ...wrap(pool),
        async transaction(work) {
            const client = await pool.connect();
            try {
                await client.query('BEGIN');
                const result = await work(wrap(client));
                await client.query('COMMIT');
                return result;
            } catch (error) {
                await client.query('ROLLBACK').catch(() => undefined);
                throw error;
            } finally {
                client.release();
            }
        },
        async exec(sql) {
            await pool.query(sql);
        },
        close: () => pool.end()
    };
}
