// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement } from 'lwc';
import getRegistrationQueue from '@salesforce/apex/DealRegistrationsController.getRegistrationQueue';
import approveRegistration from '@salesforce/apex/DealRegistrationsController.approveRegistration';
import rejectRegistration from '@salesforce/apex/DealRegistrationsController.rejectRegistration';
import { formatLabel } from 'c/ldsUtils';
import QUEUE_TITLE from '@salesforce/label/c.Deals_Queue_Title';
import QUEUE_EMPTY from '@salesforce/label/c.Deals_Queue_Empty';
import PARTNER from '@salesforce/label/c.Deals_Queue_Partner';
import CONFLICTS from '@salesforce/label/c.Deals_Queue_Conflicts';
import NO_CONFLICTS from '@salesforce/label/c.Deals_Queue_No_Conflicts';
import MATCH_BY from '@salesforce/label/c.Deals_Match_By';
import APPROVE_LEAD from '@salesforce/label/c.Deals_Approve_Lead';
import APPROVE from '@salesforce/label/c.Deals_Approve';
import REJECT from '@salesforce/label/c.Deals_Reject';
import REJECT_LEAD from '@salesforce/label/c.Deals_Reject_Lead';
import REJECT_REASON from '@salesforce/label/c.Deals_Reject_Reason';
import APPROVED_TOAST from '@salesforce/label/c.Deals_Approved_Toast';
import REJECTED_TOAST from '@salesforce/label/c.Deals_Rejected_Toast';
import PROTECTION_DAYS from '@salesforce/label/c.Deals_Protection_Days';
import ERROR_LOAD from '@salesforce/label/c.Deals_Error_Load';
import LOADING from '@salesforce/label/c.Common_Loading';
import FIELD_EMAIL from '@salesforce/label/c.Deals_Field_Email';
import FIELD_VALUE from '@salesforce/label/c.Deals_Field_Value';
import FIELD_NOTES from '@salesforce/label/c.Deals_Field_Notes';
/**
 * The channel manager's deal registrations queue (a tab of the Partner Desk app): each submitted registration with
 * the existing leads, accounts and opportunities it may conflict with, approve (the lead becomes the partner's,
 * protected) and reject with a reason the partner sees.
 */
export default class DealRegistrations extends LightningElement {
    labels = {
        QUEUE_EMPTY,
        PARTNER,
        CONFLICTS,
        NO_CONFLICTS,
        APPROVE,
        REJECT,
        REJECT_REASON,
        ERROR_LOAD,
        LOADING,
        FIELD_EMAIL,
        FIELD_VALUE,
        FIELD_NOTES
    };
    queue;
    error;
    actionError;
    message = null;
    reasons = {};
    busy = false;
    connectedCallback() {
        this.load();
    }
    get isLoading() {
        return !this.queue && !this.error;
    }
    get cardTitle() {
        return formatLabel(QUEUE_TITLE, this.queue?.total ?? 0);
    }
    get protectionNote() {
        return formatLabel(PROTECTION_DAYS, this.queue?.protectionDays ?? '');
    }
    get isEmpty() {
        return Boolean(this.queue) && this.queue.rows.length === 0;
    }
    get rows() {
        return (this.queue?.rows ?? []).map((row) => {
            const matches = row.conflicts.map((match) => ({
                key: `${row.registration.id}-${match.recordId}`,
                text: formatLabel(MATCH_BY, match.kind, match.name, match.ownerName ?? '', match.matchedBy)
            }));
            return {
                id: row.registration.id,
                company: row.registration.company,
                contactName: row.registration.contactName,
                email: row.email,
                partnerName: row.partnerName,
                estimatedValue: row.registration.estimatedValue,
                notes: row.notes,
                approveLabel: formatLabel(APPROVE_LEAD, row.registration.company),
                rejectLabel: formatLabel(REJECT_LEAD, row.registration.company),
                matches,
                hasMatches: matches.length > 0
            };
        });
    }
    handleReason(event) {
        const id = event.target.dataset.id;
        this.reasons = { ...this.reasons, [id]: event.detail.value };
    }
    async handleApprove(event) {
        const id = event.target.dataset.id;
        const company = this.companyOf(id);
        await this.act(async () => {
            const until = await approveRegistration({ leadId: id });
            this.message = formatLabel(APPROVED_TOAST, company, new Date(until).toLocaleDateString());
        });
    }
    async handleReject(event) {
        const id = event.target.dataset.id;
        const company = this.companyOf(id);
        await this.act(async () => {
            await rejectRegistration({ leadId: id, reason: this.reasons[id] ?? '' });
            this.message = formatLabel(REJECTED_TOAST, company);
        });
    }
    companyOf(id) {
        return this.queue?.rows.find((row) => row.registration.id === id)?.registration.company ?? null;
    }
    async act(action) {
        this.busy = true;
        this.actionError = undefined;
        this.message = null;
        try {
            await action();
            await this.load();
        }
        catch (error) {
            this.actionError = error;
        }
        finally {
            this.busy = false;
        }
    }
    async load() {
        try {
            this.queue = await getRegistrationQueue();
            this.error = undefined;
        }
        catch (error) {
            this.error = error;
        }
    }
}
