/**
 * What the distribution components share: the shapes DistributionController returns (kept in step
 * with its inner classes and DistributionService's), and small formatting helpers.
 */

// The LWC lint config parses TypeScript without type scopes, so it reads property names such as
// `name` as the browser globals of the same names; they are fields here.
/* eslint-disable no-restricted-globals */

export type MemberType = 'Queue' | 'User';

/** DistributionService.ResolvedMember: a member as resolved for one run, with its readiness. */
export interface ResolvedMember {
    memberId?: string | null;
    memberType: MemberType;
    /** Queue API name or username, as configured. */
    reference?: string | null;
    /** Null when the queue or user cannot be found. */
    ownerId?: string | null;
    ownerName?: string | null;
    weight?: number | null;
    capacity?: number | null;
    active: boolean;
    /** Paused__c: no leads until unpaused. */
    paused?: boolean | null;
    /** Away_Until__c, YYYY-MM-DD: the last day away. */
    awayUntil?: string | null;
    load?: number | null;
    partnerAccountId?: string | null;
    /** Why it cannot receive leads at all. */
    problems: string[];
    /** Readiness warnings that do not stop routing. */
    warnings: string[];
}

/** DistributionController.GroupEditorData. */
export interface GroupEditorData {
    record: { Id: string; Name: string; Active__c?: boolean; State__c?: string | null };
    members: ResolvedMember[];
    canEdit: boolean;
}

/** DistributionController.MemberInput: what saveMembers takes. */
export interface MemberInput {
    memberId?: string | null;
    memberType: MemberType;
    reference: string;
    weight: number | null;
    capacity: number | null;
    active: boolean;
    paused: boolean;
    /** YYYY-MM-DD, or null for not away. */
    awayUntil: string | null;
}

/** DistributionService.PreviewRow. */
export interface PreviewRow {
    position: number;
    ownerId?: string | null;
    ownerName?: string | null;
    reason?: string | null;
}

/** DistributionController.ShareRow: shares are fractions 0..1. */
export interface ShareRow {
    ownerId: string;
    ownerName: string;
    leads: number;
    share: number;
    weightShare: number;
}

/** DistributionController.Option. */
export interface Option {
    value: string;
    label: string;
}

/** DistributionController.UserOption. */
export interface UserOption {
    userId: string;
    name: string;
    accountName?: string | null;
    reasons: string[];
}

/** DistributionController.AssignOptions. */
export interface AssignOptions {
    groups: Option[];
    queues: Option[];
    readyUsers: UserOption[];
    notReadyUsers: UserOption[];
    currentOwnerName?: string | null;
    /** By target type, a notice that its list stopped at its cap (translated); none for complete lists. */
    capNotices?: Partial<Record<'Group' | 'Queue' | 'User', string>>;
}

export type Outcome = 'Assigned' | 'No_Eligible_Member' | 'Not_Routed';

/** DistributionService.LeadOutcome. */
export interface LeadOutcome {
    leadId: string;
    groupId?: string | null;
    ownerId?: string | null;
    ownerName?: string | null;
    outcome: Outcome;
    explanation?: string | null;
}

/** DistributionController.DistributeSummary. */
export interface DistributeSummary {
    assigned: number;
    noEligible: number;
    notMatched: number;
    /** Selected leads left alone because the user cannot see or edit them. */
    notAccessible?: number;
    /** Selected leads left with their partner: approved deal registrations still protected. */
    protectedLeads?: number;
    outcomes: LeadOutcome[];
}

/** PartnerQueueService.QueueBacklog. */
export interface QueueBacklog {
    queueId: string;
    name: string;
    developerName: string;
    accountId?: string | null;
    memberCount: number;
    backlog: number;
    oldestSince?: string | null;
    oldestAgeHours?: number | null;
}

/** A fraction 0..1 as a whole percentage, e.g. 0.255 -> "26%". */
export function percent(fraction: number | null | undefined): string {
    return `${Math.round((fraction ?? 0) * 100)}%`;
}
