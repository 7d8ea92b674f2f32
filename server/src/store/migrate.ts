import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

const MIGRATIONS_DIR = join(__dirname, 'migrations');

/**
 * Applies the numbered SQL files in store/migrations that are not applied yet, each in its own
 * transaction. An advisory lock keeps two instances starting at once from racing.
 */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<number[]> {
    const files = readdirSync(dir)
        .filter((name) => /^\d+_[a-z0-9_]+\.sql$/.test(name))
        .sort();
    return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(727274)');
        await tx.query(
            'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())'
        );
        const done = new Set(
            (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
                (row) => row.version
            )
        );
        const applied: number[] = [];
        for (const file of files) {
            const version = Number.parseInt(file, 10);
            if (done.has(version)) {
                continue;
            }
            for (const statement of splitStatements(readFileSync(join(dir, file), 'utf8'))) {
                await tx.query(statement);
            }
            await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, file]);
            applied.push(version);
        }
        return applied;
    });
}

/** Splits a migration on `;` at line ends; migrations keep to plain DDL (no function bodies). */
function splitStatements(sql: string): string[] {
    return sql
        .split(/;\s*(?:\r?\n|$)/)
        .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
        .filter((statement) => statement !== '');
}
