import { BULK_QUERY_PAGE, bulkQuery } from '../salesforce/bulkQuery';
import { soqlList } from '../salesforce/soql';
import type { PlanStatus } from '../store/planRepo';
import type { TaskContext } from './taskContext';

const IDS_PER_QUERY = 200;

/** Reads the current owners of the leads in `status` by Id (SOQL, 200 Ids a query): for small jobs. */
export async function snapshotByIds(ctx: TaskContext, purpose: string, status: PlanStatus): Promise<void> {
    await ctx.repos.plan.clearSnapshot(ctx.jobId, purpose);
    for await (const page of ctx.repos.plan.iterate(ctx.jobId, [status], 2_000)) {
        for (let i = 0; i < page.length; i += IDS_PER_QUERY) {
            const ids = page.slice(i, i + IDS_PER_QUERY).map((row) => row.lead_id);
            const owners = await ctx.retrying('read owners', () =>
                ctx.client.query<{ Id: string; OwnerId: string }>(
                    `SELECT Id, OwnerId FROM Lead WHERE Id IN ${soqlList(ids)}`
                )
            );
            await ctx.repos.plan.addSnapshot(
                ctx.jobId,
                purpose,
                owners.map((o) => ({ leadId: o.Id, ownerId: o.OwnerId }))
            );
        }
        await ctx.checkpoint(false);
    }
}

/** Reads every lead of the given owners with one Bulk API 2.0 query: for large jobs. */
export async function snapshotByOwners(ctx: TaskContext, purpose: string, ownerIds: string[]): Promise<void> {
    await ctx.repos.plan.clearSnapshot(ctx.jobId, purpose);
    const soql = `SELECT Id, OwnerId FROM Lead WHERE OwnerId IN ${soqlList(ownerIds)}`;
    for await (const batch of bulkQuery(ctx.client, soql, {
        pollIntervalMs: ctx.config.jobs.bulkPollIntervalMs,
        maxRecords: BULK_QUERY_PAGE,
        pause: (ms) => ctx.pause(ms),
        onPoll: () => ctx.checkpoint(false)
    })) {
        await ctx.repos.plan.addSnapshot(
            ctx.jobId,
            purpose,
            batch.map((row) => ({ leadId: row.Id!, ownerId: row.OwnerId! }))
        );
    }
}
