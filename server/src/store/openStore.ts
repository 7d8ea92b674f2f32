import pino, { type Logger } from 'pino';
import type { Db } from './db';
import { migrate } from './migrate';
import { openPgliteDb } from './pgliteDb';
import { openPostgresDb } from './postgresDb';

export interface StoreOptions {
    dataDir?: string;
    databaseUrl?: string;
    schema: string;
    /** Where connection losses and lock take-overs are reported (silent when not given). */
    logger?: Logger;
}

/** Opens PostgreSQL when a URL is given, else PGlite in the data folder, and runs the migrations. */
export async function openStore(options: StoreOptions): Promise<Db> {
    const logger = options.logger ?? pino({ level: 'silent' });
    const db = options.databaseUrl
        ? await openPostgresDb(options.databaseUrl, options.schema, logger)
        : await openPgliteDb(options.dataDir, options.schema, logger);
    try {
        await migrate(db);
    } catch (error) {
        await db.close();
        throw error;
    }
    return db;
}
