import { jobFinishedEvent, jobLeadEvents } from '../notifications/jobEvents';
import type { LeadItem } from '../notifications/messageKinds';
import { soqlList } from '../salesforce/soql';
import type { JobRecord } from '../salesforce/jobRecords';
import type { Repos } from '../store/repos';
import type { TaskOutcome } from './jobModel';
import type { TaskContext } from './taskContext';

const LISTED_PER_DIGEST = 200;

/**
 * Records, for the notifications composer, the leads each new owner received: a user target, and
 * every user of a queue target (partners work their queues' leads). One event per job and owner
 * and recipient, so a second call (restart, second instance) adds nothing. Returns the recipients.
 */
export async function queueDigests(ctx: TaskContext): Promise<number> {
    const targets = ctx.state.resolved?.targets ?? [];
    const wanted = new Set(targets.filter((t) => t.type === 'User' || t.type === 'Queue').map((t) => t.id));
    const owners = (await ctx.repos.plan.listByOwner(ctx.jobId, 'moved')).filter((o) => wanted.has(o.ownerId));
    if (owners.length === 0) {
        return 0;
    }
    const queueIds = owners.map((o) => o.ownerId).filter((id) => id.startsWith('00G'));
    const members = new Map<string, string[]>();
    if (queueIds.length > 0) {
        const rows = await ctx.retrying('read queue members', () =>
            ctx.client.query<{ GroupId: string; UserOrGroupId: string }>(
                `SELECT GroupId, UserOrGroupId FROM GroupMember WHERE GroupId IN ${soqlList(queueIds)}`
            )
        );
        for (const row of rows.filter((r) => r.UserOrGroupId.startsWith('005'))) {
            members.set(row.GroupId, [...(members.get(row.GroupId) ?? []), row.UserOrGroupId]);
        }
    }
    const batches = [];
    for (const owner of owners) {
        const listed = owner.leadIds.slice(0, LISTED_PER_DIGEST);
        const rows = await ctx.retrying('read lead names', () =>
            ctx.client.query<{ Id: string; Name: string; Company: string | null; Country: string | null }>(
                `SELECT Id, Name, Company, Country FROM Lead WHERE Id IN ${soqlList(listed)}`
            )
        );
        const leads: LeadItem[] = rows.map((l) => ({
            leadId: l.Id,
            name: l.Name,
            company: l.Company,
            country: l.Country,
            routedAt: new Date().toISOString(),
            acceptBy: null
        }));
        batches.push({
            ownerId: owner.ownerId,
            recipients: owner.ownerId.startsWith('00G') ? (members.get(owner.ownerId) ?? []) : [owner.ownerId],
            leads,
            count: owner.leadIds.length
        });
    }
    const events = jobLeadEvents(ctx.jobId, batches);
    await ctx.repos.notifications.record(events);
    return new Set(events.map((e) => e.recipientId)).size;
}

/** Records the "job finished" message for whoever created the job record (run tasks only). */
export async function queueJobFinished(repos: Repos, record: JobRecord, outcome: TaskOutcome): Promise<void> {
    if (!record.CreatedById) {
        return;
    }
    const failures = await repos.plan.topErrors(record.Id, 'failed', 5);
    await repos.notifications.record([jobFinishedEvent(record, outcome, failures)]);
}
