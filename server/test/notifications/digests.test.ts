import { createMailer } from '../../src/notifications/mailer';
import { OutboxWorker } from '../../src/notifications/outboxWorker';
import type { Db } from '../../src/store/db';
import { OutboxRepo } from '../../src/store/outboxRepo';
import {
    createJobRecord,
    createRunner,
    openTestStore,
    quietLogger,
    runUntil,
    startTestSimulator,
    type RunningSimulator
} from '../support/serviceHarness';
import { createNotifications, minutesLater } from './notificationHarness';
import { localSmtp, parse, startSmtpPeer, type SmtpPeer } from './smtpPeer';

const header = (raw: string, name: string): string | undefined =>
    new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim();

describe('bulk job notifications', () => {
    let sim: RunningSimulator;
    let db: Db;
    let smtp: SmtpPeer;

    beforeAll(async () => {
        sim = await startTestSimulator({ sample: { leads: 3000 } });
        db = await openTestStore();
        smtp = await startSmtpPeer();
    });

    afterAll(async () => {
        await smtp?.close();
        await db?.close();
        await sim?.close();
    });

    test('given a job with Notify Owners to a partner user, when it finishes and the window passes, then the user gets exactly one digest listing the leads, also across restarts, and the job creator one job message', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[0]!;
        const target = sim.sample!.partnerUsers[1]!;
        const leads = (
            await r.client.query<{ Id: string }>(
                `SELECT Id FROM Lead WHERE OwnerId = '${source.id}' AND IsConverted = false`
            )
        ).map((l) => l.Id);
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'User',
            Target__c: target.username,
            Notify_Owners__c: true
        });
        const record = await runUntil(r, jobId, ['Completed']);

        const first = await createNotifications(sim, db, r.client, smtp.port);
        await first.tick(minutesLater(16));
        const restarted = await createNotifications(sim, db, r.client, smtp.port);
        await restarted.tick(minutesLater(20));
        await first.tick(minutesLater(30));

        const digests = smtp.mails.filter((m) => m.to[0] === target.username);
        expect(digests).toHaveLength(1);
        const mail = await parse(digests[0]!);
        // The target is one of the Norwegian partner's users.
        expect(mail.subject).toBe(`${leads.length} nye leads til deg i Partner Desk`);
        expect(header(digests[0]!.raw, 'Message-ID')).toMatch(
            new RegExp(`^<lead\\.digest\\.${target.id}\\.\\d+@partner-desk>$`)
        );
        for (const id of leads.slice(0, 5)) {
            expect(mail.html).toContain(id);
        }
        const creator = (
            await r.client.query<{ Email: string }>(`SELECT Email FROM User WHERE Id = '${String(record.CreatedById)}'`)
        )[0]!.Email;
        const jobMails = await Promise.all(smtp.mails.filter((m) => m.to[0] === creator).map(parse));
        expect(jobMails.map((m) => m.subject)).toEqual([
            `Bulk reassignment ${String(record.Name)} finished: Completed`
        ]);
        expect(jobMails[0]!.text).toContain(`/lightning/r/Bulk_Reassignment_Job__c/${jobId}/view`);
        expect(await new OutboxRepo(db).countByState(jobId)).toEqual({ sent: 2 });
        await first.stop();
        await restarted.stop();
    });

    test('given a job to a group of queues and users, when it finishes, then every target user and every user of a target queue gets one digest', async () => {
        smtp.mails.length = 0;
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[2]!;
        const jobId = await createJobRecord(r.client, {
            Source_Type__c: 'User',
            Source_Owner__c: source.username,
            Target_Type__c: 'Group',
            Target__c: 'Nordics',
            Notify_Owners__c: true
        });
        const record = await runUntil(r, jobId, ['Completed']);
        const summary = JSON.parse(String(record.Summary__c)) as {
            targets: Array<{ type: string; ownerId: string; moved: number }>;
            notifications: { digests: number };
        };
        const receiving = summary.targets.filter((t) => t.moved > 0);
        const users = new Set(receiving.filter((t) => t.type === 'User').map((t) => t.ownerId));
        const queueIds = receiving.filter((t) => t.type === 'Queue').map((t) => `'${t.ownerId}'`);
        if (queueIds.length > 0) {
            for (const m of await r.client.query<{ UserOrGroupId: string }>(
                `SELECT UserOrGroupId FROM GroupMember WHERE GroupId IN (${queueIds.join(',')})`
            ))
                users.add(m.UserOrGroupId);
        }
        expect(users.size).toBeGreaterThan(0);
        expect(summary.notifications.digests).toBe(users.size);

        const notifications = await createNotifications(sim, db, r.client, smtp.port);
        await notifications.tick(minutesLater(16));
        const partnerMails = smtp.mails.filter((m) => !m.raw.includes('Bulk_Reassignment_Job__c'));
        const emails = (
            await r.client.query<{ Email: string }>(
                `SELECT Email FROM User WHERE Id IN (${[...users].map((u) => `'${u}'`).join(',')}) AND IsActive = true`
            )
        ).map((u) => u.Email);
        expect(partnerMails.map((m) => m.to[0]).sort()).toEqual(emails.sort());
        await notifications.stop();
    });

    test('given the SMTP peer is down, when the outbox drains, then the message stays pending with the error and is sent once the peer is back', async () => {
        const outbox = new OutboxRepo(db);
        await outbox.add([
            {
                dedupeKey: 'digest:test:down',
                jobId: 'a0A000000000009AAA',
                recipientId: '005000000000001AAA',
                recipientEmail: 'someone@test.local',
                subject: 'S',
                body: 'B'
            }
        ]);
        const down = createMailer(localSmtp(1), { outboxDir: '/nonexistent' });
        const failing = new OutboxWorker(outbox, down, { instance: 'one', intervalMs: 1000 }, quietLogger);
        expect(await failing.drain()).toBe(0);
        down.close();
        const row = (
            await db.query<{ state: string; attempts: number; last_error: string }>(
                "SELECT state, attempts, last_error FROM outbox WHERE dedupe_key = 'digest:test:down'"
            )
        ).rows[0]!;
        expect(row).toMatchObject({ state: 'pending', attempts: 1 });
        expect(row.last_error).toMatch(/ECONNREFUSED/);

        await db.query("UPDATE outbox SET next_attempt_at = now() WHERE dedupe_key = 'digest:test:down'");
        smtp.mails.length = 0;
        const up = createMailer(localSmtp(smtp.port), { outboxDir: '/nonexistent' });
        expect(await new OutboxWorker(outbox, up, { instance: 'two', intervalMs: 1000 }, quietLogger).drain()).toBe(1);
        up.close();
        expect(smtp.mails.map((m) => m.to)).toEqual([['someone@test.local']]);
    });

    test('given the server refuses a recipient (550), then the message fails at once with the answer and is not retried', async () => {
        const refusing = await startSmtpPeer({
            onMessage: () => {
                throw Object.assign(new Error('5.1.1 mailbox unknown'), { responseCode: 550 });
            }
        });
        const outbox = new OutboxRepo(db);
        await outbox.add([
            {
                dedupeKey: 'digest:test:refused',
                recipientId: '005000000000002AAA',
                recipientEmail: 'nobody@test.local',
                subject: 'S',
                body: 'B'
            }
        ]);
        const mailer = createMailer(localSmtp(refusing.port), { outboxDir: '/nonexistent' });
        await new OutboxWorker(outbox, mailer, { instance: 'one', intervalMs: 1000 }, quietLogger).drain();
        mailer.close();
        await refusing.close();
        const row = (
            await db.query<{ state: string; permanent: boolean; attempts: number; last_error: string }>(
                "SELECT state, permanent, attempts, last_error FROM outbox WHERE dedupe_key = 'digest:test:refused'"
            )
        ).rows[0]!;
        expect(row).toMatchObject({ state: 'failed', permanent: true, attempts: 1 });
        expect(row.last_error).toMatch(/550/);
        expect((await outbox.listFailed()).map((f) => f.recipient_email)).toContain('nobody@test.local');
    });
});
