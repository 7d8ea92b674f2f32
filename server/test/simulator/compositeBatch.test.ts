/** Composite Batch over raw fetch: subrequests in order through the ordinary handlers, errors, halting, paging and counting. */
import { API_VERSION, startHarness, type Harness } from './helpers';

interface SubrequestResult {
    statusCode: number;
    result: unknown;
}

interface BatchResponse {
    hasErrors: boolean;
    results: SubrequestResult[];
}

type ErrorBody = { errorCode: string; message: string }[];

interface QueryPage {
    totalSize: number;
    done: boolean;
    nextRecordsUrl?: string;
    records: { Id: string; Company?: string }[];
}

const v = `v${API_VERSION}`;
const soql = (q: string): string => `${v}/query?q=${encodeURIComponent(q)}`;

describe('org simulator: Composite Batch', () => {
    let h: Harness;
    let leadIds: string[];

    const batch = (body: unknown, token = h.sim.accessToken): Promise<Response> =>
        h.api('/composite/batch', {
            method: 'POST',
            body: typeof body === 'string' ? body : JSON.stringify(body),
            headers: { Authorization: `Bearer ${token}` }
        });

    const batchOk = async (body: unknown): Promise<BatchResponse> => {
        const res = await batch(body);
        expect(res.status).toBe(200);
        return (await res.json()) as BatchResponse;
    };

    beforeAll(async () => {
        h = await startHarness();
        leadIds = (await h.conn.query<{ Id: string }>('SELECT Id FROM Lead ORDER BY Id LIMIT 10')).records.map(
            (r) => r.Id
        );
    });
    afterAll(() => h.sim.close());

    it('runs a query, a PATCH and a GET in order, the GET seeing the PATCH', async () => {
        const id = leadIds[0];
        const body = await batchOk({
            batchRequests: [
                { method: 'GET', url: soql(`SELECT Id, Company FROM Lead WHERE Id = '${id}'`) },
                { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Batch Fjord AS' } },
                { method: 'GET', url: `/services/data/${v}/sobjects/Lead/${id}?fields=Id,Company` }
            ]
        });
        expect(body.hasErrors).toBe(false);
        expect(body.results.map((r) => r.statusCode)).toEqual([200, 204, 200]);
        const before = body.results[0].result as QueryPage;
        expect(before.totalSize).toBe(1);
        expect(before.records[0].Company).not.toBe('Batch Fjord AS');
        expect(body.results[1].result).toBeNull();
        expect(body.results[2].result).toEqual({
            attributes: { type: 'Lead', url: `/services/data/${v}/sobjects/Lead/${id}` },
            Id: id,
            Company: 'Batch Fjord AS'
        });
        expect(h.sim.store.getField(id, 'Company')).toBe('Batch Fjord AS');
    });

    it('records a PATCH in a batch as a write without Sforce-Auto-Assign, so assignment rules run', async () => {
        const queue = h.sim.sample!.queues[3].id;
        h.sim.settings.leadAssignmentRuleOwnerId = queue;
        try {
            const body = await batchOk({
                batchRequests: [
                    { method: 'PATCH', url: `${v}/sobjects/Lead/${leadIds[1]}`, richInput: { Company: 'Rule AS' } }
                ]
            });
            expect(body.results).toEqual([{ statusCode: 204, result: null }]);
        } finally {
            h.sim.settings.leadAssignmentRuleOwnerId = null;
        }
        expect(h.sim.store.getField(leadIds[1], 'OwnerId')).toBe(queue);
        expect(h.sim.stats.writes.at(-1)).toMatchObject({
            kind: 'rest.sobject.update',
            object: 'Lead',
            records: 1,
            autoAssign: null
        });
    });

    it('answers a malformed query in its own result and runs the others', async () => {
        const body = await batchOk({
            batchRequests: [
                { method: 'GET', url: soql('SELECT COUNT() FROM Lead') },
                { method: 'GET', url: soql('SELEC Id FROM Lead') },
                { method: 'GET', url: `${v}/limits` }
            ]
        });
        expect(body.hasErrors).toBe(true);
        expect(body.results.map((r) => r.statusCode)).toEqual([200, 400, 200]);
        expect((body.results[0].result as QueryPage).totalSize).toBe(5000);
        expect((body.results[1].result as ErrorBody)[0].errorCode).toBe('MALFORMED_QUERY');
        expect(body.results[2].result).toHaveProperty('DailyApiRequests');
    });

    it('halts after the first failure with haltOnError: later subrequests get 412 and do not run', async () => {
        const id = leadIds[2];
        const company = h.sim.store.getField(id, 'Company');
        const body = await batchOk({
            haltOnError: true,
            batchRequests: [
                { method: 'GET', url: `${v}/limits` },
                { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Colour__c: 'red' } },
                { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Never AS' } },
                { method: 'GET', url: `${v}/limits` }
            ]
        });
        expect(body.hasErrors).toBe(true);
        expect(body.results.map((r) => r.statusCode)).toEqual([200, 400, 412, 412]);
        expect((body.results[1].result as ErrorBody)[0].errorCode).toBe('INVALID_FIELD');
        const halted = { errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' };
        expect(body.results[2].result).toEqual([halted]);
        expect(body.results[3].result).toEqual([halted]);
        expect(h.sim.store.getField(id, 'Company')).toBe(company);
    });

    it('refuses more than 25 subrequests and malformed bodies as a whole, running nothing', async () => {
        const id = leadIds[3];
        const company = h.sim.store.getField(id, 'Company');
        const patch = { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Too Many AS' } };
        h.sim.stats.reset();
        const tooMany = await batch({
            batchRequests: [patch, ...Array.from({ length: 25 }, () => ({ method: 'GET', url: `${v}/limits` }))]
        });
        expect(tooMany.status).toBe(400);
        expect(((await tooMany.json()) as ErrorBody)[0].errorCode).toBe('INVALID_BATCH_REQUEST');
        const malformed = [
            {},
            { batchRequests: {} },
            { batchRequests: [patch, { url: `${v}/limits` }] },
            { batchRequests: [patch, { method: 'GET' }] },
            { batchRequests: [patch, { method: 'GET', url: 'limits' }] },
            { batchRequests: [patch, { method: 'GET', url: `/services/data/${v}` }] }
        ];
        for (const body of malformed) {
            const res = await batch(body);
            expect(res.status).toBe(400);
            expect(((await res.json()) as ErrorBody)[0].errorCode).toBe('INVALID_BATCH_REQUEST');
        }
        const notJson = await batch('{"batchRequests": [');
        expect(notJson.status).toBe(400);
        expect(((await notJson.json()) as ErrorBody)[0].errorCode).toBe('JSON_PARSER_ERROR');
        expect(h.sim.store.getField(id, 'Company')).toBe(company);
        expect(h.sim.stats.subrequests).toEqual({});
        expect(h.sim.stats.writes).toEqual([]);
    });

    it('refuses a Bulk API subrequest in its own result and runs the others', async () => {
        h.sim.stats.reset();
        const body = await batchOk({
            batchRequests: [
                { method: 'POST', url: `${v}/jobs/ingest`, richInput: { object: 'Lead', operation: 'update' } },
                { method: 'GET', url: `${v}/jobs/ingest` },
                { method: 'GET', url: `${v}/limits` },
                { method: 'GET', url: `${v}/no/such/resource` }
            ]
        });
        expect(body.hasErrors).toBe(true);
        expect(body.results.map((r) => r.statusCode)).toEqual([400, 400, 200, 404]);
        expect(body.results[0].result).toEqual([
            {
                errorCode: 'INVALID_BATCH_REQUEST',
                message: `POST /services/data/${v}/jobs/ingest is not supported in a composite batch`
            }
        ]);
        expect((body.results[3].result as ErrorBody)[0].errorCode).toBe('NOT_FOUND');
        expect(h.sim.stats.subrequests).toEqual({ 'rest.limits': 1 });
        const jobs = (await (await h.api('/jobs/ingest')).json()) as { records: unknown[] };
        expect(jobs.records).toEqual([]);
    });

    it('returns nextRecordsUrl for a query with more pages, fetchable by a plain GET or a later subrequest', async () => {
        const body = await batchOk({ batchRequests: [{ method: 'GET', url: soql('SELECT Id FROM Lead') }] });
        const first = body.results[0].result as QueryPage;
        expect(first).toMatchObject({ totalSize: 5000, done: false });
        expect(first.records).toHaveLength(2000);
        expect(first.nextRecordsUrl).toMatch(new RegExp(`^/services/data/${v.replace('.', '\\.')}/query/\\w+-2000$`));
        const second = (await (
            await fetch(`${h.sim.url}${first.nextRecordsUrl!}`, {
                headers: { Authorization: `Bearer ${h.sim.accessToken}` }
            })
        ).json()) as QueryPage;
        expect(second.records).toHaveLength(2000);
        const third = await batchOk({ batchRequests: [{ method: 'GET', url: second.nextRecordsUrl! }] });
        const last = third.results[0].result as QueryPage;
        expect(last).toMatchObject({ totalSize: 5000, done: true });
        expect(last.records).toHaveLength(1000);
        const ids = new Set([...first.records, ...second.records, ...last.records].map((r) => r.Id));
        expect(ids.size).toBe(5000);
    });

    it('counts the batch as one request and its subrequests apart, by kind; each counts against the API limit', async () => {
        const apiRemaining = async (): Promise<number> =>
            ((await (await h.api('/limits')).json()) as { DailyApiRequests: { Remaining: number } }).DailyApiRequests
                .Remaining;
        const remainingBefore = await apiRemaining();
        h.sim.stats.reset();
        const id = leadIds[4];
        const body = await batchOk({
            batchRequests: [
                { method: 'GET', url: soql(`SELECT Id FROM Lead WHERE Id = '${id}'`) },
                { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Counted AS' } },
                { method: 'GET', url: `${v}/sobjects/Lead/${id}` },
                {
                    method: 'PATCH',
                    url: `${v}/composite/sobjects`,
                    richInput: { records: [{ attributes: { type: 'Lead' }, id: leadIds[6], Company: 'Collected AS' }] }
                }
            ]
        });
        expect(body.results[3]).toEqual({ statusCode: 200, result: [{ id: leadIds[6], success: true, errors: [] }] });
        expect(h.sim.store.getField(leadIds[6], 'Company')).toBe('Collected AS');
        const subrequests = {
            'rest.query': 1,
            'rest.sobject.update': 1,
            'rest.sobject.retrieve': 1,
            'rest.collections.update': 1
        };
        expect(h.sim.stats.requests).toEqual({ 'rest.composite.batch': 1 });
        expect(h.sim.stats.subrequests).toEqual(subrequests);
        expect(h.sim.stats.totalBesidesPolls()).toBe(1);
        const snapshot = (await (await fetch(`${h.sim.url}/__simulator/stats`)).json()) as {
            requests: Record<string, number>;
            subrequests: Record<string, number>;
        };
        expect(snapshot.requests).toEqual({ 'rest.composite.batch': 1 });
        expect(snapshot.subrequests).toEqual(subrequests);
        // The batch, its four subrequests and the second /limits call itself.
        expect(remainingBefore - (await apiRemaining())).toBe(6);
        h.sim.stats.reset();
        expect(h.sim.stats.snapshot().subrequests).toEqual({});
    });

    it('rejects the whole batch with 401 for an invalid session, running nothing', async () => {
        const id = leadIds[5];
        const company = h.sim.store.getField(id, 'Company');
        const res = await batch(
            { batchRequests: [{ method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Nope' } }] },
            '00Dbogus!session'
        );
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        expect(h.sim.store.getField(id, 'Company')).toBe(company);
    });

    it('applies request faults to the whole batch, not to each subrequest', async () => {
        const id = leadIds[7];
        const company = h.sim.store.getField(id, 'Company');
        const batchRequests = [
            { method: 'PATCH', url: `${v}/sobjects/Lead/${id}`, richInput: { Company: 'Faulted AS' } },
            { method: 'GET', url: `${v}/limits` }
        ];
        h.sim.faults.requestLimit(1);
        const limited = await batch({ batchRequests });
        expect(limited.status).toBe(403);
        expect(((await limited.json()) as ErrorBody)[0].errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
        h.sim.faults.unavailable({ next: 1 });
        const unavailable = await batch({ batchRequests });
        expect(unavailable.status).toBe(503);
        expect(((await unavailable.json()) as ErrorBody)[0].errorCode).toBe('SERVER_UNAVAILABLE');
        expect(h.sim.store.getField(id, 'Company')).toBe(company);
        const res = await batch({ batchRequests });
        expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
        const body = (await res.json()) as BatchResponse;
        expect(body.results.map((r) => r.statusCode)).toEqual([204, 200]);
        expect(h.sim.store.getField(id, 'Company')).toBe('Faulted AS');
    });
});
