/** Bulk API 2.0 query: job lifecycle, CSV shape, locators and page sizes, through jsforce and fetch. */
import { parse } from 'csv-parse/sync';
import { startHarness, sleep, type Harness } from './helpers';

describe('org simulator: Bulk API 2.0 query', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ sample: { leads: 12000, seed: 5 } });
    });
    afterEach(() => h.sim.faults.reset());
    afterAll(() => h.sim.close());

    async function createJob(query: string): Promise<string> {
        const res = await h.api('/jobs/query', { method: 'POST', body: JSON.stringify({ operation: 'query', query }) });
        expect(res.status).toBe(200);
        const job = (await res.json()) as { id: string; state: string; object: string };
        expect(job.state).toBe('UploadComplete');
        return job.id;
    }

    async function waitDone(id: string): Promise<Record<string, unknown>> {
        for (;;) {
            const info = (await (await h.api(`/jobs/query/${id}`)).json()) as Record<string, unknown>;
            if (info.state === 'JobComplete' || info.state === 'Failed' || info.state === 'Aborted') return info;
            await sleep(50);
        }
    }

    it('returns CSV pages with Sforce-Locator and Sforce-NumberOfRecords', async () => {
        const id = await createJob('SELECT Id, OwnerId, Owner.Name, CreatedDate, IsConverted FROM Lead ORDER BY Id');
        const info = await waitDone(id);
        expect(info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 12000,
            jobType: 'V2Query',
            operation: 'query',
            object: 'Lead'
        });
        const rows: Record<string, string>[] = [];
        let locator: string | null = null;
        const counts: number[] = [];
        do {
            const res = await h.api(`/jobs/query/${id}/results?maxRecords=5000${locator ? `&locator=${locator}` : ''}`);
            expect(res.headers.get('content-type')).toBe('text/csv');
            counts.push(Number(res.headers.get('sforce-numberofrecords')));
            const text = await res.text();
            expect(text.split('\n')[0]).toBe('"Id","OwnerId","Owner.Name","CreatedDate","IsConverted"');
            rows.push(...(parse(text, { columns: true }) as Record<string, string>[]));
            locator = res.headers.get('sforce-locator');
        } while (locator && locator !== 'null');
        expect(counts).toEqual([5000, 5000, 2000]);
        expect(rows).toHaveLength(12000);
        expect(new Set(rows.map((r) => r.Id)).size).toBe(12000);
        expect(rows[0].CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(['true', 'false']).toContain(rows[0].IsConverted);
        expect(rows[0]['Owner.Name']).not.toBe('');
    });

    it('is a snapshot: results do not change when records change after the job ran', async () => {
        const id = await createJob('SELECT Id, OwnerId FROM Lead ORDER BY Id LIMIT 3');
        await waitDone(id);
        const before = (
            parse(await (await h.api(`/jobs/query/${id}/results`)).text(), { columns: true }) as {
                Id: string;
                OwnerId: string;
            }[]
        )[0];
        h.sim.faults.changeOwner(before.Id, h.sim.sample!.queues[4].id);
        const again = (
            parse(await (await h.api(`/jobs/query/${id}/results`)).text(), { columns: true }) as {
                Id: string;
                OwnerId: string;
            }[]
        )[0];
        expect(again.OwnerId).toBe(before.OwnerId);
        expect(h.sim.store.getField(before.Id, 'OwnerId')).toBe(h.sim.sample!.queues[4].id);
    });

    it('streams all rows through jsforce bulk2.query when no maxRecords is given', async () => {
        const queue = h.sim.sample!.queues[0].id;
        const stream = await h.conn.bulk2.query(`SELECT Id, Status FROM Lead WHERE OwnerId = '${queue}'`, {
            pollInterval: 50,
            pollTimeout: 30000
        });
        let n = 0;
        for await (const rec of stream) {
            expect((rec as { Id: string }).Id).toMatch(/^00Q/);
            n++;
        }
        const count = await h.conn.query(`SELECT COUNT() FROM Lead WHERE OwnerId = '${queue}'`);
        expect(n).toBe(count.totalSize);
    });

    it('rejects bad SOQL when the job is created', async () => {
        const res = await h.api('/jobs/query', {
            method: 'POST',
            body: JSON.stringify({ operation: 'query', query: 'SELECT Nope FROM Lead' })
        });
        expect(res.status).toBe(400);
        const [err] = (await res.json()) as { errorCode: string; message: string }[];
        expect(err.errorCode).toBe('INVALIDJOB');
        expect(err.message).toContain("No such column 'Nope'");
    });

    it('can be slowed down and aborted, and refuses results until complete', async () => {
        h.sim.faults.slowBulk(200);
        const id = await createJob('SELECT Id FROM Lead');
        const early = await h.api(`/jobs/query/${id}/results`);
        expect(early.status).toBe(409);
        const abort = await h.api(`/jobs/query/${id}`, { method: 'PATCH', body: JSON.stringify({ state: 'Aborted' }) });
        expect(abort.status).toBe(200);
        expect((await waitDone(id)).state).toBe('Aborted');
        expect((await h.api(`/jobs/query/${id}`, { method: 'DELETE' })).status).toBe(204);
    });

    it('counts polls apart from other requests', async () => {
        h.sim.stats.reset();
        const id = await createJob('SELECT Id FROM Lead LIMIT 10');
        await waitDone(id);
        await h.api(`/jobs/query/${id}/results`);
        expect(h.sim.stats.requests['bulk.query.info']).toBeGreaterThanOrEqual(1);
        expect(h.sim.stats.totalBesidesPolls()).toBe(2);
    });
});
