import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getDiagnosis from '@salesforce/apex/RoutingDoctorController.getDiagnosis';
import routeNow from '@salesforce/apex/RoutingDoctorController.routeNow';
import type {
    Diagnosis,
    GroupCheck,
    HistoryEntry,
    MemberCheck
} from '@salesforce/apex/RoutingDoctorController.getDiagnosis';
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

interface HistoryView {
    key: string;
    when: string;
    summary: string;
    explanation: string;
}

interface GroupView {
    key: string;
    groupName: string;
    verdict: string;
}

interface MemberView {
    key: string;
    memberName: string;
    verdict: string;
    warningText: string | null;
    eligible: boolean;
    className: string;
}

/**
 * "Why this owner" on the Lead record page, for channel managers: the lead's routing history in plain
 * words, a replay against today's setup (which groups match, each member's eligibility and why not,
 * who would get it now) and, for those who may hand leads out, "Route it now".
 */
export default class RoutingDoctor extends LightningElement {
    @api recordId?: string;

    labels = { TITLE, ERROR, LOADING, HISTORY, NO_HISTORY, REPLAY, NO_GROUP, ROUTE_NOW };

    diagnosis?: Diagnosis;
    error?: unknown;
    routing = false;
    private wired?: unknown;

    @wire(getDiagnosis, { leadId: '$recordId' })
    wiredDiagnosis(result: { data?: Diagnosis; error?: unknown }): void {
        this.wired = result;
        this.diagnosis = result.data;
        this.error = result.error;
    }

    get isLoading(): boolean {
        return !this.diagnosis && !this.error;
    }

    get ownerText(): string {
        return formatLabel(OWNER_NOW, this.diagnosis?.ownerName ?? '');
    }

    get history(): HistoryView[] {
        return (this.diagnosis?.history ?? []).map((entry: HistoryEntry) => ({
            key: entry.id,
            when: entry.routedAt ?? '',
            summary: [entry.path, entry.outcome, entry.groupName, entry.ownerName, entry.job, entry.routedBy]
                .filter((part) => part)
                .join(' · '),
            explanation: entry.explanation ?? ''
        }));
    }

    get hasHistory(): boolean {
        return this.history.length > 0;
    }

    get groups(): GroupView[] {
        return (this.diagnosis?.groups ?? []).map((grp: GroupCheck) => ({
            key: grp.groupId,
            groupName: grp.name,
            verdict: grp.routes ? ROUTES_HERE : grp.matches ? MATCHES : DOES_NOT_MATCH
        }));
    }

    get hasRoutingGroup(): boolean {
        return (this.diagnosis?.groups ?? []).some((grp) => grp.routes);
    }

    get members(): MemberView[] {
        return (this.diagnosis?.members ?? []).map((member: MemberCheck, index: number) => ({
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

    get outcomeText(): string {
        if (this.diagnosis?.replayProblem) {
            return this.diagnosis.replayProblem;
        }
        return this.diagnosis?.wouldGoTo ? formatLabel(WOULD_GO_TO, this.diagnosis.wouldGoTo) : NOBODY;
    }

    get fallbackText(): string | undefined {
        return this.diagnosis?.fallback ? formatLabel(FALLBACK, this.diagnosis.fallback) : undefined;
    }

    get showRouteNow(): boolean {
        return Boolean(this.diagnosis?.canRouteNow);
    }

    async handleRouteNow(): Promise<void> {
        if (!this.recordId) {
            return;
        }
        this.routing = true;
        try {
            await routeNow({ leadId: this.recordId });
            this.dispatchEvent(new ShowToastEvent({ title: ROUTED, message: '', variant: 'success' }));
            await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
            await refreshApex(this.wired);
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({ title: ERROR, message: reduceErrors(error).join(', '), variant: 'error' })
            );
        } finally {
            this.routing = false;
        }
    }
}
