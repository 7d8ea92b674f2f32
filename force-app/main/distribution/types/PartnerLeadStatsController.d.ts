/**
 * Typings for PartnerLeadStatsController's @AuraEnabled methods (partnerLeadStats on the Account page).
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
    }
    export interface PartnerStats {
        accountId: string;
        hasPartnerOwners: boolean;
        periods: PeriodStats[];
    }
    type Params = { accountId: string | undefined };
    type Wired = { data?: PartnerStats; error?: unknown };
    const getPartnerLeadStats: ((params: Params) => Promise<PartnerStats>) & WireAdapterConstructor<Params, Wired>;
    export default getPartnerLeadStats;
}
