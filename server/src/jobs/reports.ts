import { csvField } from '../salesforce/csvStream';
import { attachFile } from '../salesforce/files';
import type { PlanStatus } from '../store/planRepo';
import type { OwnerRef } from './jobModel';
import type { TaskContext } from './taskContext';

/** Per-target figures for Summary__c. */
export interface TargetSummary {
    ownerId: string;
    name: string;
    type: string;
    planned: number;
    moved: number;
    failed: number;
}

export async function targetSummaries(ctx: TaskContext, targets: OwnerRef[]): Promise<TargetSummary[]> {
    const byOwner = new Map<string, TargetSummary>(
        targets.map((t) => [t.id, { ownerId: t.id, name: t.name, type: t.type, planned: 0, moved: 0, failed: 0 }])
    );
    for (const row of await ctx.repos.plan.countByTarget(ctx.jobId)) {
        const summary = byOwner.get(row.ownerId);
        if (!summary) {
            continue;
        }
        summary.planned += row.n;
        if (
            row.status === 'moved' ||
            row.status === 'reverted' ||
            row.status === 'reverting' ||
            row.status === 'revert_changed' ||
            row.status === 'revert_failed'
        ) {
            summary.moved += row.n;
        }
        if (row.status === 'failed') {
            summary.failed += row.n;
        }
    }
    return [...byOwner.values()].filter((t) => t.planned > 0 || targets.length <= 50);
}

type CsvRow = {
    lead_id: string;
    old_owner_id: string;
    new_owner_id: string | null;
    error: string | null;
    status: string;
};

/** The CSV of the plan rows in `statuses` (planning order), read from the store page by page. */
function csvOf(
    ctx: TaskContext,
    statuses: PlanStatus[] | undefined,
    header: string,
    line: (row: CsvRow) => string
): () => AsyncGenerator<string> {
    return async function* () {
        yield `${header}\n`;
        for await (const page of ctx.repos.plan.iterate(ctx.jobId, statuses)) {
            yield page.map(line).join('');
        }
    };
}

/** The plan CSV (dry run): Id,OldOwnerId,NewOwnerId,NewOwnerName; unassigned rows have no new owner. */
export async function attachPlanCsv(ctx: TaskContext, targets: OwnerRef[]): Promise<string> {
    const names = new Map(targets.map((t) => [t.id, t.name]));
    const content = csvOf(
        ctx,
        undefined,
        'Id,OldOwnerId,NewOwnerId,NewOwnerName',
        (r) =>
            `${r.lead_id},${r.old_owner_id},${r.new_owner_id ?? ''},${csvField(r.new_owner_id ? (names.get(r.new_owner_id) ?? '') : 'NO_ELIGIBLE_MEMBER')}\n`
    );
    return ctx.retrying('attach plan', () =>
        attachFile(ctx.client, ctx.jobId, `${ctx.record.Name ?? ctx.jobId}-plan.csv`, 'text/csv', content)
    );
}

/** The failures CSV: Id,OldOwnerId,NewOwnerId,Error (Salesforce's reason). Undefined when nothing failed. */
export async function attachFailuresCsv(
    ctx: TaskContext,
    statuses: PlanStatus[],
    suffix: string
): Promise<string | undefined> {
    const counts = await ctx.repos.plan.countByStatus(ctx.jobId);
    if (statuses.every((status) => !counts[status])) {
        return undefined;
    }
    const content = csvOf(
        ctx,
        statuses,
        'Id,OldOwnerId,NewOwnerId,Error',
        (r) => `${r.lead_id},${r.old_owner_id},${r.new_owner_id ?? ''},${csvField(r.error ?? r.status)}\n`
    );
    return ctx.retrying('attach failures', () =>
        attachFile(ctx.client, ctx.jobId, `${ctx.record.Name ?? ctx.jobId}-${suffix}.csv`, 'text/csv', content)
    );
}
