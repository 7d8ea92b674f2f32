// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
import { formatLabel } from 'c/ldsUtils';
import TITLE from '@salesforce/label/c.Inbox_Stats_Title';
import PERIOD from '@salesforce/label/c.Inbox_Stats_Period';
import RECEIVED from '@salesforce/label/c.Inbox_Stats_Received';
import ACCEPTED from '@salesforce/label/c.Inbox_Stats_Accepted';
import RETURNED from '@salesforce/label/c.Inbox_Stats_Returned';
import RECALLED from '@salesforce/label/c.Inbox_Stats_Recalled';
import MEDIAN from '@salesforce/label/c.Inbox_Stats_Median';
import HOURS from '@salesforce/label/c.Inbox_Stats_Hours';
import NO_ACCEPTS from '@salesforce/label/c.Inbox_Stats_No_Accepts';
import BY_REASON from '@salesforce/label/c.Inbox_Stats_By_Reason';
import NO_RETURNS from '@salesforce/label/c.Inbox_Stats_No_Returns';
import NOT_PARTNER from '@salesforce/label/c.Inbox_Stats_Not_Partner';
import ERROR from '@salesforce/label/c.Inbox_Stats_Error';
import LOADING from '@salesforce/label/c.Inbox_Stats_Loading';
import REFRESH from '@salesforce/label/c.Inbox_Stats_Refresh';
/**
 * Lead figures of a partner account for its channel manager, on the Account record page: leads
 * received, accepted, returned (by reason), recalled, and the median time to accept, over the last
 * 30 and 90 days.
 */
export default class PartnerLeadStats extends LightningElement {
    @api
    recordId;
    labels = {
        TITLE,
        RECEIVED,
        ACCEPTED,
        RETURNED,
        RECALLED,
        MEDIAN,
        BY_REASON,
        NO_RETURNS,
        NOT_PARTNER,
        ERROR,
        LOADING,
        REFRESH
    };
    stats;
    error;
    wired;
    @wire(getPartnerLeadStats, { accountId: '$recordId' })
    wiredStats(result) {
        this.wired = result;
        this.stats = result.data;
        this.error = result.error;
    }
    get isLoading() {
        return !this.stats && !this.error;
    }
    get isPartner() {
        return Boolean(this.stats?.hasPartnerOwners);
    }
    get showNotPartner() {
        return Boolean(this.stats) && !this.isPartner;
    }
    get periods() {
        return (this.stats?.periods ?? []).map((period) => {
            const reasons = period.returnsByReason.map((reason) => ({
                key: `${period.days}-${reason.reason ?? 'none'}`,
                label: reason.label ?? reason.reason ?? '',
                count: reason.count
            }));
            return {
                key: String(period.days),
                heading: formatLabel(PERIOD, period.days),
                received: period.received,
                accepted: period.accepted,
                returned: period.returned,
                recalled: period.recalled,
                medianText: period.medianHoursToAccept === null || period.medianHoursToAccept === undefined
                    ? NO_ACCEPTS
                    : formatLabel(HOURS, period.medianHoursToAccept),
                reasons,
                hasReasons: reasons.length > 0
            };
        });
    }
    handleRefresh() {
        return refreshApex(this.wired);
    }
}
