/** sObject Collections through jsforce: partial failures, allOrNone rollback, limits, retrieve. */
import { caught, startHarness, type Harness } from './helpers';

describe('org simulator: sObject Collections', () => {
    let h: Harness;
    let ids: string[];
    beforeAll(async () => {
        h = await startHarness();
        ids = (await h.conn.query<{ Id: string }>('SELECT Id FROM Lead ORDER BY Id LIMIT 250')).records.map(
            (r) => r.Id
        );
    });
    afterAll(() => h.sim.close());

    it('updates what it can and reports each failure with statusCode, message and fields', async () => {
        const target = h.sim.sample!.partnerUsers[2].id;
        const res = await h.conn.sobject('Lead').update(
            [
                { Id: ids[0], OwnerId: target },
                { Id: '00Qbroken', OwnerId: target },
                { Id: ids[1], OwnerId: h.sim.sample!.inactivePartnerUser.id },
                { Id: ids[2], OwnerId: target }
            ],
            { headers: { 'Sforce-Auto-Assign': 'FALSE' } }
        );
        expect(res.map((r) => r.success)).toEqual([true, false, false, true]);
        expect(res[1]).toEqual({
            success: false,
            errors: [
                {
                    statusCode: 'MALFORMED_ID',
                    message: 'Lead ID: id value of incorrect type: 00Qbroken',
                    fields: ['Id']
                }
            ]
        });
        expect((res[2] as { errors: { statusCode: string }[] }).errors[0].statusCode).toBe('INACTIVE_OWNER_OR_USER');
        expect(h.sim.store.getField(ids[0], 'OwnerId')).toBe(target);
        const write = h.sim.stats.writes.filter((w) => w.kind === 'rest.collections.update').pop()!;
        expect(write).toMatchObject({ object: 'Lead', records: 4, autoAssign: 'FALSE' });
    });

    it('rolls every record back when allOrNone is set and one fails', async () => {
        const before = h.sim.store.getField(ids[3], 'OwnerId');
        const target = h.sim.sample!.queues[3].id;
        const res = await h.conn.sobject('Lead').update(
            [
                { Id: ids[3], OwnerId: target },
                { Id: ids[4], OwnerId: h.sim.sample!.nonLeadQueue.id }
            ],
            { allOrNone: true }
        );
        expect(res[0]).toEqual({
            id: ids[3],
            success: false,
            errors: [
                {
                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    message:
                        'Record rolled back because not all records were valid and the request was using AllOrNone header',
                    fields: []
                }
            ]
        });
        expect((res[1] as { errors: { statusCode: string }[] }).errors[0].statusCode).toBe(
            'INVALID_CROSS_REFERENCE_KEY'
        );
        expect(h.sim.store.getField(ids[3], 'OwnerId')).toBe(before);
    });

    it('creates records with per-record results', async () => {
        const res = await h.conn.sobject('Lead').create([
            { LastName: 'One', Company: 'A' },
            { LastName: 'Two', Company: 'B', Status: 'Nope' }
        ]);
        expect(res[0].success).toBe(true);
        expect((res[1] as { errors: { statusCode: string }[] }).errors[0].statusCode).toBe(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        );
    });

    it('refuses more than 200 records in one call', async () => {
        const res = await h.api('/composite/sobjects', {
            method: 'PATCH',
            body: JSON.stringify({
                allOrNone: false,
                records: ids.slice(0, 201).map((id) => ({ attributes: { type: 'Lead' }, id, Rating: 'Hot' }))
            })
        });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { errorCode: string }[])[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
    });

    it('fails the whole request on an unknown field', async () => {
        const err = await caught(h.conn.sobject('Lead').update([{ Id: ids[5], Nope__c: 1 }]));
        expect(err.errorCode).toBe('INVALID_FIELD');
    });

    it('retrieves many records by Id, null for the missing', async () => {
        const res = (await h.conn
            .sobject('Lead')
            .retrieve([ids[6], ids[7]], { fields: ['Id', 'OwnerId', 'Status'] })) as ({ Id: string } | null)[];
        expect(res.map((r) => r?.Id)).toEqual([ids[6], ids[7]]);
        const raw = await h.api(`/composite/sobjects/Lead?ids=${ids[8]},00Q8d0000000zzzAAA&fields=Id,Status`);
        const body = (await raw.json()) as unknown[];
        expect(body[1]).toBeNull();
    });

    it('deletes many records', async () => {
        const res = await h.conn.sobject('Lead').destroy([ids[9], ids[10]]);
        expect(res.every((r) => r.success)).toBe(true);
        expect(h.sim.store.locate(ids[9])).toBeUndefined();
    });
});
