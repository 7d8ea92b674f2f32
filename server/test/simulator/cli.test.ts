/** The simulator CLI: starts, prints its URL and credentials, serves the API and the admin endpoints. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

describe('org simulator: CLI', () => {
    let child: ChildProcess;
    let banner = '';
    beforeAll(async () => {
        const cli = path.resolve(__dirname, '../../simulator/cli.ts');
        child = spawn(
            process.execPath,
            ['--require', require.resolve('tsx/cjs'), cli, '--port', '0', '--leads', '300', '--seed', '9'],
            {
                stdio: ['ignore', 'pipe', 'pipe']
            }
        );
        banner = await new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout!.on('data', (c: Buffer) => {
                out += c.toString();
                if (out.includes('faults:')) resolve(out);
            });
            child.once('exit', (code) => reject(new Error(`CLI exited with ${String(code)}`)));
        });
    });
    afterAll(() => {
        child.kill('SIGTERM');
    });

    it('names itself a simulator and prints what a client needs', () => {
        expect(banner).toContain('org simulator');
        expect(banner).toContain('not Salesforce');
        expect(banner).toMatch(/consumer key:\s+\S+/);
        expect(banner).toContain('"Lead":300');
    });

    it('serves the API with the printed token and takes faults over HTTP', async () => {
        const url = /url:\s+(\S+)/.exec(banner)![1];
        const token = /access token:\s+(\S+)/.exec(banner)![1];
        const query = (): Promise<Response> =>
            fetch(`${url}/services/data/v64.0/query?q=${encodeURIComponent('SELECT COUNT() FROM Lead')}`, {
                headers: { Authorization: `Bearer ${token}` }
            });
        expect(((await (await query()).json()) as { totalSize: number }).totalSize).toBe(300);
        const fault = await fetch(`${url}/__simulator/faults`, {
            method: 'POST',
            body: JSON.stringify({ requestLimit: { next: 1 } })
        });
        expect(fault.status).toBe(200);
        expect((await query()).status).toBe(403);
        expect((await query()).status).toBe(200);
    });
});
