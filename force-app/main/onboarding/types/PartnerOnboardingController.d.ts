/**
 * Typings for PartnerOnboardingController's @AuraEnabled methods, one module per method as LWC imports them.
 * Parameter names are the Apex parameter names; the shapes live in c/onboardingCommon.
 * Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/PartnerOnboardingController.searchAccounts' {
    import type { AccountPage, WiredResult } from 'c/onboardingCommon';
    import type { WireAdapterConstructor } from 'lwc';
    type Params = { searchTerm: string; partnersOnly: boolean; pageSize: number; pageNumber: number };
    const searchAccounts: ((params: Params) => Promise<AccountPage>) &
        WireAdapterConstructor<Params, WiredResult<AccountPage>>;
    export default searchAccounts;
}

declare module '@salesforce/apex/PartnerOnboardingController.checkEnablePartner' {
    import type { PartnerPrecheck } from 'c/onboardingCommon';
    export default function checkEnablePartner(params: { accountId: string }): Promise<PartnerPrecheck>;
}

declare module '@salesforce/apex/PartnerOnboardingController.enablePartner' {
    import type { PartnerAccountRow } from 'c/onboardingCommon';
    export default function enablePartner(params: { accountId: string }): Promise<PartnerAccountRow>;
}

declare module '@salesforce/apex/PartnerOnboardingController.checkDisablePartner' {
    import type { DisableImpact } from 'c/onboardingCommon';
    export default function checkDisablePartner(params: { accountId: string }): Promise<DisableImpact>;
}

declare module '@salesforce/apex/PartnerOnboardingController.disablePartner' {
    export default function disablePartner(params: { accountId: string }): Promise<void>;
}

declare module '@salesforce/apex/PartnerOnboardingController.getPartnerContacts' {
    import type { PartnerContactRow, WiredResult } from 'c/onboardingCommon';
    import type { WireAdapterConstructor } from 'lwc';
    type Params = { accountId: string };
    const getPartnerContacts: ((params: Params) => Promise<PartnerContactRow[]>) &
        WireAdapterConstructor<Params, WiredResult<PartnerContactRow[]>>;
    export default getPartnerContacts;
}

declare module '@salesforce/apex/PartnerOnboardingController.getPartnerContactsCapNotice' {
    import type { WiredResult } from 'c/onboardingCommon';
    import type { WireAdapterConstructor } from 'lwc';
    /** The translated notice that the account's contacts list stops at its cap, or null when every contact is listed. */
    type Params = { accountId: string };
    const getPartnerContactsCapNotice: ((params: Params) => Promise<string | null>) &
        WireAdapterConstructor<Params, WiredResult<string | null>>;
    export default getPartnerContactsCapNotice;
}

declare module '@salesforce/apex/PartnerOnboardingController.getEnableUserOptions' {
    import type { EnableUserOptions } from 'c/onboardingCommon';
    export default function getEnableUserOptions(params: { contactId: string }): Promise<EnableUserOptions>;
}

declare module '@salesforce/apex/PartnerOnboardingController.enablePartnerUser' {
    import type { EnableUserResult } from 'c/onboardingCommon';
    export default function enablePartnerUser(params: {
        contactId: string;
        username: string;
        email: string;
        profileId: string;
    }): Promise<EnableUserResult>;
}

declare module '@salesforce/apex/PartnerOnboardingController.resendWelcomeEmail' {
    export default function resendWelcomeEmail(params: { userId: string }): Promise<void>;
}

declare module '@salesforce/apex/PartnerOnboardingController.checkDeactivateUser' {
    import type { DeactivateImpact } from 'c/onboardingCommon';
    export default function checkDeactivateUser(params: { userId: string }): Promise<DeactivateImpact>;
}

declare module '@salesforce/apex/PartnerOnboardingController.deactivatePartnerUser' {
    export default function deactivatePartnerUser(params: { userId: string }): Promise<void>;
}
