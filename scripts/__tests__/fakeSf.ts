/**
 * A fake `sf` for testing the admin scripts without an org: an executable placed first on PATH that
 * records each call's argv (and the content of any --file) and answers with canned --json output,
 * chosen by subcommand (and, for `data query`, by a piece of the SOQL). A rule with several
 * responses answers them in turn and then repeats the last, which is how polling is scripted.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface CannedResponse {
    exitCode: number;
    json: unknown;
}

export interface Rule {
    /** Subcommand words before the first flag, e.g. "project deploy validate". */
    command: string;
    /** For `data query`: answer only when the --query text contains this. */
    queryIncludes?: string;
    responses: CannedResponse[];
}

export interface Call {
    argv: string[];
    command: string;
    file?: string;
}

export const ok = (result: unknown): CannedResponse => ({ exitCode: 0, json: { status: 0, result, warnings: [] } });

export const fail = (
    name: string,
    message: string,
    exitCode = 1,
    extra: Record<string, unknown> = {}
): CannedResponse => ({
    exitCode,
    json: { status: exitCode, name, message, exitCode, context: 'Fake', ...extra, warnings: [] }
});

export const records = (rows: unknown[]): CannedResponse => ok({ records: rows, totalSize: rows.length, done: true });

const FAKE_SF = `#!/usr/bin/env node
const fs = require('fs');
const args = process.argv.slice(2);
const command = [];
for (const a of args) { if (a.startsWith('-')) break; command.push(a); }
const cmd = command.join(' ');
const call = { argv: args, command: cmd };
const fileAt = args.indexOf('--file');
if (fileAt >= 0 && fs.existsSync(args[fileAt + 1])) call.file = fs.readFileSync(args[fileAt + 1], 'utf8');
fs.appendFileSync(process.env.FAKE_SF_LOG, JSON.stringify(call) + '\\n');
const queryAt = args.indexOf('--query');
const query = queryAt >= 0 ? args[queryAt + 1] : '';
const rules = JSON.parse(fs.readFileSync(process.env.FAKE_SF_SCENARIO, 'utf8'));
const index = rules.findIndex((r) => r.command === cmd && (!r.queryIncludes || query.includes(r.queryIncludes)));
if (index < 0) {
    process.stdout.write(JSON.stringify({ status: 1, name: 'FakeSfNoAnswer', message: 'fake sf has no answer for: ' + args.join(' ') }));
    process.exit(1);
}
const counter = process.env.FAKE_SF_LOG + '.rule' + index;
const n = fs.existsSync(counter) ? Number(fs.readFileSync(counter, 'utf8')) : 0;
fs.writeFileSync(counter, String(n + 1));
const responses = rules[index].responses;
const response = responses[Math.min(n, responses.length - 1)];
process.stdout.write(JSON.stringify(response.json, null, 2));
process.exit(response.exitCode);
`;

export interface ScriptRun {
    status: number | null;
    stdout: string;
    stderr: string;
    calls: Call[];
}

const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tempDirs.push(dir);
    return dir;
}

export function removeTempDirs(): void {
    for (const dir of tempDirs.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Runs one of the scripts with tsx, the fake sf first on PATH, and returns what it did. */
export function runWithFakeSf(script: string, args: string[], rules: Rule[]): Promise<ScriptRun> {
    const dir = tempDir('pd-fake-sf-');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'sf'), FAKE_SF, { mode: 0o755 });
    const scenario = path.join(dir, 'scenario.json');
    fs.writeFileSync(scenario, JSON.stringify(rules));
    const log = path.join(dir, 'calls.jsonl');
    fs.writeFileSync(log, '');

    const repo = path.resolve(__dirname, '..', '..');
    const child = spawn(path.join(repo, 'node_modules', '.bin', 'tsx'), [path.join(repo, 'scripts', script), ...args], {
        cwd: repo,
        env: {
            ...process.env,
            PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
            FAKE_SF_SCENARIO: scenario,
            FAKE_SF_LOG: log
        }
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (status) => {
            const calls = fs
                .readFileSync(log, 'utf8')
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line) as Call);
            resolve({ status, stdout, stderr, calls });
        });
    });
}

/** The value after a flag in one call's argv. */
export function flagValue(call: Call, flag: string): string | undefined {
    const at = call.argv.indexOf(flag);
    return at >= 0 ? call.argv[at + 1] : undefined;
}
