/** SOQL literals built in one place: every value from input goes through these. */

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A quoted SOQL string literal with backslash, quote and control characters escaped. */
export function soqlString(value: string): string {
    const escaped = value
        .replace(/\\/g, '\\\\')
        .replace(/'/g, "\\'")
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t')
        .replace(/"/g, '\\"');
    return `'${escaped}'`;
}

/** A parenthesised list of string literals for IN (...). */
export function soqlList(values: readonly string[]): string {
    if (values.length === 0) {
        throw new Error('soqlList needs at least one value');
    }
    return `(${values.map(soqlString).join(', ')})`;
}

export function isSalesforceId(value: string): boolean {
    return ID_PATTERN.test(value);
}

/** A SOQL datetime literal (UTC, no quotes). */
export function soqlDateTime(date: Date): string {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The 18-character form of a 15- or 18-character Id (case-safe suffix). */
export function to18(id: string): string {
    if (id.length === 18) {
        return id;
    }
    if (id.length !== 15) {
        throw new Error(`Not a Salesforce Id: ${id}`);
    }
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) {
            const c = id.charAt(block * 5 + i);
            if (c >= 'A' && c <= 'Z') {
                flags += 1 << i;
            }
        }
        suffix += alphabet.charAt(flags);
    }
    return id + suffix;
}
