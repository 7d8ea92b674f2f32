/**
 * Typings for DistributionController's @AuraEnabled methods, one module per method as LWC imports them.
 * Parameter names are the Apex parameter names; the shapes live in c/distributionCommon.
 * Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/DistributionController.getGroupEditorData' {
    import type { GroupEditorData } from 'c/distributionCommon';
    export default function getGroupEditorData(params: { groupId: string }): Promise<GroupEditorData>;
}

declare module '@salesforce/apex/DistributionController.saveMembers' {
    import type { GroupEditorData, MemberInput } from 'c/distributionCommon';
    export default function saveMembers(params: { groupId: string; members: MemberInput[] }): Promise<GroupEditorData>;
}

declare module '@salesforce/apex/DistributionController.getPreview' {
    import type { PreviewRow } from 'c/distributionCommon';
    export default function getPreview(params: { groupId: string }): Promise<PreviewRow[]>;
}

declare module '@salesforce/apex/DistributionController.getShareChart' {
    import type { ShareRow } from 'c/distributionCommon';
    export default function getShareChart(params: { groupId: string }): Promise<ShareRow[]>;
}

declare module '@salesforce/apex/DistributionController.getActiveGroups' {
    import type { Option } from 'c/distributionCommon';
    import type { WireAdapterConstructor } from 'lwc';
    type Wired = { data?: Option[]; error?: unknown };
    const getActiveGroups: (() => Promise<Option[]>) & WireAdapterConstructor<Record<string, never>, Wired>;
    export default getActiveGroups;
}

declare module '@salesforce/apex/DistributionController.distributeLeads' {
    import type { DistributeSummary } from 'c/distributionCommon';
    export default function distributeLeads(params: {
        leadIds: string[];
        groupId: string | null;
        notify: boolean;
    }): Promise<DistributeSummary>;
}

declare module '@salesforce/apex/DistributionController.getAssignOptions' {
    import type { AssignOptions } from 'c/distributionCommon';
    export default function getAssignOptions(params: { leadId: string }): Promise<AssignOptions>;
}

declare module '@salesforce/apex/DistributionController.assignToPartner' {
    import type { LeadOutcome } from 'c/distributionCommon';
    export default function assignToPartner(params: {
        leadId: string;
        targetType: 'Group' | 'Queue' | 'User';
        targetId: string;
        notify: boolean;
    }): Promise<LeadOutcome>;
}

declare module '@salesforce/apex/DistributionController.getPartnerQueues' {
    import type { QueueBacklog } from 'c/distributionCommon';
    export default function getPartnerQueues(): Promise<QueueBacklog[]>;
}

declare module '@salesforce/apex/DistributionController.getAccountsWithoutQueue' {
    import type { Option } from 'c/distributionCommon';
    export default function getAccountsWithoutQueue(): Promise<Option[]>;
}

declare module '@salesforce/apex/DistributionController.createPartnerQueue' {
    import type { QueueBacklog } from 'c/distributionCommon';
    export default function createPartnerQueue(params: { accountId: string }): Promise<QueueBacklog>;
}
