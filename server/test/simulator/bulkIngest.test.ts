/** Bulk API 2.0 ingest through jsforce's bulk2 and raw HTTP: results CSVs, lock faults, abort, limits. */
import * as http from 'node:http';
import { startHarness, sleep, type Harness } from './helpers';

type Result = Record<string, string>;

describe('org simulator: Bulk API 2.0 ingest', () => {
    let h: Harness;
    let ids: string[];
    beforeAll(async () => {
        h = await startHarness({ sample: { leads: 25000, seed: 3 } });
        const first = await h.conn.query<{ Id: string }>('SELECT Id FROM Lead ORDER BY Id');
        ids = first.records.map((r) => r.Id);
        let next = first.nextRecordsUrl;
        while (next) {
            const more = await h.conn.queryMore<{ Id: string }>(next);
            ids.push(...more.records.map((r) => r.Id));
            next = more.nextRecordsUrl;
        }
    });
    afterEach(() => h.sim.faults.reset());
    afterAll(() => h.sim.close());

    async function runUpdate(
        rows: string[],
        pollMs = 100
    ): Promise<{ info: Record<string, unknown>; ok: Result[]; failed: Result[] }> {
        const job = h.conn.bulk2.createJob({ object: 'Lead', operation: 'update', lineEnding: 'LF' });
        await job.open();
        await job.uploadData(['Id,OwnerId', ...rows].join('\n') + '\n');
        await job.close();
        await job.poll(pollMs, 60000);
        const info = (await job.check()) as unknown as Record<string, unknown>;
        return {
            info,
            ok: (await job.getSuccessfulResults()) as unknown as Result[],
            failed: (await job.getFailedResults()) as unknown as Result[]
        };
    }

    it('updates 25,000 leads in internal batches of 10,000 and reports each row', async () => {
        const target = h.sim.sample!.partnerUsers[0].id;
        const batchesBefore = h.sim.stats.rowsWritten.bulk ?? 0;
        const { info, ok, failed } = await runUpdate(ids.map((id) => `${id},${target}`));
        expect(info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 25000,
            numberRecordsFailed: 0,
            jobType: 'V2Ingest',
            object: 'Lead'
        });
        expect(ok).toHaveLength(25000);
        expect(ok[0]).toEqual({ sf__Id: ids[0], sf__Created: 'false', Id: ids[0], OwnerId: target });
        expect(failed).toHaveLength(0);
        expect(h.sim.store.getField(ids[24999], 'OwnerId')).toBe(target);
        expect((h.sim.stats.rowsWritten.bulk ?? 0) - batchesBefore).toBe(25000);
    });

    it('fails a share of rows with UNABLE_TO_LOCK_ROW, deterministically, and lets the retry win', async () => {
        h.sim.faults.lockRows({ share: 0.2, failAttempts: 1, seed: 11 });
        const target = h.sim.sample!.queues[0].id;
        const rows = ids.slice(0, 5000).map((id) => `${id},${target}`);
        const first = await runUpdate(rows);
        expect(first.failed.length).toBeGreaterThan(800);
        expect(first.failed.length).toBeLessThan(1200);
        expect(first.failed[0].sf__Error).toMatch(
            /^UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: 00Q\w{15}:--$/
        );
        expect(first.failed[0].sf__Id).toBe(first.failed[0].Id);
        expect(first.info.numberRecordsFailed).toBe(first.failed.length);
        const retry = await runUpdate(first.failed.map((r) => `${r.Id},${r.OwnerId}`));
        expect(retry.failed).toHaveLength(0);
        expect(retry.ok).toHaveLength(first.failed.length);
        expect(ids.slice(0, 5000).every((id) => h.sim.store.getField(id, 'OwnerId') === target)).toBe(true);
    });

    it('reports invalid rows with Salesforce error text and keeps the original columns', async () => {
        const { ok, failed } = await runUpdate([
            `${ids[0]},${h.sim.sample!.inactivePartnerUser.id}`,
            `notanid,${h.sim.sample!.queues[0].id}`,
            `${ids[1]},${h.sim.sample!.queues[1].id}`
        ]);
        expect(ok).toHaveLength(1);
        expect(failed.map((f) => f.sf__Error.split(':')[0]).sort()).toEqual(['INACTIVE_OWNER_OR_USER', 'MALFORMED_ID']);
        expect(failed.find((f) => f.Id === 'notanid')!.sf__Error).toBe(
            'MALFORMED_ID:Lead ID: id value of incorrect type: notanid:Id --'
        );
    });

    it('fails the job on an unknown column', async () => {
        const job = h.conn.bulk2.createJob({ object: 'Lead', operation: 'update' });
        await job.open();
        await job.uploadData(`Id,Colour__c\n${ids[0]},red\n`);
        await job.close();
        await expect(job.poll(50, 10000)).rejects.toThrow('InvalidBatch : Field name not found : Colour__c');
        expect((await job.getUnprocessedRecords()) as unknown as Result[]).toEqual([{ Id: ids[0], Colour__c: 'red' }]);
    });

    it('inserts records and marks them created', async () => {
        const job = h.conn.bulk2.createJob({ object: 'Lead', operation: 'insert' });
        await job.open();
        await job.uploadData('LastName,Company,Country\nBulk,Insert AS,Norway\n"Quote ""Q""",Q AS,#N/A\n');
        await job.close();
        await job.poll(50, 10000);
        const ok = (await job.getSuccessfulResults()) as unknown as Result[];
        expect(ok.map((r) => r.sf__Created)).toEqual(['true', 'true']);
        expect(h.sim.store.getField(ok[1].sf__Id, 'LastName')).toBe('Quote "Q"');
        expect(h.sim.store.getField(ok[1].sf__Id, 'Country')).toBeNull();
    });

    it('runs slowly when told to, can be aborted, and returns unprocessed rows', async () => {
        h.sim.faults.slowBulk(300);
        const job = h.conn.bulk2.createJob({ object: 'Lead', operation: 'update' });
        await job.open();
        await job.uploadData('Id,Rating\n' + ids.map((id) => `${id},Hot`).join('\n') + '\n');
        await job.close();
        await sleep(150);
        const during = (await job.check()) as { state: string };
        expect(['UploadComplete', 'InProgress']).toContain(during.state);
        await job.abort();
        // After an abort the simulator still sorts the rest of the upload into unprocessed records.
        let accounted = 0;
        let after = { state: '', numberRecordsProcessed: 0 };
        for (let i = 0; i < 100 && accounted !== 25000; i++) {
            await sleep(100);
            after = (await job.check()) as typeof after;
            const text = (await job.getUnprocessedRecords(true)) as unknown as string;
            accounted = after.numberRecordsProcessed + text.split('\n').filter((l) => l !== '').length - 1;
        }
        expect(after.state).toBe('Aborted');
        expect(after.numberRecordsProcessed).toBeLessThan(25000);
        expect(accounted).toBe(25000);
        const unprocessed = (await job.getUnprocessedRecords()) as unknown as Result[];
        expect(unprocessed[0]).toEqual({ Id: expect.stringMatching(/^00Q/), Rating: 'Hot' });
    });

    it('lists and deletes jobs and refuses a second upload', async () => {
        const res = await h.api('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'update', contentType: 'CSV', lineEnding: 'LF' })
        });
        const job = (await res.json()) as { id: string; state: string; contentUrl: string };
        expect(job.state).toBe('Open');
        expect(job.contentUrl).toBe(`services/data/v64.0/jobs/ingest/${job.id}/batches`);
        const put = (): Promise<Response> =>
            h.api(`/jobs/ingest/${job.id}/batches`, {
                method: 'PUT',
                headers: { 'Content-Type': 'text/csv' },
                body: `Id,Rating\n${ids[0]},Warm\n`
            });
        expect((await put()).status).toBe(201);
        const again = await put();
        expect(again.status).toBe(409);
        expect(((await again.json()) as { errorCode: string }[])[0].errorCode).toBe('INVALIDJOBSTATE');
        const list = (await (await h.api('/jobs/ingest')).json()) as { done: boolean; records: { id: string }[] };
        expect(list.records.map((r) => r.id)).toContain(job.id);
        await h.api(`/jobs/ingest/${job.id}`, { method: 'PATCH', body: JSON.stringify({ state: 'Aborted' }) });
        expect((await h.api(`/jobs/ingest/${job.id}`, { method: 'DELETE' })).status).toBe(204);
        expect((await h.api(`/jobs/ingest/${job.id}`)).status).toBe(404);
    });

    it('rejects an upload over 150 MB of base64 content before reading it', async () => {
        const res = await h.api('/jobs/ingest', {
            method: 'POST',
            body: JSON.stringify({ object: 'Lead', operation: 'update' })
        });
        const job = (await res.json()) as { id: string };
        const url = new URL(`${h.sim.url}/services/data/v64.0/jobs/ingest/${job.id}/batches`);
        const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
            const req = http.request(url, {
                method: 'PUT',
                headers: {
                    Authorization: `Bearer ${h.sim.accessToken}`,
                    'Content-Type': 'text/csv',
                    'Content-Length': String(120 * 1024 * 1024)
                }
            });
            req.on('response', (r) => {
                let body = '';
                r.on('data', (c: Buffer) => (body += c.toString()));
                r.on('end', () => {
                    req.destroy();
                    resolve({ status: r.statusCode ?? 0, body });
                });
            });
            req.on('error', reject);
            req.write('Id,OwnerId\n');
        });
        expect(answer.status).toBe(413);
        expect(JSON.parse(answer.body)[0].errorCode).toBe('EXCEEDED_MAX_SIZE_REQUEST');
    });
});
