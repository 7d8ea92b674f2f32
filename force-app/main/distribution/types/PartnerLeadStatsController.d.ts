/**
 * Typings for PartnerLeadStatsController's @AuraEnabled methods (partnerLeadStats on the Account page and,
 * for a partner's own figures, in the partner site).
 * Shapes mirror PartnerLeadStatsService.PartnerStats, PeriodStats and ReasonCount.
 */
declare module '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface ReasonCount {
        reason: string | null;
        label: string | null;
        count: number;
    }
    export interface PeriodStats {
        days: number;
        received: number;
        accepted: number;
        returned: number;
        returnsByReason: ReasonCount[];
        recalled: number;
        medianHoursToAccept: number | null;
        registrationsApproved: number | null;
        registrationsRejected: number | null;
        converted: number;
        conversionRate: number | null;
        pipelineValue: number;
    }
    export interface PartnerStats {
        accountId: string;
        hasPartnerOwners: boolean;
        periods: PeriodStats[];
        hasRegistrations: boolean;
        currencyCode: string | null;
    }
    type Params = { accountId: string | undefined };
    type Wired = { data?: PartnerStats; error?: unknown };
    const getPartnerLeadStats: ((params: Params) => Promise<PartnerStats>) & WireAdapterConstructor<Params, Wired>;
    export default getPartnerLeadStats;
}

declare module '@salesforce/apex/PartnerLeadStatsController.getMyPartnerLeadStats' {
    import type { PartnerStats } from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
    export default function getMyPartnerLeadStats(): Promise<PartnerStats>;
}
