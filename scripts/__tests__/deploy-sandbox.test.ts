/**
 * deploy:sandbox decisions, with a fake `sf` first on PATH (no org): what it refuses, what it runs,
 * in which order, and where it stops.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classifyOrg, LEAD_SHARING_SOQL, parseArgs, SCHEDULE_RECALL_APEX } from '../deploy-sandbox';
import { fail, flagValue, ok, records, removeTempDirs, Rule, runWithFakeSf, tempDir } from './fakeSf';

const ORG = 'pd-sandbox';
const JOB_ID = '0AfXX0000012345AAA';
const CRON_ID = '08eXX0000000001AAA';

const leadSharing = (external: string) =>
    records([
        {
            attributes: { type: 'EntityDefinition' },
            QualifiedApiName: 'Lead',
            InternalSharingModel: 'Private',
            ExternalSharingModel: external
        }
    ]);
/** A first deploy's calls up to the validation: org, Organization, Lead sharing, recall jobs. */
const UP_TO_VALIDATION = ['org display', 'data query', 'data query', 'data query', 'project deploy validate'];
const scheduledRecall = records([{ CronTriggerId: CRON_ID }]);
const recallTrigger = records([
    { Id: CRON_ID, CronExpression: '0 5 * * * ?', CronJobDetail: { Name: 'Partner Desk lead recall' } }
]);

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
        leadSharing: {
            command: 'data query',
            queryIncludes: 'FROM EntityDefinition',
            responses: [leadSharing('Private')]
        },
        cronTriggers: { command: 'data query', queryIncludes: 'FROM CronTrigger', responses: [recallTrigger] },
        validate: { command: 'project deploy validate', responses: [ok(deployResult(JOB_ID))] },
        quick: { command: 'project deploy quick', responses: [ok(deployResult('0AfXX0000099999AAA'))] },
        assign: {
            command: 'org assign permset',
            responses: [
                ok({
                    successes: [{ name: 'admin@acme.com.uat', value: 'Partner_Desk_Channel_Manager' }],
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
        'checks Lead sharing, validates a sandbox with RunLocalTests, quick-deploys that validation, assigns the channel manager set and schedules the recall job',
        async () => {
            const run = await deploy([], rules());

            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(run.calls.map((c) => c.command)).toEqual([
                'org display',
                'data query',
                'data query',
                'data query',
                'project deploy validate',
                'project deploy quick',
                'org assign permset',
                'apex run'
            ]);
            const [, , sharing, jobs, validate, quick, assign, apex] = run.calls;
            expect(flagValue(sharing, '--query')).toBe(LEAD_SHARING_SOQL);
            expect(sharing.argv).toContain('--use-tooling-api');
            expect(flagValue(jobs, '--query')).toMatch(/FROM AsyncApexJob .*ApexClass\.Name = 'LeadRecallSchedule'/);
            expect(run.stdout).toMatch(/Lead: default external access Private/);
            expect(run.stdout).toMatch(/None scheduled \(a first deploy\)/);
            expect(flagValue(validate, '--test-level')).toBe('RunLocalTests');
            expect(flagValue(validate, '--source-dir')).toBe('force-app');
            expect(flagValue(validate, '--target-org')).toBe(ORG);
            expect(flagValue(quick, '--job-id')).toBe(JOB_ID);
            expect(flagValue(quick, '--target-org')).toBe(ORG);
            expect(assign.argv.filter((_, i) => assign.argv[i - 1] === '--name')).toEqual([
                'Partner_Desk_Channel_Manager'
            ]);
            expect(run.stdout).toMatch(
                /sf org assign permset --name Partner_Desk_Integration --on-behalf-of <integration\.username>/
            );
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
        expect(run.calls.map((c) => c.command)).toEqual(UP_TO_VALIDATION);
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
        expect(run.calls.map((c) => c.command)).toEqual(UP_TO_VALIDATION);
        expect(run.stdout).toMatch(new RegExp(`sf project deploy quick --job-id ${JOB_ID} --target-org ${ORG}`));
    });

    it.concurrent(
        'accepts a scratch org, skips permission sets when asked, and on a second deploy takes the scheduled recall job down and puts it back',
        async () => {
            const run = await deploy(
                ['--skip-permsets'],
                rules({
                    organization: [
                        records([
                            orgRecord({ TrialExpirationDate: '2026-12-01', OrganizationType: 'Developer Edition' })
                        ])
                    ],
                    recallJobs: [scheduledRecall]
                })
            );

            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(run.stdout).toMatch(/Developer Edition: scratch/);
            expect(run.calls.map((c) => c.command)).toEqual([
                'org display',
                'data query',
                'data query',
                'data query',
                'data query',
                'apex run',
                'project deploy validate',
                'project deploy quick',
                'apex run'
            ]);
            const [takeDown, putBack] = run.calls.filter((c) => c.command === 'apex run');
            expect(flagValue(run.calls[4], '--query')).toContain(`FROM CronTrigger WHERE Id IN ('${CRON_ID}')`);
            expect(takeDown.file).toMatch(new RegExp(`^System\\.abortJob\\('${CRON_ID}'\\);$`, 'm'));
            expect(putBack.file).toMatch(/Type jobType = Type\.forName\('LeadRecallSchedule'\);/);
            expect(putBack.file).toMatch(
                /System\.schedule\('Partner Desk lead recall', '0 5 \* \* \* \?', \(Schedulable\) jobType\.newInstance\(\)\);/
            );
            expect(putBack.file).not.toMatch(/scheduleHourly/);
            expect(run.calls.map((c) => c.command)).not.toContain('org assign permset');
            expect(run.stdout).toMatch(
                /Took down "Partner Desk lead recall" \(0 5 \* \* \* \?, CronTrigger 08eXX0000000001AAA\)/
            );
            expect(run.stdout).toMatch(/Put back "Partner Desk lead recall" \(0 5 \* \* \* \?\)/);
        }
    );

    it.concurrent('puts a taken-down recall job back when the validation fails', async () => {
        const run = await deploy(
            [],
            rules({
                recallJobs: [scheduledRecall],
                validate: [
                    fail('FailedValidationError', 'Failed to validate the deployment.', 1, {
                        data: { deployId: JOB_ID }
                    })
                ]
            })
        );

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command).slice(-3)).toEqual(['apex run', 'project deploy validate', 'apex run']);
        expect(run.calls[run.calls.length - 1].file).toMatch(/System\.schedule\('Partner Desk lead recall'/);
        expect(run.stdout).toMatch(/Put back "Partner Desk lead recall"/);
    });

    it.concurrent(
        'puts a taken-down recall job back when the quick deploy fails, and says how by hand if that fails too',
        async () => {
            const run = await deploy(
                [],
                rules({
                    recallJobs: [scheduledRecall],
                    quick: [fail('InvalidQuickDeployError', 'The validation is no longer eligible for quick deploy.')],
                    apex: [
                        ok({ success: true, compiled: true, logs: '' }),
                        fail('ApexError', 'Invalid type: LeadRecallSchedule')
                    ]
                })
            );

            expect(run.status).toBe(1);
            expect(run.calls.map((c) => c.command).slice(-2)).toEqual(['project deploy quick', 'apex run']);
            expect(run.stderr).toMatch(/Could not put the LeadRecallSchedule jobs back: ApexError: Invalid type/);
            expect(run.stderr).toMatch(
                /System\.schedule\('Partner Desk lead recall', '0 5 \* \* \* \?', new LeadRecallSchedule\(\)\);.*sf apex run --file jobs\.apex --target-org pd-sandbox/
            );
        }
    );

    it.concurrent('stops before validating when the scheduled recall job cannot be taken down', async () => {
        const run = await deploy(
            [],
            rules({ recallJobs: [scheduledRecall], apex: [fail('ApexError', 'Insufficient privileges')] })
        );

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command)).not.toContain('project deploy validate');
        expect(run.stderr).toMatch(
            /Could not take the scheduled LeadRecallSchedule jobs down: ApexError: Insufficient privileges/
        );
        expect(run.stderr).toMatch(/Nothing was deployed/);
    });

    it.concurrent('refuses an org whose Lead external sharing is not Private, before anything changes', async () => {
        const run = await deploy([], rules({ leadSharing: [leadSharing('Read')] }));

        expect(run.status).toBe(1);
        expect(run.calls.map((c) => c.command)).toEqual(['org display', 'data query', 'data query']);
        expect(run.stderr).toMatch(
            /Lead's default external access is Read, so partner users would see each other's leads/
        );
        expect(run.stderr).toMatch(/Setup > Sharing Settings > Edit > Lead: Default External Access = Private/);
    });

    it.concurrent('never assigns the integration set (the routing bypass) to the deploying user', async () => {
        const run = await deploy([], rules());

        for (const call of run.calls.filter((c) => c.command === 'org assign permset')) {
            expect(call.argv).not.toContain('Partner_Desk_Integration');
        }
    });

    it.concurrent('skips the recall job when the project has no LeadRecallSchedule class', async () => {
        const run = await deploy([], rules(), false);

        expect(run.status).toBe(0);
        expect(run.calls.map((c) => c.command)).toEqual([
            'org display',
            'data query',
            'data query',
            'project deploy validate',
            'project deploy quick',
            'org assign permset'
        ]);
        expect(run.stdout).toMatch(/LeadRecallSchedule\.cls is not in this project: nothing to take down/);
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
                                    successes: [],
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
                                                'Permission set "Partner_Desk_Channel_Manager" not found in target org.'
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
