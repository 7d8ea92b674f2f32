import { dateIn } from '../../src/distribution/localDate';
import {
    createJobRecord,
    createRunner,
    readJobRecord,
    runUntil,
    useSimulatorAndStore
} from '../support/serviceHarness';

// The service refuses to start without the notification settings; these tests send no mail.
const NOTIFY_ENV = { NOTIFICATIONS_SECRET: 'away-until-zone-test-secret-0123456789', PUBLIC_URL: 'http://127.0.0.1:1' };
const GROUP = 'Southern Europe and Asia';

interface MemberRow {
    Id: string;
    Member_Type__c: string;
    Queue_Developer_Name__c: string | null;
    Username__c: string | null;
}

/**
 * A zone whose date differs from UTC's right now: UTC+14 from 10:00 UTC, UTC-11 before 11:00 UTC.
 * Between them they cover every hour, so the test means the same whenever it runs.
 */
function zoneOffTheUtcDate(now: Date): { zone: string; ahead: boolean } {
    return now.getUTCHours() >= 10
        ? { zone: 'Pacific/Kiritimati', ahead: true }
        : { zone: 'Pacific/Pago_Pago', ahead: false };
}

describe("away until, judged on the job starter's date (as Apex judges on the running user's), against the org simulator", () => {
    const env = useSimulatorAndStore();

    test("given a member away until the earlier of the UTC date and the starter's date, when a job plans, then the starter's date decides", async () => {
        const r = await createRunner(env.sim, env.db, NOTIFY_ENV);
        const members = await r.client.query<MemberRow>(
            `SELECT Id, Member_Type__c, Queue_Developer_Name__c, Username__c FROM Distribution_Member__c WHERE Distribution_Group__r.Name = '${GROUP}' ORDER BY CreatedDate, Id`
        );
        expect(members.length).toBeGreaterThanOrEqual(3);
        const now = new Date();
        const { zone, ahead } = zoneOffTheUtcDate(now);
        const utcToday = dateIn('UTC', now);
        const starterToday = dateIn(zone, now);
        expect(starterToday).not.toBe(utcToday);
        const awayUntil = ahead ? utcToday : starterToday;
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/Distribution_Member__c/${members[0]!.Id}`, {
            Away_Until__c: awayUntil
        });
        const source = env.sim.sample!.partnerUsers[7]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: GROUP,
            Dry_Run__c: true
        });
        const starter = String((await readJobRecord(r.client, jobId)).CreatedById);
        await r.client.rest('PATCH', `${r.client.dataPath}/sobjects/User/${starter}`, { TimeZoneSidKey: zone });

        const record = await runUntil(r, jobId, ['Completed', 'Failed']);

        expect(record.Status__c).toBe('Completed');
        const member = members[0]!;
        const [owner] = await r.client.query<{ Id: string }>(
            member.Member_Type__c === 'Queue'
                ? `SELECT Id FROM Group WHERE Type = 'Queue' AND DeveloperName = '${member.Queue_Developer_Name__c}'`
                : `SELECT Id FROM User WHERE Username = '${member.Username__c}'`
        );
        const targets = JSON.parse(String(record.Summary__c)).targets as Array<{ ownerId: string; planned: number }>;
        const planned = targets.find((t) => t.ownerId.slice(0, 15) === owner!.Id.slice(0, 15))?.planned ?? 0;
        // Ahead: the starter's today is past the last day away (UTC alone would still call the member away).
        // Behind: the starter's today is the last day away (UTC alone would already call the member back).
        expect(planned > 0).toBe(ahead);
    });
});
