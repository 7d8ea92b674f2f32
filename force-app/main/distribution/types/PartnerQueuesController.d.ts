/**
 * Typings for PartnerQueuesController's @AuraEnabled methods (component partnerQueues), one module per method as LWC imports them.
 * Parameter names are the Apex parameter names; the shapes live in c/distributionCommon.
 * Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/PartnerQueuesController.getPartnerQueues' {
    import type { QueueBacklog } from 'c/distributionCommon';
    export default function getPartnerQueues(): Promise<QueueBacklog[]>;
}

declare module '@salesforce/apex/PartnerQueuesController.getPartnerQueuesCapNotice' {
    /** The translated notice that the list stops at its cap, or null when every partner queue is listed. */
    export default function getPartnerQueuesCapNotice(): Promise<string | null>;
}

declare module '@salesforce/apex/PartnerQueuesController.getAccountsWithoutQueue' {
    import type { Option } from 'c/distributionCommon';
    export default function getAccountsWithoutQueue(): Promise<Option[]>;
}

declare module '@salesforce/apex/PartnerQueuesController.getAccountsCapNotice' {
    /** The translated notice that the picker of accounts without a queue stops at its cap, or null when it lists every one. */
    export default function getAccountsCapNotice(): Promise<string | null>;
}

declare module '@salesforce/apex/PartnerQueuesController.createPartnerQueue' {
    import type { QueueBacklog } from 'c/distributionCommon';
    export default function createPartnerQueue(params: { accountId: string }): Promise<QueueBacklog>;
}

declare module '@salesforce/apex/PartnerQueuesController.syncPartnerQueueMembers' {
    /** PartnerQueueSync.Result: memberships added and removed. */
    export interface SyncResult {
        added: number;
        removed: number;
    }
    export default function syncPartnerQueueMembers(params: { queueId: string }): Promise<SyncResult>;
}
