// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
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
                rowActions: (row, done) => done(this.actionsFor(row))
            }
        }
    ];
    /** What is in the search box now; `searchTerm` follows it once typing pauses. */
    searchInput = '';
    searchTerm = '';
    partnersOnly = false;
    pageSize = PAGE_SIZE;
    pageNumber = 1;
    accountPage;
    loadError;
    isLoading = true;
    /** The account whose partner users are shown below the list. */
    usersAccount;
    modalKind;
    modalAccount;
    modalLoading = false;
    modalBusy = false;
    modalError;
    modalErrorMessage;
    precheck;
    impact;
    wiredPage;
    searchTimer;
    /** The partner users panel opens below a list that may be long: bring it into view once. */
    revealUsersPanel = false;
    @wire(searchAccounts, {
        searchTerm: '$searchTerm',
        partnersOnly: '$partnersOnly',
        pageSize: '$pageSize',
        pageNumber: '$pageNumber'
    })
    wiredAccounts(result) {
        this.wiredPage = result;
        if (result.data) {
            this.accountPage = result.data;
            this.loadError = undefined;
            this.isLoading = false;
        }
        else if (result.error) {
            this.accountPage = undefined;
            this.loadError = result.error;
            this.isLoading = false;
        }
    }
    renderedCallback() {
        if (this.revealUsersPanel) {
            this.revealUsersPanel = false;
            this.template?.querySelector('c-partner-users')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
        }
    }
    disconnectedCallback() {
        clearTimeout(this.searchTimer);
    }
    get rows() {
        return (this.accountPage?.rows ?? []).map((row) => ({
            ...row,
            partnerLabel: row.isPartner ? YES : NO,
            ownerIcon: row.ownerHasRole ? undefined : 'utility:warning',
            ownerIconText: row.ownerHasRole ? undefined : OWNER_NO_ROLE
        }));
    }
    get total() {
        return this.accountPage?.total ?? 0;
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get showEmpty() {
        return !this.isLoading && !this.loadError && !this.hasRows;
    }
    get emptyMessage() {
        if (this.searchTerm) {
            return formatLabel(NO_ACCOUNTS_MATCH, this.searchTerm);
        }
        return this.partnersOnly ? NO_PARTNER_ACCOUNTS : NO_ACCOUNTS;
    }
    /** Set when more accounts match than SOQL can page through: the user should narrow the search. */
    get cappedMessage() {
        return this.accountPage?.totalCapped ? formatLabel(TOTAL_CAPPED, this.total) : undefined;
    }
    get pageCount() {
        return Math.max(1, Math.ceil(this.total / this.pageSize));
    }
    get pageSummary() {
        return formatLabel(PAGE_SUMMARY, this.pageNumber, this.pageCount, this.total);
    }
    get previousDisabled() {
        return this.isLoading || this.pageNumber <= 1;
    }
    get nextDisabled() {
        return this.isLoading || this.pageNumber >= this.pageCount;
    }
    get usersPanelShown() {
        return this.usersAccount !== undefined;
    }
    handleSearchInput(event) {
        this.searchInput = event.detail.value ?? '';
        clearTimeout(this.searchTimer);
        // Wait for a pause in typing so each keystroke does not start a server search.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DELAY_MS);
    }
    handlePartnersOnlyChange(event) {
        this.partnersOnly = event.detail.checked === true;
        this.pageNumber = 1;
        this.isLoading = true;
    }
    handlePrevious() {
        this.goToPage(this.pageNumber - 1);
    }
    handleNext() {
        this.goToPage(this.pageNumber + 1);
    }
    handleRowAction(event) {
        const { action, row } = event.detail;
        if (action.name === 'users') {
            this.usersAccount = row;
            this.revealUsersPanel = true;
        }
        else if (action.name === 'enable') {
            this.openEnable(row);
        }
        else if (action.name === 'disable') {
            this.openDisable(row);
        }
    }
    handleUsersClose() {
        this.usersAccount = undefined;
    }
    /** A partner user was created or deactivated: the account's partner user count changed. */
    handlePartnerUserChange() {
        this.refreshList();
    }
    // ---- the two dialogs ------------------------------------------------------------------
    get modalShown() {
        return this.modalKind !== undefined;
    }
    get isEnableModal() {
        return this.modalKind === 'enable';
    }
    get modalHeading() {
        const template = this.modalKind === 'enable' ? ENABLE_HEADING : DISABLE_HEADING;
        return formatLabel(template, this.modalAccount?.name);
    }
    get enableExplanation() {
        return formatLabel(ENABLE_EXPLANATION, this.modalAccount?.name);
    }
    get checks() {
        return (this.precheck?.checks ?? []).map((check) => ({
            key: check.key,
            message: check.message,
            iconName: check.passed ? 'utility:success' : 'utility:error',
            iconVariant: check.passed ? 'success' : 'error',
            iconText: check.passed ? CHECK_PASSED : CHECK_FAILED
        }));
    }
    get licensesAvailable() {
        return formatLabel(LICENSES_AVAILABLE, this.precheck?.licensesAvailable ?? 0);
    }
    get enableRefused() {
        return this.precheck !== undefined && !this.precheck.canEnable;
    }
    get confirmEnableDisabled() {
        return this.modalBusy || this.precheck?.canEnable !== true;
    }
    get impactLines() {
        if (!this.impact) {
            return [];
        }
        return [
            { key: 'users', text: formatLabel(DISABLE_USERS, this.impact.activePartnerUsers) },
            { key: 'leads', text: formatLabel(DISABLE_LEADS, this.impact.openLeads) },
            { key: 'queues', text: formatLabel(DISABLE_QUEUES, this.impact.partnerQueues) }
        ];
    }
    get impactMessage() {
        return this.impact?.message ?? undefined;
    }
    /** The server says whether the account can be disabled now (it refuses above a number of users). */
    get disableRefused() {
        return this.impact?.canDisable === false;
    }
    get confirmDisableDisabled() {
        return this.modalBusy || this.impact === undefined || this.disableRefused;
    }
    handleModalClose() {
        if (!this.modalBusy) {
            this.closeModal();
        }
    }
    async handleConfirmEnable() {
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
        }
        catch (error) {
            this.showModalError(error, formatLabel(ENABLE_ERROR, account.name));
        }
        finally {
            this.modalBusy = false;
        }
    }
    async handleConfirmDisable() {
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
        }
        catch (error) {
            this.showModalError(error, formatLabel(DISABLE_ERROR, account.name));
        }
        finally {
            this.modalBusy = false;
        }
    }
    actionsFor(row) {
        const toggle = row.isPartner
            ? { label: ACTION_DISABLE, name: 'disable' }
            : { label: ACTION_ENABLE, name: 'enable' };
        return [toggle, { label: ACTION_USERS, name: 'users' }];
    }
    applySearch() {
        const term = this.searchInput.trim();
        if (term !== this.searchTerm) {
            this.searchTerm = term;
            this.pageNumber = 1;
            this.isLoading = true;
        }
    }
    goToPage(pageNumber) {
        if (pageNumber >= 1 && pageNumber <= this.pageCount && pageNumber !== this.pageNumber) {
            this.pageNumber = pageNumber;
            this.isLoading = true;
        }
    }
    async openEnable(account) {
        this.openModal('enable', account);
        try {
            this.precheck = await checkEnablePartner({ accountId: account.id });
        }
        catch (error) {
            this.showModalError(error, PRECHECK_ERROR);
        }
        finally {
            this.modalLoading = false;
        }
    }
    async openDisable(account) {
        this.openModal('disable', account);
        try {
            this.impact = await checkDisablePartner({ accountId: account.id });
        }
        catch (error) {
            this.showModalError(error, IMPACT_ERROR);
        }
        finally {
            this.modalLoading = false;
        }
    }
    openModal(kind, account) {
        this.modalKind = kind;
        this.modalAccount = account;
        this.modalLoading = true;
        this.modalBusy = false;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
        this.precheck = undefined;
        this.impact = undefined;
    }
    closeModal() {
        this.modalKind = undefined;
        this.modalAccount = undefined;
        this.precheck = undefined;
        this.impact = undefined;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
    }
    showModalError(error, message) {
        this.modalError = error;
        this.modalErrorMessage = message;
    }
    toast(message) {
        this.dispatchEvent(new ShowToastEvent({ title: SUCCESS_TITLE, message, variant: 'success' }));
    }
    /** After enabling or disabling: reload the list, and the partner users shown for that account. */
    refreshAfterChange(accountId) {
        this.refreshList();
        if (this.usersAccount?.id === accountId) {
            this.template?.querySelector('c-partner-users')?.refresh();
        }
    }
    refreshList() {
        if (this.wiredPage) {
            refreshApex(this.wiredPage);
        }
    }
}
