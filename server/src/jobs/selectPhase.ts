import { BULK_QUERY_PAGE, bulkQuery } from '../salesforce/bulkQuery';
import { soqlDateTime, soqlList, soqlString } from '../salesforce/soql';
import type { ResolvedJob } from './jobModel';
import type { TaskContext } from './taskContext';

export interface SelectedLead {
    id: string;
    ownerId: string;
    excluded: string[];
}

type Selection = Pick<ResolvedJob, 'source' | 'filters'>;

/** The source's open leads, narrowed by the filters, before protection is applied. */
function filterParts(job: Selection, now: Date): string[] {
    const parts = [`OwnerId = ${soqlString(job.source.id)}`, 'IsConverted = false'];
    if (job.filters.statuses.length > 0) {
        parts.push(`Status IN ${soqlList(job.filters.statuses)}`);
    }
    if (job.filters.countries.length > 0) {
        parts.push(`Country IN ${soqlList(job.filters.countries)}`);
    }
    if (job.filters.minAgeDays !== null && job.filters.minAgeDays > 0) {
        parts.push(`CreatedDate <= ${soqlDateTime(new Date(now.getTime() - job.filters.minAgeDays * 86_400_000))}`);
    }
    return parts;
}

/**
 * The WHERE clause of a job's selection: the source's open leads, narrowed by the filters, without
 * the leads an approved deal registration protects (Protected_Until__c still ahead), which the Apex
 * routing, recall, distribute and assign paths leave with their partner too (see DealProtection.cls).
 */
export function selectionWhere(job: Selection, now = new Date()): string {
    const at = soqlDateTime(now);
    return [...filterParts(job, now), `(Protected_Until__c = null OR Protected_Until__c <= ${at})`].join(' AND ');
}

/** The leads the filters match that a deal registration still protects (the ones the selection skips). */
export function protectedWhere(job: Selection, now = new Date()): string {
    return [...filterParts(job, now), `Protected_Until__c > ${soqlDateTime(now)}`].join(' AND ');
}

/** ", apart from N protected by a deal registration", or nothing when none is. */
export function protectedNote(protectedSkipped: number): string {
    return protectedSkipped > 0
        ? ` apart from ${protectedSkipped} protected by an approved deal registration, which a job leaves with the partner`
        : '';
}

/** The selection in words, for messages: "queue Lead Intake with country Norway, at least 30 days old". */
export function describeSelection(job: Pick<ResolvedJob, 'source' | 'filters'>): string {
    const filters: string[] = [];
    if (job.filters.statuses.length > 0) filters.push(`status ${job.filters.statuses.join(' or ')}`);
    if (job.filters.countries.length > 0) filters.push(`country ${job.filters.countries.join(' or ')}`);
    if (job.filters.minAgeDays) filters.push(`at least ${job.filters.minAgeDays} days old`);
    return `${job.source.type === 'Queue' ? 'queue' : 'user'} ${job.source.name}${filters.length > 0 ? ` with ${filters.join(', ')}` : ''}`;
}

const splitIds = (value: string | null | undefined): string[] =>
    value
        ? value
              .split(';')
              .map((id) => id.trim())
              .filter(Boolean)
        : [];

/** How many leads the selection holds (one COUNT() query), to choose SOQL or Bulk API 2.0. */
export async function countSelection(ctx: TaskContext, job: ResolvedJob): Promise<number> {
    return ctx.retrying('count leads', () => ctx.directory.countLeads(selectionWhere(job)));
}

/** How many leads the filters match that a deal registration protects, so the job can report them as skipped. */
export async function countProtected(ctx: TaskContext, job: ResolvedJob, now = new Date()): Promise<number> {
    return ctx.retrying('count protected leads', () => ctx.directory.countLeads(protectedWhere(job, now)));
}

/**
 * Streams the selected leads in batches: SOQL (2,000 a page) for small selections, a Bulk API 2.0
 * query above the threshold. The exclude list is only read when the target is a group.
 */
export async function* selectLeads(
    ctx: TaskContext,
    job: ResolvedJob,
    useBulk: boolean,
    now = new Date()
): AsyncGenerator<SelectedLead[]> {
    const withExclude = job.targetType === 'Group';
    const fields = withExclude ? 'Id, OwnerId, Excluded_Owner_Ids__c' : 'Id, OwnerId';
    const soql = `SELECT ${fields} FROM Lead WHERE ${selectionWhere(job, now)}`;
    if (useBulk) {
        for await (const batch of bulkQuery(ctx.client, soql, {
            pollIntervalMs: ctx.config.jobs.bulkPollIntervalMs,
            maxRecords: BULK_QUERY_PAGE,
            pause: (ms) => ctx.pause(ms),
            onPoll: () => ctx.checkpoint()
        })) {
            yield batch.map((row) => ({
                id: row.Id!,
                ownerId: row.OwnerId!,
                excluded: splitIds(row.Excluded_Owner_Ids__c)
            }));
        }
        return;
    }
    for await (const page of ctx.client.queryPages<{
        Id: string;
        OwnerId: string;
        Excluded_Owner_Ids__c?: string | null;
    }>(soql)) {
        yield page.map((row) => ({ id: row.Id, ownerId: row.OwnerId, excluded: splitIds(row.Excluded_Owner_Ids__c) }));
    }
}
