import { protectedWhere, selectionWhere } from '../../src/jobs/selectPhase';
import {
    createJobRecord,
    createRunner,
    leadsOwnedBy,
    ownersOf,
    runUntil,
    useSimulatorAndStore,
    type RunnerUnderTest
} from '../support/serviceHarness';

const DAY = 86_400_000;

/** Sets Protected_Until__c on each lead (an ISO instant, or null), as DealDecisionService's approve does. */
async function protect(r: RunnerUnderTest, until: Map<string, string | null>): Promise<void> {
    for (const [id, value] of until) {
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Lead/${id}`, { Protected_Until__c: value });
    }
}

describe('leads protected by an approved deal registration, in a bulk job against the org simulator', () => {
    const env = useSimulatorAndStore();

    test('given a selection, when its WHERE clauses are built, then the protection window splits it in two at one instant', () => {
        const job = {
            source: { id: "005000000000001AAA' OR Name != '", type: 'User' as const, name: 'x' },
            filters: { statuses: [], minAgeDays: null, countries: [] }
        };
        const now = new Date('2026-12-03T16:00:00.000Z');
        expect(selectionWhere(job, now)).toBe(
            "OwnerId = '005000000000001AAA\\' OR Name != \\'' AND IsConverted = false AND (Protected_Until__c = null OR Protected_Until__c <= 2026-12-03T16:00:00Z)"
        );
        expect(protectedWhere(job, now)).toBe(
            "OwnerId = '005000000000001AAA\\' OR Name != \\'' AND IsConverted = false AND Protected_Until__c > 2026-12-03T16:00:00Z"
        );
    });

    test('given two leads protected until a future date and one whose protection ended, when a dry run and then a run move the source user’s leads, then the protected ones keep their owner and are reported as skipped and the expired one moves', async () => {
        const r = await createRunner(env.sim, env.db);
        const source = env.sim.sample!.partnerUsers[4]!;
        const target = env.sim.sample!.partnerUsers[5]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        expect(leads.length).toBeGreaterThan(5);
        const [futureA, futureB, expired] = leads as [string, string, string];
        const now = Date.now();
        await protect(
            r,
            new Map([
                [futureA, new Date(now + 30 * DAY).toISOString()],
                [futureB, new Date(now + 60_000).toISOString()],
                [expired, new Date(now - DAY).toISOString()]
            ])
        );

        const dryRunId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username,
            Dry_Run__c: true
        });
        const dryRun = await runUntil(r, dryRunId, ['Completed', 'Failed']);

        expect(dryRun.Status__c).toBe('Completed');
        expect(dryRun.Total__c).toBe(leads.length - 2);
        expect(dryRun.Message__c).toBe(
            `Dry run: ${leads.length - 2} leads would move to 1 owner(s), 2 protected by an approved deal registration would be skipped (left with the partner). Nothing was changed; see the plan file.`
        );
        expect(JSON.parse(String(dryRun.Summary__c))).toMatchObject({ protectedSkipped: 2, total: leads.length - 2 });

        const runId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username,
            Dry_Run__c: false
        });
        const run = await runUntil(r, runId, ['Completed', 'Failed']);

        expect(run.Status__c).toBe('Completed');
        expect(run.Message__c).toBe(
            `Moved ${leads.length - 2} of ${leads.length - 2} leads; 2 protected by an approved deal registration were skipped (left with the partner).`
        );
        expect(JSON.parse(String(run.Summary__c))).toMatchObject({ protectedSkipped: 2, moved: leads.length - 2 });
        const owners = await ownersOf(r.client, leads);
        expect(owners.get(futureA)).toBe(source.id);
        expect(owners.get(futureB)).toBe(source.id);
        expect(owners.get(expired)).toBe(target.id);
        expect(leads.filter((id) => owners.get(id) === target.id)).toHaveLength(leads.length - 2);
    });

    test('given a source whose only open leads are protected, when a job starts, then it fails saying the leads are protected rather than that none exist', async () => {
        const r = await createRunner(env.sim, env.db);
        const source = env.sim.sample!.partnerUsers[6]!;
        const target = env.sim.sample!.partnerUsers[5]!;
        const leads = await leadsOwnedBy(r.client, source.id);
        const until = new Date(Date.now() + 10 * DAY).toISOString();
        await protect(r, new Map(leads.map((id) => [id, until])));

        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username,
            Dry_Run__c: false
        });
        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Failed');
        expect(record.Message__c).toContain(
            `apart from ${leads.length} protected by an approved deal registration, which a job leaves with the partner`
        );
        expect((await ownersOf(r.client, leads)).size).toBe(leads.length);
        expect([...(await ownersOf(r.client, leads)).values()].every((owner) => owner === source.id)).toBe(true);
    });
});
