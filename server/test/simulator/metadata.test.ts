/** Custom objects and fields read from force-app-style metadata, seen through describe and DML. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { caught, startHarness, type Harness } from './helpers';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

function write(dir: string, file: string, body: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `${XML}\n${body}\n`);
}

describe('org simulator: schema from metadata', () => {
    let h: Harness;
    let dir: string;
    beforeAll(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-meta-'));
        write(
            dir,
            'main/places/objects/Territory__c/Territory__c.object-meta.xml',
            '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Territory</label><pluralLabel>Territories</pluralLabel><nameField><label>Territory Name</label><type>Text</type></nameField><sharingModel>ReadWrite</sharingModel></CustomObject>'
        );
        write(
            dir,
            'main/places/objects/Territory__c/fields/Region__c.field-meta.xml',
            '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Region__c</fullName><label>Region</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>North</fullName><default>true</default><label>North</label></value><value><fullName>South</fullName><default>false</default><label>South</label></value></valueSetDefinition></valueSet></CustomField>'
        );
        write(
            dir,
            'main/places/objects/Territory__c/fields/Manager__c.field-meta.xml',
            '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Manager__c</fullName><label>Manager</label><referenceTo>User</referenceTo><relationshipName>Territories</relationshipName><type>Lookup</type></CustomField>'
        );
        write(
            dir,
            'main/places/objects/Territory__c/fields/Score__c.field-meta.xml',
            '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Score__c</fullName><label>Score</label><formula>1 + 1</formula><type>Number</type></CustomField>'
        );
        write(
            dir,
            'main/leads/objects/Lead/fields/Territory__c.field-meta.xml',
            '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Territory__c</fullName><label>Territory</label><referenceTo>Territory__c</referenceTo><relationshipName>Leads</relationshipName><type>Lookup</type></CustomField>'
        );
        write(
            dir,
            'main/settings/objects/Desk_Settings__c/Desk_Settings__c.object-meta.xml',
            '<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><customSettingsType>Hierarchy</customSettingsType><label>Desk Settings</label></CustomObject>'
        );
        h = await startHarness({ sample: 'none', sourceDir: dir });
    });
    afterAll(async () => {
        await h.sim.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('describes custom objects, picklists, lookups and formulas', async () => {
        const d = await h.conn.sobject('Territory__c').describe();
        expect(d).toMatchObject({ name: 'Territory__c', label: 'Territory', custom: true, keyPrefix: 'a0B' });
        const byName = Object.fromEntries(d.fields.map((f) => [f.name, f]));
        expect(byName.Region__c).toMatchObject({ type: 'picklist', restrictedPicklist: true, defaultValue: 'North' });
        expect(byName.Manager__c).toMatchObject({
            type: 'reference',
            referenceTo: ['User'],
            relationshipName: 'Manager__r'
        });
        expect(byName.Score__c).toMatchObject({ calculated: true, createable: false });
        expect(byName.OwnerId.referenceTo).toEqual(['User', 'Group']);
        const settings = await h.conn.sobject('Desk_Settings__c').describe();
        expect(settings.fields.map((f) => f.name)).toContain('SetupOwnerId');
        expect(settings.fields.map((f) => f.name)).not.toContain('OwnerId');
    });

    it('writes and reads custom fields, also on standard objects', async () => {
        const t = (await h.conn
            .sobject('Territory__c')
            .create({ Name: 'West', Manager__c: h.sim.store.integrationUserId })) as { id: string };
        const lead = (await h.conn.sobject('Lead').create({ LastName: 'L', Company: 'C', Territory__c: t.id })) as {
            id: string;
        };
        const res = await h.conn.query<{
            Territory__r: { Name: string; Region__c: string; Manager__r: { Username: string } };
        }>(
            `SELECT Territory__r.Name, Territory__r.Region__c, Territory__r.Manager__r.Username FROM Lead WHERE Id = '${lead.id}'`
        );
        expect(res.records[0].Territory__r).toMatchObject({
            Name: 'West',
            Region__c: 'North',
            Manager__r: { Username: 'integration@partnerdesk.sim' }
        });
        const bad = await caught(h.conn.sobject('Territory__c').update({ Id: t.id, Region__c: 'East' }));
        expect(bad.errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
        const formula = await caught(h.conn.sobject('Territory__c').update({ Id: t.id, Score__c: 3 }));
        expect(formula.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    });
});
