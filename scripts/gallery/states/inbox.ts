/** Gallery states of the partner's leads inbox, on a desktop and on a phone. */
import type { ComponentEntry, StateContext, StateDefinition } from '../catalog';
import { loadFailures } from './failures';

const FIRST_LEAD = '00Q000000000001AAA';
const SECOND_LEAD = '00Q000000000002AAA';
const PHONE_WIDTH = 375;

function inboxApex(ctx: StateContext): NonNullable<StateDefinition['apex']> {
    return {
        getInboxOptions: ctx.dataFrom('getInboxOptions.json'),
        getInboxPage: ctx.byParam('listName', {
            waiting: ctx.dataFrom('getInboxPage.json', 'waiting'),
            owned: ctx.dataFrom('getInboxPage.json', 'owned')
        })
    };
}

export const INBOX_STATES: ComponentEntry[] = [
    {
        bundle: 'leadsInbox',
        translated: 'data',
        states: (ctx) => {
            const dataExpect = [
                ctx.label('Inbox_Title'),
                ctx.text('getInboxPage.json', 'waiting.rows.0.name'),
                ctx.text('getInboxPage.json', 'waiting.rows.0.company'),
                ctx.text('getInboxPage.json', 'waiting.rows.2.name')
            ];
            const openReturn = { click: `lightning-button.return[data-id="${SECOND_LEAD}"] button` };
            return {
                data: {
                    description: "A partner user's inbox: leads waiting in their queues, and their own",
                    apex: inboxApex(ctx),
                    shot: 'inbox',
                    expect: dataExpect
                },
                phone: {
                    description: 'The same inbox on a phone (375 px wide)',
                    apex: inboxApex(ctx),
                    width: PHONE_WIDTH,
                    shot: 'inbox-phone',
                    expect: dataExpect
                },
                loading: {
                    description: 'Waiting for the leads',
                    apex: { getInboxOptions: ctx.dataFrom('getInboxOptions.json'), getInboxPage: ctx.pending() },
                    expect: [ctx.label('Inbox_Title')]
                },
                empty: {
                    description: 'Nothing waiting and nothing owned',
                    apex: {
                        getInboxOptions: ctx.dataFrom('getInboxOptions.json'),
                        getInboxPage: ctx.byParam('listName', {
                            waiting: ctx.dataFrom('getInboxPage.json', 'empty'),
                            owned: ctx.dataFrom('getInboxPage.json', 'empty')
                        })
                    },
                    expect: [ctx.label('Inbox_Empty_Waiting')]
                },
                ...loadFailures(ctx, {
                    methods: ['getInboxPage'],
                    message: 'The request timed out.',
                    apex: { getInboxOptions: ctx.dataFrom('getInboxOptions.json') },
                    permissionSet: 'Partner Desk Partner',
                    expect: [ctx.label('Inbox_Error_Load')]
                }),
                'return-dialog': {
                    description: 'Returning a lead asks for a reason and a comment',
                    apex: inboxApex(ctx),
                    steps: [openReturn, { waitForText: ctx.label('Inbox_Return_Intro') }],
                    shot: 'inbox-return',
                    expect: [ctx.label('Inbox_Return_Reason'), ctx.label('Inbox_Return_Comment')]
                },
                'accept-and-return': {
                    description: 'Key path: accept one lead, return another with a reason',
                    apex: {
                        ...inboxApex(ctx),
                        acceptLead: ctx.data(null),
                        returnLead: ctx.data(null)
                    },
                    steps: [
                        { click: `lightning-button.accept[data-id="${FIRST_LEAD}"] button` },
                        {
                            waitForText: ctx.label(
                                'Inbox_Accepted',
                                ctx.text('getInboxPage.json', 'waiting.rows.0.name')
                            )
                        },
                        openReturn,
                        {
                            choose: 'lightning-combobox.return-reason',
                            option: ctx.text('getInboxOptions.json', 'returnReasons.0.label')
                        },
                        {
                            fill: 'lightning-textarea.return-comment textarea',
                            value: 'Outside our region: we cover Norway only.'
                        },
                        { click: 'lightning-button.return-submit button' }
                    ],
                    expectCalls: ['acceptLead', 'returnLead'],
                    expect: [
                        ctx.label('Inbox_Accepted', ctx.text('getInboxPage.json', 'waiting.rows.0.name')),
                        ctx.label('Inbox_Returned', ctx.text('getInboxPage.json', 'waiting.rows.1.name'))
                    ]
                }
            };
        }
    },
    {
        bundle: 'inboxSettings',
        translated: 'data',
        states: (ctx) => {
            const settings = (state: string) => ({ getSettings: ctx.dataFrom('getSettings.json', state) });
            const headings = [
                ctx.label('Inbox_Settings_Title'),
                ctx.label('Inbox_Settings_Away_Heading'),
                ctx.label('Inbox_Settings_Email_Heading')
            ];
            return {
                data: {
                    description: 'A partner away until a day, paused in one group, emailed once a day',
                    apex: settings('away'),
                    expect: [
                        ...headings,
                        ctx.label('Inbox_Settings_Away_Clear'),
                        ctx.label('Inbox_Settings_Delivery_Daily_Help')
                    ]
                },
                phone: {
                    description: 'The same settings on a phone (375 px wide)',
                    apex: settings('away'),
                    width: PHONE_WIDTH,
                    expect: headings
                },
                loading: {
                    description: 'Waiting for the settings',
                    apex: { getSettings: ctx.pending() },
                    expect: [ctx.label('Inbox_Settings_Title')]
                },
                empty: {
                    description: 'No distribution group names the partner: nothing to set, emails still',
                    apex: settings('noMembership'),
                    expect: [ctx.label('Inbox_Settings_No_Membership'), ctx.label('Inbox_Settings_Delivery_Label')]
                },
                'read-only': {
                    description: 'A user who may not change the email preference',
                    apex: settings('readOnly'),
                    expect: [ctx.label('Inbox_Settings_Delivery_Read_Only')]
                },
                ...loadFailures(ctx, {
                    methods: ['getSettings'],
                    message: 'The request timed out.',
                    permissionSet: 'Partner Desk Partner',
                    expect: [ctx.label('Inbox_Settings_Error_Load')]
                }),
                'back-from-away': {
                    description: 'Key path: the partner is back and clears the away date',
                    apex: { ...settings('away'), setAwayUntil: ctx.dataFrom('getSettings.json', 'available') },
                    steps: [
                        { click: 'lightning-button.away-clear button' },
                        { waitForText: ctx.label('Inbox_Settings_Away_Cleared') }
                    ],
                    expectCalls: ['setAwayUntil'],
                    expect: [ctx.label('Inbox_Settings_Away_Cleared'), ctx.label('Inbox_Settings_Available')]
                }
            };
        }
    }
];
