import type { Notifications } from '../../src/notifications/notificationService';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import type { Db } from '../../src/store/db';
import { openTestStore, quietLogger, startTestSimulator, type RunningSimulator } from '../support/serviceHarness';
import { createNotifications, minutesLater, writeRoutingLog } from './notificationHarness';
import { hrefs, parse, startSmtpPeer, type SmtpPeer } from './smtpPeer';

const SITE = 'https://partner-desk.simulator.invalid/partners';

describe('registration decided: the registering partner hears of the approval or rejection, over SMTP', () => {
    let sim: RunningSimulator;
    let smtp: SmtpPeer;
    let client: OrgClient;
    let leads: Array<{ Id: string; Name: string }>;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 300 } });
        smtp = await startSmtpPeer();
        client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
        leads = await client.query('SELECT Id, Name FROM Lead WHERE IsConverted = false ORDER BY Id LIMIT 10');
    });

    afterAll(async () => {
        await smtp?.close();
        await sim?.close();
    });

    async function fresh(): Promise<{ db: Db; notifications: Notifications }> {
        smtp.mails.length = 0;
        const db = await openTestStore();
        const notifications = await createNotifications(sim, db, client, smtp.port);
        await notifications.tick();
        return { db, notifications };
    }

    test('given one approved and one rejected registration of an English-speaking partner, when the window has passed, then one message lists both with the rejection reason and lead links, and the channel manager gets nothing', async () => {
        const { db, notifications } = await fresh();
        const partner = sim.sample!.partnerUsers.filter((u) => u.accountId === sim.sample!.partnerAccountIds[3])[0]!;
        const [approved, rejected] = [leads[0]!, leads[1]!];
        await writeRoutingLog(client, {
            Lead__c: approved.Id,
            Path__c: 'Registration',
            Outcome__c: 'Approved',
            New_Owner_Id__c: partner.id,
            Explanation__c: 'Protected until 3/3/2027'
        });
        await writeRoutingLog(client, {
            Lead__c: rejected.Id,
            Path__c: 'Registration',
            Outcome__c: 'Rejected',
            New_Owner_Id__c: partner.id,
            Explanation__c: 'Already in an open opportunity <of ours>'
        });

        await notifications.tick(minutesLater(16));

        expect(smtp.mails.map((m) => m.to[0])).toEqual([partner.username]);
        const mail = await parse(smtp.mails[0]!);
        expect(mail.subject).toBe('2 of your deal registrations were decided');
        expect(mail.text).toContain(`${approved.Name}`);
        expect(mail.text).toMatch(/: approved, the lead is yours and protected\n/);
        expect(mail.text).toContain(': rejected: Already in an open opportunity <of ours>');
        expect(mail.text).not.toContain('Protected until 3/3/2027');
        expect(mail.html).toContain('Already in an open opportunity &lt;of ours&gt;');
        expect(hrefs(mail.html)).toEqual(
            expect.arrayContaining([`${SITE}/s/detail/${approved.Id}`, `${SITE}/s/detail/${rejected.Id}`])
        );
        await notifications.stop();
        await db.close();
    });

    test('given a Norwegian partner whose registration was rejected, then the message is in Norwegian', async () => {
        const { db, notifications } = await fresh();
        const partner = sim.sample!.partnerUsers.filter((u) => u.accountId === sim.sample!.partnerAccountIds[0])[0]!;
        await writeRoutingLog(client, {
            Lead__c: leads[2]!.Id,
            Path__c: 'Registration',
            Outcome__c: 'Rejected',
            New_Owner_Id__c: partner.id,
            Explanation__c: 'Kunden er allerede vår'
        });
        await notifications.tick(minutesLater(16));
        expect(smtp.mails).toHaveLength(1);
        const mail = await parse(smtp.mails[0]!);
        expect(mail.subject).toBe('Avtaleregistreringen din er avgjort');
        expect(mail.text).toContain(': avvist: Kunden er allerede vår');
        await notifications.stop();
        await db.close();
    });
});
