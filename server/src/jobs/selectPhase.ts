import { BULK_QUERY_PAGE, bulkQuery } from '../salesforce/bulkQuery';
import { soqlDateTime, soqlList, soqlString } from '../salesforce/soql';
import type { ResolvedJob } from './jobModel';
import type { TaskContext } from './taskContext';

export interface SelectedLead {
    id: string;
    ownerId: string;
    excluded: string[];
}

/** The WHERE clause of a job's selection: the source's open leads, narrowed by the filters. */
export function selectionWhere(job: Pick<ResolvedJob, 'source' | 'filters'>, now = new Date()): string {
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
    return parts.join(' AND ');
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

/**
 * Streams the selected leads in batches: SOQL (2,000 a page) for small selections, a Bulk API 2.0
 * query above the threshold. The exclude list is only read when the target is a group.
 */
export async function* selectLeads(
    ctx: TaskContext,
    job: ResolvedJob,
    useBulk: boolean
): AsyncGenerator<SelectedLead[]> {
    const withExclude = job.targetType === 'Group';
    const fields = withExclude ? 'Id, OwnerId, Excluded_Owner_Ids__c' : 'Id, OwnerId';
    const soql = `SELECT ${fields} FROM Lead WHERE ${selectionWhere(job)}`;
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
