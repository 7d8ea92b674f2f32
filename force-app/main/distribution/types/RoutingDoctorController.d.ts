/**
 * Typings for RoutingDoctorController's @AuraEnabled methods (routingDoctor on the Lead page).
 * Shapes mirror RoutingDoctorService.Diagnosis, HistoryEntry, GroupCheck and MemberCheck.
 */
declare module '@salesforce/apex/RoutingDoctorController.getDiagnosis' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface HistoryEntry {
        id: string;
        routedAt: string | null;
        path: string | null;
        outcome: string | null;
        groupName: string | null;
        ownerName: string | null;
        routedBy: string | null;
        job: string | null;
        explanation: string | null;
    }
    export interface GroupCheck {
        groupId: string;
        name: string;
        matches: boolean;
        routes: boolean;
    }
    export interface MemberCheck {
        name: string | null;
        memberType: string | null;
        eligible: boolean;
        reason: string | null;
        warnings: string[] | null;
    }
    export interface Diagnosis {
        leadId: string;
        ownerName: string | null;
        history: HistoryEntry[];
        groups: GroupCheck[];
        members: MemberCheck[];
        wouldGoTo: string | null;
        fallback: string | null;
        replayProblem: string | null;
        canRouteNow: boolean;
    }
    type Params = { leadId: string | undefined };
    type Wired = { data?: Diagnosis; error?: unknown };
    const getDiagnosis: ((params: Params) => Promise<Diagnosis>) & WireAdapterConstructor<Params, Wired>;
    export default getDiagnosis;
}

declare module '@salesforce/apex/RoutingDoctorController.routeNow' {
    import type { DistributeSummary } from 'c/distributionCommon';
    export default function routeNow(params: { leadId: string }): Promise<DistributeSummary>;
}
