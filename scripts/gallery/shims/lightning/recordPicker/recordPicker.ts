/// <reference lib="dom" />
/**
 * lightning-record-picker searches records through the UI API, which exists only in the org: the
 * gallery draws its label and input, and reports the typed text as the chosen record Id.
 */
import { LightningElement, api } from 'lwc';

export default class RecordPicker extends LightningElement {
    @api label?: string;
    @api placeholder?: string;
    @api objectApiName?: string;
    @api value?: string;
    @api filter?: unknown;
    @api displayInfo?: unknown;
    @api matchingInfo?: unknown;
    @api required = false;
    @api disabled = false;
    @api variant?: string;

    get inputPlaceholder(): string {
        return this.placeholder ?? `Search ${this.objectApiName ?? 'records'}...`;
    }

    handleChange(event: Event): void {
        const recordId = (event.target as HTMLInputElement).value || null;
        this.dispatchEvent(new CustomEvent('change', { detail: { recordId } }));
    }
}
