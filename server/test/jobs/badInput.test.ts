import type { Db } from '../../src/store/db';
import {
    createJobRecord,
    createRunner,
    openTestStore,
    runUntil,
    startTestSimulator,
    type RunnerUnderTest,
    type RunningSimulator
} from '../support/serviceHarness';

/** Bad job input ends Failed with a message that says what to fix, and changes no lead. */
describe('bad job input', () => {
    let sim: RunningSimulator;
    let db: Db;
    let r: RunnerUnderTest;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 1500 } });
        db = await openTestStore();
        r = await createRunner(sim, db);
    });

    afterAll(async () => {
        await db?.close();
        await sim?.close();
    });

    const partner = (i: number) => sim.sample!.partnerUsers[i]!;

    const cases: Array<[string, () => Record<string, unknown>, RegExp]> = [
        [
            'an unknown distribution group',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'Group',
                Target__c: 'Atlantis Partners'
            }),
            /no distribution group named "Atlantis Partners" exists: check the group name/
        ],
        [
            'the source equal to the target',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'User',
                Target__c: partner(0).username
            }),
            /Source and target are the same .*: choose a different target/
        ],
        [
            'an inactive target user',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'User',
                Target__c: sim.sample!.inactivePartnerUser.username
            }),
            /is inactive: leads can only go to an active partner user/
        ],
        [
            'a target user who is not a partner user',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'User',
                Target__c: sim.sample!.internalUsers[0]!.username
            }),
            /is not a partner user .*: choose a partner user/
        ],
        [
            'a malformed source Id',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: '005XYZ',
                Target_Type__c: 'User',
                Target__c: partner(1).username
            }),
            /"005XYZ" is not a valid user Id/
        ],
        [
            'a malformed target queue Id',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'Queue',
                Target__c: '00G123'
            }),
            /"00G123" is not a valid queue Id/
        ],
        [
            'an empty selection',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Filter_Countries__c: 'Atlantis',
                Target_Type__c: 'User',
                Target__c: partner(1).username
            }),
            /The selection is empty: no open lead of user .* with country Atlantis\. Check the source and widen the filters/
        ],
        [
            'a deactivated-user source who is still active',
            () => ({
                Source_Type__c: 'Deactivated_User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'User',
                Target__c: partner(1).username
            }),
            /is still active: deactivate the user first, or choose Source Type User/
        ],
        [
            'a target queue that does not take leads',
            () => ({
                Source_Type__c: 'User',
                Source_Owner__c: partner(0).username,
                Target_Type__c: 'Queue',
                Target__c: sim.sample!.nonLeadQueue.developerName
            }),
            /does not take leads: add Lead to the queue's supported objects/
        ],
        [
            'an unknown source queue',
            () => ({
                Source_Type__c: 'Queue',
                Source_Owner__c: 'No_Such_Queue',
                Target_Type__c: 'User',
                Target__c: partner(1).username
            }),
            /no queue with API name "No_Such_Queue" exists/
        ]
    ];

    test.each(cases)(
        'given %s, when the job runs, then it fails saying what to fix and no lead changes',
        async (_name, fields, message) => {
            sim.stats.reset();
            const jobId = await createJobRecord(r.client, { Dry_Run__c: false, ...fields() });

            const record = await runUntil(r, jobId, ['Completed', 'Failed']);

            expect(record.Status__c).toBe('Failed');
            expect(record.Message__c).toMatch(/^Nothing was changed: /);
            expect(record.Message__c).toMatch(message);
            expect(sim.stats.writes.filter((w) => w.object === 'Lead')).toEqual([]);
            expect(sim.stats.requests['bulk.ingest.create'] ?? 0).toBe(0);
        }
    );
});
