/** Gallery states of deal registration: the partner's form and list, and the channel manager's queue. */
import type { ComponentEntry } from '../catalog';
import { loadFailures } from './failures';

export const DEALS_STATES: ComponentEntry[] = [
    {
        bundle: 'registerDeal',
        translated: 'data',
        states: (ctx) => {
            const mine = { getMyRegistrations: ctx.dataFrom('getMyRegistrations.json') };
            return {
                data: {
                    description: 'A partner with an approved, a rejected and a submitted registration',
                    apex: mine,
                    expect: [
                        ctx.label('Deals_Register_Title'),
                        ctx.label('Deals_My_Registrations'),
                        ctx.text('getMyRegistrations.json', '1.reason'),
                        ctx.label('Deals_Status_Submitted')
                    ]
                },
                loading: {
                    description: "The form is ready while the partner's registrations load",
                    apex: { getMyRegistrations: ctx.pending() },
                    expect: [ctx.label('Deals_Register_Title'), ctx.label('Deals_My_Registrations')]
                },
                empty: {
                    description: 'A partner who has not registered a deal yet',
                    apex: { getMyRegistrations: { data: [] } },
                    expect: [ctx.label('Deals_Register_Title'), ctx.label('Deals_None_Yet')]
                },
                conflict: {
                    description: 'Key path: the conflict check says only that there may be a conflict',
                    apex: { ...mine, checkDealConflicts: { data: { possibleConflict: true } } },
                    steps: [
                        { fill: 'lightning-input[data-field="company"] input', value: 'Initech' },
                        { click: 'lightning-button.check button' },
                        { waitForText: ctx.label('Deals_Possible_Conflict') }
                    ],
                    expectCalls: ['checkDealConflicts'],
                    expect: [ctx.label('Deals_Possible_Conflict')]
                },
                ...loadFailures(ctx, {
                    methods: ['getMyRegistrations'],
                    message: 'The request timed out.',
                    permissionSet: 'Partner Desk Partner',
                    expect: [ctx.label('Deals_Error_Load')]
                })
            };
        }
    },
    {
        bundle: 'dealRegistrations',
        translated: 'data',
        states: (ctx) => {
            const queue = { getRegistrationQueue: ctx.dataFrom('getRegistrationQueue.json') };
            return {
                data: {
                    description: 'Two registrations waiting: one with a conflicting account, one without',
                    apex: queue,
                    expect: [
                        ctx.label('Deals_Queue_Title', 2),
                        ctx.text('getRegistrationQueue.json', 'rows.0.registration.company'),
                        ctx.text('getRegistrationQueue.json', 'rows.1.partnerName'),
                        ctx.label('Deals_Queue_No_Conflicts')
                    ]
                },
                loading: {
                    description: 'Waiting for the registrations to review',
                    apex: { getRegistrationQueue: ctx.pending() },
                    expect: [ctx.label('Deals_Queue_Title', 0)]
                },
                empty: {
                    description: 'No registration is waiting for review',
                    apex: { getRegistrationQueue: { data: { total: 0, protectionDays: 90, rows: [] } } },
                    expect: [ctx.label('Deals_Queue_Empty')]
                },
                reject: {
                    description: 'Key path: a channel manager rejects a registration with a reason the partner sees',
                    apex: { ...queue, rejectRegistration: { data: null } },
                    steps: [
                        {
                            fill: 'lightning-textarea.reason textarea',
                            value: 'Direct sales already works this account.'
                        },
                        { click: 'lightning-button.reject button' }
                    ],
                    expectCalls: ['rejectRegistration'],
                    expect: [ctx.label('Deals_Queue_Title', 2)]
                },
                conflict: {
                    description: 'The matches by name a channel manager weighs before deciding',
                    apex: queue,
                    expect: [
                        ctx.text('getRegistrationQueue.json', 'rows.0.conflicts.0.name'),
                        ctx.text('getRegistrationQueue.json', 'rows.0.conflicts.0.ownerName')
                    ]
                },
                ...loadFailures(ctx, {
                    methods: ['getRegistrationQueue'],
                    message: 'The request timed out.',
                    expect: [ctx.label('Deals_Error_Load')]
                })
            };
        }
    }
];
