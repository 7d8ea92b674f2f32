/**
 * Typings for BulkReassignmentController's @AuraEnabled methods, one module per method as LWC imports them.
 * The shapes live in c/bulkJobCommon. Cacheable methods are also wire adapters.
 */
declare module '@salesforce/apex/BulkReassignmentController.getConsoleOptions' {
    import type { ConsoleOptions, WiredResult } from 'c/bulkJobCommon';
    import type { WireAdapterConstructor } from 'lwc';
    const getConsoleOptions: (() => Promise<ConsoleOptions>) &
        WireAdapterConstructor<Record<string, never>, WiredResult<ConsoleOptions>>;
    export default getConsoleOptions;
}

declare module '@salesforce/apex/BulkReassignmentController.createJob' {
    import type { JobRequest, JobView } from 'c/bulkJobCommon';
    export default function createJob(params: { request: JobRequest }): Promise<JobView>;
}

declare module '@salesforce/apex/BulkReassignmentController.getJob' {
    import type { JobView } from 'c/bulkJobCommon';
    export default function getJob(params: { jobId: string }): Promise<JobView>;
}

declare module '@salesforce/apex/BulkReassignmentController.listRecentJobs' {
    import type { JobView } from 'c/bulkJobCommon';
    export default function listRecentJobs(params: { maxRows: number }): Promise<JobView[]>;
}

declare module '@salesforce/apex/BulkReassignmentController.requestCancel' {
    import type { JobView } from 'c/bulkJobCommon';
    export default function requestCancel(params: { jobId: string }): Promise<JobView>;
}

declare module '@salesforce/apex/BulkReassignmentController.requestRevert' {
    import type { JobView } from 'c/bulkJobCommon';
    export default function requestRevert(params: { jobId: string }): Promise<JobView>;
}

declare module '@salesforce/apex/BulkReassignmentController.runForReal' {
    import type { JobView } from 'c/bulkJobCommon';
    export default function runForReal(params: { jobId: string }): Promise<JobView>;
}
