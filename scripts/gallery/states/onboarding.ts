/** Gallery states of the onboarding wing: partner accounts (with the enable pre-checks) and partner users. */
import type { ComponentEntry } from '../catalog';
import { loadFailures } from './failures';

const ACCOUNT_ID = '001000000000001AAA';
const ACCOUNT = { accountId: ACCOUNT_ID, accountName: 'Acme Distribution' };

export const ONBOARDING_STATES: ComponentEntry[] = [
    {
        bundle: 'partnerAccounts',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: 'A page of accounts, partners and not, one owner without a role',
                apex: { searchAccounts: ctx.dataFrom('searchAccounts.json') },
                shot: 'onboarding-accounts',
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
                    searchAccounts: ctx.data({ rows: [], total: 0, pageSize: 25, pageNumber: 1, totalCapped: false })
                },
                expect: [ctx.label('Onboarding_Accounts_Empty')]
            },
            capped: {
                description: 'More matches than can be paged through: asks to narrow the search',
                apex: {
                    searchAccounts: ctx.data({
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
            ...loadFailures(ctx, {
                methods: ['searchAccounts'],
                message: 'The search failed: the request timed out.',
                expect: [ctx.label('Onboarding_UI_Accounts_Load_Error')]
            }),
            loading: {
                description: 'Waiting for the first page',
                apex: { searchAccounts: ctx.pending() },
                expect: [ctx.label('Onboarding_Accounts_Title')]
            },
            'enable-precheck': {
                description: 'The pre-checks before Bluebird Resellers becomes a partner account: all pass',
                apex: {
                    searchAccounts: ctx.dataFrom('searchAccounts.json'),
                    checkEnablePartner: ctx.dataFrom('checkEnablePartner.json')
                },
                steps: [
                    { click: 'lightning-datatable tbody tr:nth-child(2) lightning-primitive-cell-actions button' },
                    { click: `lightning-menu-item:has-text("${ctx.label('Onboarding_Action_Enable_Partner')}")` },
                    { waitForText: ctx.text('checkEnablePartner.json', 'checks.1.message') }
                ],
                shot: 'onboarding-precheck',
                expectCalls: ['checkEnablePartner'],
                expect: [
                    ctx.label('Onboarding_Precheck_Title'),
                    ctx.text('checkEnablePartner.json', 'checks.0.message'),
                    ctx.text('checkEnablePartner.json', 'checks.1.message')
                ]
            },
            'enable-partner': {
                description: 'Key path: the pre-checks pass, and Bluebird Resellers becomes a partner account',
                apex: {
                    searchAccounts: ctx.dataFrom('searchAccounts.json'),
                    checkEnablePartner: ctx.dataFrom('checkEnablePartner.json'),
                    enablePartner: ctx.dataFrom('enablePartner.json')
                },
                steps: [
                    { click: 'lightning-datatable tbody tr:nth-child(2) lightning-primitive-cell-actions button' },
                    { click: `lightning-menu-item:has-text("${ctx.label('Onboarding_Action_Enable_Partner')}")` },
                    { click: 'lightning-button.confirm-enable button' }
                ],
                expectCalls: ['checkEnablePartner', 'enablePartner'],
                expect: [ctx.label('Onboarding_Enable_Partner_Success', ctx.text('enablePartner.json', 'name'))]
            },
            'enable-refused': {
                description: 'The pre-checks refuse: the owner has no role',
                apex: {
                    searchAccounts: ctx.dataFrom('searchAccounts.json'),
                    checkEnablePartner: ctx.dataFrom('checkEnablePartnerRefused.json')
                },
                steps: [
                    { click: 'lightning-datatable tbody tr:nth-child(3) lightning-primitive-cell-actions button' },
                    { click: `lightning-menu-item:has-text("${ctx.label('Onboarding_Action_Enable_Partner')}")` }
                ],
                expectCalls: ['checkEnablePartner'],
                expect: [ctx.label('Onboarding_Precheck_Failed')]
            }
        })
    },
    {
        bundle: 'partnerUsers',
        translated: 'data',
        states: (ctx) => ({
            data: {
                description: "An account's contacts in every partner user status",
                props: ACCOUNT,
                apex: {
                    getPartnerContacts: ctx.dataFrom('getPartnerContacts.json'),
                    getPartnerContactsCapNotice: ctx.data(null),
                    getEnableUserOptions: ctx.dataFrom('getEnableUserOptions.json')
                },
                shot: 'onboarding-users',
                expect: [
                    ctx.text('getPartnerContacts.json', '0.name'),
                    ctx.text('getPartnerContacts.json', '1.name'),
                    ctx.text('getPartnerContacts.json', '1.username'),
                    ctx.label('Onboarding_Status_Active_Logged_In')
                ]
            },
            loading: {
                description: 'Waiting for the contacts',
                props: ACCOUNT,
                apex: { getPartnerContacts: ctx.pending(), getPartnerContactsCapNotice: ctx.pending() },
                expect: [ctx.label('Onboarding_Users_Title', ACCOUNT.accountName)]
            },
            empty: {
                description: 'The account has no contacts',
                props: ACCOUNT,
                apex: { getPartnerContacts: ctx.data([]), getPartnerContactsCapNotice: ctx.data(null) },
                expect: [ctx.label('Onboarding_Users_Empty')]
            },
            ...loadFailures(ctx, {
                methods: ['getPartnerContacts'],
                message: "The account wasn't found, or you don't have access to it.",
                props: ACCOUNT,
                apex: { getPartnerContactsCapNotice: ctx.data(null) },
                expect: [ctx.label('Onboarding_UI_Users_Load_Error')]
            }),
            capped: {
                description: 'An account with more contacts than the list holds: it says some may be missing',
                props: ACCOUNT,
                apex: {
                    getPartnerContacts: ctx.dataFrom('getPartnerContacts.json'),
                    getPartnerContactsCapNotice: ctx.data(ctx.label('Onboarding_Users_List_Capped', '500')),
                    getEnableUserOptions: ctx.dataFrom('getEnableUserOptions.json')
                },
                expect: [
                    ctx.label('Onboarding_Users_List_Capped', '500'),
                    ctx.text('getPartnerContacts.json', '0.name')
                ]
            },
            'enable-dialog': {
                description: 'The dialog that enables Noor Haddad as a partner user, filled in from her contact',
                props: ACCOUNT,
                apex: {
                    getPartnerContacts: ctx.dataFrom('getPartnerContacts.json'),
                    getPartnerContactsCapNotice: ctx.data(null),
                    getEnableUserOptions: ctx.dataFrom('getEnableUserOptions.json')
                },
                steps: [
                    {
                        click: `tr.contact:first-child lightning-button:has-text("${ctx.label('Onboarding_Action_Enable_User')}") button`
                    },
                    { waitForText: ctx.label('Onboarding_Enable_User_Confirm') }
                ],
                shot: 'onboarding-enable-user',
                expectCalls: ['getEnableUserOptions'],
                expect: [ctx.label('Onboarding_Field_Username'), ctx.label('Onboarding_Field_Profile')]
            },
            'enable-user': {
                description: 'Key path: enable a partner user; the toast says the welcome email goes out',
                props: ACCOUNT,
                apex: {
                    getPartnerContacts: ctx.dataFrom('getPartnerContacts.json'),
                    getPartnerContactsCapNotice: ctx.data(null),
                    getEnableUserOptions: ctx.dataFrom('getEnableUserOptions.json'),
                    enablePartnerUser: ctx.dataFrom('enablePartnerUser.json')
                },
                steps: [
                    {
                        click: `tr.contact:first-child lightning-button:has-text("${ctx.label('Onboarding_Action_Enable_User')}") button`
                    },
                    {
                        choose: 'lightning-combobox.field-profile',
                        option: ctx.text('getEnableUserOptions.json', 'profiles.0.name')
                    },
                    { click: 'lightning-button.confirm-enable button' }
                ],
                expectCalls: ['getEnableUserOptions', 'enablePartnerUser'],
                expect: [ctx.label('Onboarding_UI_Success_Title')]
            }
        })
    }
];
