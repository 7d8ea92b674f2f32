import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMailer } from '../../src/notifications/mailer';
import { OutboxWorker } from '../../src/notifications/outboxWorker';
import { openStore } from '../../src/store/openStore';
import { OutboxRepo, type NewOutboxMessage } from '../../src/store/outboxRepo';
import { openTestStore, quietLogger } from '../support/serviceHarness';
import { localSmtp, startSmtpPeer, type ReceivedMail } from './smtpPeer';

const SENDER = resolve(__dirname, 'outboxSenderProcess.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

const messages = (count: number, prefix: string): NewOutboxMessage[] =>
    Array.from({ length: count }, (_, i) => ({
        dedupeKey: `lead_digest:${prefix}:${i}`,
        recipientId: `005${String(i).padStart(15, '0')}`,
        recipientEmail: `partner${i}@${prefix}.test`,
        subject: `Digest ${i}`,
        body: `Leads for partner ${i}`
    }));

function runSender(
    dataDir: string,
    schema: string,
    port: number
): { exited: Promise<{ code: number | null; signal: string | null }>; kill(): void; output(): string } {
    const child = spawn(process.execPath, ['--import', TSX, SENDER, dataDir, schema, String(port)], {
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    return {
        exited: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal }))),
        kill: () => child.kill('SIGKILL'),
        output: () => out
    };
}

const perRecipient = (mails: ReceivedMail[]) => {
    const counts = new Map<string, number>();
    for (const mail of mails) counts.set(mail.to[0]!, (counts.get(mail.to[0]!) ?? 0) + 1);
    return counts;
};

describe('sending under faults', () => {
    test('given the sender is killed halfway through 1,000 messages (SIGKILL, messages in flight), when it restarts, then every recipient ends with exactly one', async () => {
        const dataDir = mkdtempSync(join(tmpdir(), 'pd-sender-'));
        const schema = 'pd_sender';
        const seed = await openStore({ dataDir, schema });
        await new OutboxRepo(seed).add(messages(1000, 'crash'));
        await seed.close();

        let holding = false;
        let killedOnce = false;
        let release: (() => void) | undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        let first: ReturnType<typeof runSender> | undefined;
        const smtp = await startSmtpPeer({
            onMessage: async () => {
                // From the 500th message on, the server stops answering DATA: those messages are in
                // flight, not accepted. The sender is killed while they wait, then they are refused.
                if (!killedOnce && smtp.mails.length >= 500) {
                    holding = true;
                    killedOnce = true;
                    setTimeout(() => {
                        first!.kill();
                        release!();
                    }, 500);
                }
                if (holding) {
                    await held;
                    throw Object.assign(new Error('connection lost'), { responseCode: 421 });
                }
            }
        });
        try {
            first = runSender(dataDir, schema, smtp.port);
            const killed = await first.exited;
            expect({ signal: killed.signal, output: killed.signal ? '' : first.output() }).toEqual({
                signal: 'SIGKILL',
                output: ''
            });
            const acceptedBeforeKill = smtp.mails.length;
            expect(acceptedBeforeKill).toBeGreaterThanOrEqual(500);
            expect(acceptedBeforeKill).toBeLessThan(1000);

            holding = false;
            const restarted = runSender(dataDir, schema, smtp.port);
            const end = await restarted.exited;
            expect({ code: end.code, output: end.code === 0 ? '' : restarted.output() }).toEqual({
                code: 0,
                output: ''
            });
            expect(restarted.output()).toMatch(/ready \([1-9]\d* leases voided\)/);

            const counts = perRecipient(smtp.mails);
            expect(counts.size).toBe(1000);
            expect([...counts.values()].every((n) => n === 1)).toBe(true);
            const check = await openStore({ dataDir, schema });
            expect(await new OutboxRepo(check).countByState()).toEqual({ sent: 1000 });
            await check.close();
        } finally {
            await smtp.close();
        }
    }, 180_000);

    test('given the SMTP server refuses connections for a while, when it is back, then every message is delivered once', async () => {
        const db = await openTestStore();
        const outbox = new OutboxRepo(db);
        await outbox.add(messages(50, 'refused'));
        const probe = await startSmtpPeer();
        const port = probe.port;
        await probe.close();

        const mailer = createMailer(localSmtp(port, 2), { outboxDir: tmpdir() });
        const worker = new OutboxWorker(
            outbox,
            mailer,
            { instance: 'one', intervalMs: 1000, retryBaseSeconds: 0.2, concurrency: 10 },
            quietLogger
        );
        const started = Date.now();
        expect(await worker.drain()).toBe(0);
        let smtp: Awaited<ReturnType<typeof startSmtpPeer>> | undefined;
        try {
            while ((await outbox.countByState()).sent !== 50) {
                if (!smtp && Date.now() - started > 2000) smtp = await startSmtpPeer({ port });
                if (Date.now() - started > 60_000)
                    throw new Error(`not delivered: ${JSON.stringify(await outbox.countByState())}`);
                await worker.drain();
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            const counts = perRecipient(smtp!.mails);
            expect(counts.size).toBe(50);
            expect([...counts.values()].every((n) => n === 1)).toBe(true);
            const retried = (await db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE attempts > 1'))
                .rows[0]!.n;
            // The messages tried while the server was down were retried; none went twice.
            expect(Number(retried)).toBeGreaterThan(0);
        } finally {
            mailer.close();
            await smtp?.close();
            await db.close();
        }
    }, 120_000);
});
