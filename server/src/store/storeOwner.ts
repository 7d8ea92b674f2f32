import type { Logger } from 'pino';
import { StartupError } from '../config/startupError';
import type { Db } from './db';

export interface StoreOrg {
    orgId: string;
    /** Set when the org is a simulator started in this process: a random name for this run of it. */
    simulatorRun?: string;
}

/** Every table that holds work for one org's job records. */
const WORK_TABLES = ['tasks', 'plan_rows', 'owner_snapshots', 'sf_bulk_jobs', 'outbox'];

/**
 * Ties the store to the org the service is connected to. A store of another org is refused (its
 * tasks are keyed by that org's record Ids, which the new org may reuse), except one that served an
 * in-process simulator: that org is gone with its process, so its work is cleared and the store
 * taken over. `where` names the store for the message (the DATA_DIR or the schema).
 */
export async function bindStoreToOrg(
    db: Db,
    org: StoreOrg,
    where: { setting: string; value: string },
    logger: Logger
): Promise<void> {
    await db.transaction(async (tx) => {
        await tx.query('LOCK TABLE store_owner IN EXCLUSIVE MODE');
        const bound = (
            await tx.query<{ org_id: string; simulator_run: string | null }>(
                'SELECT org_id, simulator_run FROM store_owner'
            )
        ).rows[0];
        if (!bound) {
            await tx.query('INSERT INTO store_owner (org_id, simulator_run) VALUES ($1, $2)', [
                org.orgId,
                org.simulatorRun ?? null
            ]);
            logger.info({ orgId: org.orgId }, 'store bound to the org');
            return;
        }
        const sameRun = bound.org_id === org.orgId && bound.simulator_run === (org.simulatorRun ?? null);
        if (sameRun) {
            return;
        }
        if (bound.simulator_run === null) {
            throw new StartupError(
                where.setting,
                `${where.setting} ${where.value} holds the jobs of org ${bound.org_id}, but the service is connected to org ${org.orgId}${org.simulatorRun ? ' (the simulator)' : ''}. ` +
                    `Job record Ids are only unique within one org, so a store serves one org: give this org its own ${where.setting}, or connect to org ${bound.org_id}.`
            );
        }
        for (const table of WORK_TABLES) {
            await tx.query(`DELETE FROM ${table}`);
        }
        await tx.query('UPDATE store_owner SET org_id = $1, simulator_run = $2, bound_at = now()', [
            org.orgId,
            org.simulatorRun ?? null
        ]);
        logger.warn(
            { orgId: org.orgId, previousOrgId: bound.org_id },
            'the store held the jobs of a simulator that ended with its process; they were cleared'
        );
    });
}
