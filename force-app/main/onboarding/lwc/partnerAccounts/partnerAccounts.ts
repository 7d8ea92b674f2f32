// Past 400 lines: 45 lines import its labels; the rest is one screen (search, paging, pre-checks, the enable and disable dialogs) whose state every handler shares.
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import searchAccounts from '@salesforce/apex/PartnerOnboardingController.searchAccounts';
import checkEnablePartner from '@salesforce/apex/PartnerOnboardingController.checkEnablePartner';
import enablePartner from '@salesforce/apex/PartnerOnboardingController.enablePartner';
import checkDisablePartner from '@salesforce/apex/PartnerOnboardingController.checkDisablePartner';
import disablePartner from '@salesforce/apex/PartnerOnboardingController.disablePartner';
import { formatLabel } from 'c/ldsUtils';
import type { AccountPage, DisableImpact, PartnerAccountRow, PartnerPrecheck, WiredResult } from 'c/onboardingCommon';
import type PartnerUsers from 'c/partnerUsers';

import TITLE from '@salesforce/label/c.Onboarding_Accounts_Title';
import SEARCH_LABEL from '@salesforce/label/c.Onboarding_Accounts_Search_Label';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.Onboarding_Accounts_Search_Placeholder';
import PARTNERS_ONLY from '@salesforce/label/c.Onboarding_Accounts_Partners_Only';
import LOADING from '@salesforce/label/c.Common_Loading';
import COL_NAME from '@salesforce/label/c.Onboarding_Column_Account_Name';
import COL_OWNER from '@salesforce/label/c.Onboarding_Column_Owner';
import COL_PARTNER from '@salesforce/label/c.Onboarding_Column_Is_Partner';
import COL_PARTNER_USERS from '@salesforce/label/c.Onboarding_Column_Partner_Users';
import COL_CHANNEL_MANAGER from '@salesforce/label/c.Onboarding_Column_Channel_Manager';
import YES from '@salesforce/label/c.Onboarding_Partner_Yes';
import NO from '@salesforce/label/c.Onboarding_Partner_No';
import OWNER_NO_ROLE from '@salesforce/label/c.Onboarding_Owner_No_Role';
import ACTION_ENABLE from '@salesforce/label/c.Onboarding_Action_Enable_Partner';
import ACTION_DISABLE from '@salesforce/label/c.Onboarding_Action_Disable_Partner';
import ACTION_USERS from '@salesforce/label/c.Onboarding_Action_View_Users';
import NO_ACCOUNTS from '@salesforce/label/c.Onboarding_Accounts_Empty';
import NO_ACCOUNTS_MATCH from '@salesforce/label/c.Onboarding_UI_No_Accounts_Match';
import NO_PARTNER_ACCOUNTS from '@salesforce/label/c.Onboarding_UI_No_Partner_Accounts';
import TOTAL_CAPPED from '@salesforce/label/c.Onboarding_Accounts_Total_Capped';
import PAGE_SUMMARY from '@salesforce/label/c.Onboarding_Pagination_Status';
import PREVIOUS from '@salesforce/label/c.Onboarding_Pagination_Previous';
import NEXT from '@salesforce/label/c.Onboarding_Pagination_Next';
import LOAD_ERROR from '@salesforce/label/c.Onboarding_UI_Accounts_Load_Error';
import CANCEL from '@salesforce/label/c.Common_Cancel';
import ENABLE_HEADING from '@salesforce/label/c.Onboarding_Enable_Partner_Title';
import ENABLE_EXPLANATION from '@salesforce/label/c.Onboarding_Enable_Partner_Confirm_Text';
import PRECHECKS_HEADING from '@salesforce/label/c.Onboarding_Precheck_Title';
import CHECK_PASSED from '@salesforce/label/c.Onboarding_Precheck_Passed';
import CHECK_FAILED from '@salesforce/label/c.Onboarding_Precheck_Failed';
import LICENSES_AVAILABLE from '@salesforce/label/c.Onboarding_Licenses_Available';
import ENABLE_REFUSED from '@salesforce/label/c.Onboarding_Enable_Partner_Refused';
import ENABLE_CONFIRM from '@salesforce/label/c.Onboarding_Enable_Partner_Confirm';
import ENABLE_SUCCESS from '@salesforce/label/c.Onboarding_Enable_Partner_Success';
import ENABLE_ERROR from '@salesforce/label/c.Onboarding_UI_Enable_Error';
import PRECHECK_ERROR from '@salesforce/label/c.Onboarding_UI_Precheck_Error';
import DISABLE_HEADING from '@salesforce/label/c.Onboarding_Disable_Partner_Title';
import DISABLE_USERS from '@salesforce/label/c.Onboarding_UI_Impact_Active_Users';
import DISABLE_LEADS from '@salesforce/label/c.Onboarding_UI_Impact_Open_Leads';
import DISABLE_QUEUES from '@salesforce/label/c.Onboarding_UI_Impact_Queues';
import DISABLE_CONFIRM from '@salesforce/label/c.Onboarding_Disable_Partner_Confirm';
import DISABLE_SUCCESS from '@salesforce/label/c.Onboarding_Disable_Partner_Success';
import DISABLE_ERROR from '@salesforce/label/c.Onboarding_UI_Disable_Error';
import IMPACT_ERROR from '@salesforce/label/c.Onboarding_UI_Impact_Error';
import SUCCESS_TITLE from '@salesforce/label/c.Onboarding_UI_Success_Title';

/** Accounts asked for per page (searchAccounts accepts up to 200). */
export const PAGE_SIZE = 25;
/** How long typing has to pause before the list is searched again. */
export const SEARCH_DELAY_MS = 300;

interface DisplayRow extends PartnerAccountRow {
    partnerLabel: string;
    ownerIcon?: string;
    ownerIconText?: string;
}

/** A datatable row action; its `name` says which action was chosen. */
type RowAction = Record<'label' | 'name', string>;

interface CheckView {
    key: string;
    message: string;
    iconName: string;
    iconVariant: string;
    iconText: string;
}

type ModalKind = 'enable' | 'disable';

/**
 * The channel manager's list of accounts: search, page, and turn accounts into partner accounts
 * (or back) after pre-checks, and open the partner users of one account below the list.
 */
export default class PartnerAccounts extends LightningElement {
    labels = {
        TITLE,
        SEARCH_LABEL,
        SEARCH_PLACEHOLDER,
        PARTNERS_ONLY,
        LOADING,
        PREVIOUS,
        NEXT,
        LOAD_ERROR,
        CANCEL,
        PRECHECKS_HEADING,
        ENABLE_REFUSED,
        ENABLE_CONFIRM,
        DISABLE_CONFIRM
    };

    columns = [
        { label: COL_NAME, fieldName: 'name', type: 'text', wrapText: true },
        {
            label: COL_OWNER,
            fieldName: 'ownerName',
            type: 'text',
            cellAttributes: {
                iconName: { fieldName: 'ownerIcon' },
                iconAlternativeText: { fieldName: 'ownerIconText' },
                iconPosition: 'right'
            }
        },
        { label: COL_PARTNER, fieldName: 'partnerLabel', type: 'text' },
        {
            label: COL_PARTNER_USERS,
            fieldName: 'partnerUserCount',
            type: 'number',
            cellAttributes: { alignment: 'left' }
        },
        { label: COL_CHANNEL_MANAGER, fieldName: 'channelManagerName', type: 'text' },
        {
            type: 'action',
            typeAttributes: {
                rowActions: (row: DisplayRow, done: (actions: RowAction[]) => void) => done(this.actionsFor(row))
            }
        }
    ];

    /** What is in the search box now; `searchTerm` follows it once typing pauses. */
    searchInput = '';
    searchTerm = '';
    partnersOnly = false;
    pageSize = PAGE_SIZE;
    pageNumber = 1;

    accountPage?: AccountPage;
    loadError?: unknown;
    isLoading = true;

    /** The account whose partner users are shown below the list. */
    usersAccount?: PartnerAccountRow;

    modalKind?: ModalKind;
    modalAccount?: PartnerAccountRow;
    modalLoading = false;
    modalBusy = false;
    modalError?: unknown;
    modalErrorMessage?: string;
    precheck?: PartnerPrecheck;
    impact?: DisableImpact;

    private wiredPage?: WiredResult<AccountPage>;
    private searchTimer?: ReturnType<typeof setTimeout>;
    /** The partner users panel opens below a list that may be long: bring it into view once. */
    private revealUsersPanel = false;

    @wire(searchAccounts, {
        searchTerm: '$searchTerm',
        partnersOnly: '$partnersOnly',
        pageSize: '$pageSize',
        pageNumber: '$pageNumber'
    })
    wiredAccounts(result: WiredResult<AccountPage>): void {
        this.wiredPage = result;
        if (result.data) {
            this.accountPage = result.data;
            this.loadError = undefined;
            this.isLoading = false;
        } else if (result.error) {
            this.accountPage = undefined;
            this.loadError = result.error;
            this.isLoading = false;
        }
    }

    override renderedCallback(): void {
        if (this.revealUsersPanel) {
            this.revealUsersPanel = false;
            this.template?.querySelector('c-partner-users')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
        }
    }

    override disconnectedCallback(): void {
        clearTimeout(this.searchTimer);
    }

    get rows(): DisplayRow[] {
        return (this.accountPage?.rows ?? []).map((row) => ({
            ...row,
            partnerLabel: row.isPartner ? YES : NO,
            ownerIcon: row.ownerHasRole ? undefined : 'utility:warning',
            ownerIconText: row.ownerHasRole ? undefined : OWNER_NO_ROLE
        }));
    }

    get total(): number {
        return this.accountPage?.total ?? 0;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get showEmpty(): boolean {
        return !this.isLoading && !this.loadError && !this.hasRows;
    }

    get emptyMessage(): string {
        if (this.searchTerm) {
            return formatLabel(NO_ACCOUNTS_MATCH, this.searchTerm);
        }
        return this.partnersOnly ? NO_PARTNER_ACCOUNTS : NO_ACCOUNTS;
    }

    /** Set when more accounts match than SOQL can page through: the user should narrow the search. */
    get cappedMessage(): string | undefined {
        return this.accountPage?.totalCapped ? formatLabel(TOTAL_CAPPED, this.total) : undefined;
    }

    get pageCount(): number {
        return Math.max(1, Math.ceil(this.total / this.pageSize));
    }

    get pageSummary(): string {
        return formatLabel(PAGE_SUMMARY, this.pageNumber, this.pageCount, this.total);
    }

    get previousDisabled(): boolean {
        return this.isLoading || this.pageNumber <= 1;
    }

    get nextDisabled(): boolean {
        return this.isLoading || this.pageNumber >= this.pageCount;
    }

    get usersPanelShown(): boolean {
        return this.usersAccount !== undefined;
    }

    handleSearchInput(event: CustomEvent<{ value?: string }>): void {
        this.searchInput = event.detail.value ?? '';
        clearTimeout(this.searchTimer);
        // Wait for a pause in typing so each keystroke does not start a server search.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
    }

    handlePartnersOnlyChange(event: CustomEvent<{ checked?: boolean }>): void {
        this.partnersOnly = event.detail.checked === true;
        this.pageNumber = 1;
        this.isLoading = true;
    }

    handlePrevious(): void {
        this.goToPage(this.pageNumber - 1);
    }

    handleNext(): void {
        this.goToPage(this.pageNumber + 1);
    }

    handleRowAction(event: CustomEvent<{ action: RowAction; row: PartnerAccountRow }>): void {
        const { action, row } = event.detail;
        if (action.name === 'users') {
            this.usersAccount = row;
            this.revealUsersPanel = true;
        } else if (action.name === 'enable') {
            this.openEnable(row);
        } else if (action.name === 'disable') {
            this.openDisable(row);
        }
    }

    handleUsersClose(): void {
        this.usersAccount = undefined;
    }

    /** A partner user was created or deactivated: the account's partner user count changed. */
    handlePartnerUserChange(): void {
        this.refreshList();
    }

    // ---- the two dialogs ------------------------------------------------------------------

    get modalShown(): boolean {
        return this.modalKind !== undefined;
    }

    get isEnableModal(): boolean {
        return this.modalKind === 'enable';
    }

    get modalHeading(): string {
        const template = this.modalKind === 'enable' ? ENABLE_HEADING : DISABLE_HEADING;
        return formatLabel(template, this.modalAccount?.name);
    }

    get enableExplanation(): string {
        return formatLabel(ENABLE_EXPLANATION, this.modalAccount?.name);
    }

    get checks(): CheckView[] {
        return (this.precheck?.checks ?? []).map((check) => ({
            key: check.key,
            message: check.message,
            iconName: check.passed ? 'utility:success' : 'utility:error',
            iconVariant: check.passed ? 'success' : 'error',
            iconText: check.passed ? CHECK_PASSED : CHECK_FAILED
        }));
    }

    get licensesAvailable(): string {
        return formatLabel(LICENSES_AVAILABLE, this.precheck?.licensesAvailable ?? 0);
    }

    get enableRefused(): boolean {
        return this.precheck !== undefined && !this.precheck.canEnable;
    }

    get confirmEnableDisabled(): boolean {
        return this.modalBusy || this.precheck?.canEnable !== true;
    }

    get impactLines(): Array<{ key: string; text: string }> {
        if (!this.impact) {
            return [];
        }
        return [
            { key: 'users', text: formatLabel(DISABLE_USERS, this.impact.activePartnerUsers) },
            { key: 'leads', text: formatLabel(DISABLE_LEADS, this.impact.openLeads) },
            { key: 'queues', text: formatLabel(DISABLE_QUEUES, this.impact.partnerQueues) }
        ];
    }

    get impactMessage(): string | undefined {
        return this.impact?.message ?? undefined;
    }

    /** The server says whether the account can be disabled now (it refuses above a number of users). */
    get disableRefused(): boolean {
        return this.impact?.canDisable === false;
    }

    get confirmDisableDisabled(): boolean {
        return this.modalBusy || this.impact === undefined || this.disableRefused;
    }

    handleModalClose(): void {
        if (!this.modalBusy) {
            this.closeModal();
        }
    }

    async handleConfirmEnable(): Promise<void> {
        const account = this.modalAccount;
        if (!account || this.confirmEnableDisabled) {
            return;
        }
        this.modalBusy = true;
        this.modalError = undefined;
        try {
            await enablePartner({ accountId: account.id });
            this.toast(formatLabel(ENABLE_SUCCESS, account.name));
            this.closeModal();
            this.refreshAfterChange(account.id);
        } catch (error) {
            this.showModalError(error, formatLabel(ENABLE_ERROR, account.name));
        } finally {
            this.modalBusy = false;
        }
    }

    async handleConfirmDisable(): Promise<void> {
        const account = this.modalAccount;
        if (!account || this.confirmDisableDisabled) {
            return;
        }
        this.modalBusy = true;
        this.modalError = undefined;
        try {
            await disablePartner({ accountId: account.id });
            this.toast(formatLabel(DISABLE_SUCCESS, account.name));
            this.closeModal();
            this.refreshAfterChange(account.id);
        } catch (error) {
            this.showModalError(error, formatLabel(DISABLE_ERROR, account.name));
        } finally {
            this.modalBusy = false;
        }
    }

    private actionsFor(row: PartnerAccountRow): RowAction[] {
        const toggle: RowAction = row.isPartner
            ? { label: ACTION_DISABLE, name: 'disable' }
            : { label: ACTION_ENABLE, name: 'enable' };
        return [toggle, { label: ACTION_USERS, name: 'users' }];
    }

    private applySearch(): void {
        const term = this.searchInput.trim();
        if (term !== this.searchTerm) {
            this.searchTerm = term;
            this.pageNumber = 1;
            this.isLoading = true;
        }
    }

    private goToPage(pageNumber: number): void {
        if (pageNumber >= 1 && pageNumber <= this.pageCount && pageNumber !== this.pageNumber) {
            this.pageNumber = pageNumber;
            this.isLoading = true;
        }
    }

    private async openEnable(account: PartnerAccountRow): Promise<void> {
        this.openModal('enable', account);
        try {
            this.precheck = await checkEnablePartner({ accountId: account.id });
        } catch (error) {
            this.showModalError(error, PRECHECK_ERROR);
        } finally {
            this.modalLoading = false;
        }
    }

    private async openDisable(account: PartnerAccountRow): Promise<void> {
        this.openModal('disable', account);
        try {
            this.impact = await checkDisablePartner({ accountId: account.id });
        } catch (error) {
            this.showModalError(error, IMPACT_ERROR);
        } finally {
            this.modalLoading = false;
        }
    }

    private openModal(kind: ModalKind, account: PartnerAccountRow): void {
        this.modalKind = kind;
        this.modalAccount = account;
        this.modalLoading = true;
        this.modalBusy = false;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
        this.precheck = undefined;
        this.impact = undefined;
    }

    private closeModal(): void {
        this.modalKind = undefined;
        this.modalAccount = undefined;
        this.precheck = undefined;
        this.impact = undefined;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
    }

    private showModalError(error: unknown, message: string): void {
        this.modalError = error;
        this.modalErrorMessage = message;
    }

    private toast(message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title: SUCCESS_TITLE, message, variant: 'success' }));
    }

    /** After enabling or disabling: reload the list, and the partner users shown for that account. */
    private refreshAfterChange(accountId: string): void {
        this.refreshList();
        if (this.usersAccount?.id === accountId) {
            this.template?.querySelector<PartnerUsers & HTMLElement>('c-partner-users')?.refresh();
        }
    }

    private refreshList(): void {
        if (this.wiredPage) {
            refreshApex(this.wiredPage);
        }
    }
}
