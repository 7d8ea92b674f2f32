/**
 * The end of a task: the plan or failures file, the digests (notify), the summary and the record's
 * final state, for a dry run, a run and a cancelled run.
 */
import { nowIso } from '../salesforce/jobRecords';
import type { TaskOutcome } from './jobModel';
import { queueDigests } from './notifyPhase';
import { attachFailuresCsv, attachPlanCsv, targetSummaries } from './reports';
import type { TaskContext } from './taskContext';

const CHANGED_LISTED = 200;

/** ", N protected by an approved deal registration were skipped", or nothing when none was. */
function protectedSkippedText(protectedSkipped: number, verb: 'were' | 'would be'): string {
    return protectedSkipped > 0
        ? `, ${protectedSkipped} protected by an approved deal registration ${verb} skipped (left with the partner)`
        : '';
}

async function runSummary(
    ctx: TaskContext
): Promise<{ summary: Record<string, unknown>; counts: Record<string, number> }> {
    const job = ctx.state.resolved!;
    const counts = await ctx.repos.plan.countByStatus(ctx.jobId);
    const changedIds = [
        ...(await ctx.repos.plan.listIds(ctx.jobId, 'changed_before', CHANGED_LISTED)),
        ...(await ctx.repos.plan.listIds(ctx.jobId, 'changed_after', CHANGED_LISTED))
    ].slice(0, CHANGED_LISTED);
    const summary = {
        version: 1,
        dryRun: job.dryRun,
        total: ctx.state.total ?? 0,
        moved: counts.moved ?? 0,
        failed: counts.failed ?? 0,
        changedSince: (counts.changed_before ?? 0) + (counts.changed_after ?? 0),
        unassigned: counts.unassigned ?? 0,
        protectedSkipped: ctx.state.protectedSkipped ?? 0,
        targets: await targetSummaries(ctx, job.targets),
        changedSinceIds: changedIds
    };
    return { summary, counts };
}

export async function finishDryRun(ctx: TaskContext): Promise<TaskOutcome> {
    const job = ctx.state.resolved!;
    if (!ctx.state.planFileId) {
        await ctx.save('Finish', { planFileId: await attachPlanCsv(ctx, job.targets) });
    }
    const { summary, counts } = await runSummary(ctx);
    const owners = (summary.targets as Array<{ planned: number }>).filter((t) => t.planned > 0).length;
    const planned = counts.pending ?? 0;
    const message = `Dry run: ${planned} leads would move to ${owners} owner(s)${summary.unassigned ? `, ${String(summary.unassigned)} have no eligible member` : ''}${protectedSkippedText(ctx.state.protectedSkipped ?? 0, 'would be')}. Nothing was changed; see the plan file.`;
    await ctx.writeFinal({
        Status__c: 'Completed',
        Phase__c: 'Done',
        Total__c: ctx.state.total ?? 0,
        Processed__c: 0,
        Unassigned_Count__c: Number(summary.unassigned),
        Message__c: message,
        Summary__c: JSON.stringify(summary),
        Plan_File_Id__c: ctx.state.planFileId!,
        Finished_At__c: nowIso(),
        Progress_Updated_At__c: nowIso()
    });
    return { status: 'Completed', message, summary };
}

export async function finishRun(ctx: TaskContext): Promise<TaskOutcome> {
    const job = ctx.state.resolved!;
    if (ctx.state.failuresFileId === undefined) {
        await ctx.save('Finish', { failuresFileId: (await attachFailuresCsv(ctx, ['failed'], 'failures')) ?? '' });
    }
    if (job.notify && ctx.state.digestsQueued === undefined) {
        await ctx.save('Finish', { digestsQueued: await queueDigests(ctx) });
    }
    const { summary, counts } = await runSummary(ctx);
    if (job.notify) {
        Object.assign(summary, { notifications: { digests: ctx.state.digestsQueued ?? 0 } });
    }
    const parts = [`Moved ${counts.moved ?? 0} of ${ctx.state.total ?? 0} leads`];
    if (counts.failed) parts.push(`${counts.failed} failed (see the failures file)`);
    if (summary.changedSince) parts.push(`${String(summary.changedSince)} changed owner meanwhile and were left alone`);
    if (counts.unassigned) parts.push(`${counts.unassigned} had no eligible member`);
    if (ctx.state.protectedSkipped) parts.push(protectedSkippedText(ctx.state.protectedSkipped, 'were').slice(2));
    const message = `${parts.join('; ')}.`;
    const done = {
        Status__c: 'Completed',
        Phase__c: 'Done',
        Total__c: ctx.state.total ?? 0,
        Processed__c: (counts.moved ?? 0) + (counts.failed ?? 0) + (counts.changed_after ?? 0),
        Failed_Count__c: counts.failed ?? 0,
        Changed_Since_Count__c: Number(summary.changedSince),
        Unassigned_Count__c: counts.unassigned ?? 0,
        Message__c: message,
        Summary__c: JSON.stringify(summary),
        ...(ctx.state.failuresFileId ? { Failures_File_Id__c: ctx.state.failuresFileId } : {}),
        Finished_At__c: nowIso(),
        Progress_Updated_At__c: nowIso()
    } as const;
    const group = job.group;
    const groupState = ctx.state.newGroupState;
    // The group's new state travels with the record's end: a job never shows Completed with its
    // group's rotation left behind. Both writes can be repeated.
    await ctx.retrying('finish the job', () =>
        ctx.writeFinal(
            done,
            group && groupState ? () => ctx.directory.writeGroupState(group.id, groupState) : undefined
        )
    );
    return { status: 'Completed', message, summary };
}

/** A cancelled run: what was written stays written (a revert undoes it); the rest is left alone. */
export async function finishCancelled(ctx: TaskContext): Promise<TaskOutcome> {
    const counts = await ctx.repos.plan.countByStatus(ctx.jobId);
    const moved = counts.moved ?? 0;
    // The record was claimed before, but not through this store (its task is new here): a run whose
    // store is lost (or another store) may have moved leads this store knows nothing about.
    const lostRun = ctx.task.claim_count === 1 && ctx.record.Claimed_By__c ? ctx.record.Claimed_By__c : undefined;
    const message =
        moved > 0
            ? `Cancelled: ${moved} leads had already moved (Revert undoes them); ${counts.pending ?? 0} were left with their owner.`
            : lostRun
              ? `Cancelled: this service changed nothing, but the job had been started by instance ${lostRun} with a store this service does not have (lost, or another store), so whether that run moved leads is not known here. Leads it moved keep their new owner and carry this job's name in Routing Job; Revert cannot undo them.`
              : 'Cancelled: nothing was changed.';
    const summary = {
        version: 1,
        cancelled: true,
        total: ctx.state.total ?? 0,
        moved,
        failed: counts.failed ?? 0,
        notWritten: counts.pending ?? 0,
        ...(lostRun ? { earlierRunBy: lostRun } : {})
    };
    await ctx.writeFinal({
        Status__c: 'Cancelled',
        Phase__c: 'Done',
        Processed__c: moved,
        Message__c: message,
        Summary__c: JSON.stringify(summary),
        Finished_At__c: nowIso(),
        Progress_Updated_At__c: nowIso()
    });
    return { status: 'Cancelled', message, summary };
}
