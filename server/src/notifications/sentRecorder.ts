import type { OutboxRepo } from '../store/outboxRepo';

interface Waiting {
    id: number;
    resolve: () => void;
    reject: (error: unknown) => void;
}

/**
 * Records accepted messages as sent, many in one write (group commit). An accepted message is
 * written by the next write to start: at once when none is under way, else right after the one under
 * way, together with every other accept that arrived meanwhile. It never waits for other sends to
 * finish, so a crash can repeat only what was accepted during the last write, as when each
 * message had a write of its own; the repeat carries the same Message-ID.
 */
export class SentRecorder {
    private queued: Waiting[] = [];
    private writing = false;

    constructor(private readonly outbox: OutboxRepo) {}

    /** Resolves once the message is recorded as sent. */
    record(id: number): Promise<void> {
        return new Promise((resolve, reject) => {
            this.queued.push({ id, resolve, reject });
            this.write();
        });
    }

    private write(): void {
        if (this.writing || this.queued.length === 0) {
            return;
        }
        this.writing = true;
        const batch = this.queued.splice(0);
        this.outbox
            .markSent(batch.map((w) => w.id))
            .then(
                () => batch.forEach((w) => w.resolve()),
                (error: unknown) => batch.forEach((w) => w.reject(error))
            )
            .finally(() => {
                this.writing = false;
                this.write();
            });
    }
}
