// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getAssignOptions from '@salesforce/apex/LeadDistributionController.getAssignOptions';
import assignToPartner from '@salesforce/apex/LeadDistributionController.assignToPartner';
import { formatLabel } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Distribution_Assign_Title';
import LOADING from '@salesforce/label/c.Common_Loading';
import CANCEL from '@salesforce/label/c.Common_Cancel';
import CURRENT_OWNER from '@salesforce/label/c.Distribution_Assign_Current_Owner';
import TARGET_TYPE from '@salesforce/label/c.Distribution_Assign_Target_Type';
import TARGET_GROUP from '@salesforce/label/c.Distribution_Assign_Target_Group';
import TARGET_QUEUE from '@salesforce/label/c.Distribution_Assign_Target_Queue';
import TARGET_USER from '@salesforce/label/c.Distribution_Assign_Target_User';
import CHOOSE from '@salesforce/label/c.Distribution_Assign_Choose';
import CHOOSE_PLACEHOLDER from '@salesforce/label/c.Distribution_Assign_Choose_Placeholder';
import NONE_AVAILABLE from '@salesforce/label/c.Distribution_Assign_None_Available';
import NOT_READY_TITLE from '@salesforce/label/c.Distribution_Assign_Not_Ready_Title';
import NOTIFY from '@salesforce/label/c.Distribution_Notify';
import ASSIGN from '@salesforce/label/c.Distribution_Assign_Button';
import SUCCESS from '@salesforce/label/c.Distribution_Assign_Success';
import NO_ELIGIBLE from '@salesforce/label/c.Distribution_Assign_No_Eligible';
import LOAD_ERROR from '@salesforce/label/c.Distribution_Assign_Load_Error';
import ASSIGN_ERROR from '@salesforce/label/c.Distribution_Assign_Error';
function userLabel(user) {
    return user.accountName ? `${user.name} (${user.accountName})` : user.name;
}
/**
 * "Assign to partner" quick action on a lead: through a distribution group (the round-robin chooses),
 * to a partner queue, or to a ready partner user. Users who cannot receive leads are listed apart with
 * the reason. Offers "Send notification email".
 */
export default class AssignToPartner extends LightningElement {
    labels = {
        TITLE,
        LOADING,
        CANCEL,
        TARGET_TYPE,
        CHOOSE,
        CHOOSE_PLACEHOLDER,
        NONE_AVAILABLE,
        NOT_READY_TITLE,
        NOTIFY,
        ASSIGN,
        LOAD_ERROR,
        ASSIGN_ERROR
    };
    options;
    isLoading = false;
    isAssigning = false;
    loadError;
    assignError;
    resultMessage;
    targetType = 'Group';
    targetId;
    notify = true;
    currentRecordId;
    /** Quick actions set recordId after connectedCallback, so loading starts here. */
    @api
    get recordId() {
        return this.currentRecordId;
    }
    set recordId(value) {
        const changed = value !== this.currentRecordId;
        this.currentRecordId = value;
        if (value && changed) {
            this.load();
        }
    }
    async load() {
        this.isLoading = true;
        this.loadError = undefined;
        try {
            this.options = await getAssignOptions({ leadId: this.currentRecordId });
            this.targetType =
                this.options.groups.length > 0 ? 'Group' : this.options.queues.length > 0 ? 'Queue' : 'User';
        }
        catch (error) {
            this.loadError = error;
        }
        finally {
            this.isLoading = false;
        }
    }
    get showForm() {
        return Boolean(this.options) && !this.isLoading;
    }
    get currentOwner() {
        return formatLabel(CURRENT_OWNER, this.options?.currentOwnerName ?? '');
    }
    get targetTypeOptions() {
        return [
            { value: 'Group', label: TARGET_GROUP },
            { value: 'Queue', label: TARGET_QUEUE },
            { value: 'User', label: TARGET_USER }
        ];
    }
    get targetOptions() {
        if (!this.options) {
            return [];
        }
        if (this.targetType === 'Group') {
            return this.options.groups;
        }
        if (this.targetType === 'Queue') {
            return this.options.queues;
        }
        return this.options.readyUsers.map((user) => ({ value: user.userId, label: userLabel(user) }));
    }
    /** Said under the picker when its list stopped at its cap, rather than leaving some out silently. */
    get capNotice() {
        return this.options?.capNotices?.[this.targetType] ?? '';
    }
    get hasTargetOptions() {
        return this.targetOptions.length > 0;
    }
    get notReadyUsers() {
        return (this.options?.notReadyUsers ?? []).map((user) => ({
            userId: user.userId,
            title: userLabel(user),
            reasons: user.reasons.join(', ')
        }));
    }
    get showNotReady() {
        return this.targetType === 'User' && this.notReadyUsers.length > 0;
    }
    get assignDisabled() {
        return !this.targetId || this.isAssigning;
    }
    handleTargetTypeChange(event) {
        this.targetType = event.detail.value;
        this.targetId = undefined;
    }
    handleTargetChange(event) {
        this.targetId = event.detail.value;
    }
    handleNotifyChange(event) {
        this.notify = event.detail.checked;
    }
    handleCancel() {
        this.dispatchEvent(new CloseActionScreenEvent());
    }
    async handleAssign() {
        if (!this.targetId) {
            return;
        }
        this.isAssigning = true;
        this.assignError = undefined;
        this.resultMessage = undefined;
        try {
            const outcome = await assignToPartner({
                leadId: this.currentRecordId,
                targetType: this.targetType,
                targetId: this.targetId,
                notify: this.notify
            });
            if (outcome.outcome !== 'Assigned') {
                this.resultMessage = NO_ELIGIBLE;
                return;
            }
            const message = formatLabel(SUCCESS, outcome.ownerName ?? '');
            this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: this.currentRecordId }]);
            this.dispatchEvent(new CloseActionScreenEvent());
        }
        catch (error) {
            this.assignError = error;
        }
        finally {
            this.isAssigning = false;
        }
    }
}
