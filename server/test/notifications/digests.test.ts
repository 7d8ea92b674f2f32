import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../../src/notifications/mailer';
import { OutboxWorker } from '../../src/notifications/outboxWorker';
import type { Db } from '../../src/store/db';
import { OutboxRepo } from '../../src/store/outboxRepo';
import { createJobRecord, createRunner, openTestStore, quietLogger, runUntil, startTestSimulator, type RunningSimulator } from '../support/serviceHarness';

interface ReceivedMail {
    to: string[];
    raw: string;
}

/** A real SMTP peer on 127.0.0.1 that keeps what it receives. */
async function startSmtpPeer(): Promise<{ port: number; mails: ReceivedMail[]; close(): Promise<void> }> {
    const mails: ReceivedMail[] = [];
    const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
            let raw = '';
            stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
            stream.on('end', () => {
                mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
                callback();
            });
        }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const header = (raw: string, name: string): string | undefined => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim();

describe('digest notifications', () => {
    let sim: RunningSimulator;
    let db: Db;
    let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;

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

    const mailer = () => createMailer({ host: '127.0.0.1', port: smtp.port, secure: false, user: undefined, password: undefined, from: 'Partner Desk <desk@test.local>', intervalMs: 1000 })!;

    test('given a job with Notify Owners to a partner user, when it finishes and the outbox drains, then the user gets exactly one digest listing the leads, also across restarts', async () => {
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[0]!;
        const target = sim.sample!.partnerUsers[1]!;
        const leads = (await r.client.query<{ Id: string }>(`SELECT Id FROM Lead WHERE OwnerId = '${source.id}' AND IsConverted = false`)).map((l) => l.Id);
        const jobId = await createJobRecord(r.client, { Source_Type__c: 'User', Source_Owner__c: source.username, Target_Type__c: 'User', Target__c: target.username, Notify_Owners__c: true });
        await runUntil(r, jobId, ['Completed']);

        const first = new OutboxWorker(new OutboxRepo(db), mailer(), { instance: 'one', intervalMs: 1000 }, quietLogger);
        expect(await first.drain()).toBe(1);
        const restarted = new OutboxWorker(new OutboxRepo(db), mailer(), { instance: 'two', intervalMs: 1000 }, quietLogger);
        expect(await restarted.drain()).toBe(0);
        expect(await first.drain()).toBe(0);

        expect(smtp.mails).toHaveLength(1);
        const mail = smtp.mails[0]!;
        expect(mail.to).toEqual([target.username]);
        expect(header(mail.raw, 'Subject')).toMatch(new RegExp(`^You have ${leads.length} new leads \\(BRJ-\\d+\\)$`));
        expect(header(mail.raw, 'Message-ID')).toBe(`<digest.${jobId}.${target.id}@partner-desk>`);
        const body = mail.raw.replace(/=\r?\n/g, '');
        for (const id of leads.slice(0, 5)) {
            expect(body).toContain(id);
        }
        expect(await new OutboxRepo(db).countByState(jobId)).toEqual({ sent: 1 });
    });

    test('given a job to a group of queues and users, when it finishes, then only users get a digest, one each', async () => {
        smtp.mails.length = 0;
        const r = await createRunner(sim, db);
        const source = sim.sample!.partnerUsers[2]!;
        const jobId = await createJobRecord(r.client, { Source_Type__c: 'User', Source_Owner__c: source.username, Target_Type__c: 'Group', Target__c: 'Nordics', Notify_Owners__c: true });
        const record = await runUntil(r, jobId, ['Completed']);
        const summary = JSON.parse(String(record.Summary__c)) as { targets: Array<{ type: string; moved: number }>; notifications: { digests: number } };
        const usersWithLeads = summary.targets.filter((t) => t.type === 'User' && t.moved > 0).length;
        expect(usersWithLeads).toBeGreaterThan(0);

        const worker = new OutboxWorker(new OutboxRepo(db), mailer(), { instance: 'one', intervalMs: 1000 }, quietLogger);
        expect(await worker.drain()).toBe(usersWithLeads);
        expect(summary.notifications.digests).toBe(usersWithLeads);
        expect(new Set(smtp.mails.map((m) => m.to[0])).size).toBe(usersWithLeads);
    });

    test('given the SMTP peer is down, when the outbox drains, then the digest stays pending with the error and is sent once the peer is back', async () => {
        const outbox = new OutboxRepo(db);
        await outbox.add([{ dedupeKey: 'digest:test:down', jobId: 'a0A000000000009AAA', recipientId: '005000000000001AAA', recipientEmail: 'someone@test.local', subject: 'S', body: 'B' }]);
        const down = createMailer({ host: '127.0.0.1', port: 1, secure: false, user: undefined, password: undefined, from: 'desk@test.local', intervalMs: 1000 })!;
        const failing = new OutboxWorker(outbox, down, { instance: 'one', intervalMs: 1000 }, quietLogger);
        expect(await failing.drain()).toBe(0);
        const row = (await db.query<{ state: string; attempts: number; last_error: string }>("SELECT state, attempts, last_error FROM outbox WHERE dedupe_key = 'digest:test:down'")).rows[0]!;
        expect(row).toMatchObject({ state: 'pending', attempts: 1 });
        expect(row.last_error).toMatch(/ECONNREFUSED/);

        await db.query("UPDATE outbox SET next_attempt_at = now() WHERE dedupe_key = 'digest:test:down'");
        smtp.mails.length = 0;
        expect(await new OutboxWorker(outbox, mailer(), { instance: 'two', intervalMs: 1000 }, quietLogger).drain()).toBe(1);
        expect(smtp.mails.map((m) => m.to)).toEqual([['someone@test.local']]);
    });
});
