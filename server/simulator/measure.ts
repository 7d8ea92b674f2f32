/**
 * Prints the simulator's own figures: memory with N leads, Bulk API 2.0 query and ingest throughput.
 * Starts the simulator CLI in a child process and talks to it over HTTP only, so the figures are the
 * simulator's alone:  npx tsx server/simulator/measure.ts [--leads 1000000]
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const API = '/services/data/v64.0';

function arg(name: string, fallback: string): string {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
    const leads = Number(arg('leads', '1000000'));
    const port = Number(arg('port', '45871'));
    const started = Date.now();
    const child = spawn(
        process.execPath,
        [...process.execArgv, path.join(__dirname, 'cli.ts'), '--port', String(port), '--leads', String(leads)],
        {
            stdio: ['ignore', 'pipe', 'inherit']
        }
    );
    const banner = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            if (out.includes('faults:')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
    });
    const url = /url:\s+(\S+)/.exec(banner)![1];
    const token = /access token:\s+(\S+)/.exec(banner)![1];
    const h = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const stats = async (): Promise<{ process: { rssMB: number; heapUsedMB: number; cpuUserMs: number } }> =>
        (await (await fetch(`${url}/__simulator/stats`)).json()) as never;
    const line = (label: string, value: string): void => void process.stdout.write(`${label.padEnd(34)} ${value}\n`);
    line('leads', leads.toLocaleString('en'));
    line('start with sample data', `${Date.now() - started} ms`);
    line('simulator RSS after load', `${(await stats()).process.rssMB} MB`);

    let t = Date.now();
    const job = (await (
        await fetch(`${url}${API}/jobs/query`, {
            method: 'POST',
            headers: h,
            body: JSON.stringify({ operation: 'query', query: 'SELECT Id FROM Lead' })
        })
    ).json()) as {
        id: string;
    };
    while (
        ((await (await fetch(`${url}${API}/jobs/query/${job.id}`, { headers: h })).json()) as { state: string })
            .state !== 'JobComplete'
    )
        await sleep(100);
    const text = await (await fetch(`${url}${API}/jobs/query/${job.id}/results`, { headers: h })).text();
    const ids = text
        .split('\n')
        .slice(1, -1)
        .map((l) => l.slice(1, -1));
    const queryMs = Date.now() - t;
    line(
        'bulk query (SELECT Id), all rows',
        `${queryMs} ms, ${Math.round(ids.length / (queryMs / 1000)).toLocaleString('en')} rows/s`
    );

    const users = (await (
        await fetch(
            `${url}${API}/query?q=${encodeURIComponent("SELECT Id FROM User WHERE UserType = 'PowerPartner' AND IsActive = true LIMIT 1")}`,
            { headers: h }
        )
    ).json()) as {
        records: { Id: string }[];
    };
    const csv = 'Id,OwnerId\n' + ids.map((id) => `${id},${users.records[0].Id}`).join('\n') + '\n';
    t = Date.now();
    const ingest = (await (
        await fetch(`${url}${API}/jobs/ingest`, {
            method: 'POST',
            headers: h,
            body: JSON.stringify({ object: 'Lead', operation: 'update' })
        })
    ).json()) as {
        id: string;
    };
    const put = await fetch(`${url}${API}/jobs/ingest/${ingest.id}/batches`, {
        method: 'PUT',
        headers: { ...h, 'Content-Type': 'text/csv' },
        body: csv
    });
    if (put.status !== 201) throw new Error(`upload failed: ${put.status} ${await put.text()}`);
    const uploadMs = Date.now() - t;
    await fetch(`${url}${API}/jobs/ingest/${ingest.id}`, {
        method: 'PATCH',
        headers: h,
        body: JSON.stringify({ state: 'UploadComplete' })
    });
    let info: {
        state: string;
        numberRecordsProcessed: number;
        numberRecordsFailed: number;
        apiActiveProcessingTime: number;
    };
    let peak = 0;
    for (;;) {
        info = (await (await fetch(`${url}${API}/jobs/ingest/${ingest.id}`, { headers: h })).json()) as typeof info;
        peak = Math.max(peak, (await stats()).process.rssMB);
        if (info.state === 'JobComplete' || info.state === 'Failed') break;
        await sleep(250);
    }
    const ingestMs = Date.now() - t;
    line('bulk ingest upload', `${(csv.length / 1048576).toFixed(1)} MB in ${uploadMs} ms`);
    line(
        'bulk ingest update (Id,OwnerId)',
        `${info.numberRecordsProcessed.toLocaleString('en')} rows, ${info.numberRecordsFailed} failed, ${ingestMs} ms`
    );
    line(
        'ingest throughput (wall)',
        `${Math.round(info.numberRecordsProcessed / (ingestMs / 1000)).toLocaleString('en')} rows/s`
    );
    line(
        'ingest throughput (processing)',
        `${Math.round(info.numberRecordsProcessed / (info.apiActiveProcessingTime / 1000)).toLocaleString('en')} rows/s`
    );
    line('simulator peak RSS during ingest', `${peak} MB`);
    const end = await stats();
    line('simulator RSS / heap at end', `${end.process.rssMB} MB / ${end.process.heapUsedMB} MB`);
    line('simulator CPU (user)', `${end.process.cpuUserMs} ms`);
    child.kill('SIGTERM');
}

main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
});
