import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

function readHolder(text: string): LockHolder | undefined {
    try {
        const holder = JSON.parse(text) as Partial<LockHolder>;
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
 * Removes the lock file if it still holds `stale` (the text read from it), atomically: two starts that
 * both found the same dead holder must not both take over (the second would delete the first's new
 * lock). The file is renamed aside (only one rename of it succeeds); if what was moved is not the
 * stale lock but a live one written meanwhile, it is linked back (link never replaces a file).
 * Returns whether the stale lock is gone.
 */
function removeStale(file: string, stale: string): boolean {
    const aside = `${file}.${process.pid}.${Date.now()}.stale`;
    try {
        renameSync(file, aside);
    } catch {
        // Another start moved it first: whatever is there now is checked again.
        return false;
    }
    let moved: string | undefined;
    try {
        moved = readFileSync(aside, 'utf8');
    } catch {
        moved = undefined;
    }
    if (moved !== stale) {
        try {
            linkSync(aside, file);
        } catch {
            // A third start wrote the lock in the meantime; its holder keeps it.
        }
        rmSync(aside, { force: true });
        return false;
    }
    rmSync(aside, { force: true });
    return true;
}

/** Test seam: runs between reading a dead holder and taking its lock over (the window a racing start uses). */
export const lockRaceHooks: { beforeTakeOver?: () => void } = {};

/**
 * Takes DATA_DIR for this process: the embedded store is one PostgreSQL data folder, which only one
 * process may open (two would claim the same jobs and can corrupt it). A second start is refused
 * naming the holder; a lock left by a process that no longer runs (killed, crashed) is taken over,
 * by one start only when several find it at once (removeStale).
 * Returns the release, which removes the lock if it is still this process's.
 */
export function lockDataDir(dataDir: string, logger?: Logger): () => void {
    const file = join(dataDir, LOCK_FILE);
    const mine = JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString()
    } satisfies LockHolder);
    for (let attempt = 1; attempt <= 3; attempt++) {
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
        let text: string | undefined;
        try {
            text = readFileSync(file, 'utf8');
        } catch {
            // Removed since the write failed: try again.
            continue;
        }
        const holder = readHolder(text);
        if (holder && isAlive(holder)) {
            throw inUse(dataDir, file, holder);
        }
        lockRaceHooks.beforeTakeOver?.();
        if (removeStale(file, text)) {
            logger?.warn(
                { lockFile: file, holder },
                'DATA_DIR lock left by a process that no longer runs; taking the folder over'
            );
        }
    }
    throw new StartupError(
        'DATA_DIR',
        `DATA_DIR ${dataDir}: another process took the folder at the same moment; run one process per DATA_DIR.`
    );
}

function inUse(dataDir: string, file: string, holder: LockHolder): StartupError {
    const who =
        holder.pid === process.pid && holder.host === hostname()
            ? 'this process (the store is already open)'
            : `process ${holder.pid} on ${holder.host}, since ${holder.since}`;
    return new StartupError(
        'DATA_DIR',
        `DATA_DIR ${dataDir} is in use by another Partner Desk process: ${who}. Run one process per DATA_DIR: stop that process, or give this one its own DATA_DIR (several instances share work through DATABASE_URL). If no such process runs, delete ${file}.`
    );
}
