/**
 * Runs the Salesforce CLI with --json and returns its parsed answer. The admin scripts make every
 * decision from these answers, so tests put a fake `sf` first on PATH and assert the decisions.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The envelope every `sf ... --json` prints: result on success, name/message on failure. */
export interface SfJson<T> {
    status: number;
    result?: T;
    name?: string;
    message?: string;
    data?: unknown;
    warnings?: unknown[];
}

export interface SfResult<T> {
    exitCode: number;
    json?: SfJson<T>;
    stdout: string;
    stderr: string;
}

export interface QueryResult<R> {
    records: R[];
    totalSize: number;
    done: boolean;
}

const SF_ENV = {
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_DISABLE_TELEMETRY: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
};

/** `sf` from PATH (npm run puts node_modules/.bin there), else this repository's installed CLI. */
export function resolveSf(): string {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        if (!dir) {
            continue;
        }
        const candidate = path.join(dir, 'sf');
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return candidate;
        } catch {
            // not in this PATH entry
        }
    }
    return path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'sf');
}

/** Quotes an argument for display only (the command runs without a shell). */
function shown(arg: string): string {
    return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function commandLine(args: string[]): string {
    return ['sf', ...args].map(shown).join(' ');
}

export class Sf {
    private readonly bin: string;

    constructor(
        private readonly log: (line: string) => void = (line) => console.log(line),
        bin?: string
    ) {
        this.bin = bin ?? resolveSf();
    }

    run<T>(args: string[], cwd?: string): Promise<SfResult<T>> {
        const fullArgs = [...args, '--json'];
        this.log(`$ ${commandLine(args)}`);
        return new Promise((resolve) => {
            execFile(
                this.bin,
                fullArgs,
                { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...SF_ENV } },
                (error, stdout, stderr) => {
                    const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
                    let json: SfJson<T> | undefined;
                    try {
                        json = JSON.parse(stdout) as SfJson<T>;
                    } catch {
                        json = undefined;
                    }
                    if (!json && error && typeof error.code === 'string') {
                        stderr = `${stderr}\ncould not run ${this.bin}: ${error.message}`.trim();
                    }
                    resolve({ exitCode, json, stdout, stderr });
                }
            );
        });
    }

    async query<R>(soql: string, targetOrg: string): Promise<SfResult<QueryResult<R>>> {
        return this.run<QueryResult<R>>(['data', 'query', '--query', soql, '--target-org', targetOrg]);
    }

    /** The same query against the Tooling API (setup objects such as EntityDefinition). */
    async toolingQuery<R>(soql: string, targetOrg: string): Promise<SfResult<QueryResult<R>>> {
        return this.run<QueryResult<R>>([
            'data',
            'query',
            '--query',
            soql,
            '--use-tooling-api',
            '--target-org',
            targetOrg
        ]);
    }

    /** Runs anonymous Apex from a temporary file; the file is gone when the promise settles. */
    async apex(code: string, targetOrg: string): Promise<SfResult<{ success: boolean; compiled: boolean }>> {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-apex-'));
        const file = path.join(dir, 'anonymous.apex');
        fs.writeFileSync(file, code);
        try {
            return await this.run<{ success: boolean; compiled: boolean }>([
                'apex',
                'run',
                '--file',
                file,
                '--target-org',
                targetOrg
            ]);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}

/** True when the command succeeded by both its exit code and its JSON status. */
export function succeeded<T>(res: SfResult<T>): res is SfResult<T> & { json: SfJson<T> & { result: T } } {
    return res.exitCode === 0 && res.json !== undefined && res.json.status === 0 && res.json.result !== undefined;
}

/** The CLI's own words for a failure, for printing under our own "what to fix" line. */
export function failureText<T>(res: SfResult<T>): string {
    const parts = [res.json?.name, res.json?.message].filter((p): p is string => Boolean(p));
    if (parts.length > 0) {
        return parts.join(': ');
    }
    return (res.stderr || res.stdout).trim() || `sf exited with code ${res.exitCode}`;
}
