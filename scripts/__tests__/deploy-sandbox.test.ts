/**
 * deploy:sandbox decisions, with a fake `sf` first on PATH (no org): what it refuses, what it runs,
 * in which order, and where it stops.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyOrg, parseArgs, SCHEDULE_RECALL_APEX } from '../deploy-sandbox';
import { fail, flagValue, ok, records, removeTempDirs, Rule, runWithFakeSf, tempDir } from './fakeSf';

const ORG = 'pd-sandbox';
const JOB_ID = '0AfXX0000012345AAA';

const orgRecord = (overrides: Record<string, unknown> = {}) => ({
    attributes: { type: 'Organization' },
    Id: '00DXX0000001234AAA',
    Name: 'Acme UAT',
    IsSandbox: true,
    OrganizationType: 'Enterprise Edition',
    TrialExpirationDate: null,
    ...overrides
});

const deployResult = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    status: 'Succeeded',
    success: true,
    done: true,
    numberComponentsDeployed: 120,
    numberTestsCompleted: 87,
    ...extra
});

function rules(overrides: Partial<Record<string, Rule['responses']>> = {}): Rule[] {
    const base: Record<string, Rule> = {
        display: {
            command: 'org display',
            responses: [
                ok({
                    username: 'admin@acme.com.uat',
                    id: '00DXX0000001234AAA',
                    instanceUrl: 'https://acme--uat.sandbox.my.salesforce.com'
                })
            ]
        },
        organization: {
            command: 'data query',
            queryIncludes: 'FROM Organization',
            responses: [records([orgRecord()])]
        },
        validate: { command: 'project deploy validate', responses: [ok(deployResult(JOB_ID))] },
        quick: { command: 'project deploy quick', responses: [ok(deployResult('0AfXX0000099999AAA'))] },
        assign: {
            command: 'org assign permset',
            responses: [
                ok({
                    successes: [
                        { name: 'admin@acme.com.uat', value: 'Partner_Desk_Channel_Manager' },
                        { name: 'admin@acme.com.uat', value: 'Partner_Desk_Integration' }
                    ],
                    failures: []
                })
            ]
        },
        recallJobs: { command: 'data query', queryIncludes: 'FROM AsyncApexJob', responses: [records([])] },
        apex: { command: 'apex run', responses: [ok({ success: true, compiled: true, logs: '' })] }
    };
    for (const [key, responses] of Object.entries(overrides)) {
        base[key] = { ...base[key], responses: responses! };
    }
    return Object.values(base);
}

/** A project directory with sfdx-project.json and, when asked, the inbox recall class. */
function project(withRecallClass: boolean): string {
    const dir = tempDir('pd-deploy-project-');
    fs.writeFileSync(
        path.join(dir, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '64.0' })
    );
    const classes = path.join(dir, 'force-app', 'main', 'default', 'classes');
    fs.mkdirSync(classes, { recursive: true });
    if (withRecallClass) {
        fs.writeFileSync(
            path.join(classes, 'LeadRecallSchedule.cls'),
            'public with sharing class LeadRecallSchedule {}\n'
        );
    }
    return dir;
}

const deploy = (args: string[], scenario: Rule[], withRecallClass = true) =>
    runWithFakeSf(
        'deploy-sandbox.ts',
        ['--target-org', ORG, '--project-dir', project(withRecallClass), ...args],
        scenario
    );

afterAll(removeTempDirs);

describe('deploy:sandbox', () => {
    it.concurrent('refuses a production org and deploys nothing', async () => {
        const run = await deploy([], rules({ organization: [records([orgRecord({ IsSandbox: false })])] }));

        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/Refused: "pd-sandbox" is a production org/);
        expect(run.stderr).toMatch(/--allow-production/);
        expect(run.calls.map((c) => c.command)).toEqual(['org display', 'data query']);
    });

    it.concurrent(
        'validates a sandbox with RunLocalTests, quick-deploys that validation, assigns permission sets and schedules the recall job',
        async () => {
            const run = await deploy([], rules());

            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(run.calls.map((c) => c.command)).toEqual([
                'org display',
                'data query',
                'project deploy validate',
                'project deploy quick',
                'org assign permset',
                'data query',
                'apex run'
            ]);
            const [, , validate, quick, assign, , apex] = run.calls;
            expect(flagValue(validate, '--test-level')).toBe('RunLocalTests');
            expect(flagValue(validate, '--source-dir')).toBe('force-app');
            expect(flagValue(validate, '--target-org')).toBe(ORG);
            expect(flagValue(quick, '--job-id')).toBe(JOB_ID);
            expect(flagValue(quick, '--target-org')).toBe(ORG);
            expect(assign.argv.filter((_, i) => assign.argv[i - 1] === '--name')).toEqual([
                'Partner_Desk_Channel_Manager',
                'Partner_Desk_Integration'
            ]);
            expect(apex.file).toBe(SCHEDULE_RECALL_APEX);
            expect(apex.file).toMatch(/if \(active == 0\) \{\n\s+LeadRecallSchedule\.scheduleHourly\(\);/);
            expect(run.calls.every((c) => c.argv.includes('--json'))).toBe(true);
            expect(run.stdout).toMatch(/sandbox; running user admin@acme\.com\.uat/);
            expect(run.stdout).toMatch(
                /sf org assign permset --name Partner_Desk_Partner --on-behalf-of <partner\.username>/
            );
            expect(run.stdout).toMatch(/npm run site:create -- --target-org pd-sandbox/);
            expect(run.stdout).toMatch(/leadsInbox/);
        }
    );

    it.concurrent('stops before deploying when the validation fails, and says what to fix', async () => {
        const run = await deploy(
            [],
            rules({
                validate: [
                    fail(
                        'FailedValidationError',
                        `Failed to validate the deployment (${JOB_ID}).\nLeadsInboxControllerTest.acceptsLead - System.AssertException`,
                        1,
                        {
                            data: { deployId: JOB_ID }
                        }
                    )
                ]
            })
        );

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command)).toEqual(['org display', 'data query', 'project deploy validate']);
        expect(run.stderr).toMatch(
            /Validation failed; nothing was deployed\. FailedValidationError: .*LeadsInboxControllerTest\.acceptsLead/s
        );
        expect(run.stderr).toMatch(/Fix: correct the component errors and failing Apex tests/);
        expect(run.stderr).toMatch(new RegExp(`sf project deploy report --job-id ${JOB_ID} --target-org ${ORG}`));
    });

    it.concurrent('treats a validation reported as unsuccessful like a failure, listing the failed tests', async () => {
        const failedResult = deployResult(JOB_ID, {
            status: 'Failed',
            success: false,
            details: {
                runTestResult: {
                    failures: [{ name: 'RoundRobinTest', methodName: 'skipsFullMembers', message: 'Assertion Failed' }]
                }
            }
        });
        const run = await deploy([], rules({ validate: [{ exitCode: 0, json: { status: 0, result: failedResult } }] }));

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command)).not.toContain('project deploy quick');
        expect(run.stderr).toMatch(/test failure: RoundRobinTest\.skipsFullMembers: Assertion Failed/);
    });

    it.concurrent('deploys to production only with --allow-production, and still validates first', async () => {
        const run = await deploy(
            ['--allow-production'],
            rules({ organization: [records([orgRecord({ IsSandbox: false })])] })
        );

        expect(run.status).toBe(0);
        const commands = run.calls.map((c) => c.command);
        expect(commands.indexOf('project deploy validate')).toBeLessThan(commands.indexOf('project deploy quick'));
        expect(run.stdout).toMatch(/Production org, allowed by --allow-production/);
    });

    it.concurrent('stops after the validation with --dry-run', async () => {
        const run = await deploy(['--dry-run'], rules());

        expect(run.status).toBe(0);
        expect(run.calls.map((c) => c.command)).toEqual(['org display', 'data query', 'project deploy validate']);
        expect(run.stdout).toMatch(new RegExp(`sf project deploy quick --job-id ${JOB_ID} --target-org ${ORG}`));
    });

    it.concurrent(
        'accepts a scratch org, skips permission sets when asked, and does not schedule the recall job twice',
        async () => {
            const run = await deploy(
                ['--skip-permsets'],
                rules({
                    organization: [
                        records([
                            orgRecord({ TrialExpirationDate: '2026-12-01', OrganizationType: 'Developer Edition' })
                        ])
                    ],
                    recallJobs: [
                        records([{ Id: '707XX0000000001AAA', Status: 'Queued', CronTriggerId: '08eXX0000000001AAA' }])
                    ]
                })
            );

            expect(run.status).toBe(0);
            expect(run.stdout).toMatch(/Developer Edition: scratch/);
            expect(run.calls.map((c) => c.command)).not.toContain('org assign permset');
            expect(run.calls.map((c) => c.command)).not.toContain('apex run');
            expect(run.stdout).toMatch(/Already scheduled \(CronTrigger 08eXX0000000001AAA\)/);
        }
    );

    it.concurrent('skips the recall job when the project has no LeadRecallSchedule class', async () => {
        const run = await deploy([], rules(), false);

        expect(run.status).toBe(0);
        expect(run.calls.map((c) => c.command)).toEqual([
            'org display',
            'data query',
            'project deploy validate',
            'project deploy quick',
            'org assign permset'
        ]);
        expect(run.stdout).toMatch(/LeadRecallSchedule\.cls is not in this project: nothing to schedule/);
    });

    it.concurrent(
        'accepts permission sets that are already assigned, but fails on other assignment errors',
        async () => {
            const duplicate = await deploy(
                [],
                rules({
                    assign: [
                        {
                            exitCode: 68,
                            json: {
                                status: 68,
                                result: {
                                    successes: [{ name: 'admin@acme.com.uat', value: 'Partner_Desk_Integration' }],
                                    failures: [
                                        {
                                            name: 'admin@acme.com.uat',
                                            message: 'Duplicate PermissionSetAssignment: Assignee, PermissionSet'
                                        }
                                    ]
                                }
                            }
                        }
                    ]
                })
            );
            expect(duplicate.status).toBe(0);
            expect(duplicate.stdout).toMatch(/already assigned: Duplicate PermissionSetAssignment/);

            const missing = await deploy(
                [],
                rules({
                    assign: [
                        {
                            exitCode: 1,
                            json: {
                                status: 1,
                                result: {
                                    successes: [],
                                    failures: [
                                        {
                                            name: 'admin@acme.com.uat',
                                            message:
                                                'Permission set "Partner_Desk_Integration" not found in target org.'
                                        }
                                    ]
                                }
                            }
                        }
                    ]
                })
            );
            expect(missing.status).toBe(1);
            expect(missing.stderr).toMatch(/not found in target org/);
            expect(missing.stderr).toMatch(/some follow-up steps failed/);
        }
    );

    it.concurrent('fails with the login command when the org cannot be reached', async () => {
        const run = await deploy(
            [],
            rules({ display: [fail('NamedOrgNotFoundError', 'No authorization information found for pd-sandbox.')] })
        );

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(
            /sf org login web --alias pd-sandbox --instance-url https:\/\/test\.salesforce\.com/
        );
        expect(run.calls.map((c) => c.command)).toEqual(['org display']);
    });

    it.concurrent('fails when a quick deploy is refused, and offers the deploy with tests instead', async () => {
        const run = await deploy(
            [],
            rules({
                quick: [fail('InvalidQuickDeployError', 'The validation is no longer eligible for quick deploy.')]
            })
        );

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command)).not.toContain('org assign permset');
        expect(run.stderr).toMatch(
            /sf project deploy start --source-dir force-app --test-level RunLocalTests --target-org pd-sandbox/
        );
    });

    it.concurrent('needs an explicit target org and calls nothing without one', async () => {
        const run = await runWithFakeSf('deploy-sandbox.ts', [], rules());

        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/--target-org is required/);
        expect(run.calls).toEqual([]);
    });
});

describe('deploy:sandbox helpers', () => {
    it('classifies orgs the way @salesforce/core does', () => {
        const base = { Id: '00D', Name: 'x', OrganizationType: 'Enterprise Edition' };
        expect(classifyOrg({ ...base, IsSandbox: false, TrialExpirationDate: null })).toBe('production');
        expect(classifyOrg({ ...base, IsSandbox: true, TrialExpirationDate: null })).toBe('sandbox');
        expect(classifyOrg({ ...base, IsSandbox: true, TrialExpirationDate: '2026-12-01' })).toBe('scratch');
    });

    it('parses flags in both --flag value and --flag=value forms', () => {
        const options = parseArgs(['-o', 'uat', '--wait=30', '--dry-run', '--skip-permsets']);
        expect(options).toMatchObject({
            targetOrg: 'uat',
            waitMinutes: 30,
            dryRun: true,
            skipPermsets: true,
            allowProduction: false
        });
        expect(() => parseArgs(['--target-org', 'uat', '--wait', '0'])).toThrow(/whole number of minutes/);
        expect(() => parseArgs(['--target-org', 'uat', '--force'])).toThrow(/Unknown option --force/);
    });
});
