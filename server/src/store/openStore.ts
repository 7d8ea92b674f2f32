import type { Db } from './db';
import { migrate } from './migrate';
import { openPgliteDb } from './pgliteDb';
import { openPostgresDb } from './postgresDb';

export interface StoreOptions {
    dataDir?: string;
    databaseUrl?: string;
    schema: string;
}

/** Opens PostgreSQL when a URL is given, else PGlite in the data folder, and runs the migrations. */
export async function openStore(options: StoreOptions): Promise<Db> {
    const db = options.databaseUrl
        ? await openPostgresDb(options.databaseUrl, options.schema)
        : await openPgliteDb(options.dataDir, options.schema);
    try {
        await migrate(db);
    } catch (error) {
        await db.close();
        throw error;
    }
    return db;
}
