import { buildDigest, digestKey } from '../notifications/digest';
import { soqlList } from '../salesforce/soql';
import type { NewOutboxMessage } from '../store/outboxRepo';
import type { TaskContext } from './taskContext';

const LISTED_PER_DIGEST = 200;

/**
 * Puts one digest per new owner (users only; queues have no inbox address) into the outbox.
 * The dedupe key makes a second call (restart, second instance) add nothing.
 */
export async function queueDigests(ctx: TaskContext): Promise<number> {
    const byOwner = await ctx.repos.plan.listByOwner(ctx.jobId, 'moved');
    const userTargets = new Set((ctx.state.resolved?.targets ?? []).filter((t) => t.type === 'User').map((t) => t.id));
    const owners = byOwner.filter((o) => userTargets.has(o.ownerId));
    if (owners.length === 0) {
        return 0;
    }
    const users = new Map((await ctx.retrying('read users', () => ctx.directory.usersById(owners.map((o) => o.ownerId)))).map((u) => [u.Id, u]));
    const messages: NewOutboxMessage[] = [];
    for (const owner of owners) {
        const user = users.get(owner.ownerId);
        if (!user?.Email) {
            ctx.logger.warn({ ownerId: owner.ownerId }, 'new owner has no email address; no digest');
            continue;
        }
        const listed = owner.leadIds.slice(0, LISTED_PER_DIGEST);
        const leads = await ctx.retrying('read lead names', () =>
            ctx.client.query<{ Id: string; Name: string; Company: string | null }>(`SELECT Id, Name, Company FROM Lead WHERE Id IN ${soqlList(listed)}`)
        );
        const digest = buildDigest({
            jobName: ctx.record.Name ?? ctx.jobId,
            recipientName: user.Name,
            instanceUrl: ctx.client.instanceUrl,
            total: owner.leadIds.length,
            leads: leads.map((l) => ({ id: l.Id, name: l.Name, company: l.Company })),
            listLimit: LISTED_PER_DIGEST
        });
        messages.push({ dedupeKey: digestKey(ctx.jobId, owner.ownerId), jobId: ctx.jobId, recipientId: owner.ownerId, recipientEmail: user.Email, ...digest });
    }
    await ctx.repos.outbox.add(messages);
    return messages.length;
}
