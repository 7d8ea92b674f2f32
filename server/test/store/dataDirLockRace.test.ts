import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, lockDataDir, lockRaceHooks } from '../../src/store/dataDirLock';

/** A pid that no longer runs: a child that has exited. */
function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    return Number(child.stdout.toString());
}

describe('taking over a stale DATA_DIR lock', () => {
    let dataDir: string;

    beforeEach(() => {
        dataDir = mkdtempSync(join(tmpdir(), 'pd-lock-race-'));
        writeFileSync(
            join(dataDir, LOCK_FILE),
            JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' })
        );
    });

    afterEach(() => {
        lockRaceHooks.beforeTakeOver = undefined;
        rmSync(dataDir, { recursive: true, force: true });
    });

    test('given a lock left by a dead process, when a second start takes it over while the first is between reading it and taking it, then only one of them gets the folder', () => {
        let first: (() => void) | undefined;
        let firstLock = '';
        // The first start reads the dead holder; before it takes over, the second start does the whole take-over.
        lockRaceHooks.beforeTakeOver = () => {
            lockRaceHooks.beforeTakeOver = undefined;
            first = lockDataDir(dataDir);
            firstLock = readFileSync(join(dataDir, LOCK_FILE), 'utf8');
        };

        expect(() => lockDataDir(dataDir)).toThrow(/is in use by another Partner Desk process/);

        expect(first).toBeDefined();
        expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(firstLock);
        expect(readdirSync(dataDir)).toEqual([LOCK_FILE]);
        first!();
        expect(readdirSync(dataDir)).toEqual([]);
    });

    test('given a lock left by a dead process, when one start takes it over, then it holds the folder and a later start is refused', () => {
        const release = lockDataDir(dataDir);

        expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
        expect(() => lockDataDir(dataDir)).toThrow(/this process \(the store is already open\)/);
        release();
        expect(readdirSync(dataDir)).toEqual([]);
    });
});
