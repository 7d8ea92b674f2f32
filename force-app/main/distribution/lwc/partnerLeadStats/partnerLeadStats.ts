import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
import getMyPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getMyPartnerLeadStats';
import type { PartnerStats, PeriodStats } from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
import { formatLabel } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.Inbox_Stats_Title';
import MY_TITLE from '@salesforce/label/c.Inbox_Stats_My_Title';
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
import REGISTRATIONS_APPROVED from '@salesforce/label/c.Inbox_Stats_Registrations_Approved';
import REGISTRATIONS_REJECTED from '@salesforce/label/c.Inbox_Stats_Registrations_Rejected';
import CONVERTED from '@salesforce/label/c.Inbox_Stats_Converted';
import CONVERSION_RATE from '@salesforce/label/c.Inbox_Stats_Conversion_Rate';
import NO_RATE from '@salesforce/label/c.Inbox_Stats_No_Rate';
import PIPELINE from '@salesforce/label/c.Inbox_Stats_Pipeline';
import NOT_PARTNER from '@salesforce/label/c.Inbox_Stats_Not_Partner';
import ERROR from '@salesforce/label/c.Inbox_Stats_Error';
import LOADING from '@salesforce/label/c.Inbox_Stats_Loading';
import REFRESH from '@salesforce/label/c.Inbox_Stats_Refresh';

interface ReasonView {
    key: string;
    label: string;
    count: number;
}

interface PeriodView {
    key: string;
    heading: string;
    received: number;
    accepted: number;
    returned: number;
    recalled: number;
    medianText: string;
    reasons: ReasonView[];
    hasReasons: boolean;
    registrationsApproved: number;
    registrationsRejected: number;
    converted: number;
    /** The conversion rate as a fraction (0.25 for 25 %), as lightning-formatted-number's percent style wants it. */
    rateFraction: number | null;
    hasRate: boolean;
    pipelineValue: number;
}

/**
 * Lead figures of a partner account, over the last 30 and 90 days: leads received, accepted, returned (by
 * reason), recalled, the median time to accept, and how the loop closes (deal registrations approved and
 * rejected, leads converted, the conversion rate and the pipeline value).
 * On the Account record page the channel manager sees the page's account (wired, by recordId). In the
 * partner site (`mine`, on by default there) a partner user sees their own account's figures, read
 * imperatively from getMyPartnerLeadStats, which takes no account Id at all.
 * Rate and pipeline value are formatted by lightning-formatted-number in the user's locale (Salesforce's
 * lightning-formatted-number reference: Intl.NumberFormat, the locale of the user's settings; the percent
 * style takes a fraction, currency-code an ISO 4217 code).
 */
export default class PartnerLeadStats extends LightningElement {
    @api recordId?: string;
    /** The running partner user's own account instead of the record page's (the partner site). */
    @api mine = false;

    labels = {
        RECEIVED,
        ACCEPTED,
        RETURNED,
        RECALLED,
        MEDIAN,
        BY_REASON,
        NO_RETURNS,
        REGISTRATIONS_APPROVED,
        REGISTRATIONS_REJECTED,
        CONVERTED,
        CONVERSION_RATE,
        NO_RATE,
        PIPELINE,
        NOT_PARTNER,
        ERROR,
        LOADING,
        REFRESH
    };

    stats?: PartnerStats;
    error?: unknown;
    private wired?: unknown;
    private loadingOwn = false;

    /**
     * The wire's account: undefined in partner mode, so getPartnerLeadStats is never called there ("Wire Apex
     * Methods to Lightning Web Components": if a parameter value is undefined, the method isn't called).
     */
    get accountId(): string | undefined {
        return this.mine ? undefined : this.recordId;
    }

    @wire(getPartnerLeadStats, { accountId: '$accountId' })
    wiredStats(result: { data?: PartnerStats; error?: unknown }): void {
        this.wired = result;
        if (this.mine) {
            return;
        }
        this.stats = result.data;
        this.error = result.error;
    }

    override connectedCallback(): void {
        if (this.mine) {
            this.loadOwn(); // never rejects: a failure becomes this.error
        }
    }

    // getMyPartnerLeadStats is cacheable, so a call may be answered from the client-side cache until its entry
    // is refreshed ("Call Apex Methods Imperatively"); refreshApex serves wired results only.
    private async loadOwn(): Promise<void> {
        this.loadingOwn = true;
        try {
            this.stats = await getMyPartnerLeadStats();
            this.error = undefined;
        } catch (error) {
            this.stats = undefined;
            this.error = error;
        } finally {
            this.loadingOwn = false;
        }
    }

    get cardTitle(): string {
        return this.mine ? MY_TITLE : TITLE;
    }

    get isLoading(): boolean {
        return this.loadingOwn || (!this.stats && !this.error);
    }

    get isPartner(): boolean {
        return Boolean(this.stats?.hasPartnerOwners);
    }

    get showNotPartner(): boolean {
        return Boolean(this.stats) && !this.isPartner;
    }

    get hasRegistrations(): boolean {
        return Boolean(this.stats?.hasRegistrations);
    }

    /** The pipeline value's ISO currency code; undefined lets the component use the user's currency. */
    get currencyCode(): string | undefined {
        return this.stats?.currencyCode ?? undefined;
    }

    get periods(): PeriodView[] {
        return (this.stats?.periods ?? []).map((period: PeriodStats) => {
            const reasons = period.returnsByReason.map((reason) => ({
                key: `${period.days}-${reason.reason ?? 'none'}`,
                label: reason.label ?? reason.reason ?? '',
                count: reason.count
            }));
            const rate = period.conversionRate ?? null;
            return {
                key: String(period.days),
                heading: formatLabel(PERIOD, period.days),
                received: period.received,
                accepted: period.accepted,
                returned: period.returned,
                recalled: period.recalled,
                medianText:
                    period.medianHoursToAccept === null || period.medianHoursToAccept === undefined
                        ? NO_ACCEPTS
                        : formatLabel(HOURS, period.medianHoursToAccept),
                reasons,
                hasReasons: reasons.length > 0,
                registrationsApproved: period.registrationsApproved ?? 0,
                registrationsRejected: period.registrationsRejected ?? 0,
                converted: period.converted ?? 0,
                rateFraction: rate === null ? null : Math.round(rate * 10) / 1000,
                hasRate: rate !== null,
                pipelineValue: period.pipelineValue ?? 0
            };
        });
    }

    handleRefresh(): Promise<void> {
        return this.mine ? this.loadOwn() : refreshApex(this.wired);
    }
}
