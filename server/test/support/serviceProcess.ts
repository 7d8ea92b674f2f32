import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(__dirname, '../../src/main.ts');

export interface ServiceProcess {
    child: ChildProcess;
    /** Everything the process wrote, for assertions and failure messages. */
    output(): string;
    /** Resolves when the output contains `text`. */
    waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm start`'s entry point (server/src/main.ts through tsx) as a real child process. */
export function startServiceProcess(env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), MAIN], {
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
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    return {
        child,
        output: () => out,
        exited,
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
