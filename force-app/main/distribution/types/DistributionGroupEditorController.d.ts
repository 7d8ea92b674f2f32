/**
 * Typings for DistributionGroupEditorController's @AuraEnabled methods (component distributionGroupEditor), one module per method as LWC imports them.
 * Parameter names are the Apex parameter names; the shapes live in c/distributionCommon.
 * Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/DistributionGroupEditorController.getGroupEditorData' {
    import type { GroupEditorData } from 'c/distributionCommon';
    export default function getGroupEditorData(params: { groupId: string }): Promise<GroupEditorData>;
}

declare module '@salesforce/apex/DistributionGroupEditorController.saveMembers' {
    import type { GroupEditorData, MemberInput } from 'c/distributionCommon';
    export default function saveMembers(params: { groupId: string; members: MemberInput[] }): Promise<GroupEditorData>;
}

declare module '@salesforce/apex/DistributionGroupEditorController.getPreview' {
    import type { PreviewRow } from 'c/distributionCommon';
    export default function getPreview(params: { groupId: string }): Promise<PreviewRow[]>;
}

declare module '@salesforce/apex/DistributionGroupEditorController.getShareChart' {
    import type { ShareRow } from 'c/distributionCommon';
    export default function getShareChart(params: { groupId: string }): Promise<ShareRow[]>;
}
