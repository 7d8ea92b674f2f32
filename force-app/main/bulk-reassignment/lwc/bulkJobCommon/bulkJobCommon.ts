/**
 * The shapes BulkReassignmentController returns (kept in step with BulkReassignmentService's inner
 * classes) and the reading of a job's Summary__c JSON, which the Partner Desk service writes.
 */

// The LWC lint config parses TypeScript without type scopes, so it reads property names such as
// `name` and `status` as the browser globals of the same names; they are fields here.
/* eslint-disable no-restricted-globals */

export type SourceType = 'User' | 'Queue' | 'Deactivated_User';
export type TargetType = 'Group' | 'Queue' | 'User';

/** What a channel manager asks for; BulkReassignmentService.JobRequest. */
export interface JobRequest {
    sourceType: SourceType;
    source: string;
    targetType: TargetType;
    target: string;
    statuses: string[];
    countries: string[];
    minAgeDays: number | null;
    dryRun: boolean;
    notifyOwners: boolean;
}

/** A job as the console shows it; BulkReassignmentService.JobView. */
export interface JobView {
    id: string;
    name: string;
    status: string;
    phase?: string | null;
    dryRun: boolean;
    notifyOwners: boolean;
    sourceType: SourceType;
    source: string;
    targetType: TargetType;
    target: string;
    filterStatuses?: string | null;
    filterCountries?: string | null;
    filterMinAgeDays?: number | null;
    total?: number | null;
    processed?: number | null;
    failed?: number | null;
    changedSince?: number | null;
    unassigned?: number | null;
    reverted?: number | null;
    percent: number;
    message?: string | null;
    summary?: string | null;
    planFileId?: string | null;
    failuresFileId?: string | null;
    createdDate?: string;
    createdByName?: string;
    startedAt?: string | null;
    finishedAt?: string | null;
    progressUpdatedAt?: string | null;
    isActive: boolean;
    isStale: boolean;
    canCancel: boolean;
    canRevert: boolean;
    canRunForReal: boolean;
}

export interface Option {
    label: string;
    value: string;
}

/** BulkReassignmentService.ConsoleOptions. */
export interface ConsoleOptions {
    groups: Option[];
    /** Said under the group picker when its list stopped at its cap (translated); none for a complete list. */
    groupsCapNotice?: string | null;
    queues: Option[];
    leadStatuses: Option[];
}

export interface WiredResult<T> {
    data?: T;
    error?: unknown;
}

/** One target's line of the summary the service writes. */
export interface TargetSummary {
    ownerId: string;
    name: string;
    type: string;
    planned: number;
    moved?: number;
    failed?: number;
}

/* eslint-enable no-restricted-globals */

/**
 * The per-target lines of a job's Summary__c JSON, or none when it is absent or not what the service
 * writes (a job that failed before planning has no summary).
 */
export function targetsOf(summaryJson: string | null | undefined): TargetSummary[] {
    if (!summaryJson) {
        return [];
    }
    try {
        const summary = JSON.parse(summaryJson) as { targets?: unknown };
        return Array.isArray(summary.targets) ? (summary.targets as TargetSummary[]) : [];
    } catch {
        return [];
    }
}

/** Splits a comma or semicolon separated list typed by a person into trimmed, non-empty values. */
export function splitList(text: string | null | undefined): string[] {
    return (text ?? '')
        .split(/[;,]/)
        .map((value) => value.trim())
        .filter((value) => value.length > 0);
}
