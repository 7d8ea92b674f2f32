/**
 * Bulk moves as routing events: what a run's write sets on each lead beside OwnerId, and the routing
 * log entries it leaves, so that the accept window, recall, return and the partner figures treat a
 * lead moved in bulk like a lead the org routed (issue 13).
 *
 * A moved lead gets the same fields the org's routing sets (DistributionService): the group
 * (Distribution_Group__c, cleared when the target is one queue or user, so a return does not route
 * it through a group it never went through), Routed_At__c now, Accepted_At__c cleared (the new owner
 * has not accepted it) and Routing_Job__c, the job's name (BRJ-...).
 *
 * Storage: the lead fields add no record. Log entries add one record per lead (2 KB each), so they
 * are written only for runs of at most ROUTING_LOG_MAX_LEADS moved leads (at most 20 MB a run); a
 * larger run writes none per lead: its leads carry Routing_Job__c and the job record holds the rest.
 * The README's lead distribution guide gives the figures per million leads.
 */
import type { JobRecord } from '../salesforce/jobRecords';
import { createRecords, COLLECTION_SIZE } from '../salesforce/collections';
import { soqlString } from '../salesforce/soql';
import type { ResolvedJob } from './jobModel';
import type { TaskContext } from './taskContext';

/** Runs that move more leads than this leave no per-lead log entries (see the header). */
export const ROUTING_LOG_MAX_LEADS = 10_000;

/** Bulk API 2.0 sets a field to null with this value (an empty cell leaves the field unchanged). */
const CSV_NULL = '#N/A';

/** What every lead of one run gets beside its new owner. */
export interface RoutingStamp {
    groupId: string | null;
    jobName: string;
    /** Who started the job (the job record's creator), written as the log entries' Routed_By__c. */
    startedBy: string | null;
}

/** The stamp of a run: the group when the target is one, the job's name and its creator. */
export function routingStamp(record: JobRecord, resolved: ResolvedJob): RoutingStamp {
    return {
        groupId: resolved.targetType === 'Group' ? (resolved.group?.id ?? null) : null,
        jobName: record.Name ?? record.Id,
        startedBy: record.CreatedById ?? null
    };
}

/** The CSV header of a routed write: the owner and the routing fields, in the order routedCsvRow writes them. */
export const ROUTED_CSV_HEADER = 'Id,OwnerId,Distribution_Group__c,Routed_At__c,Accepted_At__c,Routing_Job__c\n';

/** Bytes the routing columns add to a CSV row at most: a group Id, an ISO time, #N/A, an 80-character job name and commas. */
export const ROUTED_EXTRA_BYTES = 1 + 18 + 1 + 24 + 1 + 4 + 1 + 80;

/** One CSV row of a routed write; Ids, an ISO time and a job name need no quoting. */
export function routedCsvRow(leadId: string, ownerId: string, stamp: RoutingStamp, routedAt: string): string {
    return `${leadId},${ownerId},${stamp.groupId ?? CSV_NULL},${routedAt},${CSV_NULL},${stamp.jobName}\n`;
}

/** The same fields for an sObject Collections update (null clears a field). */
export function routedFields(stamp: RoutingStamp, routedAt: string): Record<string, string | null> {
    return {
        Distribution_Group__c: stamp.groupId,
        Routed_At__c: routedAt,
        Accepted_At__c: null,
        Routing_Job__c: stamp.jobName
    };
}

/**
 * Writes one Bulk-path, Assigned log entry per moved lead (sObject Collections, 200 a call), unless
 * the run moved more than ROUTING_LOG_MAX_LEADS. Leads that already have an entry of this job (a
 * restarted run) are skipped, so it can run again safely. Returns how many entries were written.
 * Entries that fail are logged and not retried: the lead itself already carries the job's name.
 */
export async function logMovedLeads(ctx: TaskContext): Promise<number> {
    const stamp = routingStamp(ctx.record, ctx.state.resolved!);
    const moved = (await ctx.repos.plan.countByStatus(ctx.jobId)).moved ?? 0;
    if (moved === 0 || moved > ROUTING_LOG_MAX_LEADS) {
        return 0;
    }
    const chunk = await ctx.repos.plan.nextChunk(ctx.jobId, 'moved', '', moved);
    if (!chunk) {
        return 0;
    }
    const logged = new Set(
        (
            await ctx.retrying('read routing log entries', () =>
                ctx.client.query<{ Lead__c: string }>(
                    `SELECT Lead__c FROM Lead_Routing_Log__c WHERE Routing_Job__c = ${soqlString(stamp.jobName)} AND Path__c = 'Bulk'`
                )
            )
        ).map((entry) => entry.Lead__c)
    );
    const loggedAt = new Date().toISOString();
    const explanation = `Moved by bulk reassignment job ${stamp.jobName} (Routed By: who started it).`;
    // Rows given to the group's fallback owner (no member could take them) are logged Fallback.
    const group = ctx.state.resolved!.group;
    const fallbackId =
        group?.fallback && !group.members.some((m) => m.id === group.fallback!.id) ? group.fallback.id : null;
    let written = 0;
    let failed = 0;
    let batch: Array<Record<string, unknown>> = [];
    const flush = async (): Promise<void> => {
        if (batch.length === 0) {
            return;
        }
        const records = batch;
        batch = [];
        const results = await ctx.retrying('write routing log entries', () =>
            createRecords(ctx.client, 'Lead_Routing_Log__c', records)
        );
        const ok = results.filter((r) => r.success).length;
        written += ok;
        failed += results.length - ok;
    };
    for await (const page of ctx.repos.plan.iterateWriteOrder(
        ctx.jobId,
        'moved',
        chunk.keyFrom,
        chunk.keyTo,
        COLLECTION_SIZE
    )) {
        for (const row of page) {
            if (logged.has(row.lead_id)) {
                continue;
            }
            batch.push({
                Lead__c: row.lead_id,
                Distribution_Group__c: stamp.groupId,
                Path__c: 'Bulk',
                Outcome__c: row.new_owner_id === fallbackId ? 'Fallback' : 'Assigned',
                Previous_Owner_Id__c: row.old_owner_id,
                New_Owner_Id__c: row.new_owner_id,
                Routed_At__c: loggedAt,
                Routed_By__c: stamp.startedBy,
                Routing_Job__c: stamp.jobName,
                Explanation__c:
                    row.new_owner_id === fallbackId
                        ? `${explanation} No member could take it: sent to the group's fallback owner.`
                        : explanation
            });
            if (batch.length === COLLECTION_SIZE) {
                await flush();
            }
        }
    }
    await flush();
    if (failed > 0) {
        ctx.logger.warn({ failed, written }, 'some routing log entries were not written; the leads carry the job name');
    }
    return written;
}
