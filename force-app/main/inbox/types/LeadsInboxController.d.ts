/**
 * Typings for LeadsInboxController's @AuraEnabled methods (the partner Leads inbox), one module per
 * method as LWC imports them. Shapes mirror LeadsInboxService.InboxPage, InboxRow and InboxOptions.
 */
declare module '@salesforce/apex/LeadsInboxController.getInboxPage' {
    export type InboxListName = 'waiting' | 'owned';
    export type SlaState = 'accepted' | 'none' | 'on_time' | 'due_soon' | 'overdue';
    export type SortKey = 'age' | 'name' | 'company' | 'country' | 'source' | 'status';
    export interface InboxRow {
        id: string;
        name: string;
        company: string | null;
        country: string | null;
        source: string | null;
        status: string | null;
        queueName: string | null;
        reachedAt: string | null;
        ageHours: number;
        sla: SlaState;
        dueAt: string | null;
        canAccept: boolean;
        canUpdateStatus: boolean;
    }
    export interface InboxPage {
        listName: InboxListName;
        rows: InboxRow[];
        total: number;
        offset: number;
        pageSize: number;
        hasMore: boolean;
    }
    export default function getInboxPage(params: {
        listName: InboxListName;
        searchTerm: string | null;
        sortBy: SortKey;
        sortDirection: 'asc' | 'desc';
        pageSize: number;
        offset: number;
    }): Promise<InboxPage>;
}

declare module '@salesforce/apex/LeadsInboxController.getInboxOptions' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface InboxOption {
        value: string;
        label: string;
    }
    export interface InboxOptions {
        returnReasons: InboxOption[];
        statuses: InboxOption[];
    }
    type Wired = { data?: InboxOptions; error?: unknown };
    const getInboxOptions: (() => Promise<InboxOptions>) & WireAdapterConstructor<Record<string, never>, Wired>;
    export default getInboxOptions;
}

declare module '@salesforce/apex/LeadsInboxController.acceptLead' {
    export default function acceptLead(params: { leadId: string }): Promise<void>;
}

declare module '@salesforce/apex/LeadsInboxController.returnLead' {
    export default function returnLead(params: { leadId: string; reason: string; comment: string }): Promise<void>;
}

declare module '@salesforce/apex/LeadsInboxController.updateLeadStatus' {
    export default function updateLeadStatus(params: { leadId: string; status: string }): Promise<void>;
}
