import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import type { OutboxRepo } from '../store/outboxRepo';
import type { Mailer } from './mailer';

export interface OutboxWorkerOptions {
    instance: string;
    intervalMs: number;
    maxAttempts?: number;
    leaseSeconds?: number;
}

/** Drains the outbox: claims due messages, sends each once through the mailer, records the result. */
export class OutboxWorker {
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<number> | undefined;
    private warnedNoMailer = false;

    constructor(
        private readonly outbox: OutboxRepo,
        private readonly mailer: Mailer | undefined,
        private readonly options: OutboxWorkerOptions,
        private readonly logger: Logger,
        private readonly metrics?: ServiceMetrics
    ) {}

    start(): void {
        this.timer = setInterval(() => void this.drain().catch((error: unknown) => this.logger.error({ err: error }, 'outbox drain failed')), this.options.intervalMs);
        this.timer.unref();
    }

    async stop(): Promise<void> {
        clearInterval(this.timer);
        await this.running?.catch(() => undefined);
    }

    /** Sends what is due now; returns how many were sent. Calls do not overlap. */
    drain(): Promise<number> {
        this.running ??= this.drainOnce().finally(() => {
            this.running = undefined;
        });
        return this.running;
    }

    private async drainOnce(): Promise<number> {
        if (!this.mailer) {
            if (!this.warnedNoMailer) {
                const pending = (await this.outbox.countByState()).pending ?? 0;
                if (pending > 0) {
                    this.logger.warn({ pending }, 'digests wait in the outbox: set SMTP_HOST to send them');
                    this.warnedNoMailer = true;
                }
            }
            return 0;
        }
        let sent = 0;
        for (;;) {
            const batch = await this.outbox.claimDue(this.options.instance, 20, this.options.leaseSeconds ?? 120);
            if (batch.length === 0) {
                return sent;
            }
            for (const message of batch) {
                try {
                    await this.mailer.send({
                        to: message.recipient_email,
                        subject: message.subject,
                        text: message.body,
                        messageId: `<${message.dedupe_key.replace(/[^a-zA-Z0-9.-]/g, '.')}@partner-desk>`
                    });
                    await this.outbox.markSent(message.id);
                    this.metrics?.emailsSent.inc({ result: 'sent' });
                    sent++;
                } catch (error) {
                    const text = error instanceof Error ? error.message : String(error);
                    this.logger.warn({ id: message.id, err: error }, 'digest not sent; will retry');
                    this.metrics?.emailsSent.inc({ result: 'failed' });
                    await this.outbox.markFailed(message.id, text, this.options.maxAttempts ?? 8, Math.min(3600, 30 * 2 ** message.attempts));
                }
            }
        }
    }
}
