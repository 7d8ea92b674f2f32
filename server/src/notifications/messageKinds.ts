/**
 * The messages Partner Desk sends, one template folder each (server/templates/<kind>/), and the data
 * each template receives. Lead and user text in here is as the org holds it: templates escape it.
 */
export const MESSAGE_KINDS = [
    'lead_digest',
    'due_soon',
    'recalled',
    'job_finished',
    'daily_summary',
    'fallback_owner',
    'registration_decided'
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Who reads a kind: partner users get links into the partner site, channel managers into Lightning. */
export const AUDIENCE: Readonly<Record<MessageKind, 'partner' | 'channelManager'>> = {
    lead_digest: 'partner',
    due_soon: 'partner',
    recalled: 'partner',
    job_finished: 'channelManager',
    daily_summary: 'channelManager',
    fallback_owner: 'channelManager',
    registration_decided: 'partner'
};

/** One event to tell one recipient about; several of one kind become one message per window. */
export interface NotificationEvent {
    kind: MessageKind;
    /** What makes the event unique for its recipient (the routing log entry, the job, ...). */
    key: string;
    recipientId: string;
    /** When it happened (ISO). */
    at: string;
    /** Kind-specific data, see the `*Item` types. */
    item: LeadItem | JobItem | SummaryItem;
    /** Set for bulk jobs: the job record the messages belong to. */
    jobId?: string;
}

export interface LeadItem {
    leadId: string;
    name: string;
    company: string | null;
    country: string | null;
    /** When the lead reached the recipient (ISO). */
    routedAt: string | null;
    /** When the accept window ends (ISO), for leads of a group with one. */
    acceptBy: string | null;
    /** Why (fallback: the routing explanation; recall: from whom; registration rejected: the reason). */
    note?: string | null;
    /** Registration decided: true when approved (protected for the partner), false when rejected. */
    approved?: boolean;
}

export interface JobItem {
    jobId: string;
    name: string;
    status: string;
    total: number;
    moved: number;
    failed: number;
    unassigned: number;
    message: string | null;
    /** The most frequent failure messages and how many leads each. */
    failures: Array<{ error: string; count: number }>;
}

export interface SummaryItem extends LeadItem {
    what: 'returned' | 'recalled';
    reason: string | null;
    comment: string | null;
    /** Returned: the partner who returned it; recalled: the partner it was recalled from. */
    partner: string | null;
}
