import type { Logger } from 'pino';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import type { OutboxMessage, OutboxRepo } from '../store/outboxRepo';
import { isPermanentFailure, type Mailer } from './mailer';
import { SentRecorder } from './sentRecorder';

export interface OutboxWorkerOptions {
    instance: string;
    intervalMs: number;
    maxAttempts?: number;
    leaseSeconds?: number;
    /** Messages sent in any 24 hours at most (0: no cap); the rest wait for the next day. */
    perDay?: number;
    /** First retry after this many seconds; doubles per attempt, at most an hour. */
    retryBaseSeconds?: number;
    /** Messages handed to the mailer at once (the SMTP pool spreads them over its connections). */
    concurrency?: number;
}

const DAY_MS = 86_400_000;

/** The Message-ID of an outbox row: the same for every attempt, so a receiver can tell a repeat. */
export const messageIdOf = (dedupeKey: string): string => `<${dedupeKey.replace(/[^a-zA-Z0-9.-]/g, '.')}@partner-desk>`;

/**
 * Drains the outbox: claims due messages, sends each through the mailer, records the result. A message
 * the server accepted is recorded as sent by the next store write (accepts share writes: SentRecorder)
 * and is never claimed again; a refused one (5xx) fails at once with the server's answer; anything
 * else is retried with backoff.
 */
export class OutboxWorker {
    private timer: NodeJS.Timeout | undefined;
    private running: Promise<number> | undefined;
    private warnedCap = false;
    private readonly sent: SentRecorder;

    constructor(
        private readonly outbox: OutboxRepo,
        private readonly mailer: Mailer,
        private readonly options: OutboxWorkerOptions,
        private readonly logger: Logger,
        private readonly metrics?: ServiceMetrics
    ) {
        this.sent = new SentRecorder(outbox);
    }

    start(): void {
        this.timer = setInterval(
            () => void this.drain().catch((error: unknown) => this.logger.error({ err: error }, 'outbox drain failed')),
            this.options.intervalMs
        );
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
        const concurrency = this.options.concurrency ?? 20;
        let sent = 0;
        for (;;) {
            let room = concurrency;
            if (this.options.perDay) {
                const left = this.options.perDay - (await this.outbox.countSentSince(new Date(Date.now() - DAY_MS)));
                if (left <= 0) {
                    if (!this.warnedCap) {
                        this.logger.warn(
                            { perDay: this.options.perDay },
                            'daily message cap reached (SMTP_MAX_PER_DAY): the rest waits'
                        );
                        this.warnedCap = true;
                    }
                    return sent;
                }
                this.warnedCap = false;
                room = Math.min(room, left);
            }
            const batch = await this.outbox.claimDue(this.options.instance, room, this.options.leaseSeconds ?? 120);
            if (batch.length === 0) {
                return sent;
            }
            const results = await Promise.all(batch.map((message) => this.sendOne(message)));
            sent += results.filter(Boolean).length;
            if (results.every((ok) => !ok)) {
                // Every send of the batch failed (server down): the rest waits for its backoff.
                return sent;
            }
        }
    }

    private async sendOne(message: OutboxMessage): Promise<boolean> {
        try {
            await this.mailer.send({
                to: message.recipient_email,
                subject: message.subject,
                text: message.body,
                html: message.html,
                headers: message.headers,
                messageId: messageIdOf(message.dedupe_key)
            });
        } catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            if (isPermanentFailure(error)) {
                this.logger.warn(
                    { id: message.id, to: message.recipient_email, err: error },
                    'message refused by the server; not retried'
                );
                this.metrics?.emailsSent.inc({ result: 'refused' });
                await this.outbox.markPermanentlyFailed(message.id, text);
            } else {
                this.logger.warn({ id: message.id, err: error }, 'message not sent; will retry');
                this.metrics?.emailsSent.inc({ result: 'failed' });
                const base = this.options.retryBaseSeconds ?? 30;
                await this.outbox.markFailed(
                    message.id,
                    text,
                    this.options.maxAttempts ?? 8,
                    Math.min(3600, base * 2 ** (message.attempts - 1))
                );
            }
            return false;
        }
        await this.sent.record(message.id);
        this.metrics?.emailsSent.inc({ result: 'sent' });
        return true;
    }
}
