/**
 * Scheduled Apex jobs of one class, taken down before a deploy and put back after it. The Metadata
 * API refuses to update an Apex class that has active jobs unless the org allows it ("Allow
 * deployments of components when corresponding Apex jobs are pending or in progress"); cancelling the
 * jobs and rescheduling them after the deployment is the other way the ApexClass page of the Metadata
 * API Developer Guide gives, and it does not depend on that org setting:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_classes.htm
 */
import { failureText, Sf, succeeded } from './sf';

export interface ScheduledJob {
    cronTriggerId: string;
    /** The job's name as Setup > Scheduled Jobs lists it (CronJobDetail.Name). */
    name: string;
    cronExpression: string;
}

export type JobsAnswer = { ok: true; jobs: ScheduledJob[] } | { ok: false; error: string };

const ACTIVE_JOB_STATUSES = "('Queued', 'Holding', 'Preparing', 'Processing')";

/** Active scheduled jobs of `className`, with the name and schedule to put them back with. */
export async function findScheduledJobs(sf: Sf, org: string, className: string): Promise<JobsAnswer> {
    const jobs = await sf.query<{ CronTriggerId: string }>(
        `SELECT CronTriggerId FROM AsyncApexJob WHERE JobType = 'ScheduledApex' ` +
            `AND ApexClass.Name = '${className}' AND Status IN ${ACTIVE_JOB_STATUSES}`,
        org
    );
    if (!succeeded(jobs)) {
        return { ok: false, error: failureText(jobs) };
    }
    const ids = [...new Set(jobs.json.result.records.map((r) => r.CronTriggerId).filter(Boolean))];
    if (ids.length === 0) {
        return { ok: true, jobs: [] };
    }
    const triggers = await sf.query<{ Id: string; CronExpression: string; CronJobDetail: { Name: string } }>(
        `SELECT Id, CronExpression, CronJobDetail.Name FROM CronTrigger WHERE Id IN (${ids.map((id) => `'${id}'`).join(', ')})`,
        org
    );
    if (!succeeded(triggers)) {
        return { ok: false, error: failureText(triggers) };
    }
    return {
        ok: true,
        jobs: triggers.json.result.records.map((t) => ({
            cronTriggerId: t.Id,
            name: t.CronJobDetail.Name,
            cronExpression: t.CronExpression
        }))
    };
}

const apexString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Anonymous Apex that cancels the jobs (System.abortJob takes the CronTrigger Id). */
export function takeDownApex(jobs: ScheduledJob[]): string {
    return [
        '// Partner Desk (scripts/deploy-sandbox.ts): take the scheduled jobs down for the deploy.',
        ...jobs.map((j) => `System.abortJob(${apexString(j.cronTriggerId)});`),
        ''
    ].join('\n');
}

/**
 * Anonymous Apex that schedules the jobs again under their names and schedules. The class is reached
 * through Type.forName so this compiles even when the deploy removed or renamed it.
 */
export function putBackApex(className: string, jobs: ScheduledJob[]): string {
    return [
        '// Partner Desk (scripts/deploy-sandbox.ts): put back the scheduled jobs taken down for the deploy.',
        `Type jobType = Type.forName(${apexString(className)});`,
        ...jobs.map(
            (j) =>
                `System.schedule(${apexString(j.name)}, ${apexString(j.cronExpression)}, (Schedulable) jobType.newInstance());`
        ),
        ''
    ].join('\n');
}

/** The command an admin runs by hand when the script could not put the jobs back. */
export function putBackByHand(className: string, jobs: ScheduledJob[], org: string): string {
    const lines = jobs.map(
        (j) => `System.schedule(${apexString(j.name)}, ${apexString(j.cronExpression)}, new ${className}());`
    );
    return `echo "${lines.join(' ').replace(/"/g, '\\"')}" > jobs.apex && sf apex run --file jobs.apex --target-org ${org}`;
}

export async function runApex(sf: Sf, org: string, code: string): Promise<{ ok: boolean; error: string }> {
    const run = await sf.apex(code, org);
    const ok = succeeded(run) && run.json.result.success;
    return { ok, error: ok ? '' : failureText(run) };
}
