// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getDiagnosis from '@salesforce/apex/RoutingDoctorController.getDiagnosis';
import routeNow from '@salesforce/apex/RoutingDoctorController.routeNow';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Doctor_Title';
import ERROR from '@salesforce/label/c.Doctor_Error';
import LOADING from '@salesforce/label/c.Doctor_Loading';
import OWNER_NOW from '@salesforce/label/c.Doctor_Owner_Now';
import HISTORY from '@salesforce/label/c.Doctor_History';
import NO_HISTORY from '@salesforce/label/c.Doctor_No_History';
import REPLAY from '@salesforce/label/c.Doctor_Replay';
import NO_GROUP from '@salesforce/label/c.Doctor_No_Group';
import MATCHES from '@salesforce/label/c.Doctor_Matches';
import DOES_NOT_MATCH from '@salesforce/label/c.Doctor_Does_Not_Match';
import ROUTES_HERE from '@salesforce/label/c.Doctor_Routes_Here';
import ELIGIBLE from '@salesforce/label/c.Doctor_Eligible';
import WOULD_GO_TO from '@salesforce/label/c.Doctor_Would_Go_To';
import NOBODY from '@salesforce/label/c.Doctor_Nobody';
import FALLBACK from '@salesforce/label/c.Doctor_Fallback';
import ROUTE_NOW from '@salesforce/label/c.Doctor_Route_Now';
import ROUTED from '@salesforce/label/c.Doctor_Routed';
/**
 * "Why this owner" on the Lead record page, for channel managers: the lead's routing history in plain
 * words, a replay against today's setup (which groups match, each member's eligibility and why not,
 * who would get it now) and, for those who may hand leads out, "Route it now".
 */
export default class RoutingDoctor extends LightningElement {
    @api
    recordId;
    labels = { TITLE, ERROR, LOADING, HISTORY, NO_HISTORY, REPLAY, NO_GROUP, ROUTE_NOW };
    diagnosis;
    error;
    routing = false;
    wired;
    @wire(getDiagnosis, { leadId: '$recordId' })
    wiredDiagnosis(result) {
        this.wired = result;
        this.diagnosis = result.data;
        this.error = result.error;
    }
    get isLoading() {
        return !this.diagnosis && !this.error;
    }
    get ownerText() {
        return formatLabel(OWNER_NOW, this.diagnosis?.ownerName ?? '');
    }
    get history() {
        return (this.diagnosis?.history ?? []).map((entry) => ({
            key: entry.id,
            when: entry.routedAt ?? '',
            summary: [entry.path, entry.outcome, entry.groupName, entry.ownerName, entry.job, entry.routedBy]
                .filter((part) => part)
                .join(' · '),
            explanation: entry.explanation ?? ''
        }));
    }
    get hasHistory() {
        return this.history.length > 0;
    }
    get groups() {
        return (this.diagnosis?.groups ?? []).map((grp) => ({
            key: grp.groupId,
            groupName: grp.name,
            verdict: grp.routes ? ROUTES_HERE : grp.matches ? MATCHES : DOES_NOT_MATCH
        }));
    }
    get hasRoutingGroup() {
        return (this.diagnosis?.groups ?? []).some((grp) => grp.routes);
    }
    get members() {
        return (this.diagnosis?.members ?? []).map((member, index) => ({
            key: `${index}-${member.name ?? ''}`,
            memberName: member.name ?? '',
            verdict: member.eligible ? ELIGIBLE : (member.reason ?? ''),
            warningText: member.warnings && member.warnings.length > 0 ? member.warnings.join(', ') : null,
            eligible: member.eligible,
            className: member.eligible
                ? 'member eligible slds-text-color_success'
                : 'member ineligible slds-text-color_error'
        }));
    }
    get outcomeText() {
        if (this.diagnosis?.replayProblem) {
            return this.diagnosis.replayProblem;
        }
        return this.diagnosis?.wouldGoTo ? formatLabel(WOULD_GO_TO, this.diagnosis.wouldGoTo) : NOBODY;
    }
    get fallbackText() {
        return this.diagnosis?.fallback ? formatLabel(FALLBACK, this.diagnosis.fallback) : undefined;
    }
    get showRouteNow() {
        return Boolean(this.diagnosis?.canRouteNow);
    }
    async handleRouteNow() {
        if (!this.recordId) {
            return;
        }
        this.routing = true;
        try {
            await routeNow({ leadId: this.recordId });
            this.dispatchEvent(new ShowToastEvent({ title: ROUTED, message: '', variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
            await refreshApex(this.wired);
        }
        catch (error) {
            this.dispatchEvent(new ShowToastEvent({ title: ERROR, message: reduceErrors(error).join(', '), variant: 'error' }));
        }
        finally {
            this.routing = false;
        }
    }
}
