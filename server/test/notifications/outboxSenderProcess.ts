/**
 * The service's sending half as its own process, for the crash test: opens the store in DATA_DIR (the
 * embedded PGlite, as `npm start` does), voids leases a killed predecessor left, and drains the outbox
 * through the pooled SMTP mailer until nothing is due, then exits 0.
 * Usage: node --import tsx outboxSenderProcess.ts <dataDir> <schema> <smtpPort>
 */
import pino from 'pino';
import { createMailer } from '../../src/notifications/mailer';
import { OutboxWorker } from '../../src/notifications/outboxWorker';
import { openStore } from '../../src/store/openStore';
import { OutboxRepo } from '../../src/store/outboxRepo';
import { localSmtp } from './smtpPeer';

async function main(dataDir: string, schema: string, port: number): Promise<void> {
    const db = await openStore({ dataDir, schema });
    const outbox = new OutboxRepo(db);
    const expired = await outbox.expireAllLeases();
    process.stdout.write(`ready (${expired} leases voided)\n`);
    const mailer = createMailer(localSmtp(port, 3), { outboxDir: dataDir });
    const worker = new OutboxWorker(
        outbox,
        mailer,
        { instance: `sender-${process.pid}`, intervalMs: 1000, retryBaseSeconds: 0.2, concurrency: 12 },
        pino({ level: 'silent' })
    );
    for (;;) {
        const sent = await worker.drain();
        if (sent > 0) process.stdout.write(`sent ${sent}\n`);
        const pending = await outbox.countByState();
        if (!pending.pending && !pending.sending) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    mailer.close();
    await db.close();
    process.stdout.write('done\n');
}

const [dataDir, schema, port] = process.argv.slice(2);
main(dataDir!, schema!, Number(port)).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
});
