// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
// Past 400 lines: 61 lines import its labels; the rest is one screen (contacts, status badges, the enable form with its checks) whose state every handler shares.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { NavigationMixin } from 'lightning/navigation';
import getPartnerContacts from '@salesforce/apex/PartnerOnboardingController.getPartnerContacts';
import getPartnerContactsCapNotice from '@salesforce/apex/PartnerOnboardingController.getPartnerContactsCapNotice';
import getEnableUserOptions from '@salesforce/apex/PartnerOnboardingController.getEnableUserOptions';
import enablePartnerUser from '@salesforce/apex/PartnerOnboardingController.enablePartnerUser';
import resendWelcomeEmail from '@salesforce/apex/PartnerOnboardingController.resendWelcomeEmail';
import checkDeactivateUser from '@salesforce/apex/PartnerOnboardingController.checkDeactivateUser';
import deactivatePartnerUser from '@salesforce/apex/PartnerOnboardingController.deactivatePartnerUser';
import { formatLabel } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Onboarding_Users_Title';
import CLOSE from '@salesforce/label/c.Onboarding_UI_Close';
import LOADING from '@salesforce/label/c.Common_Loading';
import CANCEL from '@salesforce/label/c.Common_Cancel';
import SUCCESS_TITLE from '@salesforce/label/c.Onboarding_UI_Success_Title';
import ATTENTION_TITLE from '@salesforce/label/c.Onboarding_UI_Attention_Title';
import NO_CONTACTS from '@salesforce/label/c.Onboarding_Users_Empty';
import LOAD_ERROR from '@salesforce/label/c.Onboarding_UI_Users_Load_Error';
import COL_CONTACT from '@salesforce/label/c.Onboarding_Column_Contact_Name';
import COL_EMAIL from '@salesforce/label/c.Onboarding_Column_Email';
import COL_USERNAME from '@salesforce/label/c.Onboarding_Column_Username';
import COL_STATUS from '@salesforce/label/c.Onboarding_Column_Status';
import COL_LAST_LOGIN from '@salesforce/label/c.Onboarding_Column_Last_Login';
import COL_OPEN_LEADS from '@salesforce/label/c.Onboarding_Column_Open_Leads';
import COL_ACTIONS from '@salesforce/label/c.Onboarding_Column_Actions';
import NEVER from '@salesforce/label/c.Onboarding_UI_Never';
import STATUS_NO_USER from '@salesforce/label/c.Onboarding_Status_No_User';
import STATUS_NO_USER_HELP from '@salesforce/label/c.Onboarding_Status_No_User_Help';
import STATUS_ACTIVE_LOGGED_IN from '@salesforce/label/c.Onboarding_Status_Active_Logged_In';
import STATUS_NEVER_LOGGED_IN from '@salesforce/label/c.Onboarding_Status_Active_Never_Logged_In';
import STATUS_NEVER_LOGGED_IN_HELP from '@salesforce/label/c.Onboarding_Status_Active_Never_Logged_In_Help';
import STATUS_INACTIVE from '@salesforce/label/c.Onboarding_Status_Inactive';
import STATUS_INACTIVE_HELP from '@salesforce/label/c.Onboarding_Status_Inactive_Help';
import STATUS_NOT_SITE_MEMBER from '@salesforce/label/c.Onboarding_Status_Not_Site_Member';
import STATUS_NOT_SITE_MEMBER_HELP from '@salesforce/label/c.Onboarding_Status_Not_Site_Member_Help';
import ACTION_ENABLE_USER from '@salesforce/label/c.Onboarding_Action_Enable_User';
import ACTION_RESEND from '@salesforce/label/c.Onboarding_Action_Resend_Welcome';
import ACTION_DEACTIVATE from '@salesforce/label/c.Onboarding_Action_Deactivate_User';
import ENABLE_USER_HEADING from '@salesforce/label/c.Onboarding_Enable_User_Title';
import ENABLE_USER_CONFIRM from '@salesforce/label/c.Onboarding_Enable_User_Confirm';
import FIELD_EMAIL from '@salesforce/label/c.Onboarding_Field_Email';
import FIELD_USERNAME from '@salesforce/label/c.Onboarding_Field_Username';
import USERNAME_HELP from '@salesforce/label/c.Onboarding_Field_Username_Help';
import FIELD_PROFILE from '@salesforce/label/c.Onboarding_Field_Profile';
import PROFILE_PLACEHOLDER from '@salesforce/label/c.Onboarding_Field_Profile_Placeholder';
import PROFILE_OPTION from '@salesforce/label/c.Onboarding_Profile_Option';
import LICENSES_LEFT from '@salesforce/label/c.Onboarding_Licenses_Left';
import NOT_PARTNER_ACCOUNT from '@salesforce/label/c.Onboarding_Enable_User_No_Partner_Account';
import NO_LICENSES from '@salesforce/label/c.Onboarding_Enable_User_No_Licenses';
import EMAIL_REQUIRED from '@salesforce/label/c.Onboarding_Error_Email_Required';
import EMAIL_INVALID from '@salesforce/label/c.Onboarding_Error_Email_Invalid';
import USERNAME_REQUIRED from '@salesforce/label/c.Onboarding_Error_Username_Required';
import USERNAME_INVALID from '@salesforce/label/c.Onboarding_Error_Username_Invalid';
import PROFILE_REQUIRED from '@salesforce/label/c.Onboarding_UI_Profile_Required';
import OPTIONS_ERROR from '@salesforce/label/c.Onboarding_UI_Enable_User_Options_Error';
import ENABLE_USER_ERROR from '@salesforce/label/c.Onboarding_UI_Enable_User_Error';
import ENABLE_USER_SUCCESS from '@salesforce/label/c.Onboarding_Enable_User_Success';
import ENABLE_USER_SITE_NOTE from '@salesforce/label/c.Onboarding_Enable_User_Site_Note';
import EMAIL_SYNC_NOTE from '@salesforce/label/c.Onboarding_Enable_User_Email_Sync_Note';
import RESEND_HEADING from '@salesforce/label/c.Onboarding_Resend_Welcome_Title';
import RESEND_EXPLANATION from '@salesforce/label/c.Onboarding_Resend_Welcome_Confirm_Text';
import RESEND_SUCCESS from '@salesforce/label/c.Onboarding_Resend_Welcome_Success';
import RESEND_ERROR from '@salesforce/label/c.Onboarding_UI_Resend_Error';
import DEACTIVATE_HEADING from '@salesforce/label/c.Onboarding_Deactivate_User_Title';
import DEACTIVATE_CONFIRM from '@salesforce/label/c.Onboarding_Deactivate_User_Confirm';
import DEACTIVATE_SUCCESS from '@salesforce/label/c.Onboarding_Deactivate_User_Success';
import DEACTIVATE_ERROR from '@salesforce/label/c.Onboarding_UI_Deactivate_Error';
import MOVE_LEADS_AFTER from '@salesforce/label/c.Onboarding_UI_Move_Leads_After';
import IMPACT_OPEN_LEADS from '@salesforce/label/c.Onboarding_UI_Impact_Open_Leads';
import IMPACT_QUEUE_MEMBERSHIPS from '@salesforce/label/c.Onboarding_UI_Impact_Queue_Memberships';
import IMPACT_ERROR from '@salesforce/label/c.Onboarding_UI_Impact_Error';
/** The form PartnerOnboardingService accepts for both usernames and email addresses. */
const EMAIL_FORMAT = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const EMAIL_MAX_LENGTH = 128;
const USERNAME_MAX_LENGTH = 80;
const STATUS_VIEW = {
    NO_USER: { label: STATUS_NO_USER, help: STATUS_NO_USER_HELP, badgeClass: 'slds-badge_lightest' },
    ACTIVE_LOGGED_IN: { label: STATUS_ACTIVE_LOGGED_IN, badgeClass: 'slds-theme_success' },
    ACTIVE_NEVER_LOGGED_IN: {
        label: STATUS_NEVER_LOGGED_IN,
        help: STATUS_NEVER_LOGGED_IN_HELP,
        badgeClass: 'slds-theme_warning'
    },
    INACTIVE: { label: STATUS_INACTIVE, help: STATUS_INACTIVE_HELP, badgeClass: 'slds-badge_inverse' },
    NOT_SITE_MEMBER: {
        label: STATUS_NOT_SITE_MEMBER,
        help: STATUS_NOT_SITE_MEMBER_HELP,
        badgeClass: 'slds-theme_error'
    }
};
/** Which actions make sense for a contact in a given readiness state. */
const ACTIONS_BY_STATUS = {
    NO_USER: ['enable'],
    ACTIVE_LOGGED_IN: ['deactivate'],
    ACTIVE_NEVER_LOGGED_IN: ['resend', 'deactivate'],
    NOT_SITE_MEMBER: ['resend', 'deactivate'],
    INACTIVE: []
};
const ACTION_VIEW = {
    enable: { label: ACTION_ENABLE_USER, variant: 'brand-outline' },
    resend: { label: ACTION_RESEND, variant: 'neutral' },
    deactivate: { label: ACTION_DEACTIVATE, variant: 'destructive-text' }
};
/**
 * The contacts of one account with the readiness of their partner users, and what a channel
 * manager can do about each: create the partner user, resend the welcome email, deactivate.
 * Fires `partneruserchange` after a user was created or deactivated, and `close` from its close button.
 * Deactivating a user who owns open leads offers the bulk reassignment console, prefilled with them.
 */
export default class PartnerUsers extends NavigationMixin(LightningElement) {
    @api
    accountId;
    @api
    accountName;
    labels = {
        CLOSE,
        LOADING,
        CANCEL,
        NO_CONTACTS,
        LOAD_ERROR,
        COL_CONTACT,
        COL_EMAIL,
        COL_USERNAME,
        COL_STATUS,
        COL_LAST_LOGIN,
        COL_OPEN_LEADS,
        COL_ACTIONS,
        NEVER,
        ENABLE_USER_CONFIRM,
        FIELD_EMAIL,
        FIELD_USERNAME,
        USERNAME_HELP,
        FIELD_PROFILE,
        PROFILE_PLACEHOLDER,
        RESEND_EXPLANATION,
        ACTION_RESEND,
        DEACTIVATE_CONFIRM
    };
    contacts;
    loadError;
    modalKind;
    modalContact;
    modalLoading = false;
    modalBusy = false;
    modalError;
    modalErrorMessage;
    /** After deactivating, open the bulk reassignment console to move the user's open leads. */
    moveLeadsAfter = true;
    options;
    impact;
    email = '';
    username = '';
    profileId;
    wiredContacts;
    @wire(getPartnerContacts, { accountId: '$accountId' })
    wireContacts(result) {
        this.wiredContacts = result;
        if (result.data) {
            this.contacts = result.data;
            this.loadError = undefined;
        }
        else if (result.error) {
            this.contacts = undefined;
            this.loadError = result.error;
        }
    }
    /** Said above the list when the account has more contacts than it shows; a failure leaves it unsaid. */
    @wire(getPartnerContactsCapNotice, { accountId: '$accountId' })
    contactsCapNotice;
    get capNotice() {
        return this.contactsCapNotice?.data ?? '';
    }
    /** Reloads the contacts, e.g. after the account itself was enabled or disabled as a partner. */
    @api
    refresh() {
        return this.wiredContacts ? refreshApex(this.wiredContacts) : Promise.resolve();
    }
    get cardTitle() {
        return formatLabel(TITLE, this.accountName);
    }
    get isLoading() {
        return this.contacts === undefined && !this.loadError;
    }
    get rows() {
        return (this.contacts ?? []).map((contact) => {
            const view = STATUS_VIEW[contact.status] ?? STATUS_VIEW.NO_USER;
            return {
                ...contact,
                statusLabel: view.label,
                statusHelp: view.help,
                badgeClass: view.badgeClass,
                hasLastLogin: Boolean(contact.lastLoginDate),
                actions: (ACTIONS_BY_STATUS[contact.status] ?? []).map((action) => ({
                    action,
                    ...ACTION_VIEW[action],
                    key: `${contact.contactId}-${action}`
                }))
            };
        });
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get showEmpty() {
        return this.contacts !== undefined && this.contacts.length === 0;
    }
    handleClose() {
        this.dispatchEvent(new CustomEvent('close'));
    }
    handleRowAction(event) {
        const button = event.currentTarget;
        const contact = this.contacts?.find((c) => c.contactId === button.dataset.contactId);
        const action = button.dataset.action;
        if (!contact || !action) {
            return;
        }
        this.openModal(action, contact);
        if (action === 'enable') {
            this.loadEnableOptions(contact);
        }
        else if (action === 'deactivate') {
            this.loadDeactivateImpact(contact);
        }
        else {
            this.modalLoading = false;
        }
    }
    // ---- the dialogs -------------------------------------------------------------------------
    get modalShown() {
        return this.modalKind !== undefined;
    }
    get isEnableModal() {
        return this.modalKind === 'enable';
    }
    get isResendModal() {
        return this.modalKind === 'resend';
    }
    get modalHeading() {
        const heading = { enable: ENABLE_USER_HEADING, resend: RESEND_HEADING, deactivate: DEACTIVATE_HEADING }[this.modalKind ?? 'enable'];
        return formatLabel(heading, this.modalContact?.name);
    }
    get profileOptions() {
        return (this.options?.profiles ?? [])
            .filter((profile) => profile.licensesLeft > 0)
            .map((profile) => ({
            label: formatLabel(PROFILE_OPTION, profile.name, profile.licenseName, profile.licensesLeft),
            value: profile.id
        }));
    }
    get licensesLeft() {
        return formatLabel(LICENSES_LEFT, this.options?.licensesLeft ?? 0);
    }
    /** Why no partner user can be created for this contact, if none can. */
    get enableBlockedReason() {
        if (!this.options) {
            return undefined;
        }
        if (!this.options.hasPartnerAccount) {
            return NOT_PARTNER_ACCOUNT;
        }
        if (this.options.licensesLeft <= 0 || this.profileOptions.length === 0) {
            return NO_LICENSES;
        }
        return undefined;
    }
    get enableFormShown() {
        return this.options !== undefined && this.enableBlockedReason === undefined;
    }
    get confirmEnableDisabled() {
        return this.modalBusy || !this.enableFormShown;
    }
    get impactLines() {
        if (!this.impact) {
            return [];
        }
        return [
            { key: 'leads', text: formatLabel(IMPACT_OPEN_LEADS, this.impact.openLeads) },
            { key: 'queues', text: formatLabel(IMPACT_QUEUE_MEMBERSHIPS, this.impact.queueMemberships) }
        ];
    }
    get impactMessage() {
        return this.impact?.message ?? undefined;
    }
    get confirmResendDisabled() {
        return this.modalBusy;
    }
    get confirmDeactivateDisabled() {
        return this.modalBusy || this.impact === undefined;
    }
    handleEmailChange(event) {
        this.email = event.detail.value ?? '';
        this.setFieldError('.field-email', '');
    }
    handleUsernameChange(event) {
        this.username = event.detail.value ?? '';
        this.setFieldError('.field-username', '');
    }
    handleProfileChange(event) {
        this.profileId = event.detail.value;
        this.setFieldError('.field-profile', '');
    }
    handleModalClose() {
        if (!this.modalBusy) {
            this.closeModal();
        }
    }
    async handleConfirmEnable() {
        const contact = this.modalContact;
        if (!contact || this.confirmEnableDisabled || !this.validateEnableForm()) {
            return;
        }
        const email = this.email.trim();
        await this.runModalAction(ENABLE_USER_ERROR, async () => {
            const result = await enablePartnerUser({
                contactId: contact.contactId,
                username: this.username.trim(),
                email,
                profileId: this.profileId
            });
            const notes = result.contactEmailSyncQueued ? [formatLabel(EMAIL_SYNC_NOTE, email)] : [];
            if (result.status === 'NOT_SITE_MEMBER') {
                this.toast([formatLabel(ENABLE_USER_SITE_NOTE, result.username), ...notes].join(' '), 'warning');
            }
            else {
                this.toast([formatLabel(ENABLE_USER_SUCCESS, result.username, email), ...notes].join(' '), 'success');
            }
            this.afterUserChange();
        });
    }
    async handleConfirmResend() {
        const contact = this.modalContact;
        if (!contact?.userId || this.confirmResendDisabled) {
            return;
        }
        const userId = contact.userId;
        await this.runModalAction(formatLabel(RESEND_ERROR, contact.name), async () => {
            await resendWelcomeEmail({ userId });
            this.toast(formatLabel(RESEND_SUCCESS, contact.name), 'success');
        });
    }
    /** A user who owns open leads should not keep them once inactive: offer to move them. */
    get offerMoveLeads() {
        return (this.impact?.openLeads ?? 0) > 0;
    }
    get moveLeadsLabel() {
        return formatLabel(MOVE_LEADS_AFTER, this.impact?.openLeads);
    }
    handleMoveLeadsToggle(event) {
        this.moveLeadsAfter = event.detail.checked;
    }
    async handleConfirmDeactivate() {
        const contact = this.modalContact;
        if (!contact?.userId || this.confirmDeactivateDisabled) {
            return;
        }
        const userId = contact.userId;
        await this.runModalAction(formatLabel(DEACTIVATE_ERROR, contact.name), async () => {
            const moveLeads = this.offerMoveLeads && this.moveLeadsAfter;
            await deactivatePartnerUser({ userId });
            this.toast(formatLabel(DEACTIVATE_SUCCESS, contact.name), 'success');
            this.afterUserChange();
            if (moveLeads) {
                this[NavigationMixin.Navigate]({
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'Bulk_Reassignment' },
                    state: { c__sourceType: 'Deactivated_User', c__source: userId }
                });
            }
        });
    }
    /** Runs the dialog's confirmed action: closes the dialog when it worked, shows why when not. */
    async runModalAction(failureMessage, action) {
        this.modalBusy = true;
        this.modalError = undefined;
        try {
            await action();
            this.closeModal();
        }
        catch (error) {
            this.modalError = error;
            this.modalErrorMessage = failureMessage;
        }
        finally {
            this.modalBusy = false;
        }
    }
    async loadEnableOptions(contact) {
        try {
            const options = await getEnableUserOptions({ contactId: contact.contactId });
            this.options = options;
            this.email = options.email ?? contact.email ?? '';
            this.username = options.proposedUsername ?? '';
            const choices = this.profileOptions;
            this.profileId = choices.length === 1 ? choices[0].value : undefined;
        }
        catch (error) {
            this.modalError = error;
            this.modalErrorMessage = OPTIONS_ERROR;
        }
        finally {
            this.modalLoading = false;
        }
    }
    async loadDeactivateImpact(contact) {
        try {
            if (contact.userId) {
                this.impact = await checkDeactivateUser({ userId: contact.userId });
            }
        }
        catch (error) {
            this.modalError = error;
            this.modalErrorMessage = IMPACT_ERROR;
        }
        finally {
            this.modalLoading = false;
        }
    }
    openModal(kind, contact) {
        this.modalKind = kind;
        this.modalContact = contact;
        this.modalLoading = true;
        this.modalBusy = false;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
        this.options = undefined;
        this.impact = undefined;
        this.email = '';
        this.username = '';
        this.profileId = undefined;
    }
    closeModal() {
        this.modalKind = undefined;
        this.modalContact = undefined;
        this.options = undefined;
        this.impact = undefined;
        this.modalError = undefined;
        this.modalErrorMessage = undefined;
    }
    /**
     * Checks the form with the rules the server applies, so that nothing is sent that it would
     * refuse for a reason the user can fix in place; the server checks again (and for uniqueness).
     */
    validateEnableForm() {
        const email = this.email.trim();
        const username = this.username.trim();
        let emailError = '';
        if (!email) {
            emailError = EMAIL_REQUIRED;
        }
        else if (email.length > EMAIL_MAX_LENGTH || !EMAIL_FORMAT.test(email)) {
            emailError = formatLabel(EMAIL_INVALID, email);
        }
        let usernameError = '';
        if (!username) {
            usernameError = USERNAME_REQUIRED;
        }
        else if (username.length > USERNAME_MAX_LENGTH || !EMAIL_FORMAT.test(username)) {
            usernameError = formatLabel(USERNAME_INVALID, username);
        }
        const profileError = this.profileId ? '' : PROFILE_REQUIRED;
        this.setFieldError('.field-email', emailError);
        this.setFieldError('.field-username', usernameError);
        this.setFieldError('.field-profile', profileError);
        return !emailError && !usernameError && !profileError;
    }
    setFieldError(selector, message) {
        const field = this.template?.querySelector(selector);
        if (field) {
            field.setCustomValidity(message);
            field.reportValidity();
        }
    }
    toast(message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title: variant === 'success' ? SUCCESS_TITLE : ATTENTION_TITLE, message, variant }));
    }
    afterUserChange() {
        this.refresh();
        this.dispatchEvent(new CustomEvent('partneruserchange', { detail: { accountId: this.accountId } }));
    }
}
