import type { Db } from '../../src/store/db';

/** The machine's PostgreSQL (trust auth); TEST_DATABASE_URL overrides it. Tests use their own schema and drop it. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function dropSchema(db: Db, schema: string): Promise<void> {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}
