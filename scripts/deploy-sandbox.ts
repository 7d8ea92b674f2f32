// Past 400 lines: one admin procedure with the what-to-fix text of every step; its reusable parts live in scripts/lib/.
/**
 * deploy:sandbox: deploys Partner Desk to a sandbox or scratch org the safe way, the first time and every time after.
 *
 *   npm run deploy:sandbox -- --target-org ALIAS [--allow-production] [--skip-permsets] [--dry-run]
 *                                                [--wait MINUTES] [--project-dir DIR]
 *
 * 1. Identifies the org (sf org display) and its kind (Organization.IsSandbox / TrialExpirationDate,
 *    the same rule @salesforce/core uses): production is refused unless --allow-production.
 * 2. Checks that Lead's external sharing is Private (EntityDefinition.ExternalSharingModel, Tooling
 *    API): partner users must never see each other's leads. Anything else stops the deploy.
 * 3. Takes the scheduled inbox recall jobs (LeadRecallSchedule) down: the Metadata API refuses to update
 *    a class with active jobs unless the org allows it, and a running recall would meet a class
 *    changing under it. They are put back (same names, same schedules) after the deploy, also when
 *    the validation or the deploy fails.
 * 4. Validates the whole project with RunLocalTests (sf project deploy validate), then deploys exactly
 *    that validated package (sf project deploy quick --job-id). --dry-run stops after the validation.
 * 5. Assigns Partner_Desk_Channel_Manager to the running user (unless --skip-permsets). Never the
 *    integration set: it carries the routing bypass, and the next deploy's Apex tests run as this user.
 * 6. Puts the recall jobs back, or on the first deploy schedules LeadRecallSchedule.scheduleHourly once.
 * 7. Prints the manual steps that follow.
 * Exit codes: 0 done, 1 a step failed (the output says what to fix), 2 refused (production or usage).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { failureText, Sf, succeeded } from './lib/sf';
import { Io, runCli, UsageError } from './lib/cli';
import {
    findScheduledJobs,
    putBackApex,
    putBackByHand,
    runApex,
    takeDownApex,
    type ScheduledJob
} from './lib/scheduled-jobs';

/** What the deploying user gets. The integration set is only ever assigned --on-behalf-of its user. */
export const RUNNING_USER_PERMSETS = ['Partner_Desk_Channel_Manager'];
export const PARTNER_PERMSET = 'Partner_Desk_Partner';
export const RECALL_CLASS = 'LeadRecallSchedule';

/** EntityDefinition holds each object's org-wide defaults (Tooling API, EntityDefinition). */
export const LEAD_SHARING_SOQL =
    "SELECT QualifiedApiName, InternalSharingModel, ExternalSharingModel FROM EntityDefinition WHERE QualifiedApiName = 'Lead'";

/** Anonymous Apex that schedules the recall job only when no run of it is scheduled yet. */
export const SCHEDULE_RECALL_APEX = [
    '// Partner Desk (scripts/deploy-sandbox.ts): schedule the inbox recall job once.',
    `Integer active = [SELECT COUNT() FROM AsyncApexJob WHERE JobType = 'ScheduledApex'`,
    `    AND ApexClass.Name = '${RECALL_CLASS}' AND Status IN ('Queued', 'Holding', 'Preparing', 'Processing')];`,
    'if (active == 0) {',
    `    ${RECALL_CLASS}.scheduleHourly();`,
    '}',
    ''
].join('\n');

const USAGE = `Usage: npm run deploy:sandbox -- --target-org ALIAS [--allow-production] [--skip-permsets] [--dry-run] [--wait MINUTES]

  --target-org, -o    alias or username of an org you logged in to (sf org login web --alias ALIAS --instance-url https://test.salesforce.com)
  --allow-production  deploy to a production org (it is still validated with RunLocalTests first)
  --skip-permsets     do not assign the channel manager permission set to the running user
  --dry-run           check the org and validate with RunLocalTests, deploy nothing (a scheduled
                      recall job is still taken down for the validation and put back after it)
  --wait              minutes to wait for the validation and the deploy (default 60)`;

export interface DeployOptions {
    targetOrg: string;
    allowProduction: boolean;
    skipPermsets: boolean;
    dryRun: boolean;
    waitMinutes: number;
    projectDir: string;
}

export function parseArgs(argv: string[]): DeployOptions {
    const options: DeployOptions = {
        targetOrg: '',
        allowProduction: false,
        skipPermsets: false,
        dryRun: false,
        waitMinutes: 60,
        projectDir: path.resolve(__dirname, '..')
    };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split(/=(.*)/s, 2);
        const value = (): string => {
            const v = inline ?? argv[++i];
            if (v === undefined || v === '') {
                throw new UsageError(`${flag} needs a value.`);
            }
            return v;
        };
        switch (flag) {
            case '--target-org':
            case '-o':
                options.targetOrg = value();
                break;
            case '--allow-production':
                options.allowProduction = true;
                break;
            case '--skip-permsets':
                options.skipPermsets = true;
                break;
            case '--dry-run':
                options.dryRun = true;
                break;
            case '--wait': {
                const minutes = Number(value());
                if (!Number.isInteger(minutes) || minutes < 1) {
                    throw new UsageError('--wait takes a whole number of minutes (1 or more).');
                }
                options.waitMinutes = minutes;
                break;
            }
            case '--project-dir':
                options.projectDir = path.resolve(value());
                break;
            case '--help':
            case '-h':
                throw new UsageError('');
            default:
                throw new UsageError(`Unknown option ${argv[i]}.`);
        }
    }
    if (!options.targetOrg) {
        throw new UsageError('--target-org is required: name the sandbox explicitly, never rely on a default org.');
    }
    return options;
}

export type OrgKind = 'production' | 'sandbox' | 'scratch';

export interface OrganizationRecord {
    Id: string;
    Name: string;
    IsSandbox: boolean;
    OrganizationType: string;
    TrialExpirationDate: string | null;
}

/** Same rule as @salesforce/core's Org: a scratch org is a sandbox with a trial expiration date. */
export function classifyOrg(org: OrganizationRecord): OrgKind {
    if (!org.IsSandbox) {
        return 'production';
    }
    return org.TrialExpirationDate ? 'scratch' : 'sandbox';
}

interface OrgDisplay {
    username: string;
    id: string;
    instanceUrl: string;
    alias?: string;
}

interface DeployResult {
    id: string;
    status: string;
    success: boolean;
    numberComponentsDeployed?: number;
    numberTestsCompleted?: number;
    deployUrl?: string;
}

interface AssignResult {
    successes: Array<{ name: string; value: string }>;
    failures: Array<{ name: string; message: string }>;
}

function packageDirectories(projectDir: string): string[] {
    const project = JSON.parse(fs.readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as {
        packageDirectories: Array<{ path: string }>;
    };
    return project.packageDirectories.map((p) => p.path);
}

function classExists(projectDir: string, dirs: string[], className: string): boolean {
    const found = (dir: string): boolean => {
        if (!fs.existsSync(dir)) {
            return false;
        }
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() ? found(full) : entry.name === `${className}.cls`) {
                return true;
            }
        }
        return false;
    };
    return dirs.some((d) => found(path.join(projectDir, d)));
}

function describeTestFailures(result: unknown): string[] {
    const details = (result as { details?: { runTestResult?: { failures?: unknown } } } | undefined)?.details;
    const failures = details?.runTestResult?.failures;
    const list = Array.isArray(failures) ? failures : failures ? [failures] : [];
    return list.map(
        (f: { name?: string; methodName?: string; message?: string }) => `${f.name}.${f.methodName}: ${f.message}`
    );
}

/** The validation's job id, from its result or from the data of the error the CLI threw. */
function validationId(result: unknown, data: unknown): string | undefined {
    const fromResult = (result as { id?: unknown } | undefined)?.id;
    const fromData = (data as { deployId?: unknown } | undefined)?.deployId;
    const id = typeof fromResult === 'string' ? fromResult : fromData;
    return typeof id === 'string' && /^[A-Za-z0-9]{15,18}$/.test(id) ? id : undefined;
}

/**
 * Partner users see other partners' leads when Lead's external org-wide default is anything but
 * Private; EntityDefinition (Tooling API) reports it as ExternalSharingModel.
 */
async function leadSharingIsPrivate(sf: Sf, org: string, io: Io): Promise<boolean> {
    const sharing = await sf.toolingQuery<{ InternalSharingModel: string; ExternalSharingModel: string }>(
        LEAD_SHARING_SOQL,
        org
    );
    if (!succeeded(sharing) || sharing.json.result.records.length !== 1) {
        io.err(`✗ Cannot read Lead's sharing settings: ${failureText(sharing)}`);
        io.err('  Nothing was deployed. Fix: the user needs "View Setup and Configuration"; then run again.');
        return false;
    }
    const { InternalSharingModel: internal, ExternalSharingModel: external } = sharing.json.result.records[0];
    if (external !== 'Private') {
        io.err(
            `✗ Refused: Lead's default external access is ${external}, so partner users would see each other's leads.`
        );
        io.err(
            '  Nothing was deployed. Fix: Setup > Sharing Settings > Edit > Lead: Default External Access = Private,'
        );
        io.err('  save, wait for the recalculation to finish, then run this script again.');
        return false;
    }
    io.out(`  ✓ Lead: default external access Private (internal ${internal}).`);
    return true;
}

export async function deploySandbox(options: DeployOptions, io: Io, sf: Sf): Promise<number> {
    const org = options.targetOrg;

    io.out(`\n== 1. Target org: ${org}`);
    const display = await sf.run<OrgDisplay>(['org', 'display', '--target-org', org]);
    if (!succeeded(display)) {
        io.err(`✗ Cannot reach org "${org}": ${failureText(display)}`);
        io.err(`  Fix: log in and give it that alias, e.g.`);
        io.err(`    sf org login web --alias ${org} --instance-url https://test.salesforce.com`);
        return 1;
    }
    const username = display.json.result.username;
    const orgQuery = await sf.query<OrganizationRecord>(
        'SELECT Id, Name, IsSandbox, OrganizationType, TrialExpirationDate FROM Organization',
        org
    );
    if (!succeeded(orgQuery) || orgQuery.json.result.records.length !== 1) {
        io.err(`✗ Cannot read the Organization record of "${org}": ${failureText(orgQuery)}`);
        io.err('  Fix: the user needs API access ("API Enabled"); check with: sf org display --target-org ' + org);
        return 1;
    }
    const record = orgQuery.json.result.records[0];
    const kind = classifyOrg(record);
    io.out(`  ${record.Name} (${record.Id}), ${record.OrganizationType}: ${kind}; running user ${username}`);
    if (kind === 'production') {
        if (!options.allowProduction) {
            io.err(`✗ Refused: "${org}" is a production org (IsSandbox = false, ${record.OrganizationType}).`);
            io.err(
                '  Fix: deploy to a sandbox first (sf org login web --alias <sandbox> --instance-url https://test.salesforce.com).'
            );
            io.err(
                '  To deploy to production on purpose, run again with --allow-production: it still validates with RunLocalTests first.'
            );
            return 2;
        }
        io.out(
            '  ! Production org, allowed by --allow-production: validating with RunLocalTests before anything changes.'
        );
    }

    io.out('\n== 2. Lead sharing');
    if (!(await leadSharingIsPrivate(sf, org, io))) {
        return 1;
    }

    const dirs = packageDirectories(options.projectDir);
    const hasRecallClass = classExists(options.projectDir, dirs, RECALL_CLASS);
    io.out('\n== 3. Scheduled recall jobs: take down for the deploy');
    let takenDown: ScheduledJob[] = [];
    if (!hasRecallClass) {
        io.out(`  ${RECALL_CLASS}.cls is not in this project: nothing to take down.`);
    } else {
        const found = await findScheduledJobs(sf, org, RECALL_CLASS);
        if (!found.ok) {
            io.err(`✗ Could not look for scheduled ${RECALL_CLASS} jobs: ${found.error}`);
            io.err('  Nothing was deployed. Fix: the user needs "View Setup and Configuration"; then run again.');
            return 1;
        }
        if (found.jobs.length === 0) {
            io.out(`  None scheduled (a first deploy): nothing to take down.`);
        } else {
            const down = await runApex(sf, org, takeDownApex(found.jobs));
            if (!down.ok) {
                io.err(`✗ Could not take the scheduled ${RECALL_CLASS} jobs down: ${down.error}`);
                io.err('  Nothing was deployed. Fix: delete them in Setup > Scheduled Jobs (this script schedules the');
                io.err('  recall again after the deploy), or ask an admin with "Modify All Data"; then run again.');
                return 1;
            }
            takenDown = found.jobs;
            for (const job of takenDown) {
                io.out(
                    `  ✓ Took down "${job.name}" (${job.cronExpression}, CronTrigger ${job.cronTriggerId}); it comes back after the deploy.`
                );
            }
            io.out(`  Should this script stop before putting it back, schedule it by hand:`);
            io.out(`    ${putBackByHand(RECALL_CLASS, takenDown, org)}`);
        }
    }
    /** Puts back what step 3 took down; true when nothing is left to do by hand. */
    const putBack = async (): Promise<boolean> => {
        if (takenDown.length === 0) {
            return true;
        }
        const back = await runApex(sf, org, putBackApex(RECALL_CLASS, takenDown));
        if (back.ok) {
            io.out(`  ✓ Put back ${takenDown.map((j) => `"${j.name}" (${j.cronExpression})`).join(', ')}.`);
            return true;
        }
        io.err(`✗ Could not put the ${RECALL_CLASS} jobs back: ${back.error}`);
        io.err(`  Fix: schedule them by hand: ${putBackByHand(RECALL_CLASS, takenDown, org)}`);
        return false;
    };

    io.out('\n== 4. Validate (RunLocalTests)');
    const validate = await sf.run<DeployResult>(
        [
            'project',
            'deploy',
            'validate',
            ...dirs.flatMap((d) => ['--source-dir', d]),
            '--test-level',
            'RunLocalTests',
            '--target-org',
            org,
            '--wait',
            String(options.waitMinutes)
        ],
        options.projectDir
    );
    if (!succeeded(validate) || !validate.json.result.success) {
        io.err(`✗ Validation failed; nothing was deployed. ${failureText(validate)}`);
        for (const line of describeTestFailures(validate.json?.result)) {
            io.err(`    test failure: ${line}`);
        }
        io.err(
            '  Fix: correct the component errors and failing Apex tests listed above (run `npm test` locally first),'
        );
        io.err(
            `  then run this script again. Details: Setup > Deployment Status in ${display.json.result.instanceUrl}`
        );
        const deployId = validationId(validate.json?.result, validate.json?.data);
        if (deployId) {
            io.err(`  The validation's own report (also when it ran out of --wait time):`);
            io.err(`    sf project deploy report --job-id ${deployId} --target-org ${org}`);
        }
        await putBack();
        return 1;
    }
    const jobId = validate.json.result.id;
    io.out(`  ✓ Validated: job ${jobId}, ${validate.json.result.numberTestsCompleted ?? 0} Apex tests passed.`);

    if (options.dryRun) {
        const restored = await putBack();
        io.out('\n--dry-run: stopping after the validation; nothing was deployed, no permission sets changed.');
        io.out(
            `  To deploy exactly this validation within 10 days: sf project deploy quick --job-id ${jobId} --target-org ${org}`
        );
        if (takenDown.length > 0) {
            io.out(`  Take the recall jobs down first (Setup > Scheduled Jobs), or run this script without --dry-run.`);
        }
        return restored ? 0 : 1;
    }

    io.out('\n== 5. Deploy the validated package (quick deploy)');
    const quick = await sf.run<DeployResult>(
        ['project', 'deploy', 'quick', '--job-id', jobId, '--target-org', org, '--wait', String(options.waitMinutes)],
        options.projectDir
    );
    if (!succeeded(quick) || !quick.json.result.success) {
        io.err(`✗ Quick deploy of validation ${jobId} failed: ${failureText(quick)}`);
        io.err(
            '  Fix: a validation can be quick-deployed once, within 10 days, and only if nothing was deployed to the'
        );
        io.err(
            '  org since. Run this script again to validate afresh. If the org refuses quick deploys altogether, deploy with tests:'
        );
        io.err(
            `    sf project deploy start ${dirs.map((d) => `--source-dir ${d}`).join(' ')} --test-level RunLocalTests --target-org ${org}`
        );
        await putBack();
        return 1;
    }
    io.out(`  ✓ Deployed: job ${quick.json.result.id}.`);

    let failed = false;
    io.out('\n== 6. Permission sets');
    if (options.skipPermsets) {
        io.out('  --skip-permsets: not assigning any.');
    } else {
        const assign = await sf.run<AssignResult>([
            'org',
            'assign',
            'permset',
            ...RUNNING_USER_PERMSETS.flatMap((p) => ['--name', p]),
            '--target-org',
            org
        ]);
        const result = assign.json?.result;
        if (!result) {
            io.err(`✗ Could not assign ${RUNNING_USER_PERMSETS.join(', ')}: ${failureText(assign)}`);
            failed = true;
        } else {
            for (const s of result.successes) {
                io.out(`  ✓ ${s.value} assigned to ${username}`);
            }
            for (const f of result.failures) {
                if (/duplicate/i.test(f.message)) {
                    io.out(`  ✓ already assigned: ${f.message}`);
                } else {
                    io.err(`✗ ${f.name}: ${f.message}`);
                    io.err(
                        '  Fix: check that the deploy included the permission set and that the user has a Salesforce license.'
                    );
                    failed = true;
                }
            }
        }
    }
    io.out(`  ${PARTNER_PERMSET} is for partner users (not for you). Assign it per partner user:`);
    io.out(`    sf org assign permset --name ${PARTNER_PERMSET} --on-behalf-of <partner.username> --target-org ${org}`);
    io.out(
        '  or in Setup > Permission Sets > Partner Desk Partner > Manage Assignments. Adding the permission set to the'
    );
    io.out("  site's members (next steps, c) then makes everyone who holds it a member of the partner site.");
    io.out("  The service's integration user, and only that user, gets Partner_Desk_Integration (it bypasses lead");
    io.out('  routing; given to you, it would change what the routing tests see on the next deploy):');
    io.out(
        `    sf org assign permset --name Partner_Desk_Integration --on-behalf-of <integration.username> --target-org ${org}`
    );

    io.out('\n== 7. Inbox recall job');
    if (!hasRecallClass) {
        io.out(`  ${RECALL_CLASS}.cls is not in this project: nothing to schedule.`);
    } else if (takenDown.length > 0) {
        failed = !(await putBack()) || failed;
    } else {
        const scheduled = await runApex(sf, org, SCHEDULE_RECALL_APEX);
        if (scheduled.ok) {
            io.out(`  ✓ Scheduled ${RECALL_CLASS} (hourly). See Setup > Scheduled Jobs.`);
        } else {
            io.err(`✗ Scheduling ${RECALL_CLASS} failed: ${scheduled.error}`);
            io.err(`  Fix: the class must be deployed and expose static scheduleHourly(); then schedule it by hand:`);
            io.err(
                `    echo "${RECALL_CLASS}.scheduleHourly();" > recall.apex && sf apex run --file recall.apex --target-org ${org}`
            );
            failed = true;
        }
    }

    io.out('\n== 8. Next steps (manual, once per org)');
    io.out(
        '  a. Partner access: Setup > Digital Experiences > Settings > "Enable Digital Experiences" (choose the domain, save).'
    );
    io.out(
        '     Check partner licenses: Setup > Company Information > User Licenses ("Partner Community" or "Partner Community Login").'
    );
    io.out(
        "     Give each partner account's owner a role (Setup > Users): Salesforce refuses to enable the account as a partner otherwise."
    );
    io.out(`  b. Create and publish the partner site: npm run site:create -- --target-org ${org}`);
    io.out(
        '  c. In Experience Builder put the "leadsInbox" component on a page of the site, add the partner profiles and the'
    );
    io.out(
        '     Partner Desk Partner permission set as members, publish and activate (site:create prints the clicks).'
    );
    io.out(
        '  d. Open the "Partner Desk" app, enable a partner account and a partner user, and check their inbox in the site.'
    );

    if (failed) {
        io.err('\nDeployed, but some follow-up steps failed: see the ✗ lines above for what to fix.');
        return 1;
    }
    io.out('\n✓ Partner Desk is deployed.');
    return 0;
}

if (require.main === module) {
    runCli('deploy:sandbox', USAGE, parseArgs, deploySandbox);
}
