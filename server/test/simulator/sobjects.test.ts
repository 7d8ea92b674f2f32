/** Single-record REST, describe and limits through jsforce and raw fetch. */
import { caught, startHarness, type Harness } from './helpers';

describe('org simulator: sObject rows, describe and limits', () => {
    let h: Harness;
    let leadId: string;
    beforeAll(async () => {
        h = await startHarness();
        leadId = (await h.conn.query<{ Id: string }>('SELECT Id FROM Lead LIMIT 1')).records[0].Id;
    });
    afterAll(() => h.sim.close());

    it('creates, retrieves, updates and deletes a lead', async () => {
        const created = (await h.conn
            .sobject('Lead')
            .create({ FirstName: 'Ola', LastName: 'Nordmann', Company: 'Fjord AS', Country: 'Norway' })) as {
            id: string;
            success: boolean;
        };
        expect(created.success).toBe(true);
        expect(created.id).toMatch(/^00Q[a-zA-Z0-9]{15}$/);
        const rec = (await h.conn.sobject('Lead').retrieve(created.id)) as Record<string, unknown>;
        expect(rec).toMatchObject({
            Name: 'Ola Nordmann',
            Status: 'Open - Not Contacted',
            OwnerId: h.sim.store.integrationUserId,
            IsConverted: false
        });
        expect(rec.CreatedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
        const target = h.sim.sample!.partnerUsers[0].id;
        await h.conn.sobject('Lead').update({ Id: created.id, OwnerId: target });
        expect(h.sim.store.getField(created.id, 'OwnerId')).toBe(target);
        await h.conn.sobject('Lead').destroy(created.id);
        const gone = await caught(h.conn.sobject('Lead').retrieve(created.id));
        expect(gone.errorCode).toBe('NOT_FOUND');
    });

    it('accepts 15-character Ids and answers bad ones with NOT_FOUND', async () => {
        const rec = (await h.conn.sobject('Lead').retrieve(leadId.slice(0, 15))) as { Id: string };
        expect(rec.Id).toBe(leadId);
        const res = await h.api('/sobjects/Lead/not-an-id');
        expect(res.status).toBe(404);
        expect(((await res.json()) as { errorCode: string }[])[0].errorCode).toBe('NOT_FOUND');
    });

    it('rejects unknown fields with INVALID_FIELD and read-only ones with INVALID_FIELD_FOR_INSERT_UPDATE', async () => {
        const res = await h.api(`/sobjects/Lead/${leadId}`, {
            method: 'PATCH',
            body: JSON.stringify({ Colour__c: 'red' })
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toEqual([
            { message: "No such column 'Colour__c' on sobject of type Lead", errorCode: 'INVALID_FIELD' }
        ]);
        const ro = await caught(
            h.conn.sobject('Lead').update({ Id: leadId, CreatedDate: '2020-01-01T00:00:00.000+0000' })
        );
        expect(ro.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    });

    it('checks owners: active user or a queue that takes leads', async () => {
        const inactive = await caught(
            h.conn.sobject('Lead').update({ Id: leadId, OwnerId: h.sim.sample!.inactivePartnerUser.id })
        );
        expect(inactive.errorCode).toBe('INACTIVE_OWNER_OR_USER');
        const caseQueue = await caught(
            h.conn.sobject('Lead').update({ Id: leadId, OwnerId: h.sim.sample!.nonLeadQueue.id })
        );
        expect(caseQueue.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
        const malformed = await caught(h.conn.sobject('Lead').update({ Id: leadId, OwnerId: '005xyz' }));
        expect(malformed.errorCode).toBe('MALFORMED_ID');
        const account = await caught(
            h.conn.sobject('Lead').update({ Id: leadId, OwnerId: h.sim.sample!.partnerAccountIds[0] })
        );
        expect(account.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
        await h.conn.sobject('Lead').update({ Id: leadId, OwnerId: h.sim.sample!.queues[2].id });
        expect(h.sim.store.getField(leadId, 'OwnerId')).toBe(h.sim.sample!.queues[2].id);
    });

    it('validates picklists, lengths, lookups and required fields', async () => {
        expect((await caught(h.conn.sobject('Lead').update({ Id: leadId, Status: 'Maybe' }))).errorCode).toBe(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        );
        expect((await caught(h.conn.sobject('Lead').update({ Id: leadId, Country: 'x'.repeat(81) }))).errorCode).toBe(
            'STRING_TOO_LONG'
        );
        expect(
            (await caught(h.conn.sobject('Lead').update({ Id: leadId, IsUnreadByOwner: 'perhaps' }))).errorCode
        ).toBe('INVALID_TYPE_ON_FIELD_IN_RECORD');
        expect((await caught(h.conn.sobject('Lead').update({ Id: leadId, Email: 'not-an-email' }))).errorCode).toBe(
            'INVALID_EMAIL_ADDRESS'
        );
        expect((await caught(h.conn.sobject('Lead').create({ LastName: 'No Company' }))).errorCode).toBe(
            'REQUIRED_FIELD_MISSING'
        );
        const prefix = h.sim.store.describe('Distribution_Group__c')!.keyPrefix;
        const missingGroup = await caught(
            h.conn.sobject('Lead').update({ Id: leadId, Distribution_Group__c: `${prefix}8d0000000zzz` })
        );
        expect(missingGroup.errorCode).toBe('INVALID_CROSS_REFERENCE_KEY');
    });

    it('records Sforce-Auto-Assign and runs the active lead assignment rule when it is not FALSE', async () => {
        const intake = h.sim.sample!.queues.find((q) => q.developerName === 'Lead_Intake')!.id;
        const partner = h.sim.sample!.partnerUsers[1].id;
        h.sim.settings.leadAssignmentRuleOwnerId = intake;
        try {
            await h.conn.sobject('Lead').update({ Id: leadId, OwnerId: partner });
            expect(h.sim.store.getField(leadId, 'OwnerId')).toBe(intake);
            await h.conn
                .sobject('Lead')
                .update({ Id: leadId, OwnerId: partner }, { headers: { 'Sforce-Auto-Assign': 'FALSE' } });
            expect(h.sim.store.getField(leadId, 'OwnerId')).toBe(partner);
        } finally {
            h.sim.settings.leadAssignmentRuleOwnerId = null;
        }
        const writes = h.sim.stats.writes.filter((w) => w.kind === 'rest.sobject.update').slice(-2);
        expect(writes.map((w) => w.autoAssign)).toEqual([null, 'FALSE']);
        expect(h.sim.stats.writesWithoutAutoAssignFalse('Lead').length).toBeGreaterThan(0);
    });

    it('describes objects with fields, picklists and references', async () => {
        const d = await h.conn.sobject('Lead').describe();
        expect(d.keyPrefix).toBe('00Q');
        const owner = d.fields.find((f) => f.name === 'OwnerId')!;
        expect(owner).toMatchObject({ type: 'reference', referenceTo: ['User', 'Group'], relationshipName: 'Owner' });
        expect(d.fields.find((f) => f.name === 'Status')!.picklistValues!.map((p) => p.value)).toContain(
            'Working - Contacted'
        );
        expect(d.fields.some((f) => f.name === 'Routed_At__c' && f.type === 'datetime')).toBe(true);
        const global = await h.conn.describeGlobal();
        expect(global.sobjects.map((s) => s.name)).toEqual(
            expect.arrayContaining(['Lead', 'User', 'Group', 'Bulk_Reassignment_Job__c'])
        );
    });

    it('creates and updates the job object read from force-app', async () => {
        const created = (await h.conn.sobject('Bulk_Reassignment_Job__c').create({ Dry_Run__c: true })) as {
            id: string;
        };
        const rec = (await h.conn.sobject('Bulk_Reassignment_Job__c').retrieve(created.id)) as {
            Name: string;
            Dry_Run__c: boolean;
        };
        expect(rec.Name).toMatch(/^BRJ-\d{6}$/);
        expect(rec.Dry_Run__c).toBe(true);
    });

    it('stores files: ContentVersion creates its ContentDocument and the link to FirstPublishLocationId', async () => {
        const job = (await h.conn.sobject('Bulk_Reassignment_Job__c').create({ Dry_Run__c: true })) as { id: string };
        const csv = 'Id,OldOwnerId,NewOwnerId\n00Q,005,00G\n';
        const json = (await h.conn.sobject('ContentVersion').create({
            Title: 'plan',
            PathOnClient: 'plan.csv',
            VersionData: Buffer.from(csv).toString('base64'),
            FirstPublishLocationId: job.id
        })) as { id: string };
        const multipart = (await h.conn.sobject('ContentVersion').create(
            {
                Title: 'failures',
                PathOnClient: 'failures.csv',
                VersionData: Buffer.from('a,b\n').toString('base64'),
                FirstPublishLocationId: job.id
            },
            { multipartFileFields: { VersionData: { filename: 'failures.csv', contentType: 'text/csv' } } }
        )) as { id: string };
        const links = await h.conn.query<{
            ContentDocument: { Title: string; FileExtension: string; ContentSize: number };
        }>(
            `SELECT ContentDocument.Title, ContentDocument.FileExtension, ContentDocument.ContentSize FROM ContentDocumentLink WHERE LinkedEntityId = '${job.id}' ORDER BY ContentDocument.Title`
        );
        expect(links.records.map((l) => l.ContentDocument)).toEqual([
            expect.objectContaining({ Title: 'failures', FileExtension: 'csv', ContentSize: 4 }),
            expect.objectContaining({ Title: 'plan', FileExtension: 'csv', ContentSize: csv.length })
        ]);
        const version = await h.conn.query<{ VersionData: string }>(
            `SELECT VersionData FROM ContentVersion WHERE Id = '${json.id}'`
        );
        expect(version.records[0].VersionData).toBe(
            `/services/data/v64.0/sobjects/ContentVersion/${json.id}/VersionData`
        );
        const blob = await h.api(`/sobjects/ContentVersion/${multipart.id}/VersionData`);
        expect(await blob.text()).toBe('a,b\n');
    });

    it('reports limits and the API usage header', async () => {
        const res = await h.api('/limits');
        expect(res.headers.get('sforce-limit-info')).toMatch(/^api-usage=\d+\/100000$/);
        const body = (await res.json()) as Record<string, { Max: number; Remaining: number }>;
        expect(body.DailyApiRequests.Max).toBe(100000);
        expect(body.DailyApiRequests.Remaining).toBeLessThan(100000);
        expect(body.DailyBulkApiBatches).toEqual({ Max: 15000, Remaining: expect.any(Number) });
    });
});
