import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { JobRecords } from '../salesforce/jobRecords';
import type { OrgClient } from '../salesforce/orgClient';
import type { Repos } from '../store/repos';
import type { TaskRow } from '../store/tasksRepo';
import { sendError } from './apiErrors';

/** The service knows jobs by the 18-character Id the org's API returns; a 15-character Id would never match. */
const jobIdParam = z.object({
    id: z
        .string()
        .regex(
            /^[a-zA-Z0-9]{18}$/,
            'must be the 18-character Id of a Bulk_Reassignment_Job__c record (the API form; a 15-character Id from the browser bar is not accepted)'
        )
});

/** The job API's paths (under /api/jobs) and the methods each takes, for 405 answers. */
export const JOB_ROUTES: ReadonlyArray<{ path: string; methods: string[] }> = [
    { path: '', methods: ['GET'] },
    { path: '/:id', methods: ['GET'] },
    { path: '/:id/cancel', methods: ['POST'] },
    { path: '/:id/revert', methods: ['POST'] }
];

const listQuery = z.object({
    state: z.enum(['pending', 'running', 'done']).optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
    offset: z.coerce.number().int().min(0, 'must be 0 or more').default(0)
});

/** Answers 400 with one line per invalid field. */
function badRequest(res: Response, error: z.ZodError): void {
    sendError(res, 400, {
        error: 'invalid_request',
        message: error.issues.map((issue) => `${issue.path.join('.') || 'request'} ${issue.message}`).join('; '),
        issues: error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))
    });
}

function view(task: TaskRow) {
    return {
        jobId: task.job_id,
        kind: task.kind,
        state: task.state,
        phase: task.phase,
        outcome: task.outcome,
        message: task.message,
        claimedBy: task.claimed_by,
        claims: task.claim_count,
        cancelRequested: task.cancel_requested,
        input: task.input,
        summary: task.summary,
        createdAt: task.created_at,
        updatedAt: task.updated_at,
        finishedAt: task.finished_at
    };
}

/** The operator job API: list, show, cancel, revert. Cancel and revert go through the job record, the org's word. */
export function jobRoutes(repos: Repos, client: OrgClient): Router {
    const router = Router();
    const records = new JobRecords(client);

    router.get('/', async (req: Request, res: Response) => {
        const parsed = listQuery.safeParse(req.query);
        if (!parsed.success) return badRequest(res, parsed.error);
        const tasks = await repos.tasks.list(parsed.data.limit, parsed.data.offset, parsed.data.state);
        res.json({ jobs: tasks.map(view), limit: parsed.data.limit, offset: parsed.data.offset });
    });

    router.get('/:id', async (req: Request, res: Response) => {
        const parsed = jobIdParam.safeParse(req.params);
        if (!parsed.success) return badRequest(res, parsed.error);
        const tasks = await repos.tasks.listForJob(parsed.data.id);
        if (tasks.length === 0) {
            sendError(res, 404, {
                error: 'not_found',
                message: `No job ${parsed.data.id} is known to this service (it sees a job after its first poll).`
            });
            return;
        }
        res.json({
            jobId: parsed.data.id,
            tasks: tasks.map(view),
            rows: await repos.plan.countByStatus(parsed.data.id),
            bulkJobs: (await repos.sfJobs.list(parsed.data.id)).map((j) => ({
                id: j.sf_job_id,
                kind: j.task_kind,
                round: j.round,
                rows: j.row_count,
                state: j.state,
                sfState: j.sf_state,
                failedRows: j.failed_rows
            })),
            outbox: await repos.outbox.countByState(parsed.data.id)
        });
    });

    router.post('/:id/cancel', async (req: Request, res: Response) => {
        const parsed = jobIdParam.safeParse(req.params);
        if (!parsed.success) return badRequest(res, parsed.error);
        const run = await repos.tasks.get(parsed.data.id, 'run');
        const record = await records.get(parsed.data.id);
        if (!record) {
            sendError(res, 404, {
                error: 'not_found',
                message: `No Bulk_Reassignment_Job__c record ${parsed.data.id} in the org.`
            });
            return;
        }
        if (!['Queued', 'Running', 'Cancel_Requested'].includes(record.Status__c) || run?.state === 'done') {
            sendError(res, 409, {
                error: 'conflict',
                message: `Job is ${record.Status__c}; only a queued or running job can be cancelled.`
            });
            return;
        }
        await records.update(parsed.data.id, { Status__c: 'Cancel_Requested' });
        await repos.tasks.requestCancel(parsed.data.id, 'run');
        res.status(202).json({
            jobId: parsed.data.id,
            status: 'Cancel_Requested',
            message: 'The job stops at its next checkpoint (between phases or batches).'
        });
    });

    router.post('/:id/revert', async (req: Request, res: Response) => {
        const parsed = jobIdParam.safeParse(req.params);
        if (!parsed.success) return badRequest(res, parsed.error);
        const run = await repos.tasks.get(parsed.data.id, 'run');
        const revert = await repos.tasks.get(parsed.data.id, 'revert');
        if (
            !run ||
            run.state !== 'done' ||
            !['Completed', 'Cancelled'].includes(run.outcome ?? '') ||
            (run.input as { Dry_Run__c?: boolean }).Dry_Run__c !== false
        ) {
            sendError(res, 409, {
                error: 'conflict',
                message: 'Only a completed (or cancelled) job that was not a dry run can be reverted.'
            });
            return;
        }
        if (revert) {
            sendError(res, 409, {
                error: 'conflict',
                message: `A revert of this job is already ${revert.state === 'done' ? 'done' : 'under way'}.`
            });
            return;
        }
        await records.update(parsed.data.id, { Status__c: 'Revert_Requested' });
        await repos.tasks.enqueue(parsed.data.id, 'revert', run.input);
        res.status(202).json({
            jobId: parsed.data.id,
            status: 'Revert_Requested',
            message: 'The revert starts at the next poll.'
        });
    });

    return router;
}
