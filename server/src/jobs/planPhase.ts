import { dateIn } from '../distribution/localDate';
import { createDistributor, type Distributor } from '../distribution/roundRobin';
import type { NewPlanRow } from '../store/planRepo';
import { BadInputError } from './errors';
import { countProtected, countSelection, describeSelection, protectedNote, selectLeads } from './selectPhase';
import type { TaskContext } from './taskContext';

/**
 * Select and plan: streams the selected leads through the distribution engine and stores every
 * (lead, old owner, new owner) row before anything in the org changes. A plan interrupted by a
 * restart is thrown away and made again (nothing was written yet, so nothing can differ).
 */
export async function planJob(ctx: TaskContext): Promise<void> {
    const job = ctx.state.resolved!;
    await ctx.repos.plan.deleteJob(ctx.jobId);
    // Counted while the job was resolved; a job resolved by an older version counts here.
    const expected = job.selectionSize ?? (await countSelection(ctx, job));
    const useBulk = expected >= ctx.config.jobs.collectionsBelowRows;
    // Away_Until__c is judged on today's date for the user who started the job, as Apex judges a manual
    // distribute on the running user's Date.today() (UTC for a job resolved before the zone was kept).
    const today = dateIn(job.group?.timeZone, new Date());
    const distributor: Distributor | undefined = job.group
        ? createDistributor(job.group.members, job.group.state, today)
        : undefined;
    const fixedOwner = job.group ? undefined : job.targets[0]!.id;
    // A lead no member can take goes to the group's fallback owner when it has one.
    const fallbackOwner = job.group?.fallback?.id ?? null;
    const sourceIsMember = job.group?.members.some((m) => m.id === job.source.id) ?? false;
    // One instant for the selection and for the count of the protected leads it skips, so a protection
    // that ends meanwhile is either skipped and counted or selected, never both.
    const now = new Date();
    const protectedSkipped = await countProtected(ctx, job, now);
    let seq = 0;
    let unassigned = 0;
    for await (const batch of selectLeads(ctx, job, useBulk, now)) {
        const rows: NewPlanRow[] = new Array(batch.length);
        for (let i = 0; i < batch.length; i++) {
            const lead = batch[i]!;
            let newOwnerId: string | null;
            if (distributor) {
                // The source never gets its own leads back, even when it is a member of the group.
                const exclude = sourceIsMember ? [...lead.excluded, job.source.id] : lead.excluded;
                newOwnerId = distributor.assign(lead.id, exclude).ownerId ?? fallbackOwner;
            } else {
                newOwnerId = fixedOwner!;
            }
            if (newOwnerId === null) {
                unassigned++;
            }
            rows[i] = { leadId: lead.id, oldOwnerId: lead.ownerId, newOwnerId };
        }
        await ctx.repos.plan.insertBatch(ctx.jobId, seq, rows);
        seq += rows.length;
        await ctx.checkpoint();
        await ctx.progress.report('Plan', () => ({ Total__c: expected, Processed__c: seq }));
    }
    if (seq === 0) {
        throw new BadInputError(
            `The selection is empty: no open lead of ${describeSelection(job)}${protectedNote(protectedSkipped)}. Check the source and widen the filters.`
        );
    }
    await ctx.save('Planned', {
        planned: true,
        total: seq,
        unassigned,
        protectedSkipped,
        newGroupState: distributor?.state(),
        bulk: useBulk
    });
    await ctx.progress.report('Plan', () => ({ Total__c: seq, Processed__c: seq, Unassigned_Count__c: unassigned }));
}
