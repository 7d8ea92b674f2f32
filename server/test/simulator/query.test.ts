/** REST query through jsforce: paging, relationships, aggregates, WHERE features and SOQL errors. */
import { caught, startHarness, type Harness } from './helpers';

type Lead = {
    Id: string;
    OwnerId: string;
    Status: string;
    Country: string | null;
    CreatedDate: string;
    Owner?: { Name: string; Type: string };
};

describe('org simulator: REST query', () => {
    let h: Harness;
    beforeAll(async () => {
        h = await startHarness({ sample: { leads: 4500, seed: 7 } });
    });
    afterAll(() => h.sim.close());

    it('pages results 2,000 at a time through nextRecordsUrl and queryMore', async () => {
        const first = await h.conn.query<Lead>('SELECT Id FROM Lead');
        expect(first.totalSize).toBe(4500);
        expect(first.done).toBe(false);
        expect(first.records).toHaveLength(2000);
        expect(first.nextRecordsUrl).toMatch(/\/services\/data\/v64\.0\/query\/01g\w+-2000$/);
        const second = await h.conn.queryMore<Lead>(first.nextRecordsUrl!);
        expect(second.records).toHaveLength(2000);
        const third = await h.conn.queryMore<Lead>(second.nextRecordsUrl!);
        expect(third.records).toHaveLength(500);
        expect(third.done).toBe(true);
        expect(third.nextRecordsUrl).toBeUndefined();
        const ids = new Set([...first.records, ...second.records, ...third.records].map((r) => r.Id));
        expect(ids.size).toBe(4500);
    });

    it('honours Sforce-Query-Options batchSize and rejects a spent locator', async () => {
        const res = await h.api('/query?q=' + encodeURIComponent('SELECT Id FROM Lead'), {
            headers: { 'Sforce-Query-Options': 'batchSize=500' }
        });
        const body = (await res.json()) as { records: unknown[]; nextRecordsUrl: string };
        expect(body.records).toHaveLength(500);
        const bad = await h.api('/query/01g8d00000000zzAAA-500');
        expect(bad.status).toBe(400);
        expect(await bad.json()).toEqual([{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }]);
    });

    it('returns parent fields nested under the relationship, polymorphic Owner as type Name', async () => {
        const queue = h.sim.sample!.queues[0];
        const res = await h.conn.query<Lead>(
            `SELECT Id, Owner.Name, Owner.Type FROM Lead WHERE OwnerId = '${queue.id}' LIMIT 1`
        );
        const rec = res.records[0] as unknown as Record<string, Record<string, unknown>>;
        expect(rec.Owner.Type).toBe('Queue');
        expect(rec.Owner.Name).toBe('Nordic Solutions AS Leads');
        expect(rec.Owner.attributes).toEqual({ type: 'Name', url: expect.stringMatching(/\/sobjects\/Group\/00G/) });
    });

    it('counts with COUNT() and groups with GROUP BY', async () => {
        const count = await h.conn.query("SELECT COUNT() FROM Lead WHERE Status = 'Closed - Converted'");
        expect(count.records).toEqual([]);
        const grouped = await h.conn.query<{ Status: string; n: number }>(
            'SELECT Status, COUNT(Id) n FROM Lead GROUP BY Status ORDER BY COUNT(Id) DESC'
        );
        const converted = grouped.records.find((r) => r.Status === 'Closed - Converted')!;
        expect(converted.n).toBe(count.totalSize);
        expect(grouped.records.reduce((a, r) => a + r.n, 0)).toBe(4500);
        expect(grouped.records[0].n).toBeGreaterThanOrEqual(grouped.records[1].n);
        const byType = await h.conn.query<{ Type: string; expr0: number }>(
            'SELECT Owner.Type, COUNT(Id) FROM Lead GROUP BY Owner.Type'
        );
        expect(byType.records.map((r) => r.Type).sort()).toEqual(['Queue', 'User']);
    });

    it('evaluates AND, OR, NOT, IN, NOT IN, LIKE, null and comparisons', async () => {
        const soql =
            "SELECT Id FROM Lead WHERE (Country IN ('Norway', 'Greece') OR Country LIKE 'indo%') AND NOT Status = 'Closed - Converted' AND Country != null";
        const res = await h.conn.query<Lead>(soql);
        const expected = await h.conn.query<Lead>(
            "SELECT Id FROM Lead WHERE Status NOT IN ('Closed - Converted') AND (Country = 'norway' OR Country = 'GREECE' OR Country = 'Indonesia')"
        );
        expect(res.totalSize).toBe(expected.totalSize);
        expect(res.totalSize).toBeGreaterThan(0);
        const cutoff = '2026-01-01T00:00:00Z';
        const later = await h.conn.query(`SELECT COUNT() FROM Lead WHERE CreatedDate >= ${cutoff}`);
        const earlier = await h.conn.query(`SELECT COUNT() FROM Lead WHERE CreatedDate < ${cutoff}`);
        expect(later.totalSize + earlier.totalSize).toBe(4500);
    });

    it('supports date literals TODAY and LAST_N_DAYS:n', async () => {
        const last30 = await h.conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate = LAST_N_DAYS:30');
        const older = await h.conn.query('SELECT COUNT() FROM Lead WHERE CreatedDate < LAST_N_DAYS:30');
        expect(last30.totalSize).toBeGreaterThan(0);
        expect(last30.totalSize + older.totalSize).toBe(4500);
        const created = await h.conn.sobject('Lead').create({ LastName: 'Today', Company: 'Now AS' });
        const today = await h.conn.query<Lead>(
            'SELECT Id FROM Lead WHERE CreatedDate = TODAY ORDER BY CreatedDate DESC LIMIT 1'
        );
        expect(today.records[0].Id).toBe((created as { id: string }).id);
    });

    it('orders, limits and offsets', async () => {
        const page = await h.conn.query<Lead>(
            'SELECT Id, CreatedDate FROM Lead ORDER BY CreatedDate DESC NULLS LAST LIMIT 5 OFFSET 2'
        );
        expect(page.records).toHaveLength(5);
        const dates = page.records.map((r) => Date.parse(r.CreatedDate.replace('+0000', 'Z')));
        expect([...dates].sort((a, b) => b - a)).toEqual(dates);
        const top = await h.conn.query<Lead>('SELECT Id FROM Lead ORDER BY CreatedDate DESC LIMIT 3');
        expect(page.records[0].Id).toBe(top.records[2].Id);
    });

    it('accepts WITH SECURITY_ENFORCED / USER_MODE, NOT over a group, and ORDER BY a parent field', async () => {
        const secured = await h.conn.query('SELECT COUNT() FROM Lead WITH SECURITY_ENFORCED');
        const userMode = await h.conn.query('SELECT COUNT() FROM Lead WITH USER_MODE');
        expect(secured.totalSize).toBe(userMode.totalSize);
        const notGroup = await h.conn.query(
            "SELECT COUNT() FROM Lead WHERE NOT (Country = 'Norway' OR Country = 'Greece')"
        );
        const either = await h.conn.query("SELECT COUNT() FROM Lead WHERE Country IN ('Norway', 'Greece')");
        expect(notGroup.totalSize + either.totalSize).toBe(secured.totalSize);
        const ordered = await h.conn.query<{ Owner: { Name: string } }>(
            'SELECT Id, Owner.Name FROM Lead ORDER BY Owner.Name DESC LIMIT 50'
        );
        const names = ordered.records.map((r) => r.Owner.Name.toLowerCase());
        expect([...names].sort().reverse()).toEqual(names);
    });

    it('supports semi-joins and queryAll for deleted rows', async () => {
        const queueName = h.sim.sample!.queues[1].developerName;
        const semi = await h.conn.query(
            `SELECT COUNT() FROM Lead WHERE OwnerId IN (SELECT Id FROM Group WHERE DeveloperName = '${queueName}')`
        );
        const direct = await h.conn.query(`SELECT COUNT() FROM Lead WHERE OwnerId = '${h.sim.sample!.queues[1].id}'`);
        expect(semi.totalSize).toBe(direct.totalSize);
        const victim = (await h.conn.query<Lead>('SELECT Id FROM Lead LIMIT 1')).records[0];
        await h.conn.sobject('Lead').destroy(victim.Id);
        expect((await h.conn.query(`SELECT COUNT() FROM Lead WHERE Id = '${victim.Id}'`)).totalSize).toBe(0);
        const withDeleted = await h.conn.query<{ IsDeleted: boolean }>(
            `SELECT Id, IsDeleted FROM Lead WHERE Id = '${victim.Id}'`,
            { scanAll: true }
        );
        expect(withDeleted.records[0].IsDeleted).toBe(true);
    });

    it('answers syntax errors and unsupported constructs with MALFORMED_QUERY', async () => {
        expect((await caught(h.conn.query('SELECT FROM Lead'))).errorCode).toBe('MALFORMED_QUERY');
        const sub = await caught(h.conn.query('SELECT Id, (SELECT Id FROM Contacts) FROM Account'));
        expect(sub.errorCode).toBe('MALFORMED_QUERY');
        expect(sub.message).toContain('not supported by the org simulator');
        expect((await caught(h.conn.query('SELECT Id FROM Lead FOR UPDATE'))).errorCode).toBe('MALFORMED_QUERY');
        expect(
            (await caught(h.conn.query('SELECT Status, COUNT(Id) FROM Lead GROUP BY Status HAVING COUNT(Id) > 1')))
                .errorCode
        ).toBe('MALFORMED_QUERY');
    });

    it('answers unknown fields, objects and bad filter values like Salesforce', async () => {
        const field = await caught(h.conn.query('SELECT Id, Nope__c FROM Lead'));
        expect(field.errorCode).toBe('INVALID_FIELD');
        expect(field.message).toContain("No such column 'Nope__c' on entity 'Lead'");
        expect((await caught(h.conn.query('SELECT Id FROM Nope__c'))).errorCode).toBe('INVALID_TYPE');
        const quoted = await caught(h.conn.query("SELECT Id FROM Lead WHERE CreatedDate > '2024-01-01'"));
        expect(quoted.errorCode).toBe('INVALID_FIELD');
        expect((await caught(h.conn.query("SELECT Id FROM Lead WHERE OwnerId = 'xyz'"))).errorCode).toBe(
            'INVALID_QUERY_FILTER_OPERATOR'
        );
        const longText = await caught(h.conn.query("SELECT Id FROM Lead WHERE Excluded_Owner_Ids__c = 'x'"));
        expect(longText).toMatchObject({
            errorCode: 'INVALID_FIELD',
            message: "field 'Excluded_Owner_Ids__c' can not be filtered in a query call"
        });
        expect((await h.conn.query('SELECT Id, Excluded_Owner_Ids__c FROM Lead LIMIT 1')).records).toHaveLength(1);
    });

    it('refuses a query URI over 16,384 bytes with 414, as Salesforce does', async () => {
        const ids = Array.from({ length: 900 }, (_v, i) => h.sim.store.table('Lead')!.id(1000 + i));
        const res = await h.api(
            '/query?q=' + encodeURIComponent(`SELECT Id FROM Lead WHERE Id IN ('${ids.join("','")}')`)
        );
        expect(res.status).toBe(414);
        const fits = await h.conn.query(`SELECT COUNT() FROM Lead WHERE Id IN ('${ids.slice(0, 300).join("','")}')`);
        expect(fits.totalSize).toBe(300);
    });

    it('reads the custom objects and fields defined in force-app', async () => {
        const groups = await h.conn.query<{ Name: string; Criteria_Countries__c: string }>(
            'SELECT Name, Criteria_Countries__c, Active__c FROM Distribution_Group__c ORDER BY Sort_Order__c'
        );
        expect(groups.records.map((g) => g.Name)).toEqual(['Nordics', 'Southern Europe and Asia']);
        const members = await h.conn.query<{ Distribution_Group__r: { Name: string } }>(
            "SELECT Member_Type__c, Distribution_Group__r.Name FROM Distribution_Member__c WHERE Member_Type__c = 'Queue' ORDER BY Name"
        );
        expect(members.records[0].Distribution_Group__r.Name).toBe('Nordics');
    });
});
