import { updateOwners } from '../../src/salesforce/collections';
import type { OrgClient } from '../../src/salesforce/orgClient';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    readJobRecord,
    runUntil,
    useSimulatorAndStore
} from '../support/serviceHarness';

// The service refuses to start without the notification settings; these tests send no mail.
const NOTIFY_ENV = { NOTIFICATIONS_SECRET: 'routing-events-test-secret-0123456789', PUBLIC_URL: 'http://127.0.0.1:1' };

interface RoutedLead {
    Id: string;
    OwnerId: string;
    Distribution_Group__c: string | null;
    Routed_At__c: string | null;
    Accepted_At__c: string | null;
    Routing_Job__c: string | null;
}

interface LogEntry {
    Lead__c: string;
    Path__c: string;
    Outcome__c: string;
    New_Owner_Id__c: string;
    Previous_Owner_Id__c: string;
    Routed_By__c: string | null;
    Distribution_Group__c: string | null;
    Routing_Job__c: string;
}

async function routedLeads(client: OrgClient, ids: string[]): Promise<RoutedLead[]> {
    const out: RoutedLead[] = [];
    for (let i = 0; i < ids.length; i += 200) {
        const list = ids
            .slice(i, i + 200)
            .map((id) => `'${id}'`)
            .join(',');
        out.push(
            ...(await client.query<RoutedLead>(
                `SELECT Id, OwnerId, Distribution_Group__c, Routed_At__c, Accepted_At__c, Routing_Job__c FROM Lead WHERE Id IN (${list})`
            ))
        );
    }
    return out;
}

/** The owner Id a group member stands for (its queue or user), as the service resolves it. */
async function ownerOfMember(
    client: OrgClient,
    member: { Member_Type__c: string; Queue_Developer_Name__c: string | null; Username__c: string | null }
): Promise<string> {
    const soql =
        member.Member_Type__c === 'Queue'
            ? `SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = '${member.Queue_Developer_Name__c}'`
            : `SELECT Id FROM User WHERE Username = '${member.Username__c}'`;
    const [row] = await client.query<{ Id: string }>(soql);
    return row!.Id;
}

/** Marks leads accepted long ago in some group, as leads the org routed earlier would be. */
async function markAccepted(client: OrgClient, ids: string[], ownerId: string, groupId: string): Promise<void> {
    for (let i = 0; i < ids.length; i += 200) {
        const rows = ids.slice(i, i + 200).map((id) => ({
            id,
            ownerId,
            fields: {
                Accepted_At__c: '2026-01-05T10:00:00.000Z',
                Routed_At__c: '2026-01-05T09:00:00.000Z',
                Distribution_Group__c: groupId
            }
        }));
        const results = await updateOwners(client, rows);
        expect(results.every((r) => r.success)).toBe(true);
    }
}

describe('bulk moves as routing events, against the org simulator', () => {
    const env = useSimulatorAndStore();

    test('the simulator reads the routing fields of Lead and the log from force-app', () => {
        const lead = env.sim.store.describe('Lead')!;
        const log = env.sim.store.describe('Lead_Routing_Log__c')!;
        const names = (fields: Array<{ name: string }>) => fields.map((f) => f.name);
        expect(names(lead.fields)).toEqual(
            expect.arrayContaining(['Distribution_Group__c', 'Routed_At__c', 'Accepted_At__c', 'Routing_Job__c'])
        );
        expect(names(log.fields)).toEqual(
            expect.arrayContaining(['Routing_Job__c', 'Path__c', 'Outcome__c', 'Routed_By__c'])
        );
    });

    test('given accepted leads moved to a group through sObject Collections, then each carries the group, a new routed-at, no accepted-at, the job, and one Bulk log entry', async () => {
        const r = await createRunner(env.sim, env.db, NOTIFY_ENV);
        const source = env.sim.sample!.partnerUsers[4]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        expect(leads.length).toBeGreaterThan(5);
        const [oldGroup] = await r.client.query<{ Id: string }>(
            "SELECT Id FROM Distribution_Group__c WHERE Name != 'Nordics' LIMIT 1"
        );
        await markAccepted(r.client, leads, source.id, oldGroup!.Id);
        const [nordics] = await r.client.query<{ Id: string }>(
            "SELECT Id FROM Distribution_Group__c WHERE Name = 'Nordics'"
        );
        const startedAt = Date.now();
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: 'Nordics'
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect([record.Status__c, record.Message__c]).toEqual(['Completed', expect.anything()]);
        const moved = (await routedLeads(r.client, leads)).filter((l) => l.OwnerId !== source.id);
        expect(moved.length).toBe(JSON.parse(String(record.Summary__c)).moved);
        expect(moved.length).toBeGreaterThan(0);
        for (const lead of moved) {
            expect(lead).toMatchObject({
                Distribution_Group__c: nordics!.Id,
                Accepted_At__c: null,
                Routing_Job__c: record.Name
            });
            expect(Date.parse(String(lead.Routed_At__c))).toBeGreaterThanOrEqual(startedAt - 1000);
        }
        const entries = await r.client.query<LogEntry>(
            `SELECT Lead__c, Path__c, Outcome__c, New_Owner_Id__c, Previous_Owner_Id__c, Routed_By__c, Distribution_Group__c, Routing_Job__c FROM Lead_Routing_Log__c WHERE Routing_Job__c = '${String(record.Name)}'`
        );
        expect(entries.map((e) => e.Lead__c).sort()).toEqual(moved.map((l) => l.Id).sort());
        const ownerOf = new Map(moved.map((l) => [l.Id, l.OwnerId]));
        for (const entry of entries) {
            expect(entry).toMatchObject({
                Path__c: 'Bulk',
                Outcome__c: 'Assigned',
                Previous_Owner_Id__c: source.id,
                New_Owner_Id__c: ownerOf.get(entry.Lead__c),
                Routed_By__c: record.CreatedById,
                Distribution_Group__c: nordics!.Id
            });
        }
    });

    test('given accepted leads moved to one user through Bulk API 2.0, then the group and accepted-at are cleared and the job is set', async () => {
        const r = await createRunner(env.sim, env.db, { ...NOTIFY_ENV, COLLECTIONS_BELOW_ROWS: '5' });
        const source = env.sim.sample!.partnerUsers[5]!;
        const target = env.sim.sample!.partnerUsers[6]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        expect(leads.length).toBeGreaterThan(5);
        const [someGroup] = await r.client.query<{ Id: string }>('SELECT Id FROM Distribution_Group__c LIMIT 1');
        await markAccepted(r.client, leads, source.id, someGroup!.Id);
        env.sim.stats.reset();
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Completed');
        expect(env.sim.stats.requests['bulk.ingest.create']).toBe(1);
        const after = await routedLeads(r.client, leads);
        expect(after.every((l) => l.OwnerId === target.id)).toBe(true);
        expect(after.filter((l) => l.Distribution_Group__c !== null || l.Accepted_At__c !== null)).toEqual([]);
        expect(new Set(after.map((l) => l.Routing_Job__c))).toEqual(new Set([record.Name]));
        expect(after.every((l) => l.Routed_At__c !== '2026-01-05T09:00:00.000Z')).toBe(true);
        // One log entry per moved lead, written in calls of 200.
        expect(env.sim.stats.requests['rest.collections.create']).toBe(Math.ceil(leads.length / 200));
        const [count] = await r.client.query<{ expr0: number }>(
            `SELECT COUNT(Id) FROM Lead_Routing_Log__c WHERE Routing_Job__c = '${String(record.Name)}' AND Path__c = 'Bulk'`
        );
        expect(count!.expr0).toBe(leads.length);
        const stored = await readJobRecord(r.client, jobId);
        expect(stored.Status__c).toBe('Completed');
    });

    test('given a paused member and one away through today, when a job plans for the group, then neither is given a lead', async () => {
        const r = await createRunner(env.sim, env.db, NOTIFY_ENV);
        const members = await r.client.query<{
            Id: string;
            Member_Type__c: string;
            Queue_Developer_Name__c: string | null;
            Username__c: string | null;
        }>(
            "SELECT Id, Member_Type__c, Queue_Developer_Name__c, Username__c FROM Distribution_Member__c WHERE Distribution_Group__r.Name = 'Southern Europe and Asia' ORDER BY CreatedDate, Id"
        );
        expect(members.length).toBeGreaterThanOrEqual(3);
        const today = new Date().toISOString().slice(0, 10);
        const patch = (id: string, fields: Record<string, unknown>) =>
            r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Member__c/${id}`, fields);
        await patch(members[0]!.Id, { Paused__c: true });
        await patch(members[1]!.Id, { Away_Until__c: today });
        const source = env.sim.sample!.partnerUsers[7]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: 'Southern Europe and Asia',
            Dry_Run__c: true
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Completed');
        const targets = JSON.parse(String(record.Summary__c)).targets as Array<{
            ownerId: string;
            name: string;
            planned: number;
        }>;
        const planned = targets.reduce((sum, t) => sum + t.planned, 0);
        expect(planned).toBeGreaterThan(0);
        const [paused, away] = await Promise.all([0, 1].map((k) => ownerOfMember(r.client, members[k]!)));
        expect(targets.find((t) => t.ownerId === paused)?.planned ?? 0).toBe(0);
        expect(targets.find((t) => t.ownerId === away)?.planned ?? 0).toBe(0);
        // The Ids compare as the summary writes them: every planned lead went to one of the other members.
        const others = await Promise.all(members.slice(2).map((m) => ownerOfMember(r.client, m)));
        expect(targets.filter((t) => others.includes(t.ownerId)).reduce((sum, t) => sum + t.planned, 0)).toBe(planned);
    });

    test('given a group whose members are all paused and a fallback queue, when a job runs, then every lead goes to the fallback, logged Fallback', async () => {
        const r = await createRunner(env.sim, env.db, NOTIFY_ENV);
        const group = 'Southern Europe and Asia';
        const members = await r.client.query<{ Id: string }>(
            `SELECT Id FROM Distribution_Member__c WHERE Distribution_Group__r.Name = '${group}'`
        );
        for (const member of members) {
            await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Member__c/${member.Id}`, {
                Paused__c: true
            });
        }
        const [grp] = await r.client.query<{ Id: string }>(
            `SELECT Id FROM Distribution_Group__c WHERE Name = '${group}'`
        );
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Group__c/${grp!.Id}`, {
            Fallback_Owner__c: 'Lead_Intake'
        });
        const intake = env.sim.sample!.queues.find((q) => q.developerName === 'Lead_Intake')!;
        const source = env.sim.sample!.partnerUsers[8]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        expect(leads.length).toBeGreaterThan(0);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: group
        });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect([record.Status__c, record.Message__c]).toEqual(['Completed', expect.anything()]);
        const after = await routedLeads(r.client, leads);
        expect(after.every((l) => l.OwnerId === intake.id && l.Distribution_Group__c === grp!.Id)).toBe(true);
        const outcomes = await r.client.query<{ Outcome__c: string }>(
            `SELECT Outcome__c FROM Lead_Routing_Log__c WHERE Routing_Job__c = '${String(record.Name)}'`
        );
        expect(outcomes.map((o) => o.Outcome__c)).toEqual(leads.map(() => 'Fallback'));

        // A fallback that names no queue or active user refuses the job instead of guessing.
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Group__c/${grp!.Id}`, {
            Fallback_Owner__c: 'No_Such_Queue'
        });
        const refused = await runUntil(
            r,
            await createJobRecord(r.client, {
                Source_Type__c: 'Queue',
                Source_Owner__c: 'Lead_Intake',
                Target_Type__c: 'Group',
                Target__c: group,
                Dry_Run__c: true
            }),
            ['Completed', 'Failed']
        );
        expect([refused.Status__c, refused.Message__c]).toEqual([
            'Failed',
            expect.stringContaining('fallback owner "No_Such_Queue"')
        ]);
    });
});
