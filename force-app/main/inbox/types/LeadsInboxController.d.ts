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

declare module '@salesforce/apex/LeadsInboxController.getLeadDetail' {
    export type ConversionMode = 'convert' | 'qualify';
    /** Mirrors InboxLeadWorkService.LeadDetail. */
    export interface LeadDetail {
        id: string;
        name: string;
        company: string | null;
        title: string | null;
        email: string | null;
        phone: string | null;
        description: string | null;
        status: string | null;
        owned: boolean;
        converted: boolean;
        qualifiedAt: string | null;
        conversionMode: ConversionMode;
        canConvert: boolean;
    }
    export default function getLeadDetail(params: { leadId: string }): Promise<LeadDetail>;
}

declare module '@salesforce/apex/LeadsInboxController.getLeadNotes' {
    /** Mirrors InboxLeadWorkService.LeadNote. */
    export interface LeadNote {
        id: string;
        body: string;
        question: boolean;
        authorName: string;
        mine: boolean;
        createdAt: string;
    }
    export default function getLeadNotes(params: { leadId: string }): Promise<LeadNote[]>;
}

declare module '@salesforce/apex/LeadsInboxController.addLeadNote' {
    import type { LeadNote } from '@salesforce/apex/LeadsInboxController.getLeadNotes';
    export default function addLeadNote(params: {
        leadId: string;
        body: string;
        question: boolean;
    }): Promise<LeadNote[]>;
}

declare module '@salesforce/apex/LeadsInboxController.convertLead' {
    /** Mirrors InboxConversionService.ConversionResult. */
    export interface ConversionResult {
        accountId: string;
        contactId: string;
        opportunityId: string | null;
    }
    export default function convertLead(params: { leadId: string }): Promise<ConversionResult>;
}

declare module '@salesforce/apex/LeadsInboxController.qualifyLead' {
    export default function qualifyLead(params: { leadId: string }): Promise<void>;
}
