/**
 * deploy:sandbox: deploys Partner Desk to a sandbox or scratch org the safe way.
 *
 *   npm run deploy:sandbox -- --target-org ALIAS [--allow-production] [--skip-permsets] [--dry-run]
 *                                                [--wait MINUTES] [--project-dir DIR]
 *
 * 1. Identifies the org (sf org display) and its kind (Organization.IsSandbox / TrialExpirationDate,
 *    the same rule @salesforce/core uses): production is refused unless --allow-production.
 * 2. Validates the whole project with RunLocalTests (sf project deploy validate), then deploys exactly
 *    that validated package (sf project deploy quick --job-id). --dry-run stops after the validation.
 * 3. Assigns Partner_Desk_Channel_Manager and Partner_Desk_Integration to the running user
 *    (unless --skip-permsets) and says how to give Partner_Desk_Partner to partner users.
 * 4. Schedules the inbox recall job (LeadRecallSchedule.scheduleHourly) once, if the class exists.
 * 5. Prints the manual steps that follow.
 * Exit codes: 0 done, 1 a step failed (the output says what to fix), 2 refused (production or usage).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { failureText, Sf, succeeded } from './lib/sf';
import { Io, runCli, UsageError } from './lib/cli';

export const RUNNING_USER_PERMSETS = ['Partner_Desk_Channel_Manager', 'Partner_Desk_Integration'];
export const PARTNER_PERMSET = 'Partner_Desk_Partner';
export const RECALL_CLASS = 'LeadRecallSchedule';

const ACTIVE_JOB_STATUSES = "('Queued', 'Holding', 'Preparing', 'Processing')";
const RECALL_JOBS_SOQL =
    `SELECT Id, Status, CronTriggerId FROM AsyncApexJob WHERE JobType = 'ScheduledApex' ` +
    `AND ApexClass.Name = '${RECALL_CLASS}' AND Status IN ${ACTIVE_JOB_STATUSES}`;

/** Anonymous Apex that schedules the recall job only when no run of it is scheduled yet. */
export const SCHEDULE_RECALL_APEX = [
    '// Partner Desk (scripts/deploy-sandbox.ts): schedule the inbox recall job once.',
    `Integer active = [SELECT COUNT() FROM AsyncApexJob WHERE JobType = 'ScheduledApex'`,
    `    AND ApexClass.Name = '${RECALL_CLASS}' AND Status IN ${ACTIVE_JOB_STATUSES}];`,
    'if (active == 0) {',
    `    ${RECALL_CLASS}.scheduleHourly();`,
    '}',
    ''
].join('\n');

const USAGE = `Usage: npm run deploy:sandbox -- --target-org ALIAS [--allow-production] [--skip-permsets] [--dry-run] [--wait MINUTES]

  --target-org, -o    alias or username of an org you logged in to (sf org login web --alias ALIAS --instance-url https://test.salesforce.com)
  --allow-production  deploy to a production org (it is still validated with RunLocalTests first)
  --skip-permsets     do not assign the permission sets to the running user
  --dry-run           check the org and validate with RunLocalTests, deploy nothing
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

    io.out('\n== 2. Validate (RunLocalTests)');
    const dirs = packageDirectories(options.projectDir);
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
        return 1;
    }
    const jobId = validate.json.result.id;
    io.out(`  ✓ Validated: job ${jobId}, ${validate.json.result.numberTestsCompleted ?? 0} Apex tests passed.`);

    if (options.dryRun) {
        io.out('\n--dry-run: stopping after the validation; nothing was deployed, no permission sets or jobs changed.');
        io.out(
            `  To deploy exactly this validation within 10 days: sf project deploy quick --job-id ${jobId} --target-org ${org}`
        );
        return 0;
    }

    io.out('\n== 3. Deploy the validated package (quick deploy)');
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
        return 1;
    }
    io.out(`  ✓ Deployed: job ${quick.json.result.id}.`);

    let failed = false;
    io.out('\n== 4. Permission sets');
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
    io.out("  The service's integration user needs Partner_Desk_Integration too:");
    io.out(
        `    sf org assign permset --name Partner_Desk_Integration --on-behalf-of <integration.username> --target-org ${org}`
    );

    io.out('\n== 5. Inbox recall job');
    if (!classExists(options.projectDir, dirs, RECALL_CLASS)) {
        io.out(`  ${RECALL_CLASS}.cls is not in this project: nothing to schedule.`);
    } else {
        const existing = await sf.query<{ Id: string; Status: string; CronTriggerId: string }>(RECALL_JOBS_SOQL, org);
        if (!succeeded(existing)) {
            io.err(`✗ Could not look for a scheduled ${RECALL_CLASS}: ${failureText(existing)}`);
            failed = true;
        } else if (existing.json.result.totalSize > 0) {
            const ids = existing.json.result.records.map((r) => r.CronTriggerId).join(', ');
            io.out(`  ✓ Already scheduled (CronTrigger ${ids}): not scheduling it twice.`);
        } else {
            const apexFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-apex-')), 'schedule-recall.apex');
            fs.writeFileSync(apexFile, SCHEDULE_RECALL_APEX);
            try {
                const run = await sf.run<{ success: boolean; compiled: boolean }>([
                    'apex',
                    'run',
                    '--file',
                    apexFile,
                    '--target-org',
                    org
                ]);
                if (succeeded(run) && run.json.result.success) {
                    io.out(`  ✓ Scheduled ${RECALL_CLASS} (hourly). See Setup > Scheduled Jobs.`);
                } else {
                    io.err(`✗ Scheduling ${RECALL_CLASS} failed: ${failureText(run)}`);
                    io.err(
                        `  Fix: the class must be deployed and expose static scheduleHourly(); then schedule it by hand:`
                    );
                    io.err(
                        `    echo "${RECALL_CLASS}.scheduleHourly();" > recall.apex && sf apex run --file recall.apex --target-org ${org}`
                    );
                    failed = true;
                }
            } finally {
                fs.rmSync(path.dirname(apexFile), { recursive: true, force: true });
            }
        }
    }

    io.out('\n== 6. Next steps (manual, once per org)');
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
