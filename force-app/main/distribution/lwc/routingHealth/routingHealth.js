// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement } from 'lwc';
import getChecks from '@salesforce/apex/RoutingHealthController.getChecks';
import { formatLabel } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Health_Title';
import ERROR from '@salesforce/label/c.Health_Error';
import LOADING from '@salesforce/label/c.Health_Loading';
import REFRESH from '@salesforce/label/c.Health_Refresh';
import OK from '@salesforce/label/c.Health_Ok';
import NEEDS_FIX from '@salesforce/label/c.Health_Needs_Fix';
import NOT_CHECKED from '@salesforce/label/c.Health_Not_Checked';
import FIX from '@salesforce/label/c.Health_Fix';
import ALL_OK from '@salesforce/label/c.Health_All_Ok';
const STATUS = {
    ok: { text: OK, icon: 'utility:success', variant: 'success' },
    problem: { text: NEEDS_FIX, icon: 'utility:error', variant: 'error' },
    unknown: { text: NOT_CHECKED, icon: 'utility:help', variant: 'warning' }
};
/**
 * Routing health, a tab for admins and channel managers: every check of what most often breaks lead
 * routing that Apex can make (assignment rules, group members, partner queues, the recall job, the
 * partner site, leads that matched no group, the bulk service, the integration user), problems
 * first, each with what to fix.
 */
export default class RoutingHealth extends LightningElement {
    labels = { TITLE, ERROR, LOADING, REFRESH, ALL_OK };
    checks;
    error;
    loading = false;
    connectedCallback() {
        // load() keeps its own errors (this.error), so the promise never rejects.
        this.load();
    }
    async load() {
        this.loading = true;
        this.error = undefined;
        try {
            this.checks = await getChecks();
        }
        catch (error) {
            this.checks = undefined;
            this.error = error;
        }
        finally {
            this.loading = false;
        }
    }
    get rows() {
        const order = { problem: 0, unknown: 1, ok: 2 };
        return [...(this.checks ?? [])]
            .sort((a, b) => order[a.status] - order[b.status])
            .map((check) => {
            const status = STATUS[check.status] ?? STATUS.unknown;
            return {
                key: check.key,
                title: check.title,
                statusText: status.text,
                iconName: status.icon,
                iconVariant: status.variant,
                detail: check.detail ?? '',
                fixText: check.fix ? formatLabel(FIX, check.fix) : null,
                rowClass: `check check-${check.status} slds-box slds-box_x-small slds-m-bottom_x-small`
            };
        });
    }
    get hasChecks() {
        return Boolean(this.checks);
    }
    get allOk() {
        return Boolean(this.checks) && (this.checks ?? []).every((check) => check.status === 'ok');
    }
    handleRefresh() {
        return this.load();
    }
}
