/**
 * The job model: what the phases hand each other and what a task stores between them. Types only,
 * so every phase can depend on it and none has to import another phase for its types.
 */
import type { Member } from '../distribution/roundRobin';

export interface OwnerRef {
    id: string;
    type: 'User' | 'Queue';
    name: string;
}

/** A job's input checked and resolved against the org: Ids, not names, from here on. */
export interface ResolvedJob {
    dryRun: boolean;
    notify: boolean;
    source: OwnerRef;
    sourceType: 'User' | 'Queue' | 'Deactivated_User';
    filters: { statuses: string[]; minAgeDays: number | null; countries: string[] };
    targetType: 'Group' | 'Queue' | 'User';
    /** Every possible new owner (group members in order, or the one target). */
    targets: OwnerRef[];
    group?: {
        id: string;
        name: string;
        members: Member[];
        state: Record<string, number>;
        /** The group's fallback owner: it gets the leads no member can take (also listed in targets). */
        fallback?: OwnerRef;
        /** TimeZoneSidKey of the user who started the job: members are away through Away_Until__c in it. */
        timeZone?: string;
    };
    /** Open leads the selection held when the job was resolved (chooses SOQL or Bulk API 2.0). */
    selectionSize?: number;
}

/** What a task remembers between phases and across restarts (stored as tasks.context). */
export interface TaskState {
    resolved?: ResolvedJob;
    planned?: boolean;
    total?: number;
    unassigned?: number;
    /** Leads the filters matched that a deal registration protects: skipped, and reported as such. */
    protectedSkipped?: number;
    newGroupState?: Record<string, number>;
    bulk?: boolean;
    recheckDone?: boolean;
    /** The write round under way (1 = first pass); a restart carries on with it. */
    writeRound?: number;
    planFileId?: string;
    failuresFileId?: string;
    digestsQueued?: number;
}

/** How a task ended, for the local store and the job record. */
export interface TaskOutcome {
    status: 'Completed' | 'Failed' | 'Cancelled' | 'Reverted';
    message: string;
    summary: Record<string, unknown>;
}
