/**
 * 10,000 digests: recorded as events, composed (one Handlebars render per recipient, four languages,
 * five leads each) into the outbox, and delivered over pooled SMTP to a local SMTP server in this
 * process. Recipients come from an in-memory directory: reading users from an org is not what is
 * measured here (the routing tests read them from the simulator). Runs on the embedded store (PGlite)
 * and on PostgreSQL (BENCH_DATABASE_URL); BENCH_STORES=pglite,postgres picks, as the reassign bench.
 */
import { rmSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { NotificationComposer } from '../src/notifications/composer';
import { MessageLinks } from '../src/notifications/links';
import { createMailer } from '../src/notifications/mailer';
import { OutboxWorker } from '../src/notifications/outboxWorker';
import type { Recipient, RecipientDirectory } from '../src/notifications/recipients';
import { TemplateStore } from '../src/notifications/templates';
import { UnsubscribeTokens } from '../src/notifications/unsubscribe';
import { NotificationsRepo } from '../src/store/notificationsRepo';
import { openStore } from '../src/store/openStore';
import { OutboxRepo } from '../src/store/outboxRepo';
import { startSmtpPeer } from '../test/notifications/smtpPeer';
import { MemoryPeak, round, type BenchFigure } from './harness';

export const name = 'notifications';
export const description =
    '10,000 digests rendered (en, no, el, in) and delivered over pooled SMTP to a local SMTP server, on the embedded store (PGlite) and on PostgreSQL (BENCH_DATABASE_URL)';

/** pglite: in memory; pglite-disk: in a fresh DATA_DIR on disk (NodeFS), as the service runs it. */
type StoreKind = 'pglite' | 'pglite-disk' | 'postgres';
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const RECIPIENTS = 10_000;
const LANGUAGES = [
    ['en_US', 'en_US', 'America/New_York'],
    ['no', 'no_NO', 'Europe/Oslo'],
    ['el', 'el_GR', 'Europe/Athens'],
    ['in', 'in_ID', 'Asia/Jakarta']
] as const;

const userId = (i: number) => `005${String(i).padStart(15, '0')}`;

export async function run(): Promise<BenchFigure[]> {
    const stores = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',').map((s) => s.trim()) as StoreKind[];
    const figures: BenchFigure[] = [];
    for (const store of stores) {
        figures.push(...(await runOnStore(store)).map((f) => ({ ...f, label: `${store}: ${f.label}` })));
    }
    figures.push({
        label: `machine: ${cpus().length} cores, load average at the end ${loadavg()[0]!.toFixed(1)} (other work shares them)`,
        value: cpus().length,
        unit: 'cores'
    });
    return figures;
}

async function runOnStore(store: StoreKind): Promise<BenchFigure[]> {
    const memory = new MemoryPeak().start();
    const schema = `bench_notifications_${process.pid}`;
    const dataDir = store === 'pglite-disk' ? mkdtempSync(join(tmpdir(), 'bench-notifications-')) : undefined;
    const db = await openStore({ schema, dataDir, databaseUrl: store === 'postgres' ? DATABASE_URL : undefined });
    const smtp = await startSmtpPeer();
    const logger = pino({ level: 'silent' });
    const recipients = new Map<string, Recipient>();
    for (let i = 0; i < RECIPIENTS; i++) {
        const [languageLocaleKey, localeSidKey, timeZoneSidKey] = LANGUAGES[i % LANGUAGES.length]!;
        recipients.set(userId(i), {
            id: userId(i),
            name: `Partner ${i}`,
            email: `partner${i}@bench.test`,
            active: true,
            userType: 'PowerPartner',
            languageLocaleKey,
            localeSidKey,
            timeZoneSidKey,
            delivery: 'Immediate'
        });
    }
    const directory: RecipientDirectory = {
        recipients: (ids) =>
            Promise.resolve(new Map(ids.filter((id) => recipients.has(id)).map((id) => [id, recipients.get(id)!]))),
        setDelivery: () => Promise.reject(new Error('not in the bench'))
    };
    const events = new NotificationsRepo(db);
    const now = new Date().toISOString();
    await events.record(
        [...recipients.keys()].map((id, i) => ({
            dedupeKey: `lead_digest:bench:${id}`,
            kind: 'lead_digest',
            recipientId: id,
            happenedAt: now,
            item: {
                count: 5,
                leads: Array.from({ length: 5 }, (_, k) => ({
                    leadId: `00Q${String(i * 5 + k).padStart(15, '0')}`,
                    name: `Lead <${k}> & Co`,
                    company: `Company ${k}`,
                    country: 'Norway',
                    routedAt: now,
                    acceptBy: now
                }))
            }
        }))
    );
    const composer = new NotificationComposer(
        events,
        directory,
        new TemplateStore(),
        new MessageLinks('https://partners.example.com/partners', 'https://org.example.com', {
            inboxPath: '/s/leads',
            leadPath: '/s/detail/{id}'
        }),
        new UnsubscribeTokens('bench-secret-0123456789abcdef'),
        { windowMinutes: 15, listLimit: 200, publicUrl: 'https://desk.example.com' },
        logger
    );
    const mailer = createMailer(
        {
            host: '127.0.0.1',
            port: smtp.port,
            secure: false,
            user: undefined,
            password: undefined,
            from: 'Partner Desk <desk@bench.test>',
            poolSize: 8,
            perSecond: 0
        },
        { outboxDir: '/nonexistent' }
    );
    const worker = new OutboxWorker(
        new OutboxRepo(db),
        mailer,
        { instance: 'bench', intervalMs: 1000, concurrency: 48 },
        logger
    );
    try {
        const started = Date.now();
        const cpuAtStart = process.cpuUsage();
        const composed = await composer.compose();
        const renderedAt = Date.now();
        const sent = await worker.drain();
        const done = Date.now();
        const cpu = process.cpuUsage(cpuAtStart);
        memory.stop();
        if (composed.messages !== RECIPIENTS || sent !== RECIPIENTS || smtp.mails.length !== RECIPIENTS) {
            throw new Error(
                `composed ${composed.messages}, sent ${sent}, received ${smtp.mails.length} of ${RECIPIENTS}`
            );
        }
        const seconds = (ms: number) => ms / 1000;
        return [
            { label: 'digests rendered into the outbox', value: RECIPIENTS, unit: 'messages' },
            { label: 'render + outbox', value: round(RECIPIENTS / seconds(renderedAt - started)), unit: 'messages/s' },
            {
                label: 'SMTP delivery (accepted by the server)',
                value: round(RECIPIENTS / seconds(done - renderedAt)),
                unit: 'messages/s'
            },
            {
                label: 'end to end',
                value: round(RECIPIENTS / seconds(done - started)),
                unit: 'messages/s',
                target: 500
            },
            {
                // Less bent by other work on a shared machine than wall time; PostgreSQL's own CPU is not in it.
                label: 'end to end per CPU second of this process (PGlite runs inside it; PostgreSQL does not)',
                value: round(RECIPIENTS / ((cpu.user + cpu.system) / 1e6)),
                unit: 'messages/s'
            },
            ...memory.figures()
        ];
    } finally {
        mailer.close();
        await smtp.close();
        if (store === 'postgres') await db.query(`DROP SCHEMA ${schema} CASCADE`);
        await db.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
}
