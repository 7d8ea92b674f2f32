import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { errorText, StartupError } from '../config/startupError';

/** The lock file in DATA_DIR: who holds the folder. */
export const LOCK_FILE = 'partner-desk.lock';

interface LockHolder {
    pid: number;
    host: string;
    since: string;
}

function readHolder(file: string): LockHolder | undefined {
    try {
        const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
        return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as LockHolder) : undefined;
    } catch {
        return undefined;
    }
}

/** A holder on another host cannot be checked from here, so it counts as alive. */
function isAlive(holder: LockHolder): boolean {
    if (holder.host !== hostname()) return true;
    try {
        process.kill(holder.pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/**
 * Takes DATA_DIR for this process: the embedded store is one PostgreSQL data folder, which only one
 * process may open (two would claim the same jobs and can corrupt it). A second start is refused
 * naming the holder; a lock left by a process that no longer runs (killed, crashed) is taken over.
 * Returns the release, which removes the lock if it is still this process's.
 */
export function lockDataDir(dataDir: string, logger?: Logger): () => void {
    const file = join(dataDir, LOCK_FILE);
    const mine = JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString()
    } satisfies LockHolder);
    for (let attempt = 1; attempt <= 2; attempt++) {
        try {
            writeFileSync(file, mine, { flag: 'wx' });
            return () => {
                try {
                    if (readFileSync(file, 'utf8') === mine) rmSync(file, { force: true });
                } catch {
                    // Already gone: nothing to release.
                }
            };
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
                throw new StartupError(
                    'DATA_DIR',
                    `DATA_DIR ${dataDir}: cannot write the lock file ${file} (${errorText(error)}); give the service a folder it may write to.`,
                    { cause: error }
                );
            }
        }
        const holder = readHolder(file);
        if (holder && isAlive(holder)) {
            const who =
                holder.pid === process.pid && holder.host === hostname()
                    ? 'this process (the store is already open)'
                    : `process ${holder.pid} on ${holder.host}, since ${holder.since}`;
            throw new StartupError(
                'DATA_DIR',
                `DATA_DIR ${dataDir} is in use by another Partner Desk process: ${who}. Run one process per DATA_DIR: stop that process, or give this one its own DATA_DIR (several instances share work through DATABASE_URL). If no such process runs, delete ${file}.`
            );
        }
        logger?.warn(
            { lockFile: file, holder },
            'DATA_DIR lock left by a process that no longer runs; taking the folder over'
        );
        rmSync(file, { force: true });
    }
    throw new StartupError(
        'DATA_DIR',
        `DATA_DIR ${dataDir}: another process took the folder at the same moment; run one process per DATA_DIR.`
    );
}
