import { createElement } from 'lwc';
import PartnerAccounts, { PAGE_SIZE, SEARCH_DELAY_MS } from 'c/partnerAccounts';
import searchAccounts from '@salesforce/apex/PartnerOnboardingController.searchAccounts';
import checkEnablePartner from '@salesforce/apex/PartnerOnboardingController.checkEnablePartner';
import enablePartner from '@salesforce/apex/PartnerOnboardingController.enablePartner';
import checkDisablePartner from '@salesforce/apex/PartnerOnboardingController.checkDisablePartner';
import disablePartner from '@salesforce/apex/PartnerOnboardingController.disablePartner';
import getPartnerContacts from '@salesforce/apex/PartnerOnboardingController.getPartnerContacts';
import { refreshApex } from '@salesforce/apex';
import type { AccountPage, PartnerAccountRow } from 'c/onboardingCommon';

import SEARCH_ACCOUNTS from './data/searchAccounts.json';
import CHECK_ENABLE_PARTNER from './data/checkEnablePartner.json';
import CHECK_ENABLE_PARTNER_REFUSED from './data/checkEnablePartnerRefused.json';
import ENABLE_PARTNER from './data/enablePartner.json';
import CHECK_DISABLE_PARTNER from './data/checkDisablePartner.json';
import CHECK_DISABLE_PARTNER_REFUSED from './data/checkDisablePartnerRefused.json';

jest.mock(
    '@salesforce/apex/PartnerOnboardingController.searchAccounts',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/PartnerOnboardingController.getPartnerContacts',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PartnerOnboardingController.checkEnablePartner', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.enablePartner', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.checkDisablePartner', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerOnboardingController.disablePartner', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

/** What createApexTestWireAdapter adds to the mocked Apex method. */
interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown> | null;
}

const accountsWire = searchAccounts as unknown as ApexWireAdapterMock;
const contactsWire = getPartnerContacts as unknown as ApexWireAdapterMock;
const PAGE = SEARCH_ACCOUNTS as AccountPage;
const PARTNER = PAGE.rows[0];
const NOT_PARTNER = PAGE.rows[1];
const APEX_ERROR = {
    body: { message: 'The owner of Bluebird Resellers has no role.' },
    ok: false,
    status: 400,
    statusText: 'Bad Request'
};

type Root = ShadowRoot;

function render() {
    const element = createElement('c-partner-accounts', { is: PartnerAccounts });
    document.body.appendChild(element);
    return element;
}

/** Lets mocked Apex promises settle, the component's awaits resume and the template re-render. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function $(root: Root, selector: string): HTMLElement | null {
    return root.querySelector(selector);
}

function datatable(root: Root) {
    return root.querySelector('lightning-datatable') as HTMLElement & {
        data: Array<PartnerAccountRow & { partnerLabel: string; ownerIcon?: string; ownerIconText?: string }>;
        columns: Array<{
            type?: string;
            typeAttributes?: { rowActions: (row: unknown, done: (actions: unknown[]) => void) => void };
        }>;
    };
}

function rowAction(root: Root, name: string, row: PartnerAccountRow): void {
    datatable(root).dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name }, row } }));
}

function buttonDisabled(root: Root, selector: string): boolean {
    return Boolean(($(root, selector) as HTMLElement & { disabled?: boolean }).disabled);
}

async function renderWithAccounts() {
    const element = render();
    accountsWire.emit(PAGE);
    await flush();
    return element;
}

describe('c-partner-accounts', () => {
    beforeEach(() => {
        // jsdom does not lay out, so it has no scrollIntoView of its own.
        Element.prototype.scrollIntoView = jest.fn();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('the list', () => {
        it('shows a spinner until the accounts arrive', async () => {
            const element = render();
            await flush();
            const root = element.shadowRoot!;
            expect($(root, 'lightning-spinner.list-spinner')).not.toBeNull();
            expect($(root, 'lightning-datatable')).toBeNull();
            expect($(root, '.empty')).toBeNull();
        });

        it('asks for the first page of all accounts', async () => {
            render();
            await flush();
            expect(accountsWire.getLastConfig()).toEqual({
                searchTerm: '',
                partnersOnly: false,
                pageSize: PAGE_SIZE,
                pageNumber: 1
            });
        });

        it('lists the accounts with partner state, owner role warning and the total', async () => {
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            expect($(root, 'lightning-spinner.list-spinner')).toBeNull();
            const rows = datatable(root).data;
            expect(rows.map((r) => r.name)).toEqual(['Acme Distribution', 'Bluebird Resellers', 'Coastal Systems']);
            expect(rows.map((r) => r.partnerLabel)).toEqual([
                'c.Onboarding_Partner_Yes',
                'c.Onboarding_Partner_No',
                'c.Onboarding_Partner_No'
            ]);
            expect(rows[0].ownerIcon).toBeUndefined();
            expect(rows[2].ownerIcon).toBe('utility:warning');
            expect(rows[2].ownerIconText).toBe('c.Onboarding_Owner_No_Role');
            expect(rows[0].channelManagerName).toBe('Grace Hopper');
            expect($(root, '.page-summary')!.textContent).toBe('c.Onboarding_Pagination_Status');
        });

        it('offers enable for non-partners, disable for partners, and partner users for both', async () => {
            const element = await renderWithAccounts();
            const actionColumn = datatable(element.shadowRoot!).columns.find((c) => c.type === 'action')!;
            const actionsOf = (row: PartnerAccountRow) => {
                let names: string[] = [];
                actionColumn.typeAttributes!.rowActions(row, (actions) => {
                    names = (actions as Array<Record<'name', string>>).map((a) => a.name);
                });
                return names;
            };
            expect(actionsOf(PARTNER)).toEqual(['disable', 'users']);
            expect(actionsOf(NOT_PARTNER)).toEqual(['enable', 'users']);
        });

        it('says that no account matches the search term', async () => {
            jest.useFakeTimers();
            const element = render();
            await flush();
            const search = $(element.shadowRoot!, 'lightning-input.search')!;
            search.dispatchEvent(new CustomEvent('change', { detail: { value: 'zzz' } }));
            jest.advanceTimersByTime(SEARCH_DELAY_MS);
            await flush();
            accountsWire.emit({ rows: [], total: 0 });
            await flush();
            const root = element.shadowRoot!;
            expect($(root, 'lightning-datatable')).toBeNull();
            expect($(root, '.empty')!.textContent).toBe('c.Onboarding_UI_No_Accounts_Match');
        });

        it('says when there are no partner accounts at all', async () => {
            const element = render();
            await flush();
            $(element.shadowRoot!, 'lightning-input.partners-only')!.dispatchEvent(
                new CustomEvent('change', { detail: { checked: true } })
            );
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ partnersOnly: true, pageNumber: 1 });
            accountsWire.emit({ rows: [], total: 0 });
            await flush();
            expect($(element.shadowRoot!, '.empty')!.textContent).toBe('c.Onboarding_UI_No_Partner_Accounts');
        });

        it('searches only once typing pauses, from the first page', async () => {
            jest.useFakeTimers();
            const element = await renderWithAccounts();
            $(element.shadowRoot!, 'lightning-button.next')!.click();
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ pageNumber: 2 });

            const search = $(element.shadowRoot!, 'lightning-input.search')!;
            search.dispatchEvent(new CustomEvent('change', { detail: { value: 'ac' } }));
            search.dispatchEvent(new CustomEvent('change', { detail: { value: 'acme ' } }));
            jest.advanceTimersByTime(SEARCH_DELAY_MS - 1);
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ searchTerm: '', pageNumber: 2 });

            jest.advanceTimersByTime(1);
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ searchTerm: 'acme', pageNumber: 1 });
        });

        it('pages forward and back within the total', async () => {
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            expect(buttonDisabled(root, 'lightning-button.previous')).toBe(true);
            expect(buttonDisabled(root, 'lightning-button.next')).toBe(false);

            $(root, 'lightning-button.next')!.click();
            await flush();
            accountsWire.emit({ ...PAGE, pageNumber: 2 });
            await flush();
            $(root, 'lightning-button.next')!.click();
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ pageNumber: 3 });
            accountsWire.emit({ ...PAGE, pageNumber: 3 });
            await flush();
            // 60 accounts at 25 a page: page 3 is the last.
            expect(buttonDisabled(root, 'lightning-button.next')).toBe(true);

            $(root, 'lightning-button.previous')!.click();
            await flush();
            expect(accountsWire.getLastConfig()).toMatchObject({ pageNumber: 2 });
        });

        it('asks to narrow the search when the total is capped', async () => {
            const element = render();
            accountsWire.emit({ ...PAGE, total: 2025, totalCapped: true });
            await flush();
            expect($(element.shadowRoot!, '.capped')!.textContent).toBe('c.Onboarding_Accounts_Total_Capped');
        });

        it('shows a friendly error when the search fails', async () => {
            const element = render();
            accountsWire.error({ message: 'You need the Partner Desk Channel Manager permission set.' });
            await flush();
            const root = element.shadowRoot!;
            const panel = $(root, 'c-error-panel.load-error') as HTMLElement & {
                friendlyMessage: string;
                errors: unknown;
            };
            expect(panel.friendlyMessage).toBe('c.Onboarding_UI_Accounts_Load_Error');
            expect(panel.errors).toMatchObject({
                body: { message: 'You need the Partner Desk Channel Manager permission set.' }
            });
            expect($(root, 'lightning-spinner.list-spinner')).toBeNull();
            expect($(root, '.empty')).toBeNull();
        });

        it('opens the partner users of an account below the list, and closes them', async () => {
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'users', PARTNER);
            await flush();
            const users = $(root, 'c-partner-users') as HTMLElement & { accountId: string; accountName: string };
            expect(users.scrollIntoView).toHaveBeenCalledTimes(1);
            expect(users.accountId).toBe(PARTNER.id);
            expect(users.accountName).toBe(PARTNER.name);
            expect(contactsWire.getLastConfig()).toEqual({ accountId: PARTNER.id });

            users.dispatchEvent(new CustomEvent('close'));
            await flush();
            expect($(root, 'c-partner-users')).toBeNull();
        });

        it('reloads the list when a partner user was created or deactivated', async () => {
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'users', PARTNER);
            await flush();
            $(root, 'c-partner-users')!.dispatchEvent(new CustomEvent('partneruserchange'));
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });
    });

    describe('enable as partner', () => {
        it('shows a spinner, then the pre-checks, and allows confirming when all pass', async () => {
            let resolvePrecheck: (value: unknown) => void = () => undefined;
            jest.mocked(checkEnablePartner).mockReturnValue(
                new Promise((resolve) => (resolvePrecheck = resolve)) as never
            );
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'enable', NOT_PARTNER);
            await flush();
            expect(checkEnablePartner).toHaveBeenCalledWith({ accountId: NOT_PARTNER.id });
            expect(($(root, 'c-onboarding-modal') as HTMLElement & { heading: string }).heading).toBe(
                'c.Onboarding_Enable_Partner_Title'
            );
            expect($(root, 'lightning-spinner.modal-spinner')).not.toBeNull();
            expect(buttonDisabled(root, 'lightning-button.confirm-enable')).toBe(true);

            resolvePrecheck(CHECK_ENABLE_PARTNER);
            await flush();
            expect($(root, 'lightning-spinner.modal-spinner')).toBeNull();
            const checks = Array.from(root.querySelectorAll('.check'));
            expect(checks.map((c) => c.getAttribute('data-key'))).toEqual([
                'PARTNER_ACCESS',
                'OWNER_ROLE',
                'LICENSES',
                'ALREADY_PARTNER'
            ]);
            expect(checks[1].querySelector('.check-message')!.textContent).toBe(CHECK_ENABLE_PARTNER.checks[1].message);
            expect((checks[1].querySelector('lightning-icon') as HTMLElement & { iconName: string }).iconName).toBe(
                'utility:success'
            );
            expect($(root, '.enable-explanation')!.textContent).toBe('c.Onboarding_Enable_Partner_Confirm_Text');
            expect($(root, '.licenses')!.textContent).toBe('c.Onboarding_Licenses_Available');
            expect($(root, '.refused')).toBeNull();
            expect(buttonDisabled(root, 'lightning-button.confirm-enable')).toBe(false);
        });

        it('refuses to confirm when a pre-check fails, and says which', async () => {
            jest.mocked(checkEnablePartner).mockResolvedValue(CHECK_ENABLE_PARTNER_REFUSED as never);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'enable', PAGE.rows[2]);
            await flush();
            const failed = root.querySelector('.check[data-key="OWNER_ROLE"]')!;
            expect(
                (failed.querySelector('lightning-icon') as HTMLElement & { iconName: string; alternativeText: string })
                    .iconName
            ).toBe('utility:error');
            expect(
                (failed.querySelector('lightning-icon') as HTMLElement & { alternativeText: string }).alternativeText
            ).toBe('c.Onboarding_Precheck_Failed');
            expect(failed.textContent).toContain('has no role');
            expect($(root, '.refused')!.textContent).toBe('c.Onboarding_Enable_Partner_Refused');
            expect(buttonDisabled(root, 'lightning-button.confirm-enable')).toBe(true);

            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();
            expect(enablePartner).not.toHaveBeenCalled();
        });

        it('enables the account, says so and reloads the list', async () => {
            jest.mocked(checkEnablePartner).mockResolvedValue(CHECK_ENABLE_PARTNER as never);
            jest.mocked(enablePartner).mockResolvedValue(ENABLE_PARTNER as never);
            const element = await renderWithAccounts();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            const root = element.shadowRoot!;
            rowAction(root, 'enable', NOT_PARTNER);
            await flush();
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();

            expect(enablePartner).toHaveBeenCalledWith({ accountId: NOT_PARTNER.id });
            expect(toast).toHaveBeenCalledTimes(1);
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'success',
                message: 'c.Onboarding_Enable_Partner_Success'
            });
            expect($(root, 'c-onboarding-modal')).toBeNull();
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('keeps the dialog open with a friendly error when enabling fails', async () => {
            jest.mocked(checkEnablePartner).mockResolvedValue(CHECK_ENABLE_PARTNER as never);
            jest.mocked(enablePartner).mockRejectedValue(APEX_ERROR);
            const element = await renderWithAccounts();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            const root = element.shadowRoot!;
            rowAction(root, 'enable', NOT_PARTNER);
            await flush();
            $(root, 'lightning-button.confirm-enable')!.click();
            await flush();

            const panel = $(root, 'c-error-panel.modal-error') as HTMLElement & {
                friendlyMessage: string;
                errors: unknown;
            };
            expect(panel.friendlyMessage).toBe('c.Onboarding_UI_Enable_Error');
            expect(panel.errors).toEqual(APEX_ERROR);
            expect($(root, 'c-onboarding-modal')).not.toBeNull();
            expect(toast).not.toHaveBeenCalled();
            expect(refreshApex).not.toHaveBeenCalled();
        });

        it('shows why the pre-checks could not run', async () => {
            jest.mocked(checkEnablePartner).mockRejectedValue(APEX_ERROR);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'enable', NOT_PARTNER);
            await flush();
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Precheck_Error');
            expect(buttonDisabled(root, 'lightning-button.confirm-enable')).toBe(true);
        });

        it('closes on cancel without changing anything', async () => {
            jest.mocked(checkEnablePartner).mockResolvedValue(CHECK_ENABLE_PARTNER as never);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'enable', NOT_PARTNER);
            await flush();
            $(root, 'lightning-button.cancel')!.click();
            await flush();
            expect($(root, 'c-onboarding-modal')).toBeNull();
            expect(enablePartner).not.toHaveBeenCalled();
        });
    });

    describe('disable partner', () => {
        it('states the consequences before anything changes', async () => {
            jest.mocked(checkDisablePartner).mockResolvedValue(CHECK_DISABLE_PARTNER as never);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'disable', PARTNER);
            await flush();
            expect(checkDisablePartner).toHaveBeenCalledWith({ accountId: PARTNER.id });
            expect(($(root, 'c-onboarding-modal') as HTMLElement & { heading: string }).heading).toBe(
                'c.Onboarding_Disable_Partner_Title'
            );
            expect($(root, '.impact-message')!.textContent).toBe(CHECK_DISABLE_PARTNER.message);
            expect(Array.from(root.querySelectorAll('.impact li')).map((li) => li.textContent)).toEqual([
                'c.Onboarding_UI_Impact_Active_Users',
                'c.Onboarding_UI_Impact_Open_Leads',
                'c.Onboarding_UI_Impact_Queues'
            ]);
            expect(buttonDisabled(root, 'lightning-button.confirm-disable')).toBe(false);
            expect(disablePartner).not.toHaveBeenCalled();
        });

        it('refuses when the server says the account cannot be disabled now', async () => {
            jest.mocked(checkDisablePartner).mockResolvedValue(CHECK_DISABLE_PARTNER_REFUSED as never);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'disable', PARTNER);
            await flush();
            expect($(root, '.impact-message.refused')!.textContent).toBe(CHECK_DISABLE_PARTNER_REFUSED.message);
            expect(buttonDisabled(root, 'lightning-button.confirm-disable')).toBe(true);
            $(root, 'lightning-button.confirm-disable')!.click();
            await flush();
            expect(disablePartner).not.toHaveBeenCalled();
        });

        it('disables the account, says so, and reloads the list and its open partner users', async () => {
            jest.mocked(checkDisablePartner).mockResolvedValue(CHECK_DISABLE_PARTNER as never);
            jest.mocked(disablePartner).mockResolvedValue(undefined as never);
            const element = await renderWithAccounts();
            const toast = jest.fn();
            element.addEventListener('lightning__showtoast', toast);
            const root = element.shadowRoot!;
            rowAction(root, 'users', PARTNER);
            await flush();
            contactsWire.emit([]);
            rowAction(root, 'disable', PARTNER);
            await flush();
            $(root, 'lightning-button.confirm-disable')!.click();
            await flush();

            expect(disablePartner).toHaveBeenCalledWith({ accountId: PARTNER.id });
            expect(toast.mock.calls[0][0].detail).toMatchObject({
                variant: 'success',
                message: 'c.Onboarding_Disable_Partner_Success'
            });
            expect($(root, 'c-onboarding-modal')).toBeNull();
            // once for the accounts, once for the partner users shown for the same account
            expect(refreshApex).toHaveBeenCalledTimes(2);
        });

        it('shows a friendly error when disabling fails', async () => {
            jest.mocked(checkDisablePartner).mockResolvedValue(CHECK_DISABLE_PARTNER as never);
            jest.mocked(disablePartner).mockRejectedValue(APEX_ERROR);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'disable', PARTNER);
            await flush();
            $(root, 'lightning-button.confirm-disable')!.click();
            await flush();
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Disable_Error');
            expect($(root, 'c-onboarding-modal')).not.toBeNull();
        });

        it('shows why the consequences could not be checked', async () => {
            jest.mocked(checkDisablePartner).mockRejectedValue(APEX_ERROR);
            const element = await renderWithAccounts();
            const root = element.shadowRoot!;
            rowAction(root, 'disable', PARTNER);
            await flush();
            expect(
                ($(root, 'c-error-panel.modal-error') as HTMLElement & { friendlyMessage: string }).friendlyMessage
            ).toBe('c.Onboarding_UI_Impact_Error');
            expect(buttonDisabled(root, 'lightning-button.confirm-disable')).toBe(true);
        });
    });

    describe('accessibility', () => {
        // axe walks every shadow tree twice here; on a busy machine that outlasts jest's 5 s default.
        const A11Y_TIMEOUT_MS = 30000;

        it(
            'is accessible with data and with the enable dialog open',
            async () => {
                jest.mocked(checkEnablePartner).mockResolvedValue(CHECK_ENABLE_PARTNER_REFUSED as never);
                const element = await renderWithAccounts();
                await expect(element).toBeAccessible();
                rowAction(element.shadowRoot!, 'enable', PAGE.rows[2]);
                await flush();
                await expect(element).toBeAccessible();
            },
            A11Y_TIMEOUT_MS
        );
    });
});
