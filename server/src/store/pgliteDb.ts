import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import type { Logger } from 'pino';
import { errorText, StartupError } from '../config/startupError';
import { lockDataDir } from './dataDirLock';
import type { Db, SqlClient } from './db';

/**
 * PGlite is loaded through Node's own require: its WASM glue uses dynamic import(), which jest's
 * module sandbox refuses on Node 20 without --experimental-vm-modules; the service's jest
 * environment provides `__nodeRequire` for that. Outside jest this is plain require.
 */
const nodeRequire: NodeJS.Require =
    (globalThis as { __nodeRequire?: NodeJS.Require }).__nodeRequire ?? createRequire(__filename);
const { PGlite } = nodeRequire('@electric-sql/pglite') as { PGlite: typeof PGliteClass };

/**
 * PostgreSQL settings for the embedded store. The WASM heap holds shared_buffers, and PGlite's 128 MB
 * default was most of the service's idle memory. Measured (service idle on a fresh DATA_DIR, simulator
 * mode): 367 MB with 128 MB, 278-318 MB with 64 MB, 289-350 MB with 32 MB, 231 MB with 16 MB; with
 * 16 MB the store's work on a 200,000-row plan took 2.1 times as long as with 128 MB (pages evicted
 * and read again through the WASM file layer). 32 MB is the compromise.
 */
export const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

/**
 * Creates a new data folder in a process of its own: initdb grows the WASM heap to about 700 MB,
 * and a heap cannot shrink, so a service that ran initdb itself would keep that memory for good.
 */
async function createCluster(location: string): Promise<void> {
    const script = `const { PGlite } = require(process.argv[1]);
PGlite.create({ dataDir: process.argv[2], startParams: JSON.parse(process.argv[3]) })
  .then((pg) => pg.close())
  .catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });`;
    const params = JSON.stringify([...PGlite.defaultStartParams, ...PGLITE_SETTINGS]);
    const child = spawn(
        process.execPath,
        ['-e', script, nodeRequire.resolve('@electric-sql/pglite'), location, params],
        { stdio: ['ignore', 'ignore', 'pipe'] }
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', resolve);
    });
    if (code !== 0) {
        throw new Error(
            `creating the embedded store failed: ${stderr.trim().slice(-1000) || `exit code ${String(code)}`}`
        );
    }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in `<dataDir>/pglite`; `schema` keeps the tables apart. The
 * folder is locked for this process first (see lockDataDir); without `dataDir` the store lives in memory.
 */
export async function openPgliteDb(dataDir: string | undefined, schema: string, logger?: Logger): Promise<Db> {
    let location: string | undefined;
    let unlock = () => {};
    if (dataDir) {
        mkdirSync(dataDir, { recursive: true });
        unlock = lockDataDir(dataDir, logger);
        location = join(dataDir, 'pglite');
    }
    let pg: PGliteClass;
    try {
        if (location && !existsSync(join(location, 'PG_VERSION'))) {
            mkdirSync(location, { recursive: true });
            await createCluster(location);
        }
        pg = await PGlite.create({
            dataDir: location,
            startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS]
        });
        await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);
    } catch (error) {
        unlock();
        throw new StartupError(
            'DATA_DIR',
            `DATA_DIR ${dataDir ?? '(in memory)'}: the embedded store in ${location ?? 'memory'} cannot be opened: ${errorText(error)}. If it was damaged, move the folder aside and start again (the org's job records say what each job had done), or set DATABASE_URL.`,
            { cause: error }
        );
    }
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
        unavailable: () => undefined,
        heapBytes: () => pg.Module.HEAPU8.length,
        async close() {
            try {
                await pg.close();
            } finally {
                unlock();
            }
        }
    };
}
