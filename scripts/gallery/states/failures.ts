/** States every component has: its first load failing, for a technical reason or for want of permission. */
import type { StateContext, StateDefinition } from '../catalog';
import type { ApexAnswer, ApexFixture } from '../shims/state';

/** Who lacks a permission set in a no-permission state, by default. */
const CHANNEL_MANAGER_PERMISSION_SET = 'Partner Desk Channel Manager';

export interface LoadFailure {
    /** The Apex methods of the first load; each fails. */
    methods: string[];
    /** The Apex error of the `error` state. */
    message: string;
    /** What the component shows then (its load-error headline). */
    expect: string[];
    props?: Record<string, unknown>;
    /** Answers of the other methods, which do not fail. */
    apex?: Record<string, ApexFixture>;
    /** The permission set the Apex refusal names; the channel manager's unless given. */
    permissionSet?: string;
}

/**
 * The two ways a component's first load fails: an Apex error, and a user without the permission set
 * (the controller refuses with Common_No_Permission). The component shows the same headline for both.
 */
export function loadFailures(
    ctx: StateContext,
    failure: LoadFailure
): Record<'error' | 'no-permission', StateDefinition> {
    const failing = (answer: ApexAnswer): Record<string, ApexFixture> => ({
        ...failure.apex,
        ...Object.fromEntries(failure.methods.map((method) => [method, answer]))
    });
    const permissionSet = failure.permissionSet ?? CHANNEL_MANAGER_PERMISSION_SET;
    return {
        error: {
            description: 'The first load fails',
            props: failure.props,
            apex: failing(ctx.apexError(failure.message)),
            expect: failure.expect
        },
        'no-permission': {
            description: `A user without the ${permissionSet} permission set`,
            props: failure.props,
            apex: failing(ctx.apexError(ctx.label('Common_No_Permission', permissionSet))),
            expect: failure.expect
        }
    };
}
