import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../src/http/app';
import { createServiceMetrics } from '../../src/metrics/serviceMetrics';
import type { Notifications } from '../../src/notifications/notificationService';
import { OrgRecipients, type RecipientDirectory } from '../../src/notifications/recipients';
import { OrgClient } from '../../src/salesforce/orgClient';
import { clientCredentialsSource } from '../../src/salesforce/tokenSources';
import type { Db } from '../../src/store/db';
import { createRepos } from '../../src/store/repos';
import { openTestStore, quietLogger, startTestSimulator, type RunningSimulator } from '../support/serviceHarness';
import { createNotifications, minutesLater, writeRoutingLog } from './notificationHarness';
import { headerLine, hrefs, parse, startSmtpPeer, type SmtpPeer } from './smtpPeer';

const SITE = 'https://partner-desk.simulator.invalid/partners';

describe('notifications from the routing log', () => {
    let sim: RunningSimulator;
    let smtp: SmtpPeer;
    let client: OrgClient;
    let leads: Array<{ Id: string; Name: string; Company: string }>;
    let groupOwnerId: string;
    const partnersOf = (account: number) =>
        sim.sample!.partnerUsers.filter((u) => u.accountId === sim.sample!.partnerAccountIds[account]);
    const queueOf = (account: number) =>
        sim.sample!.queues.find((q) => q.accountId === sim.sample!.partnerAccountIds[account])!;
    let nextLead = 0;
    const lead = () => leads[nextLead++]!;
    /** A new lead routed automatically to `ownerId`, as the org logs it. */
    const assignNewLead = (ownerId: string) =>
        writeRoutingLog(client, {
            Lead__c: lead().Id,
            Path__c: 'Automatic',
            Outcome__c: 'Assigned',
            New_Owner_Id__c: ownerId
        });

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 500 } });
        smtp = await startSmtpPeer();
        client = await OrgClient.connect(
            clientCredentialsSource(sim.url, sim.consumer.clientId, sim.consumer.clientSecret),
            '64.0',
            quietLogger
        );
        leads = await client.query(
            'SELECT Id, Name, Company FROM Lead WHERE IsConverted = false ORDER BY Id LIMIT 200'
        );
        groupOwnerId = (
            await client.query<{ OwnerId: string }>(
                `SELECT OwnerId FROM Distribution_Group__c WHERE Id = '${sim.sample!.distributionGroupIds[0]}'`
            )
        )[0]!.OwnerId;
    });

    afterAll(async () => {
        await smtp?.close();
        await sim?.close();
    });

    /** A fresh store and service; the first tick sets the watermark, so only what follows is told. */
    async function fresh(
        options: { directory?: RecipientDirectory; env?: Record<string, string> } = {}
    ): Promise<{ db: Db; notifications: Notifications }> {
        smtp.mails.length = 0;
        const db = await openTestStore();
        const notifications = await createNotifications(sim, db, client, smtp.port, options);
        await notifications.tick();
        return { db, notifications };
    }

    test('given leads routed to a Norwegian partner and to their queue, when the window has passed, then each queue member gets one Norwegian digest with partner-site links, and nothing twice after a restart', async () => {
        const { db, notifications } = await fresh();
        const [kari, ...colleagues] = partnersOf(0);
        const direct = [lead(), lead(), lead()];
        const viaQueue = lead();
        for (const l of direct)
            await writeRoutingLog(client, {
                Lead__c: l.Id,
                Path__c: 'Automatic',
                Outcome__c: 'Assigned',
                New_Owner_Id__c: kari!.id,
                Distribution_Group__c: sim.sample!.distributionGroupIds[0]
            });
        await writeRoutingLog(client, {
            Lead__c: viaQueue.Id,
            Path__c: 'Manual',
            Outcome__c: 'Assigned',
            New_Owner_Id__c: queueOf(0).id
        });

        await notifications.tick();
        expect(smtp.mails).toHaveLength(0);
        await notifications.tick(minutesLater(16));
        expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(
            [kari!.username, ...colleagues.map((c) => c.username)].sort()
        );

        const mail = await parse(smtp.mails.find((m) => m.to[0] === kari!.username)!);
        expect(mail.subject).toBe('4 nye leads til deg i Partner Desk');
        expect(mail.text).toContain('Hei ');
        for (const l of [...direct, viaQueue]) {
            expect(mail.text).toContain(l.Name);
            expect(hrefs(mail.html)).toContain(`${SITE}/s/detail/${l.Id}`);
        }
        expect(hrefs(mail.html)).toContain(`${SITE}/s/leads`);
        expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
        expect(headerLine(mail, 'List-Unsubscribe')).toMatch(
            /^<https:\/\/desk\.example\.com\/notifications\/unsubscribe\?token=005[A-Za-z0-9]+\.[A-Za-z0-9_-]{43}>$/
        );
        expect(mail.messageId).toMatch(/^<lead\.digest\.005[A-Za-z0-9]+\.\d+@partner-desk>$/);

        await notifications.tick(minutesLater(40));
        const restarted = await createNotifications(sim, db, client, smtp.port);
        await restarted.tick(minutesLater(60));
        expect(smtp.mails).toHaveLength(1 + colleagues.length);
        await notifications.stop();
        await restarted.stop();
        await db.close();
    });

    test.each([
        [1, 'el', '1 νέο lead για εσάς στο Partner Desk'],
        [2, 'in', '1 prospek baru untuk Anda di Partner Desk'],
        [3, 'en', '1 new lead for you in Partner Desk']
    ])(
        'given a lead routed to a partner of account %i, then their digest is in their language (%s)',
        async (account, _language, subject) => {
            const { db, notifications } = await fresh();
            const partner = partnersOf(account)[0]!;
            await assignNewLead(partner.id);
            await notifications.tick(minutesLater(16));
            expect(smtp.mails).toHaveLength(1);
            expect((await parse(smtp.mails[0]!)).subject).toBe(subject);
            await notifications.stop();
            await db.close();
        }
    );

    test('given preferences, then Immediate goes at once, Digest waits for its window, Daily for a day, Off and inactive users get nothing and the reason is recorded', async () => {
        const [immediate, digest, daily, off] = [
            partnersOf(3)[0]!,
            partnersOf(4)[0]!,
            partnersOf(5)[0]!,
            partnersOf(5)[1]!
        ];
        const prefs = new OrgRecipients(client);
        await prefs.setDelivery(immediate.id, 'Immediate');
        await prefs.setDelivery(daily.id, 'Daily');
        await prefs.setDelivery(off.id, 'Off');
        const noEmail = partnersOf(4)[1]!;
        // The org requires an email on User; a directory that drops one shows the composer's own check.
        const directory: RecipientDirectory = {
            recipients: async (ids) => {
                const found = await prefs.recipients(ids);
                const user = found.get(noEmail.id);
                if (user) found.set(noEmail.id, { ...user, email: null });
                return found;
            },
            setDelivery: (id, d) => prefs.setDelivery(id, d)
        };
        const { db, notifications } = await fresh({ directory });
        for (const user of [immediate, digest, daily, off, noEmail, sim.sample!.inactivePartnerUser]) {
            await assignNewLead(user.id);
        }
        await notifications.tick();
        expect(smtp.mails.map((m) => m.to[0])).toEqual([immediate.username]);
        await notifications.tick(minutesLater(16));
        expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([immediate.username, digest.username].sort());
        await notifications.tick(minutesLater(24 * 60 + 1));
        expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(
            [immediate.username, digest.username, daily.username].sort()
        );

        const skipped = (
            await db.query<{ recipient_id: string; skip_reason: string }>(
                "SELECT recipient_id, skip_reason FROM notification_events WHERE state = 'skipped'"
            )
        ).rows;
        expect(new Map(skipped.map((r) => [r.recipient_id, r.skip_reason]))).toEqual(
            new Map([
                [off.id, 'user turned notifications off'],
                [noEmail.id, 'user has no email address'],
                [sim.sample!.inactivePartnerUser.id, 'user is inactive']
            ])
        );
        for (const user of [immediate, daily, off]) await prefs.setDelivery(user.id, 'Digest');
        await notifications.stop();
        await db.close();
    });

    test('given a recall, a return and a fallback, then the partner hears of the recall and the channel manager gets one daily summary with reasons and Lightning links, and a fallback notice', async () => {
        const { db, notifications } = await fresh();
        const [from, to] = [partnersOf(0)[0]!, partnersOf(3)[0]!];
        const recalled = lead();
        const returned = lead();
        const fellBack = lead();
        const group = sim.sample!.distributionGroupIds[0];
        await writeRoutingLog(client, {
            Lead__c: recalled.Id,
            Path__c: 'Recall',
            Outcome__c: 'Assigned',
            Previous_Owner_Id__c: from.id,
            New_Owner_Id__c: to.id,
            Distribution_Group__c: group
        });
        await writeRoutingLog(client, {
            Lead__c: returned.Id,
            Path__c: 'Return',
            Outcome__c: 'Returned',
            Previous_Owner_Id__c: from.id,
            Return_Reason__c: 'Duplicate <lead>',
            Explanation__c: 'Already ours',
            Distribution_Group__c: group
        });
        await writeRoutingLog(client, {
            Lead__c: fellBack.Id,
            Path__c: 'Return',
            Outcome__c: 'Assigned',
            Previous_Owner_Id__c: from.id,
            New_Owner_Id__c: groupOwnerId,
            Explanation__c: 'No eligible member left in Nordics',
            Distribution_Group__c: group
        });

        await notifications.tick(minutesLater(16));
        const byRecipient = async (username: string) =>
            Promise.all(smtp.mails.filter((m) => m.to[0] === username).map(parse));
        const [recallNotice] = await byRecipient(from.username);
        expect(recallNotice!.subject).toBe('1 lead er trukket tilbake fra deg');
        expect(recallNotice!.text).toContain(recalled.Name);
        expect((await byRecipient(to.username))[0]!.subject).toBe('1 new lead for you in Partner Desk');
        const ownerEmail = (
            await client.query<{ Email: string }>(`SELECT Email FROM User WHERE Id = '${groupOwnerId}'`)
        )[0]!.Email;
        const fallback = await byRecipient(ownerEmail);
        expect(fallback.map((m) => m.subject)).toEqual(['1 lead came back to you: no partner could take it']);
        expect(fallback[0]!.text).toContain('No eligible member left in Nordics');
        expect(hrefs(fallback[0]!.html)).toContain(`${sim.url}/lightning/r/Lead/${fellBack.Id}/view`);

        await notifications.tick(minutesLater(24 * 60 + 1));
        const summaries = (await byRecipient(ownerEmail)).filter((m) =>
            m.subject?.startsWith('Partner Desk daily summary')
        );
        expect(summaries).toHaveLength(1);
        expect(summaries[0]!.subject).toBe('Partner Desk daily summary: 1 return, 1 recall');
        expect(summaries[0]!.text).toContain('Duplicate <lead> ("Already ours")');
        expect(summaries[0]!.html).toContain('Duplicate &lt;lead&gt;');
        expect(hrefs(summaries[0]!.html)).toEqual(
            expect.arrayContaining([
                `${sim.url}/lightning/r/Lead/${returned.Id}/view`,
                `${sim.url}/lightning/r/Lead/${recalled.Id}/view`
            ])
        );
        await notifications.stop();
        await db.close();
    });

    test('given an unsubscribe link, then a GET changes nothing, the one-click POST turns emails off in the org, a forged token is refused and the token opens nothing else', async () => {
        const { db, notifications } = await fresh();
        const partner = partnersOf(2)[1] ?? partnersOf(2)[0]!;
        await assignNewLead(partner.id);
        await notifications.tick(minutesLater(16));
        const link = new URL(headerLine(await parse(smtp.mails[0]!), 'List-Unsubscribe')!.replace(/^<|>$/g, ''));

        const app = createApp({
            db,
            client,
            repos: createRepos(db),
            metrics: createServiceMetrics(undefined, false),
            apiToken: 'test-token-0123456789abcdef',
            logger: quietLogger,
            publicRoutes: notifications.router
        });
        const server: Server = await new Promise((resolve) => {
            const s = app.listen(0, '127.0.0.1', () => resolve(s));
        });
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const preference = async () =>
            (
                await client.query<{ Delivery__c: string }>(
                    `SELECT Delivery__c FROM Notification_Preference__c WHERE User__c = '${partner.id}'`
                )
            )[0]?.Delivery__c;
        try {
            const page = await fetch(`${base}${link.pathname}${link.search}`);
            expect(page.status).toBe(200);
            expect(await page.text()).toContain('<form method="post"');
            const before = await preference();
            expect(before === undefined || before === 'Digest').toBe(true);

            const token = link.searchParams.get('token')!;
            const forged = `${token.slice(0, -2)}xx`;
            const refused = await fetch(`${base}${link.pathname}?token=${encodeURIComponent(forged)}`, {
                method: 'POST',
                body: 'List-Unsubscribe=One-Click',
                headers: { 'content-type': 'application/x-www-form-urlencoded' }
            });
            expect(refused.status).toBe(400);
            expect((await fetch(`${base}/api/jobs`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
                401
            );

            const done = await fetch(`${base}${link.pathname}${link.search}`, {
                method: 'POST',
                body: 'List-Unsubscribe=One-Click',
                headers: { 'content-type': 'application/x-www-form-urlencoded' }
            });
            expect(done.status).toBe(200);
            expect(await preference()).toBe('Off');

            await assignNewLead(partner.id);
            await notifications.tick(minutesLater(40));
            expect(smtp.mails).toHaveLength(1);
            await new OrgRecipients(client).setDelivery(partner.id, 'Digest');
        } finally {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            await notifications.stop();
            await db.close();
        }
    });
});
