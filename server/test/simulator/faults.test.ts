/** Fault injection through the `faults` object and the /__simulator/faults admin endpoint. */
import { caught, startHarness, type Harness } from './helpers';

describe('org simulator: faults', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness();
    });
    afterEach(() => h.sim.faults.reset());
    afterAll(() => h.sim.close());

    const admin = (body: unknown): Promise<Response> =>
        fetch(`${h.sim.url}/__simulator/faults`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body)
        });

    it('answers the next N requests with 503, which jsforce retries for GETs', async () => {
        h.sim.faults.unavailable({ next: 2 });
        const raw = await h.api('/limits');
        expect(raw.status).toBe(503);
        expect(((await raw.json()) as { errorCode: string }[])[0].errorCode).toBe('SERVER_UNAVAILABLE');
        h.sim.faults.unavailable({ next: 2 });
        const res = await h.conn.query('SELECT COUNT() FROM Lead');
        expect(res.totalSize).toBe(5000);
        expect(h.sim.faults.state().unavailable.next).toBe(0);
    });

    it('answers a deterministic share of requests with 503', async () => {
        h.sim.faults.unavailable({ share: 0.5, seed: 3 });
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await h.api('/limits')).status);
        const failed = statuses.filter((s) => s === 503).length;
        expect(failed).toBeGreaterThan(8);
        expect(failed).toBeLessThan(32);
        h.sim.faults.unavailable({ share: 0.5, seed: 3 });
        const again: number[] = [];
        for (let i = 0; i < 40; i++) again.push((await h.api('/limits')).status);
        expect(again).toEqual(statuses);
    });

    it('answers REQUEST_LIMIT_EXCEEDED with 403 on the next N requests', async () => {
        h.sim.faults.requestLimit(1);
        const err = await caught(
            h.conn.sobject('Lead').update({ Id: h.sim.store.table('Lead')!.id(0), Rating: 'Hot' })
        );
        expect(err.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
        expect(err.message).toBe('TotalRequests Limit exceeded.');
        expect((await h.conn.query('SELECT COUNT() FROM Lead')).totalSize).toBe(5000);
    });

    it('fails a share of collection rows with UNABLE_TO_LOCK_ROW until their attempts run out', async () => {
        h.sim.faults.lockRows({ share: 0.3, failAttempts: 2, seed: 5, objects: ['Lead'] });
        const ids = (await h.conn.query<{ Id: string }>('SELECT Id FROM Lead LIMIT 200')).records.map((r) => r.Id);
        const send = (): Promise<{ success: boolean; errors: { statusCode: string }[] }[]> =>
            h.conn.sobject('Lead').update(ids.map((Id) => ({ Id, Rating: 'Warm' }))) as never;
        const first = await send();
        const locked = first.filter((r) => !r.success);
        expect(locked.length).toBeGreaterThan(30);
        expect(locked.every((r) => r.errors[0].statusCode === 'UNABLE_TO_LOCK_ROW')).toBe(true);
        expect((await send()).filter((r) => !r.success)).toHaveLength(locked.length);
        expect((await send()).every((r) => r.success)).toBe(true);
        expect(h.sim.faults.state().lockedRowsSeen).toBe(locked.length);
    });

    it('sets faults, expires sessions and changes owners through the admin endpoint', async () => {
        const lead = h.sim.store.table('Lead')!.id(1);
        const queue = h.sim.sample!.queues[5].id;
        const res = await admin({
            lockRows: { share: 0.1 },
            slowBulkMs: 25,
            changeOwner: { recordId: lead, ownerId: queue }
        });
        const body = (await res.json()) as {
            applied: string[];
            state: { bulkBatchDelayMs: number; lockRows: { share: number } };
        };
        expect(body.applied).toEqual(['lockRows', 'slowBulk', 'changeOwner']);
        expect(body.state.bulkBatchDelayMs).toBe(25);
        expect(h.sim.store.getField(lead, 'OwnerId')).toBe(queue);
        await admin({ expireSessions: true });
        expect((await caught(h.conn.query('SELECT COUNT() FROM Lead'))).errorCode).toBe('INVALID_SESSION_ID');
        const bad = await admin({ lockRows: { share: 2 } });
        expect(bad.status).toBe(400);
        const stats = (await (await fetch(`${h.sim.url}/__simulator/stats`)).json()) as {
            requests: Record<string, number>;
            records: Record<string, number>;
        };
        expect(stats.records.Lead).toBe(5000);
        expect(stats.requests['rest.query']).toBeGreaterThan(0);
    });
});
