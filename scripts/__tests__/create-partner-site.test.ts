/**
 * site:create decisions, with a fake `sf` first on PATH (no org).
 */
import { parseArgs, validateSite } from '../create-partner-site';
import { fail, flagValue, ok, records, removeTempDirs, Rule, runWithFakeSf } from './fakeSf';

const ORG = 'pd-sandbox';
const JOB = '0nXXX0000000123AAA';
const FAST = ['--poll-seconds', '0'];

const network = (name: string, prefix: string | null, status = 'UnderConstruction') => ({
    attributes: { type: 'Network' },
    Id: '0DBXX0000000001AAA',
    Name: name,
    UrlPathPrefix: prefix,
    Status: status
});

const job = (status: string, error: string | null = null) =>
    records([{ attributes: { type: 'BackgroundOperation' }, Id: JOB, Status: status, Error: error }]);

function rules(overrides: Partial<Record<string, Rule['responses']>> = {}): Rule[] {
    const base: Record<string, Rule> = {
        display: {
            command: 'org display',
            responses: [
                ok({ username: 'admin@acme.com.uat', instanceUrl: 'https://acme--uat.sandbox.my.salesforce.com' })
            ]
        },
        networks: {
            command: 'data query',
            queryIncludes: 'FROM Network',
            responses: [records([network('Customers', 'customers', 'Live')])]
        },
        templates: {
            command: 'community list template',
            responses: [
                ok({
                    templates: [
                        { templateName: 'Build Your Own (LWR)', publisher: 'Salesforce' },
                        { templateName: 'Partner Central', publisher: 'Salesforce' }
                    ],
                    total: 2
                })
            ]
        },
        create: {
            command: 'community create',
            responses: [
                ok({
                    message: 'Your Site is being created.',
                    name: 'Partner Desk',
                    jobId: JOB,
                    action: 'Checking status'
                })
            ]
        },
        job: {
            command: 'data query',
            queryIncludes: 'FROM BackgroundOperation',
            responses: [job('New'), job('Running'), job('Complete')]
        },
        publish: {
            command: 'community publish',
            responses: [
                ok({
                    id: '0DBXX0000000002AAA',
                    message: 'We’re publishing your changes now.',
                    name: 'Partner Desk',
                    url: 'https://acme--uat.sandbox.my.site.com/partners'
                })
            ]
        }
    };
    for (const [key, responses] of Object.entries(overrides)) {
        base[key] = { ...base[key], responses: responses! };
    }
    return Object.values(base);
}

const site = (args: string[], scenario: Rule[]) =>
    runWithFakeSf('create-partner-site.ts', ['--target-org', ORG, ...FAST, ...args], scenario);

afterAll(removeTempDirs);

describe('site:create', () => {
    it.concurrent(
        'creates the site from Partner Central, waits for the job, publishes, and prints the builder steps',
        async () => {
            const run = await site([], rules());

            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(run.calls.map((c) => c.command)).toEqual([
                'org display',
                'data query',
                'community list template',
                'community create',
                'data query',
                'data query',
                'data query',
                'community publish'
            ]);
            const create = run.calls[3];
            expect(flagValue(create, '--template-name')).toBe('Partner Central');
            expect(flagValue(create, '--name')).toBe('Partner Desk');
            expect(flagValue(create, '--url-path-prefix')).toBe('partners');
            expect(flagValue(run.calls[4], '--query')).toBe(
                `SELECT Id, Status, Error FROM BackgroundOperation WHERE Id = '${JOB}'`
            );
            expect(flagValue(run.calls[7], '--name')).toBe('Partner Desk');
            expect(run.stdout).toMatch(/\.\.\. New\n.*\.\.\. Running\n.*✓ Site created\./s);
            expect(run.stdout).toMatch(/https:\/\/acme--uat\.sandbox\.my\.site\.com\/partners/);
            expect(run.stdout).toMatch(/find "leadsInbox" under Custom/);
            expect(run.stdout).toMatch(/"Partner Desk Partner" under Permission Sets/);
        }
    );

    it.concurrent('rejects a bad URL prefix or name before calling sf', async () => {
        const slash = await site(['--url-path-prefix', 'partners/inbox'], rules());
        expect(slash.status).toBe(2);
        expect(slash.stderr).toMatch(/--url-path-prefix "partners\/inbox" may only hold letters, digits/);
        expect(slash.calls).toEqual([]);

        const blank = await site(['--name', '  '], rules());
        expect(blank.status).toBe(2);
        expect(blank.stderr).toMatch(/--name must not be empty/);
        expect(blank.calls).toEqual([]);
    });

    it.concurrent('says how to enable Digital Experiences when the org has none', async () => {
        const run = await site(
            [],
            rules({ networks: [fail('INVALID_TYPE', "sObject type 'Network' is not supported.")] })
        );

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/Enable Digital Experiences/);
        expect(run.calls.map((c) => c.command)).not.toContain('community create');
    });

    it.concurrent(
        'publishes an existing site of the same name and prefix again instead of creating another',
        async () => {
            const run = await site([], rules({ networks: [records([network('Partner Desk', 'partners')])] }));

            expect(run.status).toBe(0);
            expect(run.calls.map((c) => c.command)).toEqual(['org display', 'data query', 'community publish']);
            expect(run.stdout).toMatch(/exists already \(UnderConstruction\): publishing it again/);
        }
    );

    it.concurrent('refuses a URL prefix that another site holds', async () => {
        const run = await site(['--url-path-prefix', 'Customers'], rules());

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/The URL prefix "Customers" belongs to the site "Customers"/);
        expect(run.calls.map((c) => c.command)).not.toContain('community create');
    });

    it.concurrent('refuses when the Partner Central template is not available', async () => {
        const run = await site(
            [],
            rules({
                templates: [
                    ok({ templates: [{ templateName: 'Customer Service', publisher: 'Salesforce' }], total: 1 })
                ]
            })
        );

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/"Partner Central" template is not available .*Customer Service/);
        expect(run.stderr).toMatch(/partner licenses/);
        expect(run.calls.map((c) => c.command)).not.toContain('community create');
    });

    it.concurrent('stops without publishing when the creation job fails', async () => {
        const run = await site(
            [],
            rules({ job: [job('Running'), job('Error', 'The URL partners is already in use.')] })
        );

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/Creating the site failed \(Error\): The URL partners is already in use\./);
        expect(run.calls.map((c) => c.command)).not.toContain('community publish');
    });

    it.concurrent('gives up after the timeout and says where to look', async () => {
        const run = await site(['--timeout-minutes', '0'], rules({ job: [job('Running')] }));

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/was not ready after 0 minute\(s\)/);
        expect(run.stderr).toMatch(/All Sites/);
        expect(run.calls.map((c) => c.command)).not.toContain('community publish');
    });

    it.concurrent('without a job id, waits until the site appears in Network', async () => {
        const run = await site(
            [],
            rules({
                create: [
                    ok({ message: 'Your Site is being created.', name: 'Partner Desk', action: 'Checking status' })
                ],
                networks: [records([]), records([]), records([network('Partner Desk', 'partners')])]
            })
        );

        expect(run.status).toBe(0);
        expect(run.calls.filter((c) => c.command === 'data query').map((c) => flagValue(c, '--query'))).toEqual([
            'SELECT Id, Name, UrlPathPrefix, Status FROM Network',
            "SELECT Id, Name, UrlPathPrefix, Status FROM Network WHERE Name = 'Partner Desk'",
            "SELECT Id, Name, UrlPathPrefix, Status FROM Network WHERE Name = 'Partner Desk'"
        ]);
        expect(run.calls[run.calls.length - 1].command).toBe('community publish');
    });

    it.concurrent('reports a failed publish with the builder as the way out', async () => {
        const run = await site(
            [],
            rules({ publish: [fail('CommunityNotExistsError', 'The Partner Desk site does not exist.')] })
        );

        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/sf community publish failed: CommunityNotExistsError/);
        expect(run.stderr).toMatch(/Builder and press Publish/);
    });
});

describe('site:create checks', () => {
    it('accepts sensible names and prefixes and explains the rest', () => {
        expect(validateSite('Partner Desk', 'partners')).toEqual([]);
        expect(validateSite('Partner Desk', 'partner-desk_eu')).toEqual([]);
        expect(validateSite('Partner Desk', '')).toEqual([expect.stringMatching(/must not be empty/)]);
        expect(validateSite('Partner Desk', '-partners')).toEqual([expect.stringMatching(/may only hold/)]);
        expect(validateSite(' Partner Desk', 'partners')).toEqual([expect.stringMatching(/start or end with spaces/)]);
        expect(validateSite('x'.repeat(81), 'partners')).toEqual([expect.stringMatching(/80 or fewer/)]);
    });

    it('needs a target org', () => {
        expect(() => parseArgs([])).toThrow(/--target-org is required/);
        expect(parseArgs(['-o', 'uat', '--name=EU Partners', '--url-path-prefix', 'eu'])).toMatchObject({
            targetOrg: 'uat',
            name: 'EU Partners',
            urlPathPrefix: 'eu'
        });
    });
});
