/**
 * The fixture map: each component and the states the gallery shows it in. Data comes from the same
 * JSON fixtures as the component's jest tests (lwc/<bundle>/__tests__/data/*.json); expected text
 * comes from those fixtures and from the labels' English values.
 *
 * Adding a component = one entry below: its bundle, and per state the Apex answers (by `Class.method`),
 * the @api properties, and the text the page must then show.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApexAnswer, ApexFixture, GalleryState } from './shims/state';

/** What a state definition can ask for while it is being built. */
export interface StateContext {
    /** A fixture file of this component's tests, parsed. */
    fixture(file: string): unknown;
    /** A string inside a fixture, by dotted path (`rows.0.name`): expected text that follows the fixture. */
    text(file: string, path: string): string;
    /** A label's English value, with {0}, {1}... filled in as the component's formatLabel does. */
    label(name: string, ...args: Array<string | number>): string;
    /** Apex answers with this data. */
    data(value: unknown): ApexAnswer;
    /** Apex answers with a fixture file's content, or the part of it at a dotted path. */
    dataFrom(file: string, path?: string): ApexAnswer;
    /** Apex fails as the platform reports an AuraHandledException. */
    apexError(message: string): ApexAnswer;
    /** Apex has not answered yet: the component shows its loading state. */
    pending(): ApexAnswer;
    /** Apex answers by the value of one call parameter, e.g. byParam('listName', { owned: ... }). */
    byParam(param: string, answers: Record<string, ApexAnswer>): ApexFixture;
}

export interface StateDefinition {
    description: string;
    apex?: Record<string, ApexFixture>;
    props?: Record<string, unknown>;
    deniedPermissions?: string[];
    pageReference?: GalleryState['pageReference'];
    confirm?: boolean;
    expect: string[];
}

export interface ComponentEntry {
    bundle: string;
    states: (ctx: StateContext) => Record<string, StateDefinition>;
}

const ONBOARDING = 'PartnerOnboardingController';
const BULK = 'BulkReassignmentController';
const DISTRIBUTION = 'DistributionController';
const INBOX = 'LeadsInboxController';
const STATS = 'PartnerLeadStatsController';
const LEAD_ID = '00Q000000000001AAA';
const GROUP_ID = 'a01000000000001AAA';

export const CATALOG: ComponentEntry[] = [
    {
        bundle: 'errorPanel',
        states: (ctx) => ({
            details: {
                description: 'A friendly headline over the Apex error it explains',
                props: {
                    errors: { body: { message: 'The owner of Bluebird Resellers has no role.' }, status: 400 },
                    friendlyMessage: ctx.label('Onboarding_UI_Enable_Error', 'Bluebird Resellers')
                },
                expect: [
                    ctx.label('Onboarding_UI_Enable_Error', 'Bluebird Resellers'),
                    ctx.label('Common_Error_Show_Details')
                ]
            },
            generic: {
                description: 'No friendly message given: the generic headline',
                props: { errors: 'Something failed' },
                expect: [ctx.label('Common_Error_Generic')]
            }
        })
    },
    {
        bundle: 'partnerAccounts',
        states: (ctx) => ({
            data: {
                description: 'A page of accounts, partners and not, one owner without a role',
                apex: { [`${ONBOARDING}.searchAccounts`]: ctx.dataFrom('searchAccounts.json') },
                expect: [
                    ctx.label('Onboarding_Accounts_Title'),
                    ctx.text('searchAccounts.json', 'rows.0.name'),
                    ctx.text('searchAccounts.json', 'rows.0.channelManagerName'),
                    ctx.text('searchAccounts.json', 'rows.2.name'),
                    ctx.label('Onboarding_Pagination_Status', 1, 3, 60)
                ]
            },
            empty: {
                description: 'No accounts at all',
                apex: {
                    [`${ONBOARDING}.searchAccounts`]: ctx.data({
                        rows: [],
                        total: 0,
                        pageSize: 25,
                        pageNumber: 1,
                        totalCapped: false
                    })
                },
                expect: [ctx.label('Onboarding_Accounts_Empty')]
            },
            capped: {
                description: 'More matches than can be paged through: asks to narrow the search',
                apex: {
                    [`${ONBOARDING}.searchAccounts`]: ctx.data({
                        ...(ctx.fixture('searchAccounts.json') as object),
                        total: 2025,
                        totalCapped: true
                    })
                },
                expect: [
                    ctx.text('searchAccounts.json', 'rows.1.name'),
                    ctx.label('Onboarding_Accounts_Total_Capped', 2025)
                ]
            },
            error: {
                description: 'The accounts cannot be loaded',
                apex: {
                    [`${ONBOARDING}.searchAccounts`]: ctx.apexError(
                        'You need the Partner Desk Channel Manager permission set.'
                    )
                },
                expect: [ctx.label('Onboarding_UI_Accounts_Load_Error')]
            },
            loading: {
                description: 'Waiting for the first page',
                apex: { [`${ONBOARDING}.searchAccounts`]: ctx.pending() },
                expect: [ctx.label('Onboarding_Accounts_Title')]
            }
        })
    },
    {
        bundle: 'partnerUsers',
        states: (ctx) => ({
            data: {
                description: "An account's contacts in every partner user status",
                props: { accountId: '001000000000001AAA', accountName: 'Acme Distribution' },
                apex: {
                    [`${ONBOARDING}.getPartnerContacts`]: ctx.dataFrom('getPartnerContacts.json'),
                    [`${ONBOARDING}.getEnableUserOptions`]: ctx.dataFrom('getEnableUserOptions.json')
                },
                expect: [
                    ctx.text('getPartnerContacts.json', '0.name'),
                    ctx.text('getPartnerContacts.json', '1.name'),
                    ctx.text('getPartnerContacts.json', '1.username'),
                    ctx.label('Onboarding_Status_Active_Logged_In')
                ]
            },
            empty: {
                description: 'The account has no contacts',
                props: { accountId: '001000000000001AAA', accountName: 'Acme Distribution' },
                apex: { [`${ONBOARDING}.getPartnerContacts`]: ctx.data([]) },
                expect: [ctx.label('Onboarding_Users_Empty')]
            },
            error: {
                description: 'The contacts cannot be loaded',
                props: { accountId: '001000000000001AAA', accountName: 'Acme Distribution' },
                apex: {
                    [`${ONBOARDING}.getPartnerContacts`]: ctx.apexError(
                        "The account wasn't found, or you don't have access to it."
                    )
                },
                expect: [ctx.label('Onboarding_UI_Users_Load_Error')]
            }
        })
    },
    {
        bundle: 'bulkReassignmentConsole',
        states: (ctx) => ({
            data: {
                description: 'Groups, queues and statuses to choose from, and the recent jobs',
                apex: {
                    [`${BULK}.getConsoleOptions`]: ctx.dataFrom('getConsoleOptions.json'),
                    [`${BULK}.listRecentJobs`]: ctx.dataFrom('listRecentJobs.json')
                },
                expect: [
                    ctx.label('BulkConsole_Title'),
                    ctx.text('listRecentJobs.json', '0.name'),
                    ctx.label('BulkConsole_Start_Dry_Run')
                ]
            },
            empty: {
                description: 'No active distribution group and no jobs yet',
                apex: {
                    [`${BULK}.getConsoleOptions`]: ctx.data({
                        ...(ctx.fixture('getConsoleOptions.json') as object),
                        groups: []
                    }),
                    [`${BULK}.listRecentJobs`]: ctx.data([])
                },
                expect: [ctx.label('BulkConsole_No_Groups'), ctx.label('BulkConsole_No_Jobs')]
            },
            error: {
                description: 'The options cannot be loaded',
                apex: {
                    [`${BULK}.getConsoleOptions`]: ctx.apexError('No access to Distribution_Group__c'),
                    [`${BULK}.listRecentJobs`]: ctx.data([])
                },
                expect: [ctx.label('BulkConsole_Error_Load')]
            }
        })
    },
    {
        bundle: 'partnerQueues',
        states: (ctx) => ({
            data: {
                description: 'Partner queues with their backlog, and accounts that have none yet',
                apex: {
                    [`${DISTRIBUTION}.getPartnerQueues`]: ctx.dataFrom('getPartnerQueues.json'),
                    [`${DISTRIBUTION}.getAccountsWithoutQueue`]: ctx.dataFrom('getAccountsWithoutQueue.json')
                },
                expect: [
                    ctx.label('Distribution_Queues_Title'),
                    ctx.text('getPartnerQueues.json', '0.name'),
                    ctx.text('getPartnerQueues.json', '1.name')
                ]
            },
            empty: {
                description: 'No partner queue yet',
                apex: {
                    [`${DISTRIBUTION}.getPartnerQueues`]: ctx.data([]),
                    [`${DISTRIBUTION}.getAccountsWithoutQueue`]: ctx.dataFrom('getAccountsWithoutQueue.json')
                },
                expect: [ctx.label('Distribution_Queues_Empty')]
            },
            error: {
                description: 'The queues cannot be loaded',
                apex: {
                    [`${DISTRIBUTION}.getPartnerQueues`]: ctx.apexError(
                        'You do not have access to distribution groups.'
                    ),
                    [`${DISTRIBUTION}.getAccountsWithoutQueue`]: ctx.dataFrom('getAccountsWithoutQueue.json')
                },
                expect: [ctx.label('Distribution_Queues_Load_Error')]
            },
            'no-permission': {
                description: 'A user without the Manage Partner Queues custom permission',
                apex: {
                    [`${DISTRIBUTION}.getPartnerQueues`]: ctx.dataFrom('getPartnerQueues.json'),
                    [`${DISTRIBUTION}.getAccountsWithoutQueue`]: ctx.dataFrom('getAccountsWithoutQueue.json')
                },
                deniedPermissions: ['Partner_Desk_Manage_Partner_Queues'],
                expect: [ctx.text('getPartnerQueues.json', '0.name'), ctx.label('Distribution_Queues_No_Permission')]
            }
        })
    },
    {
        bundle: 'distributionGroupEditor',
        states: (ctx) => ({
            data: {
                description: 'Members with their load and problems, the preview and the share chart',
                props: { recordId: GROUP_ID },
                apex: {
                    [`${DISTRIBUTION}.getGroupEditorData`]: ctx.dataFrom('getGroupEditorData.json'),
                    [`${DISTRIBUTION}.getPreview`]: ctx.dataFrom('getPreview.json'),
                    [`${DISTRIBUTION}.getShareChart`]: ctx.dataFrom('getShareChart.json')
                },
                expect: [
                    ctx.label('Distribution_Editor_Title'),
                    ctx.text('getGroupEditorData.json', 'members.0.ownerName')
                ]
            },
            empty: {
                description: 'A group without members',
                props: { recordId: GROUP_ID },
                apex: {
                    [`${DISTRIBUTION}.getGroupEditorData`]: ctx.data({
                        ...(ctx.fixture('getGroupEditorData.json') as object),
                        members: []
                    }),
                    [`${DISTRIBUTION}.getPreview`]: ctx.data([
                        { position: 1, ownerId: null, ownerName: null, reason: 'NO_ELIGIBLE_MEMBER' }
                    ]),
                    [`${DISTRIBUTION}.getShareChart`]: ctx.data([])
                },
                expect: [ctx.label('Distribution_Editor_Empty')]
            },
            error: {
                description: 'The group cannot be loaded',
                props: { recordId: GROUP_ID },
                apex: {
                    [`${DISTRIBUTION}.getGroupEditorData`]: ctx.apexError(
                        'The distribution group was not found, or you cannot see it.'
                    ),
                    [`${DISTRIBUTION}.getPreview`]: ctx.data([]),
                    [`${DISTRIBUTION}.getShareChart`]: ctx.data([])
                },
                expect: [ctx.label('Distribution_Editor_Load_Error')]
            }
        })
    },
    {
        bundle: 'assignToPartner',
        states: (ctx) => ({
            data: {
                description: 'The quick action on a lead: groups, queues and ready partner users',
                props: { recordId: LEAD_ID },
                apex: { [`${DISTRIBUTION}.getAssignOptions`]: ctx.dataFrom('getAssignOptions.json') },
                expect: [
                    ctx.label('Distribution_Assign_Title'),
                    ctx.label(
                        'Distribution_Assign_Current_Owner',
                        ctx.text('getAssignOptions.json', 'currentOwnerName')
                    )
                ]
            },
            error: {
                description: 'The lead cannot be read',
                props: { recordId: LEAD_ID },
                apex: {
                    [`${DISTRIBUTION}.getAssignOptions`]: ctx.apexError('The lead was not found, or you cannot see it.')
                },
                expect: [ctx.label('Distribution_Assign_Load_Error')]
            }
        })
    },
    {
        bundle: 'distributeLeads',
        states: (ctx) => ({
            data: {
                description: 'Three selected leads and the active groups to distribute them by',
                props: { leadIds: [LEAD_ID, '00Q000000000002AAA', '00Q000000000003AAA'] },
                apex: { [`${DISTRIBUTION}.getActiveGroups`]: ctx.dataFrom('getActiveGroups.json') },
                expect: [ctx.label('Distribution_Distribute_Title'), ctx.label('Distribution_Distribute_Selected', 3)]
            },
            empty: {
                description: 'No active distribution group',
                props: { leadIds: [LEAD_ID] },
                apex: { [`${DISTRIBUTION}.getActiveGroups`]: ctx.data([]) },
                expect: [ctx.label('Distribution_Distribute_No_Groups')]
            },
            error: {
                description: 'The groups cannot be loaded',
                props: { leadIds: [LEAD_ID] },
                apex: {
                    [`${DISTRIBUTION}.getActiveGroups`]: ctx.apexError('You do not have access to distribution groups.')
                },
                expect: [ctx.label('Distribution_Distribute_Groups_Error')]
            }
        })
    },
    {
        bundle: 'leadsInbox',
        states: (ctx) => ({
            data: {
                description: "A partner user's inbox: leads waiting in their queues, and their own",
                apex: {
                    [`${INBOX}.getInboxOptions`]: ctx.dataFrom('getInboxOptions.json'),
                    [`${INBOX}.getInboxPage`]: ctx.byParam('listName', {
                        waiting: ctx.dataFrom('getInboxPage.json', 'waiting'),
                        owned: ctx.dataFrom('getInboxPage.json', 'owned')
                    })
                },
                expect: [
                    ctx.label('Inbox_Title'),
                    ctx.text('getInboxPage.json', 'waiting.rows.0.name'),
                    ctx.text('getInboxPage.json', 'waiting.rows.0.company'),
                    ctx.text('getInboxPage.json', 'waiting.rows.2.name')
                ]
            },
            empty: {
                description: 'Nothing waiting and nothing owned',
                apex: {
                    [`${INBOX}.getInboxOptions`]: ctx.dataFrom('getInboxOptions.json'),
                    [`${INBOX}.getInboxPage`]: ctx.byParam('listName', {
                        waiting: ctx.dataFrom('getInboxPage.json', 'empty'),
                        owned: ctx.dataFrom('getInboxPage.json', 'empty')
                    })
                },
                expect: [ctx.label('Inbox_Empty_Waiting')]
            },
            error: {
                description: 'The leads cannot be loaded',
                apex: {
                    [`${INBOX}.getInboxOptions`]: ctx.dataFrom('getInboxOptions.json'),
                    [`${INBOX}.getInboxPage`]: ctx.apexError('You do not have access to leads.')
                },
                expect: [ctx.label('Inbox_Error_Load')]
            }
        })
    },
    {
        bundle: 'partnerLeadStats',
        states: (ctx) => ({
            data: {
                description: "A partner account's lead figures for the last 30 and 90 days",
                props: { recordId: '001000000000001AAA' },
                apex: { [`${STATS}.getPartnerLeadStats`]: ctx.dataFrom('getPartnerLeadStats.json', 'partner') },
                expect: [
                    ctx.label('Inbox_Stats_Title'),
                    ctx.text('getPartnerLeadStats.json', 'partner.periods.0.returnsByReason.0.label')
                ]
            },
            'not-partner': {
                description: 'An account without partner users',
                props: { recordId: '001000000000002AAA' },
                apex: { [`${STATS}.getPartnerLeadStats`]: ctx.dataFrom('getPartnerLeadStats.json', 'notPartner') },
                expect: [ctx.label('Inbox_Stats_Not_Partner')]
            },
            error: {
                description: 'The figures cannot be loaded',
                props: { recordId: '001000000000001AAA' },
                apex: { [`${STATS}.getPartnerLeadStats`]: ctx.apexError('No access') },
                expect: [ctx.label('Inbox_Stats_Error')]
            }
        })
    }
];

const DEFAULT_PAGE_REFERENCE: GalleryState['pageReference'] = {
    type: 'standard__navItemPage',
    attributes: { apiName: 'Partner_Desk' },
    state: {}
};

/** `partnerAccounts` -> `c-partner-accounts`. */
export function tagOf(bundle: string): string {
    return `c-${bundle.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** {0}, {1}... as the components' formatLabel helpers fill them. */
export function formatLabel(template: string, args: Array<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) =>
        args[Number(index)] === undefined ? whole : String(args[Number(index)])
    );
}

function valueAt(root: unknown, path: string, where: string): unknown {
    let value = root;
    for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object' || !(key in value)) {
            throw new Error(`${where} has nothing at ${path}`);
        }
        value = (value as Record<string, unknown>)[key];
    }
    return value;
}

/** Where a component's bundle is, and whether it exists yet. */
export function bundleSource(bundles: Map<string, string>, bundle: string): string | undefined {
    const dir = bundles.get(bundle);
    const source = dir && join(dir, `${bundle}.ts`);
    return source && existsSync(source) ? source : undefined;
}

/** The states of one component, fixtures read and labels resolved. */
export function resolveStates(
    entry: ComponentEntry,
    bundles: Map<string, string>,
    labels: Map<string, string>
): GalleryState[] {
    const dataDir = join(bundles.get(entry.bundle) ?? entry.bundle, '__tests__', 'data');
    const cache = new Map<string, unknown>();
    const fixture = (file: string): unknown => {
        if (!cache.has(file)) {
            const path = join(dataDir, file);
            if (!existsSync(path)) {
                throw new Error(`${entry.bundle}: fixture ${path} does not exist`);
            }
            cache.set(file, JSON.parse(readFileSync(path, 'utf8')));
        }
        return JSON.parse(JSON.stringify(cache.get(file)));
    };
    const ctx: StateContext = {
        fixture,
        text: (file, path) => {
            const value = valueAt(fixture(file), path, `${entry.bundle}/__tests__/data/${file}`);
            if (typeof value !== 'string' && typeof value !== 'number') {
                throw new Error(`${entry.bundle}/__tests__/data/${file} has no text at ${path}`);
            }
            return String(value);
        },
        label: (name, ...args) => {
            const value = labels.get(name);
            if (value === undefined) {
                throw new Error(`${entry.bundle}: label ${name} is in no labels file of force-app`);
            }
            return formatLabel(value, args);
        },
        data: (value) => ({ data: value }),
        dataFrom: (file, path) => ({
            data: path ? valueAt(fixture(file), path, `${entry.bundle}/__tests__/data/${file}`) : fixture(file)
        }),
        apexError: (message) => ({ error: { body: { message }, ok: false, status: 400, statusText: 'Bad Request' } }),
        pending: () => ({ pending: true }),
        byParam: (param, answers) => ({ byParam: param, answers })
    };
    return Object.entries(entry.states(ctx)).map(([state, definition]) => ({
        component: entry.bundle,
        tag: tagOf(entry.bundle),
        state,
        description: definition.description,
        props: definition.props ?? {},
        apex: definition.apex ?? {},
        deniedPermissions: definition.deniedPermissions ?? [],
        pageReference: definition.pageReference ?? DEFAULT_PAGE_REFERENCE,
        confirm: definition.confirm ?? true,
        expect: definition.expect
    }));
}
