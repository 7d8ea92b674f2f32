/**
 * Salesforce-style record Ids: 3-character key prefix, 12 characters of body, and for the 18-character
 * form a 3-character case-safe checksum. The simulator derives a record's Id from its row number in its
 * table, so a million leads need no Id strings in memory.
 */

/** Base-62 digits in ASCII order, so fixed-width Ids sort like their row numbers. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Pod and reserved characters that follow the key prefix in every simulator Id. */
const INSTANCE = '8d0';
const COUNTER_WIDTH = 9;

function checksum(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(block * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += CHECKSUM_CHARS[bits];
    }
    return suffix;
}

/** The 18-character Id for row `row` of the object with key prefix `prefix`. */
export function makeId(prefix: string, row: number): string {
    let n = row + 1;
    let body = '';
    for (let i = 0; i < COUNTER_WIDTH; i++) {
        body = DIGITS[n % 62] + body;
        n = Math.floor(n / 62);
    }
    const id15 = prefix + INSTANCE + body;
    return id15 + checksum(id15);
}

/** True when `value` has the shape of a 15- or 18-character Id (and, for 18, a matching checksum). */
export function isWellFormedId(value: unknown): value is string {
    if (typeof value !== 'string' || (value.length !== 15 && value.length !== 18)) return false;
    for (let i = 0; i < value.length; i++) if (digitValue(value.charCodeAt(i)) < 0) return false;
    if (value.length === 15) return true;
    return checksum(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** The 18-character form of a well-formed Id (15-character Ids are case-sensitive; the suffix is not). */
export function to18(id: string): string {
    if (id.length === 18) {
        const suffix = id.slice(15);
        if (suffix === suffix.toUpperCase()) return id;
    }
    const id15 = id.slice(0, 15);
    return id15 + checksum(id15);
}

/** Value of a base-62 digit character code, or -1. */
function digitValue(c: number): number {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 65 && c <= 90) return c - 55;
    if (c >= 97 && c <= 122) return c - 61;
    return -1;
}

/** Row number encoded in a simulator Id, or -1 when the Id was not made by makeId. */
export function rowOfId(id: string): number {
    if (id.slice(3, 6) !== INSTANCE) return -1;
    let n = 0;
    for (let i = 6; i < 15; i++) {
        const d = digitValue(id.charCodeAt(i));
        if (d < 0) return -1;
        n = n * 62 + d;
    }
    return n - 1;
}

/** Key prefixes of the custom objects, assigned in name order: a0A, a0B, ... */
export function customKeyPrefix(index: number): string {
    return 'a0' + DIGITS[(10 + index) % 62];
}
