import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MAIN = resolve(__dirname, '../../src/main.ts');
/** tsx's loader for both module kinds, as `npm start` uses it (the demo org is loaded with a dynamic import()). */
const TSX = pathToFileURL(require.resolve('tsx')).href;

export interface ServiceProcess {
    child: ChildProcess;
    /** Everything the process wrote, for assertions and failure messages. */
    output(): string;
    /** Resolves when the output contains `text`. */
    waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    /** The service's URL once it logged that it listens. */
    url(): string;
}

/** The URL in the service's "listening" log line. */
export function listeningUrl(output: string): string {
    const line = output.split('\n').find((l) => l.includes('Partner Desk service listening'));
    if (!line) throw new Error(`The service has not logged that it listens. Output:\n${output.slice(-2000)}`);
    return (JSON.parse(line) as { url: string }).url;
}

/** Runs `npm start`'s entry point (server/src/main.ts through tsx) as a real child process. */
export function startServiceProcess(env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, ['--import', TSX, MAIN], {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    const listeners = new Set<() => void>();
    const onData = (chunk: Buffer) => {
        out += chunk.toString();
        for (const listener of listeners) listener();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        child.once('exit', (code, signal) => done({ code, signal }))
    );
    return {
        child,
        output: () => out,
        exited,
        url: () => listeningUrl(out),
        waitFor(text, timeoutMs = 120_000) {
            const matches = () => (typeof text === 'string' ? out.includes(text) : text.test(out));
            return new Promise<void>((done, fail) => {
                if (matches()) return done();
                const timer = setTimeout(() => {
                    listeners.delete(check);
                    fail(new Error(`Service output never showed ${String(text)}. Output:\n${out.slice(-4000)}`));
                }, timeoutMs);
                const check = () => {
                    if (matches()) {
                        clearTimeout(timer);
                        listeners.delete(check);
                        done();
                    }
                };
                listeners.add(check);
                void exited.then(() => {
                    if (!matches()) {
                        clearTimeout(timer);
                        listeners.delete(check);
                        fail(new Error(`Service exited before showing ${String(text)}. Output:\n${out.slice(-4000)}`));
                    }
                });
            });
        }
    };
}
