import { finishDryRun, finishRun } from './finishPhase';
import type { TaskOutcome } from './jobModel';
import { planJob } from './planPhase';
import { resolveJob } from './resolvePhase';
import { logMovedLeads } from './routingEvents';
import { bothOrFirstError } from './settled';
import type { TaskContext } from './taskContext';
import { recheckOwners, verifyOwners } from './verifyPhase';
import { writeAll, type WriteSpec } from './writePhase';

export const RUN_WRITE: WriteSpec = {
    working: 'pending',
    done: 'moved',
    failed: 'failed',
    ownerColumn: 'new_owner_id',
    phase: 'Write',
    routed: true
};

/**
 * A job's run, phase by phase; each phase stores where it got to, so a restarted service carries on:
 * resolve (resolvePhase) -> select + plan (selectPhase, planPhase; redone if interrupted) ->
 * [a dry run finishes here] -> recheck (verifyPhase) -> write (writePhase; re-attaches to its Bulk
 * API jobs; sets the routing fields) -> routing log (routingEvents) -> verify (verifyPhase) -> notify (notifyPhase) -> finish (finishPhase).
 * An undo is its own task: revertPhase.
 */
export async function runJob(ctx: TaskContext): Promise<TaskOutcome> {
    if (!ctx.state.resolved) {
        // Both are waited for, so a refusal is only written after the claim.
        const [, resolved] = await bothOrFirstError(
            ctx.claimWritten(),
            ctx.retrying('look up the job input', () => resolveJob(ctx.record, ctx.directory))
        );
        await ctx.save('Select', { resolved });
    }
    await ctx.claimWritten();
    await ctx.checkpoint();
    if (!ctx.state.planned) {
        await planJob(ctx);
    }
    if (ctx.state.resolved!.dryRun) {
        return finishDryRun(ctx);
    }
    await ctx.checkpoint();
    if (!ctx.state.recheckDone) {
        await recheckOwners(ctx);
        await ctx.save('Write', { recheckDone: true });
    }
    await writeAll(ctx, RUN_WRITE);
    await logMovedLeads(ctx);
    await ctx.save('Verify');
    await verifyOwners(ctx);
    return finishRun(ctx);
}
