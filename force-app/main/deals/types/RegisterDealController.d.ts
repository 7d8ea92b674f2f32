/**
 * Typings for RegisterDealController's and DealRegistrationsController's @AuraEnabled methods (deal registration),
 * one module per method as LWC imports them. Shapes mirror DealRegistrationService.DealForm, ConflictCheck and
 * RegistrationRow, and DealDecisionService.DealQueue and QueueRow.
 */
declare module '@salesforce/apex/RegisterDealController.registerDeal' {
    export interface DealForm {
        company?: string | null;
        contactName?: string | null;
        email?: string | null;
        country?: string | null;
        productInterest?: string | null;
        estimatedValue?: number | null;
        closeDate?: string | null;
        notes?: string | null;
    }
    export type RegistrationStatus = 'Submitted' | 'Approved' | 'Rejected';
    export interface RegistrationRow {
        id: string;
        company: string | null;
        contactName: string | null;
        status: RegistrationStatus;
        reason: string | null;
        estimatedValue: number | null;
        closeDate: string | null;
        registeredAt: string | null;
        protectedUntil: string | null;
        possibleConflict: boolean;
    }
    export default function registerDeal(params: { form: DealForm }): Promise<RegistrationRow>;
}

declare module '@salesforce/apex/RegisterDealController.checkDealConflicts' {
    import type { DealForm } from '@salesforce/apex/RegisterDealController.registerDeal';
    export interface ConflictCheck {
        possibleConflict: boolean;
    }
    export default function checkDealConflicts(params: { form: DealForm }): Promise<ConflictCheck>;
}

declare module '@salesforce/apex/RegisterDealController.getMyRegistrations' {
    import type { RegistrationRow } from '@salesforce/apex/RegisterDealController.registerDeal';
    export default function getMyRegistrations(): Promise<RegistrationRow[]>;
}

declare module '@salesforce/apex/DealRegistrationsController.getRegistrationQueue' {
    import type { RegistrationRow } from '@salesforce/apex/RegisterDealController.registerDeal';
    export interface ConflictMatch {
        recordId: string;
        kind: string;
        name: string | null;
        ownerName: string | null;
        matchedBy: 'domain' | 'name' | 'duplicate_rule';
    }
    export interface QueueRow {
        registration: RegistrationRow;
        email: string | null;
        country: string | null;
        productInterest: string | null;
        notes: string | null;
        partnerName: string | null;
        conflicts: ConflictMatch[];
    }
    export interface DealQueue {
        rows: QueueRow[];
        total: number;
        protectionDays: number;
    }
    export default function getRegistrationQueue(): Promise<DealQueue>;
}

declare module '@salesforce/apex/DealRegistrationsController.approveRegistration' {
    export default function approveRegistration(params: { leadId: string }): Promise<string>;
}

declare module '@salesforce/apex/DealRegistrationsController.rejectRegistration' {
    export default function rejectRegistration(params: { leadId: string; reason: string }): Promise<void>;
}
