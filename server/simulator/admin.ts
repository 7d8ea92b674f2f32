/**
 * The admin endpoint POST /__simulator/faults: the same faults as the `faults` object, as JSON, for
 * the CLI and for tests of a separately started service. Body keys (all optional):
 * {"lockRows": {"share": 0.2, "failAttempts": 1, "seed": 7, "objects": ["Lead"]}, "unavailable": {"share": 0.1, "next": 3},
 *  "requestLimit": {"next": 2}, "expireSessions": true, "slowBulkMs": 500,
 *  "changeOwner": {"recordId": "00Q...", "ownerId": "005..."}, "leadAssignmentRuleOwnerId": "00G..." | null, "reset": true}
 */
import type { SimulatorContext } from './context';
import { ApiError } from './errors';
import type { LockRowsFault, UnavailableFault } from './faults';

export function applyAdminFaults(sim: SimulatorContext, body: Record<string, unknown>): string[] {
    const applied: string[] = [];
    const f = sim.faults;
    try {
        if (body.reset === true) {
            f.reset();
            applied.push('reset');
        }
        if (body.lockRows) {
            f.lockRows(body.lockRows as LockRowsFault);
            applied.push('lockRows');
        }
        if (body.unavailable) {
            f.unavailable(body.unavailable as UnavailableFault);
            applied.push('unavailable');
        }
        if (body.requestLimit) {
            f.requestLimit(Number((body.requestLimit as { next?: number }).next ?? 0));
            applied.push('requestLimit');
        }
        if (body.slowBulkMs !== undefined) {
            f.slowBulk(Number(body.slowBulkMs));
            applied.push('slowBulk');
        }
        if (body.changeOwner) {
            const { recordId, ownerId } = body.changeOwner as { recordId: string; ownerId: string };
            f.changeOwner(recordId, ownerId);
            applied.push('changeOwner');
        }
        if (body.leadAssignmentRuleOwnerId !== undefined) {
            sim.dml.settings.leadAssignmentRuleOwnerId = (body.leadAssignmentRuleOwnerId as string | null) ?? null;
            applied.push('leadAssignmentRuleOwnerId');
        }
        if (body.expireSessions === true) {
            f.expireSessions();
            applied.push('expireSessions');
        }
    } catch (e) {
        throw new ApiError(400, 'INVALID_FAULT', e instanceof Error ? e.message : String(e));
    }
    return applied;
}
