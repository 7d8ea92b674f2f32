import type { OrgClient } from './orgClient';
import { soqlString } from './soql';

export const JOB_OBJECT = 'Bulk_Reassignment_Job__c';

export type JobStatus =
    | 'Queued'
    | 'Running'
    | 'Completed'
    | 'Failed'
    | 'Cancel_Requested'
    | 'Cancelled'
    | 'Revert_Requested'
    | 'Reverting'
    | 'Reverted';
export type JobPhase = 'Queued' | 'Select' | 'Plan' | 'Write' | 'Verify' | 'Finish' | 'Revert' | 'Done';

/** The job record as the console writes it (inputs) and the service fills it (outputs). */
export interface JobRecord {
    Id: string;
    Name?: string;
    Status__c: JobStatus;
    Phase__c?: JobPhase | null;
    Dry_Run__c: boolean;
    Notify_Owners__c: boolean;
    Source_Type__c: string | null;
    Source_Owner__c: string | null;
    Filter_Statuses__c: string | null;
    Filter_Min_Age_Days__c: number | null;
    Filter_Countries__c: string | null;
    Target_Type__c: string | null;
    Target__c: string | null;
    Claimed_By__c?: string | null;
    Progress_Updated_At__c?: string | null;
    CreatedById?: string;
}

export type JobRecordUpdate = Partial<{
    Status__c: JobStatus;
    Phase__c: JobPhase;
    Total__c: number;
    Processed__c: number;
    Failed_Count__c: number;
    Changed_Since_Count__c: number;
    Unassigned_Count__c: number;
    Reverted_Count__c: number;
    Message__c: string | null;
    Summary__c: string;
    Claimed_By__c: string;
    Started_At__c: string;
    Finished_At__c: string;
    Progress_Updated_At__c: string;
    Plan_File_Id__c: string;
    Failures_File_Id__c: string;
}>;

const INPUT_FIELDS = [
    'Id',
    'Name',
    'Status__c',
    'Phase__c',
    'Dry_Run__c',
    'Notify_Owners__c',
    'Source_Type__c',
    'Source_Owner__c',
    'Filter_Statuses__c',
    'Filter_Min_Age_Days__c',
    'Filter_Countries__c',
    'Target_Type__c',
    'Target__c',
    'Claimed_By__c',
    'Progress_Updated_At__c',
    'CreatedById'
];

/** Reads and writes Bulk_Reassignment_Job__c records. */
export class JobRecords {
    constructor(private readonly client: OrgClient) {}

    /** Records the service must act on: new, cancel requested, revert requested. */
    async findActionable(limit = 200): Promise<JobRecord[]> {
        const statuses = ['Queued', 'Cancel_Requested', 'Revert_Requested'].map(soqlString).join(', ');
        return this.client.query<JobRecord>(
            `SELECT ${INPUT_FIELDS.join(', ')} FROM ${JOB_OBJECT} WHERE Status__c IN (${statuses}) ORDER BY CreatedDate, Id LIMIT ${Math.trunc(limit)}`
        );
    }

    /**
     * Records left Running or Reverting whose last progress write is older than `before` (or absent):
     * a live service writes progress at least every minute, so their holder is gone.
     */
    async findAbandoned(before: Date, limit = 200): Promise<JobRecord[]> {
        const statuses = ['Running', 'Reverting'].map(soqlString).join(', ');
        // A SOQL dateTime literal is unquoted, in UTC, without milliseconds.
        const cutoff = before.toISOString().replace(/\.\d{3}Z$/, 'Z');
        return this.client.query<JobRecord>(
            `SELECT ${INPUT_FIELDS.join(', ')} FROM ${JOB_OBJECT} WHERE Status__c IN (${statuses}) AND (Progress_Updated_At__c = null OR Progress_Updated_At__c < ${cutoff}) ORDER BY CreatedDate, Id LIMIT ${Math.trunc(limit)}`
        );
    }

    async get(id: string): Promise<JobRecord | undefined> {
        const rows = await this.client.query<JobRecord>(
            `SELECT ${INPUT_FIELDS.join(', ')} FROM ${JOB_OBJECT} WHERE Id = ${soqlString(id)}`
        );
        return rows[0];
    }

    /** Creates a job record as the console does (the service itself only runs jobs); returns its Id. */
    async create(fields: Record<string, unknown>): Promise<string> {
        const created = await this.client.rest<{ id: string }>(
            'POST',
            `${this.client.dataPath}/sobjects/${JOB_OBJECT}`,
            fields
        );
        return created.id;
    }

    async update(id: string, fields: JobRecordUpdate): Promise<void> {
        await this.client.batchable('PATCH', `${this.client.dataPath}/sobjects/${JOB_OBJECT}/${id}`, fields);
    }
}

/** Now, as a DateTime field value. */
export const nowIso = (): string => new Date().toISOString();
