import { nowIso } from '../salesforce/jobRecords';
import { BadInputError } from './errors';
import { snapshotByIds, snapshotByOwners } from './ownerSnapshots';
import { attachFailuresCsv } from './reports';
import type { TaskOutcome, TaskState } from './jobModel';
import type { TaskContext } from './taskContext';
import { writeAll, type WriteSpec } from './writePhase';

export const REVERT_WRITE: WriteSpec = {
    working: 'reverting',
    done: 'reverted',
    failed: 'revert_failed',
    ownerColumn: 'old_owner_id',
    phase: 'Revert'
};

const CHANGED_LISTED = 200;

/** What to do about leads that could not go back; the usual cause is a previous owner who was deactivated. */
const REVERT_FAILURE_HINT =
    "The failures file lists each lead with its error. INACTIVE_OWNER_OR_USER means the previous owner is inactive (as in a job that moved a deactivated user's leads): reactivate that user and request the revert again, or leave the leads with their new owner.";

/** The most frequent errors of the leads that could not be reverted, as "CODE: message (n leads)". */
async function failureReasons(ctx: TaskContext): Promise<string> {
    const top = await ctx.repos.plan.topErrors(ctx.jobId, 'revert_failed', 3);
    return top.map((t) => `${t.error} (${t.n} lead${t.n === 1 ? '' : 's'})`).join('; ');
}

/**
 * Undo of a finished run: leads still owned by the owner the job gave them go back to their old
 * owner; leads changed since are listed and left alone. Resumable like the run.
 */
export async function revertJob(ctx: TaskContext): Promise<TaskOutcome> {
    await ctx.claimWritten();
    const run = await ctx.repos.tasks.get(ctx.jobId, 'run');
    const runState = (run?.context ?? {}) as TaskState;
    if (
        !run ||
        run.state !== 'done' ||
        !['Completed', 'Cancelled'].includes(run.outcome ?? '') ||
        runState.resolved?.dryRun
    ) {
        throw new BadInputError(
            'Only a completed (or cancelled) job that changed leads can be reverted; a dry run changed nothing.'
        );
    }
    if (!ctx.state.planned) {
        const moved = (await ctx.repos.plan.countByStatus(ctx.jobId)).moved ?? 0;
        const bulk = moved >= ctx.config.jobs.collectionsBelowRows;
        ctx.state.bulk = bulk;
        if (bulk) {
            await snapshotByOwners(
                ctx,
                'revert',
                (runState.resolved?.targets ?? []).map((t) => t.id)
            );
        } else {
            await snapshotByIds(ctx, 'revert', 'moved');
        }
        await ctx.repos.plan.reconcileWithSnapshot(ctx.jobId, 'revert', 'moved', 'new_owner_id', 'revert_changed');
        await ctx.repos.plan.moveAll(ctx.jobId, 'moved', 'reverting');
        await ctx.save('Revert', { planned: true, bulk, total: moved, resolved: runState.resolved });
    }
    await writeAll(ctx, REVERT_WRITE);
    const counts = await ctx.repos.plan.countByStatus(ctx.jobId);
    if (ctx.state.failuresFileId === undefined) {
        await ctx.save('Finish', {
            failuresFileId: (await attachFailuresCsv(ctx, ['revert_failed'], 'revert-failures')) ?? ''
        });
    }
    const reverted = counts.reverted ?? 0;
    const changed = counts.revert_changed ?? 0;
    const failed = counts.revert_failed ?? 0;
    const summary = {
        ...(run.summary ?? {}),
        revert: {
            reverted,
            changedSince: changed,
            failed,
            changedSinceIds: await ctx.repos.plan.listIds(ctx.jobId, 'revert_changed', CHANGED_LISTED)
        }
    };
    const reasons = failed ? await failureReasons(ctx) : '';
    // A revert that put no lead back did not revert the job: it says so, with Salesforce's reasons.
    const nothingReverted = reverted === 0 && failed > 0;
    const parts = nothingReverted
        ? [
              `Revert failed: none of the ${failed} leads could be put back to their previous owner (${reasons}); they keep the owner the job gave them`
          ]
        : [`Reverted ${reverted} leads to their previous owner`];
    if (changed) parts.push(`${changed} had changed owner since the job and were left alone (listed in the summary)`);
    if (failed && !nothingReverted)
        parts.push(`${failed} could not be reverted (${reasons}; see the revert failures file)`);
    const message = `${parts.join('; ')}.${failed ? ` ${REVERT_FAILURE_HINT}` : ''}`;
    await ctx.writeFinal({
        Status__c: nothingReverted ? 'Failed' : 'Reverted',
        Phase__c: 'Done',
        Reverted_Count__c: reverted,
        Changed_Since_Count__c: changed,
        Failed_Count__c: failed,
        Message__c: message.slice(0, 4000),
        Summary__c: JSON.stringify(summary),
        ...(ctx.state.failuresFileId ? { Failures_File_Id__c: ctx.state.failuresFileId } : {}),
        Finished_At__c: nowIso(),
        Progress_Updated_At__c: nowIso()
    });
    return { status: nothingReverted ? 'Failed' : 'Reverted', message, summary };
}
