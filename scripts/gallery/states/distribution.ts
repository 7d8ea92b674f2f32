/**
 * Gallery states of the distribution wing: partner queues, the distribution group editor (with its
 * preview), assigning one lead, distributing several, and a partner account's lead figures.
 */
import type { ComponentEntry } from '../catalog';
import { loadFailures } from './failures';

const LEAD_ID = '00Q000000000001AAA';
const GROUP_ID = 'a01000000000001AAA';
const PARTNER_ACCOUNT_ID = '001000000000001AAA';

export const DISTRIBUTION_STATES: ComponentEntry[] = [
    {
        bundle: 'partnerQueues',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'Partner queues with their backlog, and accounts that have none yet',
                apex: {
                    getPartnerQueues: ctx.dataFrom('getPartnerQueues.json'),
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null)
                },
                shot: 'distribution-queues',
                expect: [
                    ctx.label('Distribution_Queues_Title'),
                    ctx.text('getPartnerQueues.json', '0.name'),
                    ctx.text('getPartnerQueues.json', '1.name')
                ]
            },
            loading: {
                description: 'Waiting for the queues',
                apex: {
                    getPartnerQueues: ctx.pending(),
                    getPartnerQueuesCapNotice: ctx.pending(),
                    getAccountsWithoutQueue: ctx.pending(),
                    getAccountsCapNotice: ctx.pending()
                },
                expect: [ctx.label('Distribution_Queues_Title')]
            },
            empty: {
                description: 'No partner queue yet',
                apex: {
                    getPartnerQueues: ctx.data([]),
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null)
                },
                expect: [ctx.label('Distribution_Queues_Empty')]
            },
            error: loadFailures(ctx, {
                methods: ['getPartnerQueues'],
                message: 'The request timed out.',
                apex: {
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null)
                },
                expect: [ctx.label('Distribution_Queues_Load_Error')]
            }).error,
            capped: {
                description: 'More partner queues than the list holds: it says some may be missing',
                apex: {
                    getPartnerQueues: ctx.dataFrom('getPartnerQueues.json'),
                    getPartnerQueuesCapNotice: ctx.data(ctx.label('Distribution_List_Capped', '1000')),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null)
                },
                expect: [ctx.label('Distribution_List_Capped', '1000'), ctx.text('getPartnerQueues.json', '0.name')]
            },
            'accounts-capped': {
                description: 'More partner accounts without a queue than the picker holds: it says some may be missing',
                apex: {
                    getPartnerQueues: ctx.dataFrom('getPartnerQueues.json'),
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(ctx.label('Distribution_List_Capped', '200'))
                },
                expect: [ctx.label('Distribution_List_Capped', '200'), ctx.label('Distribution_Queues_Create_Title')]
            },
            // Queues are managed by custom permission: without it the list shows, and creating a queue is refused.
            'no-permission': {
                description: 'A user without the Manage Partner Queues custom permission',
                apex: {
                    getPartnerQueues: ctx.dataFrom('getPartnerQueues.json'),
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null)
                },
                deniedPermissions: ['Partner_Desk_Manage_Partner_Queues'],
                expect: [ctx.text('getPartnerQueues.json', '0.name'), ctx.label('Distribution_Queues_No_Permission')]
            },
            'create-queue': {
                description: 'Key path: create the partner queue of an account that has none',
                apex: {
                    getPartnerQueues: ctx.dataFrom('getPartnerQueues.json'),
                    getPartnerQueuesCapNotice: ctx.data(null),
                    getAccountsWithoutQueue: ctx.dataFrom('getAccountsWithoutQueue.json'),
                    getAccountsCapNotice: ctx.data(null),
                    createPartnerQueue: ctx.dataFrom('createPartnerQueue.json')
                },
                steps: [
                    {
                        choose: 'lightning-combobox.account',
                        option: ctx.text('getAccountsWithoutQueue.json', '0.label')
                    },
                    { click: 'lightning-button.create-button button' }
                ],
                expectCalls: ['createPartnerQueue'],
                expect: [
                    ctx.label(
                        'Distribution_Queues_Created',
                        ctx.text('createPartnerQueue.json', 'name'),
                        ctx.text('createPartnerQueue.json', 'memberCount')
                    )
                ]
            }
        })
    },
    {
        bundle: 'distributionGroupEditor',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'Members with their load and problems, the preview and the share chart',
                props: { recordId: GROUP_ID },
                apex: {
                    getGroupEditorData: ctx.dataFrom('getGroupEditorData.json'),
                    getPreview: ctx.dataFrom('getPreview.json'),
                    getShareChart: ctx.dataFrom('getShareChart.json')
                },
                shot: 'distribution-group-editor',
                expect: [
                    ctx.label('Distribution_Editor_Title'),
                    ctx.text('getGroupEditorData.json', 'members.0.ownerName'),
                    ctx.label('Distribution_Preview_Title')
                ]
            },
            loading: {
                description: 'Waiting for the group',
                props: { recordId: GROUP_ID },
                apex: { getGroupEditorData: ctx.pending(), getPreview: ctx.pending(), getShareChart: ctx.pending() },
                expect: [ctx.label('Distribution_Editor_Title')]
            },
            empty: {
                description: 'A group without members',
                props: { recordId: GROUP_ID },
                apex: {
                    getGroupEditorData: ctx.data({
                        ...(ctx.fixture('getGroupEditorData.json') as object),
                        members: []
                    }),
                    getPreview: ctx.data([
                        { position: 1, ownerId: null, ownerName: null, reason: 'NO_ELIGIBLE_MEMBER' }
                    ]),
                    getShareChart: ctx.data([])
                },
                expect: [ctx.label('Distribution_Editor_Empty')]
            },
            ...loadFailures(ctx, {
                methods: ['getGroupEditorData', 'getPreview', 'getShareChart'],
                message: 'The distribution group was not found, or you cannot see it.',
                props: { recordId: GROUP_ID },
                expect: [ctx.label('Distribution_Editor_Load_Error')]
            }),
            preview: {
                description: 'Key path: preview the next assignments again after a change',
                props: { recordId: GROUP_ID },
                apex: {
                    getGroupEditorData: ctx.dataFrom('getGroupEditorData.json'),
                    getPreview: ctx.dataFrom('getPreview.json'),
                    getShareChart: ctx.dataFrom('getShareChart.json')
                },
                steps: [
                    { waitForText: ctx.text('getPreview.json', '0.ownerName') },
                    { click: 'lightning-button-icon.refresh-preview button' }
                ],
                expectCalls: ['getPreview', 'getPreview'],
                expect: [ctx.label('Distribution_Preview_Title'), ctx.text('getPreview.json', '3.ownerName')]
            }
        })
    },
    {
        bundle: 'assignToPartner',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'The quick action on a lead: groups, queues and ready partner users',
                props: { recordId: LEAD_ID },
                apex: { getAssignOptions: ctx.dataFrom('getAssignOptions.json') },
                shot: 'distribution-assign',
                expect: [
                    ctx.label('Distribution_Assign_Title'),
                    ctx.label(
                        'Distribution_Assign_Current_Owner',
                        ctx.text('getAssignOptions.json', 'currentOwnerName')
                    )
                ]
            },
            loading: {
                description: 'Waiting for the options',
                props: { recordId: LEAD_ID },
                apex: { getAssignOptions: ctx.pending() },
                expect: [ctx.label('Distribution_Assign_Title')]
            },
            ...loadFailures(ctx, {
                methods: ['getAssignOptions'],
                message: 'The lead was not found, or you cannot see it.',
                props: { recordId: LEAD_ID },
                expect: [ctx.label('Distribution_Assign_Load_Error')]
            }),
            assign: {
                description: 'Key path: assign the lead through a distribution group',
                props: { recordId: LEAD_ID },
                apex: {
                    getAssignOptions: ctx.dataFrom('getAssignOptions.json'),
                    assignToPartner: ctx.dataFrom('assignToPartner.json')
                },
                steps: [
                    {
                        choose: 'lightning-combobox.target',
                        option: ctx.text('getAssignOptions.json', 'groups.0.label')
                    },
                    { click: 'lightning-button.assign button' }
                ],
                expectCalls: ['assignToPartner'],
                expect: [ctx.label('Distribution_Assign_Success', ctx.text('assignToPartner.json', 'ownerName'))]
            }
        })
    },
    {
        bundle: 'distributeLeads',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'Three selected leads and the active groups to distribute them by',
                props: { leadIds: [LEAD_ID, '00Q000000000002AAA', '00Q000000000003AAA'] },
                apex: { getActiveGroups: ctx.dataFrom('getActiveGroups.json'), getGroupsCapNotice: ctx.data(null) },
                shot: 'distribution-distribute',
                expect: [ctx.label('Distribution_Distribute_Title'), ctx.label('Distribution_Distribute_Selected', 3)]
            },
            loading: {
                description: 'Waiting for the groups',
                props: { leadIds: [LEAD_ID] },
                apex: { getActiveGroups: ctx.pending(), getGroupsCapNotice: ctx.pending() },
                expect: [ctx.label('Distribution_Distribute_Title')]
            },
            empty: {
                description: 'No active distribution group',
                props: { leadIds: [LEAD_ID] },
                apex: { getActiveGroups: ctx.data([]), getGroupsCapNotice: ctx.data(null) },
                expect: [ctx.label('Distribution_Distribute_No_Groups')]
            },
            capped: {
                description: 'More groups than the picker holds: it says some may be missing',
                props: { leadIds: [LEAD_ID] },
                apex: {
                    getActiveGroups: ctx.dataFrom('getActiveGroups.json'),
                    getGroupsCapNotice: ctx.data(ctx.label('Distribution_List_Capped', '1000'))
                },
                expect: [ctx.label('Distribution_List_Capped', '1000')]
            },
            ...loadFailures(ctx, {
                methods: ['getActiveGroups'],
                message: 'The request timed out.',
                props: { leadIds: [LEAD_ID] },
                apex: { getGroupsCapNotice: ctx.data(null) },
                expect: [ctx.label('Distribution_Distribute_Groups_Error')]
            }),
            distribute: {
                description: 'Key path: distribute the three leads by one group; the result per lead',
                props: { leadIds: [LEAD_ID, '00Q000000000002AAA', '00Q000000000003AAA'] },
                apex: {
                    getActiveGroups: ctx.dataFrom('getActiveGroups.json'),
                    getGroupsCapNotice: ctx.data(null),
                    distributeLeads: ctx.dataFrom('distributeLeads.json')
                },
                steps: [
                    { choose: 'lightning-combobox.group', option: ctx.text('getActiveGroups.json', '0.label') },
                    { click: 'lightning-button.distribute button' }
                ],
                expectCalls: ['distributeLeads'],
                expect: [ctx.label('Distribution_Distribute_Result', 2, 1, 0)]
            }
        })
    },
    {
        bundle: 'partnerLeadStats',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description:
                    "A partner account's lead figures for the last 30 and 90 days, with registrations, conversions, rate and pipeline",
                props: { recordId: PARTNER_ACCOUNT_ID },
                apex: { getPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'partner') },
                shot: 'distribution-stats',
                expect: [
                    ctx.label('Inbox_Stats_Title'),
                    ctx.text('getPartnerLeadStats.json', 'partner.periods.0.returnsByReason.0.label'),
                    ctx.label('Inbox_Stats_Registrations_Approved'),
                    ctx.label('Inbox_Stats_Conversion_Rate'),
                    ctx.label('Inbox_Stats_Pipeline')
                ]
            },
            mine: {
                description: "Partner site: a partner user's own account's figures",
                props: { mine: true },
                apex: { getMyPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'mine') },
                expect: [
                    ctx.label('Inbox_Stats_My_Title'),
                    ctx.label('Inbox_Stats_Converted'),
                    ctx.label('Inbox_Stats_Pipeline')
                ]
            },
            'mine-empty': {
                description: 'Partner site: nothing came in yet, so no conversion rate',
                props: { mine: true },
                apex: { getMyPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'mineEmpty') },
                expect: [ctx.label('Inbox_Stats_My_Title'), ctx.label('Inbox_Stats_No_Rate')]
            },
            'mine-not-partner': {
                description: 'Partner site: a user of no partner account',
                props: { mine: true },
                apex: { getMyPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'noAccount') },
                expect: [ctx.label('Inbox_Stats_Not_Partner')]
            },
            ...Object.fromEntries(
                Object.entries(
                    loadFailures(ctx, {
                        methods: ['getMyPartnerLeadStats'],
                        message: 'The request timed out.',
                        props: { mine: true },
                        permissionSet: 'Partner Desk Partner',
                        expect: [ctx.label('Inbox_Stats_Error')]
                    })
                ).map(([name, state]) => [`mine-${name}`, state])
            ),
            loading: {
                description: 'Waiting for the figures',
                props: { recordId: PARTNER_ACCOUNT_ID },
                apex: { getPartnerLeadStats: ctx.pending() },
                expect: [ctx.label('Inbox_Stats_Title')]
            },
            'not-partner': {
                description: 'An account without partner users: nothing to count',
                props: { recordId: '001000000000002AAA' },
                apex: { getPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'notPartner') },
                expect: [ctx.label('Inbox_Stats_Not_Partner')]
            },
            ...loadFailures(ctx, {
                methods: ['getPartnerLeadStats'],
                message: 'The request timed out.',
                props: { recordId: PARTNER_ACCOUNT_ID },
                expect: [ctx.label('Inbox_Stats_Error')]
            }),
            refresh: {
                description: 'Key path: refresh the figures',
                props: { recordId: PARTNER_ACCOUNT_ID },
                apex: { getPartnerLeadStats: ctx.dataFrom('getPartnerLeadStats.json', 'partner') },
                steps: [
                    { waitForText: ctx.text('getPartnerLeadStats.json', 'partner.periods.0.returnsByReason.0.label') },
                    { click: 'lightning-button-icon button' }
                ],
                expect: [ctx.label('Inbox_Stats_Title')]
            }
        })
    },
    {
        bundle: 'routingDoctor',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'Why this owner: history, the replay with each member and who would get the lead now',
                shot: 'distribution-routing-doctor',
                props: { recordId: LEAD_ID },
                apex: { getDiagnosis: ctx.dataFrom('getDiagnosis.json', 'routed') },
                expect: [
                    ctx.label('Doctor_Title'),
                    ctx.label('Doctor_Would_Go_To', ctx.text('getDiagnosis.json', 'routed.wouldGoTo'))
                ]
            },
            loading: {
                description: 'Waiting for the diagnosis',
                props: { recordId: LEAD_ID },
                apex: { getDiagnosis: ctx.pending() },
                expect: [ctx.label('Doctor_Title')]
            },
            unrouted: {
                description: 'A lead Partner Desk never routed and no group matches; no permission to route it now',
                props: { recordId: LEAD_ID },
                apex: { getDiagnosis: ctx.dataFrom('getDiagnosis.json', 'unrouted') },
                expect: [ctx.label('Doctor_No_History'), ctx.label('Doctor_No_Group'), ctx.label('Doctor_Nobody')]
            },
            ...loadFailures(ctx, {
                methods: ['getDiagnosis'],
                message: 'You do not have access to distribution groups.',
                props: { recordId: LEAD_ID },
                expect: [ctx.label('Doctor_Error')]
            }),
            'route-now': {
                description: 'Key path: route the lead now',
                props: { recordId: LEAD_ID },
                apex: {
                    getDiagnosis: ctx.dataFrom('getDiagnosis.json', 'routed'),
                    routeNow: ctx.data({ assigned: 1, noEligible: 0, fallback: 0, notMatched: 0, outcomes: [] })
                },
                steps: [{ waitForText: ctx.label('Doctor_Route_Now') }, { click: 'lightning-button.route-now button' }],
                expectCalls: ['routeNow'],
                expect: [ctx.label('Doctor_Title')]
            }
        })
    },
    {
        bundle: 'routingHealth',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'Routing health: problems first, each with what to do',
                shot: 'distribution-routing-health',
                apex: { getChecks: ctx.dataFrom('getChecks.json', 'mixed') },
                expect: [ctx.label('Health_Title'), ctx.text('getChecks.json', 'mixed.0.detail')]
            },
            healthy: {
                description: 'Every check passed',
                apex: { getChecks: ctx.dataFrom('getChecks.json', 'healthy') },
                expect: [ctx.label('Health_All_Ok')]
            },
            loading: {
                description: 'Running the checks',
                apex: { getChecks: ctx.pending() },
                expect: [ctx.label('Health_Title')]
            },
            ...loadFailures(ctx, {
                methods: ['getChecks'],
                message: 'You do not have access to distribution groups.',
                expect: [ctx.label('Health_Error')]
            }),
            refresh: {
                description: 'Key path: run the checks again',
                apex: { getChecks: ctx.dataFrom('getChecks.json', 'mixed') },
                steps: [
                    { waitForText: ctx.text('getChecks.json', 'mixed.0.detail') },
                    { click: 'lightning-button-icon button' }
                ],
                expectCalls: ['getChecks', 'getChecks'],
                expect: [ctx.label('Health_Title')]
            }
        })
    }
];
