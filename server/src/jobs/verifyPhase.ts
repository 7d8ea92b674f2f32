/**
 * The owner checks around the write, both against a fresh read of the org: the recheck before the
 * first write sets aside leads that changed owner since they were planned; the verify after it
 * reports moved leads that changed owner again.
 */
import { snapshotByIds, snapshotByOwners } from './ownerSnapshots';
import type { TaskContext } from './taskContext';

/** Before the first write: leads whose owner is no longer the planned old owner are set aside, not overwritten. */
export async function recheckOwners(ctx: TaskContext): Promise<void> {
    const job = ctx.state.resolved!;
    await ctx.progress.report('Write', () => ({ Processed__c: 0 }));
    if (ctx.state.bulk) {
        await snapshotByOwners(ctx, 'recheck', [job.source.id]);
    } else {
        await snapshotByIds(ctx, 'recheck', 'pending');
    }
    const changed = await ctx.repos.plan.reconcileWithSnapshot(
        ctx.jobId,
        'recheck',
        'pending',
        'old_owner_id',
        'changed_before'
    );
    if (changed > 0) {
        ctx.logger.info({ changed }, 'leads changed owner since they were selected; left alone');
    }
}

/** After the write: re-read owners; a moved lead that now has another owner changed under us and is reported. */
export async function verifyOwners(ctx: TaskContext): Promise<void> {
    const job = ctx.state.resolved!;
    await ctx.progress.report('Verify', () => ({}));
    if (ctx.state.bulk) {
        await snapshotByOwners(
            ctx,
            'verify',
            job.targets.map((t) => t.id)
        );
    } else {
        await snapshotByIds(ctx, 'verify', 'moved');
    }
    await ctx.repos.plan.reconcileWithSnapshot(ctx.jobId, 'verify', 'moved', 'new_owner_id', 'changed_after');
}
