/**
 * Field values: parsing what clients send (JSON for REST, CSV text for Bulk API) into the stored form,
 * and formatting stored values the way Salesforce prints them. Stored forms: strings, numbers (dates
 * and datetimes as epoch milliseconds), booleans, or null.
 */
import { RowError } from './errors';
import { isWellFormedId, to18 } from './ids';
import type { FieldDef } from './schema';

export type Value = string | number | boolean | null;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
}

/** REST format: 2024-01-31T09:30:00.000+0000. */
export function formatDateTime(ms: number): string {
    return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Bulk API 2.0 query CSV format: 2024-01-31T09:30:00.000Z. */
export function formatDateTimeCsv(ms: number): string {
    return new Date(ms).toISOString();
}

export function formatDate(ms: number): string {
    const d = new Date(ms);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function parseDate(text: string): number | undefined {
    if (!DATE_RE.test(text)) return undefined;
    const ms = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(ms) ? undefined : ms;
}

export function parseDateTime(text: string): number | undefined {
    const m = DATETIME_RE.exec(text);
    if (!m) return undefined;
    const [, day, hh, mm, ss = '00', frac = '0', zone = 'Z'] = m;
    const offset = zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
    const ms = Date.parse(`${day}T${hh}:${mm}:${ss}.${frac.padEnd(3, '0')}${offset}`);
    return Number.isNaN(ms) ? undefined : ms;
}

const typeError = (field: FieldDef, raw: unknown): RowError =>
    new RowError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${String(raw)}`, [
        field.name
    ]);

/** Parses one value for `field`; `raw` is a JSON value (REST) or a CSV cell (Bulk API). */
export function parseValue(field: FieldDef, raw: unknown): Value {
    if (raw === null || raw === undefined) return null;
    switch (field.type) {
        case 'boolean': {
            if (typeof raw === 'boolean') return raw;
            const t = String(raw).toLowerCase();
            if (t === 'true' || t === '1') return true;
            if (t === 'false' || t === '0') return false;
            throw typeError(field, raw);
        }
        case 'double':
        case 'int':
        case 'currency':
        case 'percent': {
            if (raw === '') return null;
            const n = typeof raw === 'number' ? raw : Number(raw);
            if (typeof raw === 'boolean' || !Number.isFinite(n)) throw typeError(field, raw);
            if (field.type === 'int' && !Number.isInteger(n)) throw typeError(field, raw);
            return n;
        }
        case 'date': {
            if (raw === '') return null;
            const ms = typeof raw === 'string' ? (parseDate(raw) ?? parseDateTime(raw)) : undefined;
            if (ms === undefined) throw typeError(field, raw);
            return ms - (ms % 86400000);
        }
        case 'datetime': {
            if (raw === '') return null;
            const ms = typeof raw === 'string' ? (parseDateTime(raw) ?? parseDate(raw)) : undefined;
            if (ms === undefined) throw typeError(field, raw);
            return ms;
        }
        case 'reference':
        case 'id': {
            if (raw === '') return null;
            if (!isWellFormedId(raw)) {
                throw new RowError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(raw)}`, [
                    field.name
                ]);
            }
            return to18(raw);
        }
        default: {
            if (typeof raw === 'object') throw typeError(field, JSON.stringify(raw));
            const s = String(raw);
            if (s === '') return null;
            if (field.length !== undefined && s.length > field.length) {
                throw new RowError(
                    'STRING_TOO_LONG',
                    `${field.label}: data value too large: ${s.length > 40 ? s.slice(0, 40) + '...' : s} (max length=${field.length})`,
                    [field.name]
                );
            }
            if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)) {
                throw new RowError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${s}`, [
                    field.name
                ]);
            }
            if (
                field.type === 'picklist' &&
                field.restrictedPicklist &&
                field.picklistValues &&
                !field.picklistValues.includes(s)
            ) {
                throw new RowError(
                    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                    `${field.label}: bad value for restricted picklist field: ${s}`,
                    [field.name]
                );
            }
            return s;
        }
    }
}

/** A stored value as REST JSON prints it. */
export function toJsonValue(field: FieldDef, v: Value): Value {
    if (v === null) return null;
    if (field.type === 'datetime') return formatDateTime(v as number);
    if (field.type === 'date') return formatDate(v as number);
    return v;
}

/** A stored value as a Bulk API 2.0 CSV cell (unquoted; the writer quotes). */
export function toCsvValue(type: FieldDef['type'], v: Value): string {
    if (v === null || v === undefined) return '';
    if (type === 'datetime') return formatDateTimeCsv(v as number);
    if (type === 'date') return formatDate(v as number);
    return String(v);
}

/** Quotes a CSV cell the way Bulk API 2.0 results do: always, with doubled quotes inside. */
export function quoteCsv(cell: string): string {
    return cell.includes('"') ? '"' + cell.replace(/"/g, '""') + '"' : '"' + cell + '"';
}
