/**
 * lightning/uiRecordApi: no Lightning Data Service outside the org. getRecord answers like LDS does
 * for a record it cannot load, and the helpers work on the record shape LDS uses.
 */
import { platformLog } from './runtime';

interface RecordShape {
    fields?: Record<string, { value: unknown; displayValue?: string | null }>;
}

type Field = { fieldApiName: string; objectApiName?: string } | string;

function fieldName(field: Field): string {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    return name.includes('.') ? name.slice(name.indexOf('.') + 1) : name;
}

export class getRecord {
    private readonly callback: (value: { data?: unknown; error?: unknown }) => void;

    constructor(callback: (value: { data?: unknown; error?: unknown }) => void) {
        this.callback = callback;
    }

    update(config: { recordId?: string }): void {
        platformLog.push(`getRecord ${config.recordId ?? ''}`);
        const error = {
            body: { message: 'Records are not available in the gallery.' },
            status: 404,
            statusText: 'Not Found'
        };
        Promise.resolve().then(() => this.callback({ data: undefined, error }));
    }

    connect(): void {}

    disconnect(): void {}
}

export function getFieldValue(record: RecordShape | undefined, field: Field): unknown {
    return record?.fields?.[fieldName(field)]?.value;
}

export function getFieldDisplayValue(record: RecordShape | undefined, field: Field): unknown {
    return record?.fields?.[fieldName(field)]?.displayValue;
}

export function notifyRecordUpdateAvailable(items: Array<{ recordId: string }>): Promise<void> {
    platformLog.push(`notifyRecordUpdateAvailable ${items.map((i) => i.recordId).join(',')}`);
    return Promise.resolve();
}
