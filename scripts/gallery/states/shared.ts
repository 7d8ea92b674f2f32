/** Gallery states of what the wings share: the error panel. */
import type { ComponentEntry } from '../catalog';

export const SHARED_STATES: ComponentEntry[] = [
    {
        bundle: 'errorPanel',
        translated: 'details',
        states: (ctx) => ({
            details: {
                description: 'A friendly headline over the Apex error it explains',
                props: {
                    errors: { body: { message: 'The owner of Bluebird Resellers has no role.' }, status: 400 },
                    friendlyMessage: ctx.label('Onboarding_UI_Enable_Error', 'Bluebird Resellers')
                },
                shot: 'error-panel',
                expect: [
                    ctx.label('Onboarding_UI_Enable_Error', 'Bluebird Resellers'),
                    ctx.label('Common_Error_Show_Details')
                ]
            },
            generic: {
                description: 'No friendly message given: the generic headline',
                props: { errors: 'Something failed' },
                expect: [ctx.label('Common_Error_Generic')]
            },
            'show-details': {
                description: 'Key path: open the details under the headline',
                props: {
                    errors: { body: { message: 'The owner of Bluebird Resellers has no role.' }, status: 400 },
                    friendlyMessage: ctx.label('Onboarding_UI_Enable_Error', 'Bluebird Resellers')
                },
                steps: [{ click: 'lightning-button.toggle button' }],
                expect: ['The owner of Bluebird Resellers has no role.', ctx.label('Common_Error_Hide_Details')]
            }
        })
    }
];
