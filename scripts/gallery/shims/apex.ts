/** @salesforce/apex: fixtures do not change while a state is shown, so a refresh has nothing new to bring. */
import { platformLog } from './runtime';

export function refreshApex(_wiredValue: unknown): Promise<void> {
    platformLog.push('refreshApex');
    return Promise.resolve();
}

export function getSObjectValue(record: Record<string, unknown>, field: { fieldApiName: string } | string): unknown {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    return record[name];
}
