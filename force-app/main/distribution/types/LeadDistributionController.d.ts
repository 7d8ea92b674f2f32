/**
 * Typings for LeadDistributionController's @AuraEnabled methods (components distributeLeads and assignToPartner), one module per method as LWC imports them.
 * Parameter names are the Apex parameter names; the shapes live in c/distributionCommon.
 * Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/LeadDistributionController.getActiveGroups' {
    import type { Option } from 'c/distributionCommon';
    import type { WireAdapterConstructor } from 'lwc';
    type Wired = { data?: Option[]; error?: unknown };
    const getActiveGroups: (() => Promise<Option[]>) & WireAdapterConstructor<Record<string, never>, Wired>;
    export default getActiveGroups;
}

declare module '@salesforce/apex/LeadDistributionController.getGroupsCapNotice' {
    import type { WireAdapterConstructor } from 'lwc';
    /** The translated notice that the list of groups stops at its cap, or null when every group is listed. */
    type Wired = { data?: string | null; error?: unknown };
    const getGroupsCapNotice: (() => Promise<string | null>) & WireAdapterConstructor<Record<string, never>, Wired>;
    export default getGroupsCapNotice;
}

declare module '@salesforce/apex/LeadDistributionController.distributeLeads' {
    import type { DistributeSummary } from 'c/distributionCommon';
    export default function distributeLeads(params: {
        leadIds: string[];
        groupId: string | null;
        notify: boolean;
    }): Promise<DistributeSummary>;
}

declare module '@salesforce/apex/LeadDistributionController.getAssignOptions' {
    import type { AssignOptions } from 'c/distributionCommon';
    export default function getAssignOptions(params: { leadId: string }): Promise<AssignOptions>;
}

declare module '@salesforce/apex/LeadDistributionController.assignToPartner' {
    import type { LeadOutcome } from 'c/distributionCommon';
    export default function assignToPartner(params: {
        leadId: string;
        targetType: 'Group' | 'Queue' | 'User';
        targetId: string;
        notify: boolean;
    }): Promise<LeadOutcome>;
}
