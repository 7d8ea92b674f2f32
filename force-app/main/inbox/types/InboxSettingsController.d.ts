/**
 * Typings for InboxSettingsController's @AuraEnabled methods (the partner's inbox settings), one module
 * per method as LWC imports them. The shape mirrors InboxSettingsService.InboxSettings; Apex Dates arrive
 * as `YYYY-MM-DD` strings.
 */
declare module '@salesforce/apex/InboxSettingsController.getSettings' {
    export type Delivery = 'Immediate' | 'Digest' | 'Daily' | 'Off';
    export interface DeliveryOption {
        value: string;
        label: string;
    }
    export interface InboxSettings {
        today: string;
        awayUntil: string | null;
        backOn: string | null;
        memberships: number;
        pausedMemberships: number;
        delivery: Delivery;
        deliveryStored: boolean;
        canSetDelivery: boolean;
        deliveryOptions: DeliveryOption[];
    }
    export default function getSettings(): Promise<InboxSettings>;
}

declare module '@salesforce/apex/InboxSettingsController.setAwayUntil' {
    import type { InboxSettings } from '@salesforce/apex/InboxSettingsController.getSettings';
    export default function setAwayUntil(params: { awayUntil: string | null }): Promise<InboxSettings>;
}

declare module '@salesforce/apex/InboxSettingsController.setDelivery' {
    import type { InboxSettings } from '@salesforce/apex/InboxSettingsController.getSettings';
    export default function setDelivery(params: { delivery: string }): Promise<InboxSettings>;
}
