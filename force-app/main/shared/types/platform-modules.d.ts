/**
 * Typings for the platform modules LWC imports that @salesforce/lightning-types does not cover.
 * Apex method typings live beside this file in apex/<ClassName>.d.ts, one module per method.
 */
declare module '@salesforce/label/c.*' {
    const label: string;
    export default label;
}

declare module '@salesforce/schema/*' {
    const field: { fieldApiName: string; objectApiName: string } & string;
    export default field;
}

declare module '@salesforce/customPermission/*' {
    const hasPermission: boolean | undefined;
    export default hasPermission;
}

/** The running user's locale (`en-US`, `nb-NO`) and IANA time zone (`Europe/Oslo`), from their settings. */
declare module '@salesforce/i18n/locale' {
    const locale: string;
    export default locale;
}

declare module '@salesforce/i18n/timeZone' {
    const timeZone: string;
    export default timeZone;
}

declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}

declare module '@salesforce/apex' {
    /** Re-runs the wire adapter that provisioned `wiredValue`. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: unknown[];
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

declare module 'lightning/actions' {
    export class CloseActionScreenEvent extends CustomEvent<null> {
        constructor();
    }
}

declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    interface Navigator {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Constructor<T = object> = new (...args: any[]) => T;
    export const NavigationMixin: {
        <T extends Constructor>(base: T): T & Constructor<Navigator>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
    export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;
}

declare module 'lightning/uiRecordApi' {
    export const getRecord: unknown;
    export function getFieldValue(record: unknown, field: unknown): unknown;
    export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void>;
}

declare module 'lightning/refresh' {
    export class RefreshEvent extends CustomEvent<null> {
        constructor();
    }
}
