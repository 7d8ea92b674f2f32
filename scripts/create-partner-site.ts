/**
 * site:create: creates the partner site from the "Partner Central" template and publishes it.
 *
 *   npm run site:create -- --target-org ALIAS [--name "Partner Desk"] [--url-path-prefix partners]
 *                                             [--description TEXT] [--timeout-minutes 10]
 *
 * Checks the name and URL prefix, that Digital Experiences is on and the template is available,
 * and that no other site holds the name or prefix; runs `sf community create`, polls the
 * BackgroundOperation it starts until the site exists, runs `sf community publish`, and prints the
 * Experience Builder steps that put the "leadsInbox" component on the site and add its members.
 * Running it again for a site that already exists just publishes it again.
 * Exit codes: 0 done, 1 a step failed (the output says what to fix), 2 bad options.
 */
import { failureText, Sf, succeeded } from './lib/sf';
import { Io, runCli, UsageError } from './lib/cli';

export const TEMPLATE_NAME = 'Partner Central';
export const INBOX_COMPONENT = 'leadsInbox';

const USAGE = `Usage: npm run site:create -- --target-org ALIAS [--name NAME] [--url-path-prefix PREFIX] [--description TEXT] [--timeout-minutes N]

  --target-org, -o    alias or username of the org (Digital Experiences enabled)
  --name              site name (default "Partner Desk")
  --url-path-prefix   last part of the site URL, e.g. https://<domain>.my.site.com/partners (default "partners")
  --description       site description
  --timeout-minutes   how long to wait for Salesforce to create the site (default 10: its own limit)`;

export interface SiteOptions {
    targetOrg: string;
    name: string;
    urlPathPrefix: string;
    description: string;
    timeoutMinutes: number;
    pollSeconds: number;
}

/** Names and prefixes the script accepts; returns what is wrong, or nothing. */
export function validateSite(name: string, prefix: string): string[] {
    const problems: string[] = [];
    if (name.trim() === '') {
        problems.push('--name must not be empty.');
    } else if (name !== name.trim()) {
        problems.push('--name must not start or end with spaces.');
    } else if (name.length > 80) {
        problems.push(`--name is ${name.length} characters; keep it to 80 or fewer.`);
    } else if (/[<>"\\]/.test(name)) {
        problems.push('--name must not contain < > " or \\.');
    }
    if (prefix === '') {
        problems.push('--url-path-prefix must not be empty: the site needs its own path, e.g. "partners".');
    } else if (!/^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$/.test(prefix)) {
        problems.push(
            `--url-path-prefix "${prefix}" may only hold letters, digits and single - or _ between them (no slashes or spaces), e.g. "partners".`
        );
    } else if (prefix.length > 40) {
        problems.push(`--url-path-prefix is ${prefix.length} characters; keep it to 40 or fewer.`);
    }
    return problems;
}

export function parseArgs(argv: string[]): SiteOptions {
    const options: SiteOptions = {
        targetOrg: '',
        name: 'Partner Desk',
        urlPathPrefix: 'partners',
        description: 'Partner Desk: the partner leads inbox',
        timeoutMinutes: 10,
        pollSeconds: 10
    };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split(/=(.*)/s, 2);
        const value = (): string => {
            const v = inline ?? argv[++i];
            if (v === undefined) {
                throw new UsageError(`${flag} needs a value.`);
            }
            return v;
        };
        const nonNegative = (text: string): number => {
            const n = Number(text);
            if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
                throw new UsageError(`${flag} takes a number of 0 or more.`);
            }
            return n;
        };
        switch (flag) {
            case '--target-org':
            case '-o':
                options.targetOrg = value();
                break;
            case '--name':
                options.name = value();
                break;
            case '--url-path-prefix':
                options.urlPathPrefix = value();
                break;
            case '--description':
                options.description = value();
                break;
            case '--timeout-minutes':
                options.timeoutMinutes = nonNegative(value());
                break;
            case '--poll-seconds':
                options.pollSeconds = nonNegative(value());
                break;
            case '--help':
            case '-h':
                throw new UsageError('');
            default:
                throw new UsageError(`Unknown option ${argv[i]}.`);
        }
    }
    if (!options.targetOrg) {
        throw new UsageError('--target-org is required.');
    }
    const problems = validateSite(options.name, options.urlPathPrefix);
    if (problems.length > 0) {
        throw new UsageError(problems.join('\n✗ '));
    }
    return options;
}

interface NetworkRecord {
    Id: string;
    Name: string;
    UrlPathPrefix: string | null;
    Status: string;
}

interface BackgroundOperationRecord {
    Id: string;
    Status: string;
    Error: string | null;
}

const soqlString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DONE_STATUSES = new Set(['Complete', 'Completed']);
const FAILED_STATUSES = new Set(['Error', 'Canceled', 'Cancelled', 'Failed']);

function printBuilderSteps(io: Io, options: SiteOptions): void {
    io.out('\n== Put the Leads inbox on the site (Experience Builder)');
    io.out(`  1. Setup > Digital Experiences > All Sites > "${options.name}" > Builder.`);
    io.out('  2. Pages menu (top left) > New Page > Standard Page > New Blank Page; name it "Leads", URL /leads.');
    io.out(
        `     (Or use the Home page.) Open the Components panel (lightning bolt), find "${INBOX_COMPONENT}" under Custom`
    );
    io.out(
        '     Components, and drag it onto the page. Add "Leads" to the site navigation: Navigation Menu > Add Menu Item,'
    );
    io.out('     type Site Page, page "Leads".');
    io.out('  3. Publish (top right).');
    io.out('\n== Members, activation and login');
    io.out(`  4. Builder > Settings > Administration (or Setup > All Sites > Workspaces > Administration) > Members:`);
    io.out(
        '     add the partner profile(s) your partner users have (e.g. "Partner Community User") under Profiles, and'
    );
    io.out('     "Partner Desk Partner" under Permission Sets. Save.');
    io.out(
        '  5. Administration > Settings: Activate the site. Administration > Emails: keep "Send welcome email" on, so'
    );
    io.out('     partner users get their login details when they are enabled.');
    io.out('  6. Give each partner user the Partner_Desk_Partner permission set:');
    io.out(
        `     sf org assign permset --name Partner_Desk_Partner --on-behalf-of <partner.username> --target-org ${options.targetOrg}`
    );
    io.out(
        '  7. Log in as a partner user (Setup > Users > the contact\'s user > "Log in to Experience as User") and open /leads.'
    );
}

export async function createPartnerSite(options: SiteOptions, io: Io, sf: Sf): Promise<number> {
    const org = options.targetOrg;

    io.out(`\n== 1. Checks on "${org}"`);
    const display = await sf.run<{ username: string; instanceUrl: string }>(['org', 'display', '--target-org', org]);
    if (!succeeded(display)) {
        io.err(`✗ Cannot reach org "${org}": ${failureText(display)}`);
        io.err(`  Fix: sf org login web --alias ${org} --instance-url https://test.salesforce.com`);
        return 1;
    }
    const networks = await sf.query<NetworkRecord>('SELECT Id, Name, UrlPathPrefix, Status FROM Network', org);
    if (!succeeded(networks)) {
        const text = failureText(networks);
        io.err(`✗ Cannot list the org's sites: ${text}`);
        if (/Network|INVALID_TYPE|not supported/i.test(text)) {
            io.err(
                '  Fix: turn on Digital Experiences: Setup > Digital Experiences > Settings > "Enable Digital Experiences",'
            );
            io.err('  choose a domain name, Save. (Scratch orgs: config/project-scratch-def.json already does this.)');
        }
        return 1;
    }
    const sameName = networks.json.result.records.find((n) => n.Name === options.name);
    const samePrefix = networks.json.result.records.find(
        (n) => (n.UrlPathPrefix ?? '').toLowerCase() === options.urlPathPrefix.toLowerCase()
    );
    if (sameName && (sameName.UrlPathPrefix ?? '') !== options.urlPathPrefix) {
        io.err(`✗ A site named "${options.name}" already exists with URL prefix "${sameName.UrlPathPrefix ?? ''}".`);
        io.err(
            `  Fix: run again with --url-path-prefix ${sameName.UrlPathPrefix ?? '""'} to publish that site, or choose another --name.`
        );
        return 1;
    }
    if (samePrefix && samePrefix.Name !== options.name) {
        io.err(`✗ The URL prefix "${options.urlPathPrefix}" belongs to the site "${samePrefix.Name}".`);
        io.err('  Fix: choose another --url-path-prefix (or --name "' + samePrefix.Name + '" to publish that site).');
        return 1;
    }

    if (sameName) {
        io.out(`  ✓ The site "${options.name}" exists already (${sameName.Status}): publishing it again.`);
    } else {
        const templates = await sf.run<{ templates: Array<{ templateName: string }> }>([
            'community',
            'list',
            'template',
            '--target-org',
            org
        ]);
        if (!succeeded(templates)) {
            io.err(`✗ Cannot list the site templates: ${failureText(templates)}`);
            io.err('  Fix: Digital Experiences must be enabled and your user needs "Create and Set Up Experiences".');
            return 1;
        }
        const names = templates.json.result.templates.map((t) => t.templateName);
        if (!names.includes(TEMPLATE_NAME)) {
            io.err(
                `✗ The "${TEMPLATE_NAME}" template is not available in this org (it has: ${names.join(', ') || 'none'}).`
            );
            io.err(
                '  Fix: the org needs partner licenses (Partner Community) for the Partner Central template; ask your'
            );
            io.err('  Salesforce account team, or use a scratch org from config/project-scratch-def.json.');
            return 1;
        }
        io.out(
            `  ✓ Name "${options.name}", URL prefix "${options.urlPathPrefix}", template "${TEMPLATE_NAME}" available.`
        );

        io.out('\n== 2. Create the site');
        const create = await sf.run<{ name: string; jobId?: string; message: string }>([
            'community',
            'create',
            '--name',
            options.name,
            '--template-name',
            TEMPLATE_NAME,
            '--url-path-prefix',
            options.urlPathPrefix,
            '--description',
            options.description,
            '--target-org',
            org
        ]);
        if (!succeeded(create)) {
            io.err(`✗ sf community create failed: ${failureText(create)}`);
            io.err(
                '  Fix: read the message above (a taken URL or a missing permission are the usual causes) and run again.'
            );
            return 1;
        }
        const ready = await waitForSite(options, io, sf, create.json.result.jobId);
        if (!ready) {
            return 1;
        }
    }

    io.out('\n== 3. Publish the site');
    const publish = await sf.run<{ id: string; url: string; status?: string }>([
        'community',
        'publish',
        '--name',
        options.name,
        '--target-org',
        org
    ]);
    if (!succeeded(publish)) {
        io.err(`✗ sf community publish failed: ${failureText(publish)}`);
        io.err(`  Fix: open Setup > Digital Experiences > All Sites > "${options.name}" > Builder and press Publish;`);
        io.err('  the builder shows what blocks publishing.');
        return 1;
    }
    io.out(
        `  ✓ Publishing "${options.name}": ${publish.json.result.url} (Salesforce emails you when the changes are live).`
    );
    printBuilderSteps(io, options);
    return 0;
}

/** Polls the creation job (or, without a job id, the Network list) until the site exists. */
async function waitForSite(options: SiteOptions, io: Io, sf: Sf, jobId: string | undefined): Promise<boolean> {
    const deadline = Date.now() + options.timeoutMinutes * 60_000;
    const validJobId = jobId && /^[A-Za-z0-9]{15,18}$/.test(jobId) ? jobId : undefined;
    io.out(`  Waiting for Salesforce to build the site${validJobId ? ` (BackgroundOperation ${validJobId})` : ''}...`);
    for (;;) {
        if (validJobId) {
            const job = await sf.query<BackgroundOperationRecord>(
                `SELECT Id, Status, Error FROM BackgroundOperation WHERE Id = '${validJobId}'`,
                options.targetOrg
            );
            const record = succeeded(job) ? job.json.result.records[0] : undefined;
            if (record && FAILED_STATUSES.has(record.Status)) {
                io.err(`✗ Creating the site failed (${record.Status}): ${record.Error ?? 'no error text'}`);
                io.err('  Fix: correct the cause above, then run this script again.');
                return false;
            }
            if (record && DONE_STATUSES.has(record.Status)) {
                io.out('  ✓ Site created.');
                return true;
            }
            if (record) {
                io.out(`  ... ${record.Status}`);
            }
        } else {
            const site = await sf.query<NetworkRecord>(
                `SELECT Id, Name, UrlPathPrefix, Status FROM Network WHERE Name = ${soqlString(options.name)}`,
                options.targetOrg
            );
            if (succeeded(site) && site.json.result.totalSize > 0) {
                io.out('  ✓ Site created.');
                return true;
            }
            io.out('  ... not there yet');
        }
        if (Date.now() >= deadline) {
            io.err(`✗ The site was not ready after ${options.timeoutMinutes} minute(s).`);
            io.err(
                '  Fix: Salesforce stops a site creation job after 10 minutes. Look in Setup > Digital Experiences > All Sites:'
            );
            io.err('  if the site is there, run this script again to publish it; if not, run it again to retry.');
            return false;
        }
        await sleep(options.pollSeconds * 1000);
    }
}

if (require.main === module) {
    runCli('site:create', USAGE, parseArgs, createPartnerSite);
}
