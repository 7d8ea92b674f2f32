import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import type { Db, SqlClient } from './db';

/**
 * PGlite is loaded through Node's own require: its WASM glue uses dynamic import(), which jest's
 * module sandbox refuses on Node 20 without --experimental-vm-modules; the service's jest
 * environment provides `__nodeRequire` for that. Outside jest this is plain require.
 */
const nodeRequire: NodeJS.Require = (globalThis as { __nodeRequire?: NodeJS.Require }).__nodeRequire ?? createRequire(__filename);
const { PGlite } = nodeRequire('@electric-sql/pglite') as { PGlite: typeof PGliteClass };

/** Embedded PostgreSQL (PGlite, WASM) in `<dataDir>/pglite`; `schema` keeps the tables apart. */
export async function openPgliteDb(dataDir: string | undefined, schema: string): Promise<Db> {
    let location: string | undefined;
    if (dataDir) {
        location = join(dataDir, 'pglite');
        mkdirSync(location, { recursive: true });
    }
    const pg = await PGlite.create({ dataDir: location });
    await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
    const wrap = (client: { query: PGliteClass['query'] }): SqlClient => ({
        async query<T>(sql: string, params?: unknown[]) {
            const result = await client.query<T>(sql, params as unknown[]);
            return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        }
    });
    return {
        kind: 'pglite',
        ...wrap(pg),
        transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
        exec: async (sql) => {
            await pg.exec(sql);
        },
        close: () => pg.close()
    };
}
