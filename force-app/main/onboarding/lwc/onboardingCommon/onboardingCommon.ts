/**
 * What the partner onboarding components share: the shapes PartnerOnboardingController returns
 * (kept in step with its inner classes).
 */

// The LWC lint config parses TypeScript without type scopes, so it reads property names such as
// `name` and `status` as the browser globals of the same names; below they are only fields.
/* eslint-disable no-restricted-globals */

/** One account in the channel manager's list. */
export interface PartnerAccountRow {
    id: string;
    name: string;
    ownerId: string;
    ownerName: string;
    /** An account's owner must have a role before the account can be a partner account. */
    ownerHasRole: boolean;
    isPartner: boolean;
    partnerUserCount: number;
    channelManagerId?: string | null;
    channelManagerName?: string | null;
}

/** One page of searchAccounts: the rows and how many accounts match in all. */
export interface AccountPage {
    rows: PartnerAccountRow[];
    /** Matching accounts, capped where SOQL paging ends (see totalCapped). */
    total: number;
    pageSize?: number;
    pageNumber?: number;
    /** True when more accounts match than the list can page through. */
    totalCapped?: boolean;
}

export type PrecheckKey = 'PARTNER_ACCESS' | 'OWNER_ROLE' | 'LICENSES' | 'ALREADY_PARTNER';

export interface PrecheckItem {
    key: PrecheckKey;
    passed: boolean;
    /** Says what was checked and, when it failed, what to fix. */
    message: string;
}

/** What checkEnablePartner found before anything changes. */
export interface PartnerPrecheck {
    canEnable: boolean;
    checks: PrecheckItem[];
    licensesAvailable: number;
}

/** What disabling a partner account would touch. */
export interface DisableImpact {
    activePartnerUsers: number;
    openLeads: number;
    partnerQueues: number;
    /** False when the account cannot be disabled now; `message` then says why. */
    canDisable?: boolean;
    /** The consequences in words, or why it cannot be disabled. */
    message?: string | null;
}

export type PartnerUserStatus =
    | 'NO_USER'
    | 'ACTIVE_LOGGED_IN'
    | 'ACTIVE_NEVER_LOGGED_IN'
    | 'INACTIVE'
    | 'NOT_SITE_MEMBER';

/** One contact of an account with the state of its partner user, if any. */
export interface PartnerContactRow {
    contactId: string;
    name: string;
    email?: string | null;
    title?: string | null;
    userId?: string | null;
    username?: string | null;
    status: PartnerUserStatus;
    /** ISO date-time, absent when the user never logged in or there is no user. */
    lastLoginDate?: string | null;
    openLeadCount: number;
}

/** A profile on a partner licence, as offered for a new partner user. */
export interface PartnerProfileOption {
    id: string;
    name: string;
    licenseName: string;
    licensesLeft: number;
}

/** What the "Enable partner user" dialog starts from. */
export interface EnableUserOptions {
    proposedUsername: string;
    email?: string | null;
    profiles: PartnerProfileOption[];
    licensesLeft: number;
    hasPartnerAccount: boolean;
    contactName?: string | null;
}

export interface EnableUserResult {
    userId: string;
    username: string;
    /** ACTIVE_NEVER_LOGGED_IN, or NOT_SITE_MEMBER when no live site will send the login email. */
    status: PartnerUserStatus;
    /** True when the contact's email is being updated to the user's email in the background. */
    contactEmailSyncQueued?: boolean;
}

/** What deactivating a partner user would leave behind. */
export interface DeactivateImpact {
    openLeads: number;
    queueMemberships: number;
    /** The consequences in words. */
    message?: string | null;
}

/** The value an Apex wire adapter provisions. */
export interface WiredResult<T> {
    data?: T;
    error?: unknown;
}
