import type { Logger } from 'pino';
import type {
    ComposedMessage,
    EventGroup,
    NotificationsRepo,
    StoredNotificationEvent
} from '../store/notificationsRepo';
import type { NewOutboxMessage } from '../store/outboxRepo';
import type { MessageLinks } from './links';
import { intlLocale, intlTimeZone } from './locale';
import {
    AUDIENCE,
    MESSAGE_KINDS,
    type JobItem,
    type LeadItem,
    type MessageKind,
    type SummaryItem
} from './messageKinds';
import type { Delivery, Recipient, RecipientDirectory } from './recipients';
import type { TemplateStore } from './templates';
import { unsubscribeHeaders, type UnsubscribeTokens } from './unsubscribe';

export interface ComposerOptions {
    /** The Digest window: a user's events of one kind wait this long and go out as one message. */
    windowMinutes: number;
    /** Leads listed by name in one message; the rest are counted. */
    listLimit: number;
    /**
     * The service's address as recipients reach it (for unsubscribe links); undefined until the
     * service has bound its port (PORT=0 without PUBLIC_URL): see `useListeningUrl`.
     */
    publicUrl: string | undefined;
}

/** A batch of leads recorded as one event (a bulk job's leads for one owner). */
export interface LeadBatchItem {
    leads: LeadItem[];
    count: number;
}

const DAY_MS = 86_400_000;

/**
 * Recipients composed in one transaction: one transaction per recipient held composing to about 500 a
 * second; a few hundred share the round trips and the commit, and a transaction still holds only
 * a few megabytes of rendered messages.
 */
const GROUPS_PER_TRANSACTION = 250;

/** How long events of a kind wait for company, given the recipient's choice. */
export function windowMs(kind: MessageKind, delivery: Delivery, windowMinutes: number): number {
    if (kind === 'job_finished') return 0;
    if (kind === 'daily_summary') return DAY_MS;
    return delivery === 'Immediate' ? 0 : delivery === 'Daily' ? DAY_MS : windowMinutes * 60_000;
}

/** Why a recipient gets nothing, or undefined when they get their messages. */
function reasonToSkip(recipient: Recipient | undefined): string | undefined {
    if (!recipient) return 'user not found';
    if (!recipient.active) return 'user is inactive';
    if (!recipient.email) return 'user has no email address';
    if (recipient.delivery === 'Off') return 'user turned notifications off';
    return undefined;
}

/**
 * Turns waiting events into messages: per recipient and kind, once the oldest event has waited its
 * window, all of them become one message in the recipient's language, put into the outbox in the same
 * transaction that marks the events batched (many recipients per transaction). Recipients who are inactive, have no email or turned
 * notifications off get nothing, and the events say why.
 */
export class NotificationComposer {
    constructor(
        private readonly repo: NotificationsRepo,
        private readonly directory: RecipientDirectory,
        private readonly templates: TemplateStore,
        private readonly links: MessageLinks,
        private readonly tokens: UnsubscribeTokens,
        private readonly options: ComposerOptions,
        private readonly logger: Logger
    ) {}

    /** The address the service listens at, for links when PUBLIC_URL is not set; PUBLIC_URL wins. */
    useListeningUrl(url: string): void {
        this.options.publicUrl ??= url;
    }

    async compose(now = new Date()): Promise<{ messages: number; skipped: number }> {
        const groups = (await this.repo.pendingGroups()).filter((g) =>
            (MESSAGE_KINDS as readonly string[]).includes(g.kind)
        );
        if (groups.length === 0) {
            return { messages: 0, skipped: 0 };
        }
        const recipients = await this.directory.recipients([...new Set(groups.map((g) => g.recipientId))]);
        let skipped = 0;
        const due: EventGroup[] = [];
        for (const group of groups) {
            const kind = group.kind as MessageKind;
            const recipient = recipients.get(group.recipientId);
            const reason = reasonToSkip(recipient);
            if (reason) {
                skipped += await this.repo.skip(group.recipientId, kind, reason);
                this.logger.info({ recipientId: group.recipientId, kind, reason }, 'notification not sent');
                continue;
            }
            const wait = windowMs(kind, recipient!.delivery, this.options.windowMinutes);
            if (wait > 0 && now.getTime() - group.firstAt.getTime() < wait) {
                continue;
            }
            due.push({ recipientId: group.recipientId, kind });
        }
        let messages = 0;
        for (let i = 0; i < due.length; i += GROUPS_PER_TRANSACTION) {
            messages += await this.repo.batchIntoOutbox(due.slice(i, i + GROUPS_PER_TRANSACTION), (group, events) =>
                this.messagesOf(group.kind as MessageKind, recipients.get(group.recipientId)!, events, now)
            );
        }
        return { messages, skipped };
    }

    /** A job's message is about that job alone; other kinds gather everything waiting into one. */
    private messagesOf(
        kind: MessageKind,
        recipient: Recipient,
        events: StoredNotificationEvent[],
        now: Date
    ): ComposedMessage[] {
        const units = kind === 'job_finished' ? events.map((event) => [event]) : [events];
        return units.map((unit) => ({
            message: this.build(kind, recipient, unit, now),
            eventIds: unit.map((event) => event.id)
        }));
    }

    private build(
        kind: MessageKind,
        recipient: Recipient,
        events: StoredNotificationEvent[],
        now: Date
    ): NewOutboxMessage {
        if (!this.options.publicUrl) {
            throw new Error(
                'PUBLIC_URL is not set and the service has not bound its port yet: no unsubscribe link can be made'
            );
        }
        const unsubscribeUrl = `${this.options.publicUrl.replace(/\/+$/, '')}/notifications/unsubscribe?token=${encodeURIComponent(this.tokens.sign(recipient.id))}`;
        const context = { recipient: { name: recipient.name }, unsubscribeUrl, ...this.contextOf(kind, events) };
        const rendered = this.templates.render(
            kind,
            {
                languageLocaleKey: recipient.languageLocaleKey,
                locale: intlLocale(recipient.localeSidKey, recipient.languageLocaleKey),
                timeZone: intlTimeZone(recipient.timeZoneSidKey)
            },
            context,
            now
        );
        return {
            dedupeKey: `${kind}:${recipient.id}:${events[0]!.id}`,
            jobId: events.find((e) => e.job_id)?.job_id ?? null,
            recipientId: recipient.id,
            recipientEmail: recipient.email!,
            subject: rendered.subject,
            body: rendered.text,
            html: rendered.html,
            headers: unsubscribeHeaders(unsubscribeUrl),
            kind,
            language: rendered.language
        };
    }

    private contextOf(kind: MessageKind, events: StoredNotificationEvent[]): object {
        const partner = AUDIENCE[kind] === 'partner';
        const leadUrl = (id: string) => (partner ? this.links.partnerLead(id) : this.links.lightningRecord('Lead', id));
        if (kind === 'job_finished') {
            const job = events[0]!.item as JobItem;
            return {
                job: {
                    ...job,
                    failed: job.status === 'Failed',
                    url: this.links.lightningRecord('Bulk_Reassignment_Job__c', job.jobId)
                }
            };
        }
        if (kind === 'daily_summary') {
            const items = events
                .map((e) => e.item as SummaryItem)
                .map((item) => ({ ...item, url: leadUrl(item.leadId) }));
            return {
                returns: items.filter((i) => i.what === 'returned'),
                recalls: items.filter((i) => i.what === 'recalled')
            };
        }
        const byLead = new Map<string, LeadItem>();
        let total = 0;
        for (const event of events) {
            const item = event.item as LeadItem | LeadBatchItem;
            const leads = 'leads' in item ? item.leads : [item];
            total += 'leads' in item ? item.count : 1;
            for (const lead of leads) {
                // The same lead twice in one window (routed, returned, routed again): listed once, its latest state.
                if (byLead.has(lead.leadId)) total--;
                byLead.delete(lead.leadId);
                byLead.set(lead.leadId, lead);
            }
        }
        const listed = [...byLead.values()]
            .slice(-this.options.listLimit)
            .map((lead) => ({ ...lead, url: kind === 'recalled' ? undefined : leadUrl(lead.leadId) }));
        return {
            leads: listed,
            total,
            more: Math.max(0, total - listed.length),
            inboxUrl: partner ? this.links.partnerInbox() : undefined
        };
    }
}
