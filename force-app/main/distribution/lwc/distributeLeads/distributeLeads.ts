import { LightningElement, api, wire } from 'lwc';
import getActiveGroups from '@salesforce/apex/LeadDistributionController.getActiveGroups';
import getGroupsCapNotice from '@salesforce/apex/LeadDistributionController.getGroupsCapNotice';
import distributeLeads from '@salesforce/apex/LeadDistributionController.distributeLeads';
import { formatLabel } from 'c/ldsUtils';
import type { DistributeSummary, Option } from 'c/distributionCommon';

import TITLE from '@salesforce/label/c.Distribution_Distribute_Title';
import LOADING from '@salesforce/label/c.Common_Loading';
import SELECTED from '@salesforce/label/c.Distribution_Distribute_Selected';
import NONE_SELECTED from '@salesforce/label/c.Distribution_Distribute_None_Selected';
import GROUP from '@salesforce/label/c.Distribution_Distribute_Group';
import BY_CRITERIA from '@salesforce/label/c.Distribution_Distribute_By_Criteria';
import NOTIFY from '@salesforce/label/c.Distribution_Notify';
import DISTRIBUTE from '@salesforce/label/c.Distribution_Distribute_Button';
import DONE from '@salesforce/label/c.Distribution_Distribute_Done';
import RESULT from '@salesforce/label/c.Distribution_Distribute_Result';
import NOT_ACCESSIBLE from '@salesforce/label/c.Distribution_Distribute_Not_Accessible';
import PROTECTED_LEADS from '@salesforce/label/c.Distribution_Distribute_Protected';
import DISTRIBUTE_ERROR from '@salesforce/label/c.Distribution_Distribute_Error';
import GROUPS_ERROR from '@salesforce/label/c.Distribution_Distribute_Groups_Error';
import NO_GROUPS from '@salesforce/label/c.Distribution_Distribute_No_Groups';

/** Value of the group choice that lets each lead find its group by criteria. */
const BY_CRITERIA_VALUE = '';

/**
 * "Distribute to partners" for the leads selected in a list view: through one distribution group or
 * each lead through the group its criteria match, with "Send notification email". Hosted by the
 * Visualforce page DistributeLeads (a list view button) through Lightning Out; fires `done` (bubbling,
 * composed) when the user is finished, so the host can go back to the list.
 */
export default class DistributeLeads extends LightningElement {
    /** The selected leads' Ids. */
    @api leadIds: string[] = [];

    labels = {
        TITLE,
        LOADING,
        NONE_SELECTED,
        GROUP,
        NOTIFY,
        DISTRIBUTE,
        DONE,
        DISTRIBUTE_ERROR,
        GROUPS_ERROR,
        NO_GROUPS
    };

    groups?: Option[];
    groupsError?: unknown;
    groupId = BY_CRITERIA_VALUE;
    notify = true;
    isDistributing = false;
    distributeError?: unknown;
    summary?: DistributeSummary;

    @wire(getActiveGroups)
    wiredGroups({ data, error }: { data?: Option[]; error?: unknown }): void {
        if (data) {
            this.groups = data;
            this.groupsError = undefined;
        } else if (error) {
            this.groups = undefined;
            this.groupsError = error;
        }
    }

    /** Said under the picker when the list of groups stopped at its cap; a failure leaves it unsaid. */
    @wire(getGroupsCapNotice)
    groupsCapNotice?: { data?: string | null; error?: unknown };

    get capNotice(): string {
        return this.groupsCapNotice?.data ?? '';
    }

    get hasLeads(): boolean {
        return Array.isArray(this.leadIds) && this.leadIds.length > 0;
    }

    get selectedText(): string {
        return formatLabel(SELECTED, this.hasLeads ? this.leadIds.length : 0);
    }

    get isLoadingGroups(): boolean {
        return this.hasLeads && !this.groups && !this.groupsError;
    }

    get hasGroups(): boolean {
        return Boolean(this.groups && this.groups.length > 0);
    }

    get showNoGroups(): boolean {
        return Boolean(this.groups) && !this.hasGroups;
    }

    get showForm(): boolean {
        return this.hasLeads && this.hasGroups && !this.summary;
    }

    get groupOptions(): Option[] {
        return [{ value: BY_CRITERIA_VALUE, label: BY_CRITERIA }, ...(this.groups ?? [])];
    }

    get distributeDisabled(): boolean {
        return this.isDistributing;
    }

    get resultText(): string {
        const s = this.summary;
        return s ? formatLabel(RESULT, s.assigned, s.noEligible, s.notMatched) : '';
    }

    /** Selected leads the user cannot see or edit: said, never dropped silently. */
    get notAccessibleText(): string {
        const count = this.summary?.notAccessible ?? 0;
        return count > 0 ? formatLabel(NOT_ACCESSIBLE, count) : '';
    }

    /** Selected leads that are protected deal registrations: the server left them with their partner. */
    get protectedLeadsText(): string {
        const count = this.summary?.protectedLeads ?? 0;
        return count > 0 ? formatLabel(PROTECTED_LEADS, count) : '';
    }

    handleGroupChange(event: CustomEvent<{ value: string }>): void {
        this.groupId = event.detail.value;
    }

    handleNotifyChange(event: CustomEvent<{ checked: boolean }>): void {
        this.notify = event.detail.checked;
    }

    async handleDistribute(): Promise<void> {
        this.isDistributing = true;
        this.distributeError = undefined;
        try {
            this.summary = await distributeLeads({
                leadIds: this.leadIds,
                groupId: this.groupId === BY_CRITERIA_VALUE ? null : this.groupId,
                notify: this.notify
            });
        } catch (error) {
            this.distributeError = error;
        } finally {
            this.isDistributing = false;
        }
    }

    handleDone(): void {
        this.dispatchEvent(new CustomEvent('done', { bubbles: true, composed: true }));
    }
}
