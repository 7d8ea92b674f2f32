import type { JobRecord } from '../salesforce/jobRecords';
import type { NewNotificationEvent } from '../store/notificationsRepo';
import type { LeadBatchItem } from './composer';
import type { JobItem, LeadItem } from './messageKinds';

/** The lead_digest events of a bulk job: each owner's leads (listed, and counted) for each of its recipients. */
export function jobLeadEvents(
    jobId: string,
    batches: Array<{ ownerId: string; recipients: string[]; leads: LeadItem[]; count: number }>
): NewNotificationEvent[] {
    const at = new Date().toISOString();
    return batches.flatMap((batch) =>
        batch.recipients.map((recipientId) => ({
            dedupeKey: `lead_digest:job:${jobId}:${batch.ownerId}:${recipientId}`,
            kind: 'lead_digest',
            recipientId,
            jobId,
            happenedAt: at,
            item: { leads: batch.leads, count: batch.count } satisfies LeadBatchItem
        }))
    );
}

const count = (summary: Record<string, unknown> | null | undefined, key: string): number =>
    typeof summary?.[key] === 'number' ? (summary[key] as number) : 0;

/** The job_finished event of a run: its counts, message and most frequent failures, for its creator. */
export function jobFinishedEvent(
    record: JobRecord,
    outcome: { status: string; message: string; summary: Record<string, unknown> | null },
    failures: Array<{ error: string; n: number }>
): NewNotificationEvent {
    const item: JobItem = {
        jobId: record.Id,
        name: record.Name ?? record.Id,
        status: outcome.status,
        total: count(outcome.summary, 'total'),
        moved: count(outcome.summary, 'moved'),
        failed: count(outcome.summary, 'failed'),
        unassigned: count(outcome.summary, 'unassigned'),
        message: outcome.message,
        failures: failures.map((f) => ({ error: f.error, count: f.n }))
    };
    return {
        dedupeKey: `job_finished:${record.Id}:${record.CreatedById}`,
        kind: 'job_finished',
        recipientId: record.CreatedById!,
        jobId: record.Id,
        happenedAt: new Date().toISOString(),
        item
    };
}
