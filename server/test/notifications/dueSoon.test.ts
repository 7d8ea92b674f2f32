import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import { openTestStore, quietLogger, startTestSimulator, type RunningSimulator } from '../support/serviceHarness';
import { createNotifications, minutesLater } from './notificationHarness';
import { parse, startSmtpPeer, type SmtpPeer } from './smtpPeer';

const HOUR = 3_600_000;

describe('due-soon reminders from the org (simulator, real HTTP)', () => {
    let sim: RunningSimulator;
    let smtp: SmtpPeer;
    let client: OrgClient;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 300 } });
        smtp = await startSmtpPeer();
        client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
    });

    afterAll(async () => {
        await smtp?.close();
        await sim?.close();
    });

    const route = (leadId: string, fields: Record<string, unknown>) =>
        client.rest('PATCH', `${client.dataPath}/sobjects/Lead/${leadId}`, fields);

    test('given unaccepted leads whose 48-hour accept window ends within 4 hours, then their owners (a queue: its members) get one reminder each before the window ends, none for accepted leads or other windows, and one again only when the lead is routed anew', async () => {
        const now = new Date();
        const group = sim.sample!.distributionGroupIds[0]!;
        const partner = sim.sample!.partnerUsers.find((u) => u.active && u.accountId)!;
        const queue = sim.sample!.queues.find((q) => q.accountId === partner.accountId)!;
        const queueUsers = (
            await client.query<{ UserOrGroupId: string }>(
                `SELECT UserOrGroupId FROM GroupMember WHERE GroupId = '${queue.id}'`
            )
        )
            .map((m) => m.UserOrGroupId)
            .filter((id) => id.startsWith('005'));
        expect(queueUsers.length).toBeGreaterThan(0);
        const [soon, queued, accepted, later, ended] = await client.query<{ Id: string; Name: string }>(
            'SELECT Id, Name FROM Lead WHERE IsConverted = false ORDER BY Id LIMIT 5'
        );
        const routedAgo = (hours: number) => new Date(now.getTime() - hours * HOUR).toISOString();
        const base = { Distribution_Group__c: group, Accepted_At__c: null };
        await route(soon!.Id, { ...base, OwnerId: partner.id, Routed_At__c: routedAgo(47) });
        await route(queued!.Id, { ...base, OwnerId: queue.id, Routed_At__c: routedAgo(46) });
        await route(accepted!.Id, {
            ...base,
            OwnerId: partner.id,
            Routed_At__c: routedAgo(47),
            Accepted_At__c: routedAgo(1)
        });
        await route(later!.Id, { ...base, OwnerId: partner.id, Routed_At__c: routedAgo(10) });
        await route(ended!.Id, { ...base, OwnerId: partner.id, Routed_At__c: routedAgo(49) });

        const db = await openTestStore();
        const notifications = await createNotifications(sim, db, client, smtp.port, {
            env: { NOTIFY_DUE_SOON_HOURS: '4', NOTIFY_WINDOW_MINUTES: '15' }
        });
        const reminders = async () =>
            (
                await db.query<{ recipient_id: string; lead: string }>(
                    `SELECT recipient_id, item->>'leadId' AS lead FROM notification_events WHERE kind = 'due_soon' ORDER BY 1, 2`
                )
            ).rows.map((r) => `${r.lead}->${r.recipient_id}`);
        const expected = [`${soon!.Id}->${partner.id}`, ...queueUsers.map((user) => `${queued!.Id}->${user}`)].sort();

        await notifications.tick(now);
        expect((await reminders()).sort()).toEqual(expected);

        // The scan runs again every few minutes: the same leads in the same windows add nothing.
        await notifications.tick(minutesLater(6, now));
        const sentAt = minutesLater(16, now);
        await notifications.tick(sentAt);
        expect((await reminders()).sort()).toEqual(expected);
        const recipients = new Set([partner.id, ...queueUsers]);
        await smtp.waitFor(recipients.size);
        expect(smtp.mails).toHaveLength(recipients.size);
        const toPartner = await parse(smtp.mails.find((m) => m.to[0] === partner.username)!);
        expect(toPartner.text).toContain(soon!.Name);
        for (const other of [accepted, later, ended]) expect(toPartner.text).not.toContain(other!.Name);
        // Sent (at the end of the digest window) before the accept window ends.
        expect(sentAt.getTime()).toBeLessThan(now.getTime() + HOUR);

        await notifications.tick(minutesLater(40, now));
        expect(smtp.mails).toHaveLength(recipients.size);

        // Routed again (a new Routed_At__c): a new window, so one new reminder.
        await route(soon!.Id, { Routed_At__c: routedAgo(46.5) });
        await notifications.tick(minutesLater(46, now));
        expect((await reminders()).filter((r) => r.startsWith(soon!.Id))).toHaveLength(2);

        await notifications.stop();
        await db.close();
    }, 90_000);
});
