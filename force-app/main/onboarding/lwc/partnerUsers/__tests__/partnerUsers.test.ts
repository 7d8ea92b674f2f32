import { createElement } from 'lwc';
import PartnerUsers from 'c/partnerUsers';
import getPartnerContacts from '@salesforce/apex/PartnerOnboardingController.getPartnerContacts';
import getPartnerContactsCapNotice from '@salesforce/apex/PartnerOnboardingController.getPartnerContactsCapNotice';
import getEnableUserOptions from '@salesforce/apex/PartnerOnboardingController.getEnableUserOptions';
import enablePartnerUser from '@salesforce/apex/PartnerOnboardingController.enablePartnerUser';
import resendWelcomeEmail from '@salesforce/apex/PartnerOnboardingController.resendWelcomeEmail';
import checkDeactivateUser from '@salesforce/apex/PartnerOnboardingController.checkDeactivateUser';
import deactivatePartnerUser from '@salesforce/apex/PartnerOnboardingController.deactivatePartnerUser';
import { refreshApex } from '@salesforce/apex';
import { getNavigateCalledWith, resetNavigation } from 'lightning/navigation';
import type { EnableUserOptions, PartnerContactRow } from 'c/onboardingCommon';

import GET_PARTNER_CONTACTS from './data/getPartnerContacts.json';
import GET_ENABLE_USER_OPTIONS from './data/getEnableUserOptions.json';
import ENABLE_PARTNER_USER from './data/enablePartnerUser.json';
import CHECK_DEACTIVATE_USER from './data/checkDeactivateUser.json';

jest.mock(
    '@salesforce/apex/PartnerOnboardingController.getPartnerContacts',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/PartnerOnboardingController.getPartnerContactsCapNotice',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PartnerOnboardingController.getEnableUserOptions', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.enablePartnerUser', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.resendWelcomeEmail', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.checkDeactivateUser', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.deactivatePartnerUser', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

/** What createApexTestWireAdapter adds to the mocked Apex method. */
interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown> | null;
}

type Field = HTMLElement & { value?: string; setCustomValidity(message: string): void; reportValidity(): boolean };

const contactsWire = getPartnerContacts as unknown as ApexWireAdapterMock;
const capNoticeWire = getPartnerContactsCapNotice as unknown as ApexWireAdapterMock;
const CONTACTS = GET_PARTNER_CONTACTS as PartnerContactRow[];
const OPTIONS = GET_ENABLE_USER_OPTIONS as EnableUserOptions;
const [NO_USER, LOGGED_IN, NEVER_LOGGED_IN] = CONTACTS;
const ACCOUNT_ID = '001000000000001AAA';
const APEX_ERROR = {
    body: {
        message:
            'The username noor@acme.example.partner is already taken. Usernames are unique across all Salesforce orgs.'
    },
    ok: false,
    status: 400,
    statusText: 'Bad Request'
};

function render() {
    const element = createElement('c-partner-users', { is: PartnerUsers });
    Object.assign(element, { accountId: ACCOUNT_ID, accountName: 'Acme Distribution' });
    document.body.appendChild(element);
    return element;
}

/** Lets mocked Apex promises settle, the component's awaits resume and the template re-render. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function $(root: ShadowRoot, selector: string): HTMLElement | null {
    return root.querySelector(selector);
}

function rowOf(root: ShadowRoot, contact: PartnerContactRow): HTMLElement {
    return root.querySelector(`tr.contact[data-contact-id="${contact.contactId}"]`) as HTMLElement;
}

function actionsOf(root: ShadowRoot, contact: PartnerContactRow): string[] {
    return Array.from(rowOf(root, contact).querySelectorAll('lightning-button.row-action')).map(
        (b) => b.getAttribute('data-action') ?? ''
    );
}

async function clickAction(root: ShadowRoot, contact: PartnerContactRow, action: string): Promise<void> {
    (rowOf(root, contact).querySelector(`lightning-button[data-action="${action}"]`) as HTMLElement).click();
    await flush();
}

function disabled(root: ShadowRoot, selector: string): boolean {
    return Boolean(($(root, selector) as HTMLElement & { disabled?: boolean }).disabled);
}

function type(root: ShadowRoot, selector: string, value: string): void {
    $(root, selector)!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Spies on the validity API of the dialog's fields (the base component stubs do nothing). */
function spyOnValidity(root: ShadowRoot) {
    const spies: Record<string, jest.Mock> = {};
    for (const name of ['email', 'username', 'profile']) {
        const field = $(root, `.field-${name}`) as Field;
        spies[name] = jest.fn();
        field.setCustomValidity = spies[name];
        field.reportValidity = jest.fn(() => true);
    }
    return spies;
}

async function renderWithContacts() {
    const element = render();
    contactsWire.emit(CONTACTS);
    await flush();
    return element;
}

async function openEnableDialog(options: EnableUserOptions = OPTIONS) {
    jest.mocked(getEnableUserOptions).mockResolvedValue(options as never);
    const element = await renderWithContacts();
    const root = element.shadowRoot!;
    await clickAction(root, NO_USER, 'enable');
    return { element, root };
}

describe('c-partner-users', () => {
    afterEach(() => {
        resetNavigation();
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    describe('the contacts', () => {
        it('shows a spinner until the contacts arrive, and asks for this account', async () => {
            const element = render();
            await flush();
            const root = element.shadowRoot!;
            expect($(root, 'lightning-spinner.list-spinner')).not.toBeNull();
            expect($(root, 'table')).toBeNull();
            expect(contactsWire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
            expect(($(root, 'lightning-card') as HTMLElement & { title: string }).title).toBe(
                'c.Onboarding_Users_Title'
            );
        });

        it('shows each contact with a readiness badge, last login and open leads', async () => {
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            expect($(root, 'lightning-spinner.list-spinner')).toBeNull();
            const badges = Array.from(root.querySelectorAll('lightning-badge')) as Array<
                HTMLElement & { label: string }
            >;
            expect(badges.map((b) => b.getAttribute('data-status'))).toEqual(CONTACTS.map((c) => c.status));
            expect(badges.map((b) => b.label)).toEqual([
                'c.Onboarding_Status_No_User',
                'c.Onboarding_Status_Active_Logged_In',
                'c.Onboarding_Status_Active_Never_Logged_In',
                'c.Onboarding_Status_Inactive',
                'c.Onboarding_Status_Not_Site_Member'
            ]);
            expect(badges[1].className).toContain('slds-theme_success');
            expect(rowOf(root, LOGGED_IN).querySelector('lightning-formatted-date-time')).not.toBeNull();
            expect(rowOf(root, NEVER_LOGGED_IN).querySelector('.last-login')!.textContent).toBe(
                'c.Onboarding_UI_Never'
            );
            expect(rowOf(root, NO_USER).querySelector('.last-login')!.textContent).toBe('');
            expect(rowOf(root, LOGGED_IN).querySelector('.open-leads')!.textContent).toBe('7');
            expect(rowOf(root, LOGGED_IN).querySelector('.contact-username')!.textContent).toBe(
                'ingrid@acme.example.partner'
            );
        });

        it('offers the actions that fit each status', async () => {
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            expect(CONTACTS.map((c) => actionsOf(root, c))).toEqual([
                ['enable'],
                ['deactivate'],
                ['resend', 'deactivate'],
                [],
                ['resend', 'deactivate']
            ]);
        });

        it('says above the list that it stopped at its cap, for this account, and nothing when it is complete', async () => {
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            expect(capNoticeWire.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
            capNoticeWire.emit(null);
            await flush();
            expect($(root, '.cap-notice')).toBeNull();

            const notice = 'Only the first 500 contacts of this account are listed; some may be missing.';
            capNoticeWire.emit(notice);
            await flush();
            expect($(root, '.cap-notice')!.textContent).toBe(notice);
            expect(root.querySelectorAll('tr.contact')).toHaveLength(CONTACTS.length);
        });

        it('says when the account has no contacts', async () => {
            const element = render();
            contactsWire.emit([]);
            await flush();
            const root = element.shadowRoot!;
            expect($(root, '.empty')!.textContent).toBe('c.Onboarding_Users_Empty');
            expect($(root, 'table')).toBeNull();
        });

        it('shows a friendly error when the contacts cannot be loaded', async () => {
            const element = render();
            contactsWire.error({ message: "The account wasn't found, or you don't have access to it." });
            await flush();
            const root = element.shadowRoot!;
            const panel = $(root, 'c-error-panel.load-error') as HTMLElement & { friendlyMessage: string };
            expect(panel.friendlyMessage).toBe('c.Onboarding_UI_Users_Load_Error');
            expect($(root, 'lightning-spinner.list-spinner')).toBeNull();
        });

        it('asks its parent to close it', async () => {
            const element = await renderWithContacts();
            const onClose = jest.fn();
            element.addEventListener('close', onClose);
            $(element.shadowRoot!, 'lightning-button-icon.close')!.click();
            expect(onClose).toHaveBeenCalledTimes(1);
        });

        it('reloads its contacts when asked', async () => {
            const element = await renderWithContacts();
            await (element as unknown as { refresh(): Promise<void> }).refresh();
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });
    });

    describe('enable partner user', () => {
        it('proposes the username and email and offers the profiles with licences left', async () => {
            const { root } = await openEnableDialog();
            expect(getEnableUserOptions).toHaveBeenCalledWith({ contactId: NO_USER.contactId });
            expect(($(root, 'c-onboarding-modal') as HTMLElement & { heading: string }).heading).toBe(
                'c.Onboarding_Enable_User_Title'
            );
            expect(($(root, '.field-email') as Field).value).toBe('noor@acme.example');
            expect(($(root, '.field-username') as Field).value).toBe('noor@acme.example.partner');
            const combobox = $(root, '.field-profile') as HTMLElement & {
                options: Array<{ value: string; label: string }>;
                value?: string;
            };
            expect(combobox.options.map((o) => o.value)).toEqual(['00e000000000001AAA']);
            expect(combobox.options[0].label).toBe('c.Onboarding_Profile_Option');
            // the only profile with licences left is chosen already
            expect(combobox.value).toBe('00e000000000001AAA');
            expect($(root, '.licenses')!.textContent).toBe('c.Onboarding_Licenses_Left');
            expect(disabled(root, 'lightning-button.confirm-enable')).toBe(false);
        });

        it('explains why no user can be created when the account is not a partner', async () => {
            const { root } = await openEnableDialog({ ...OPTIONS, hasPartnerAccount: false });
            expect($(root, '.blocked')!.textContent).toBe('c.Onboarding_Enable_User_No_Partner_Account');
            expect($(root, '.field-email')).toBeNull();
            expect(disabled(root, 'lightning-button.confirm-enable')).toBe(true);
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(enablePartnerUser).not.toHaveBeenCalled();
        });

        it('explains why no user can be created when no licences are left', async () => {
            const noneLeft = {
                ...OPTIONS,
                licensesLeft: 0,
                profiles: OPTIONS.profiles.map((p) => ({ ...p, licensesLeft: 0 }))
            };
            const { root } = await openEnableDialog(noneLeft);
            expect($(root, '.blocked')!.textContent).toBe('c.Onboarding_Enable_User_No_Licenses');
            expect($(root, '.licenses')!.textContent).toBe('c.Onboarding_Licenses_Left');
            expect(disabled(root, 'lightning-button.confirm-enable')).toBe(true);
        });

        it('refuses a badly formed email before calling the server', async () => {
            const { root } = await openEnableDialog();
            const validity = spyOnValidity(root);
            type(root, '.field-email', 'noor@acme');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(validity.email).toHaveBeenLastCalledWith('c.Onboarding_Error_Email_Invalid');
            expect(validity.username).toHaveBeenLastCalledWith('');
            expect(enablePartnerUser).not.toHaveBeenCalled();
            expect($(root, 'c-onboarding-modal')).not.toBeNull();
        });

        it('requires an email', async () => {
            const { root } = await openEnableDialog();
            const validity = spyOnValidity(root);
            type(root, '.field-email', '  ');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(validity.email).toHaveBeenLastCalledWith('c.Onboarding_Error_Email_Required');
            expect(enablePartnerUser).not.toHaveBeenCalled();
        });

        it('requires a username in email form and a profile', async () => {
            const { root } = await openEnableDialog({
                ...OPTIONS,
                profiles: [...OPTIONS.profiles, { ...OPTIONS.profiles[0], id: '00e000000000003AAA' }]
            });
            const validity = spyOnValidity(root);
            type(root, '.field-username', '   ');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(validity.username).toHaveBeenLastCalledWith('c.Onboarding_Error_Username_Required');
            // two profiles with licences left: none is chosen for the user
            expect(validity.profile).toHaveBeenLastCalledWith('c.Onboarding_UI_Profile_Required');

            type(root, '.field-username', 'noor partner');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(validity.username).toHaveBeenLastCalledWith('c.Onboarding_Error_Username_Invalid');
            expect(enablePartnerUser).not.toHaveBeenCalled();
        });

        it('sends the profile the user chose', async () => {
            jest.mocked(enablePartnerUser).mockResolvedValue(ENABLE_PARTNER_USER as never);
            const second = { ...OPTIONS.profiles[0], id: '00e000000000003AAA', name: 'Partner Desk Partner Manager' };
            const { root } = await openEnableDialog({ ...OPTIONS, profiles: [...OPTIONS.profiles, second] });
            const validity = spyOnValidity(root);
            type(root, '.field-profile', second.id);
            expect(validity.profile).toHaveBeenLastCalledWith('');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(enablePartnerUser).toHaveBeenCalledWith(expect.objectContaining({ profileId: second.id }));
        });

        it('closes on cancel without creating anything', async () => {
            const { root } = await openEnableDialog();
            $(root, 'lightning-button.cancel')!.click();
            await flush();
            expect($(root, 'c-onboarding-modal')).toBeNull();
            expect(enablePartnerUser).not.toHaveBeenCalled();
        });

        it('creates the user with the edited values, says so and reloads', async () => {
            jest.mocked(enablePartnerUser).mockResolvedValue({
                ...ENABLE_PARTNER_USER,
                username: 'noor.h@acme.example.partner'
            } as never);
            const { element, root } = await openEnableDialog();
            const toast = jest.fn();
            const changed = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            element.addEventListener('partneruserchange', changed);
            type(root, '.field-username', ' noor.h@acme.example.partner ');
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();

            expect(enablePartnerUser).toHaveBeenCalledWith({
                contactId: NO_USER.contactId,
                username: 'noor.h@acme.example.partner',
                email: 'noor@acme.example',
                profileId: '00e000000000001AAA'
            });
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'success',
                message: 'c.Onboarding_Enable_User_Success'
            });
            expect($(root, 'c-onboarding-modal')).toBeNull();
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(changed.mock.calls[0][0].detail).toEqual({ accountId: ACCOUNT_ID });
        });

        it('warns when the new user is not a member of a partner site yet', async () => {
            jest.mocked(enablePartnerUser).mockResolvedValue({
                ...ENABLE_PARTNER_USER,
                status: 'NOT_SITE_MEMBER',
                contactEmailSyncQueued: true
            } as never);
            const { element, root } = await openEnableDialog();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'warning',
                message: 'c.Onboarding_Enable_User_Site_Note c.Onboarding_Enable_User_Email_Sync_Note'
            });
        });

        it('keeps the dialog open with the server message when creating fails', async () => {
            jest.mocked(enablePartnerUser).mockRejectedValue(APEX_ERROR);
            const { element, root } = await openEnableDialog();
            const changed = jest.fn();
            element.addEventListener('partneruserchange', changed);
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            const panel = $(root, 'c-error-panel.modal-error') as HTMLElement & {
                friendlyMessage: string;
                errors: unknown;
            };
            expect(panel.friendlyMessage).toBe('c.Onboarding_UI_Enable_User_Error');
            expect(panel.errors).toEqual(APEX_ERROR);
            expect($(root, 'c-onboarding-modal')).not.toBeNull();
            expect(changed).not.toHaveBeenCalled();
        });

        it('shows why the form could not be prepared', async () => {
            jest.mocked(getEnableUserOptions).mockRejectedValue(APEX_ERROR);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, NO_USER, 'enable');
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Enable_User_Options_Error');
            expect(disabled(root, 'lightning-button.confirm-enable')).toBe(true);
        });
    });

    describe('resend welcome email', () => {
        it('warns that the password is reset, then resends and says so', async () => {
            jest.mocked(resendWelcomeEmail).mockResolvedValue(undefined as never);
            const element = await renderWithContacts();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            const root = element.shadowRoot!;
            await clickAction(root, NEVER_LOGGED_IN, 'resend');
            expect($(root, '.resend-explanation')!.textContent).toBe('c.Onboarding_Resend_Welcome_Confirm_Text');
            expect(resendWelcomeEmail).not.toHaveBeenCalled();

            $(root, 'lightning-button.confirm-resend')!.click();
            await flush();
            expect(resendWelcomeEmail).toHaveBeenCalledWith({ userId: NEVER_LOGGED_IN.userId });
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'success',
                message: 'c.Onboarding_Resend_Welcome_Success'
            });
            expect($(root, 'c-onboarding-modal')).toBeNull();
        });

        it('shows the refusal when the user is not a member of a live site', async () => {
            jest.mocked(resendWelcomeEmail).mockRejectedValue({
                body: { message: "Ola Nordmann isn't a member of any live partner site." }
            });
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, CONTACTS[4], 'resend');
            $(root, 'lightning-button.confirm-resend')!.click();
            await flush();
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Resend_Error');
        });
    });

    describe('deactivate', () => {
        it('warns how many open leads and queues the user has before deactivating', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue(CHECK_DEACTIVATE_USER as never);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            expect(checkDeactivateUser).toHaveBeenCalledWith({ userId: LOGGED_IN.userId });
            expect(($(root, 'c-onboarding-modal') as HTMLElement & { heading: string }).heading).toBe(
                'c.Onboarding_Deactivate_User_Title'
            );
            expect($(root, '.impact-message')!.textContent).toBe(CHECK_DEACTIVATE_USER.message);
            expect(Array.from(root.querySelectorAll('.impact li')).map((li) => li.textContent)).toEqual([
                'c.Onboarding_UI_Impact_Open_Leads',
                'c.Onboarding_UI_Impact_Queue_Memberships'
            ]);
            expect(deactivatePartnerUser).not.toHaveBeenCalled();
        });

        it('deactivates, says so and tells the parent', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue(CHECK_DEACTIVATE_USER as never);
            jest.mocked(deactivatePartnerUser).mockResolvedValue(undefined as never);
            const element = await renderWithContacts();
            const toast = jest.fn();
            const changed = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            element.addEventListener('partneruserchange', changed);
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            $(root, 'lightning-button.confirm-deactivate')!.click();
            await flush();
            expect(deactivatePartnerUser).toHaveBeenCalledWith({ userId: LOGGED_IN.userId });
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'success',
                message: 'c.Onboarding_Deactivate_User_Success'
            });
            expect(changed).toHaveBeenCalledTimes(1);
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect($(root, 'c-onboarding-modal')).toBeNull();
        });

        it('opens the bulk reassignment console prefilled with the deactivated user and their leads', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue(CHECK_DEACTIVATE_USER as never);
            jest.mocked(deactivatePartnerUser).mockResolvedValue(undefined as never);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            expect(($(root, 'lightning-input.move-leads') as HTMLElement & { checked: boolean }).checked).toBe(true);
            $(root, 'lightning-button.confirm-deactivate')!.click();
            await flush();
            expect(getNavigateCalledWith()?.pageReference).toEqual({
                type: 'standard__navItemPage',
                attributes: { apiName: 'Bulk_Reassignment' },
                state: { c__sourceType: 'Deactivated_User', c__source: LOGGED_IN.userId }
            });
        });

        it('stays put when the channel manager declines to move the leads now', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue(CHECK_DEACTIVATE_USER as never);
            jest.mocked(deactivatePartnerUser).mockResolvedValue(undefined as never);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            $(root, 'lightning-input.move-leads')!.dispatchEvent(
                new CustomEvent('change', { detail: { checked: false } })
            );
            await flush();
            $(root, 'lightning-button.confirm-deactivate')!.click();
            await flush();
            expect(deactivatePartnerUser).toHaveBeenCalled();
            expect(getNavigateCalledWith()).toBeUndefined();
        });

        it('offers no move when the user owns no open leads', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue({ ...CHECK_DEACTIVATE_USER, openLeads: 0 } as never);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            expect($(root, 'lightning-input.move-leads')).toBeNull();
        });

        it('cannot confirm when the impact could not be checked', async () => {
            jest.mocked(checkDeactivateUser).mockRejectedValue(APEX_ERROR);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Impact_Error');
            expect(disabled(root, 'lightning-button.confirm-deactivate')).toBe(true);
            $(root, 'lightning-button.confirm-deactivate')!.click();
            await flush();
            expect(deactivatePartnerUser).not.toHaveBeenCalled();
        });

        it('keeps the dialog open with a friendly error when deactivating fails', async () => {
            jest.mocked(checkDeactivateUser).mockResolvedValue(CHECK_DEACTIVATE_USER as never);
            jest.mocked(deactivatePartnerUser).mockRejectedValue(APEX_ERROR);
            const element = await renderWithContacts();
            const root = element.shadowRoot!;
            await clickAction(root, LOGGED_IN, 'deactivate');
            $(root, 'lightning-button.confirm-deactivate')!.click();
            await flush();
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Deactivate_Error');
            expect($(root, 'c-onboarding-modal')).not.toBeNull();
        });
    });

    describe('accessibility', () => {
        // axe walks every shadow tree twice here; on a busy machine that outlasts jest's 5 s default.
        const A11Y_TIMEOUT_MS = 30000;

        it(
            'is accessible with contacts and with the enable dialog open',
            async () => {
                jest.mocked(getEnableUserOptions).mockResolvedValue(OPTIONS as never);
                const element = await renderWithContacts();
                await expect(element).toBeAccessible();
                await clickAction(element.shadowRoot!, NO_USER, 'enable');
                await expect(element).toBeAccessible();
            },
            A11Y_TIMEOUT_MS
        );
    });
});
