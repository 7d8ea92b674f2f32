import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the documented defaults live (one KEY=VALUE per line, `#` comments). */
export const DEFAULTS_FILE = resolve(__dirname, '../../../config/service.defaults.env');

/** Reads a KEY=VALUE file; empty values are left out so that "not set" stays not set. */
export function readEnvFile(path: string = DEFAULTS_FILE): Record<string, string> {
    const values: Record<string, string> = {};
    for (const rawLine of readFileSync(path, 'utf8').split(/\r?\n/)) {
        const line = rawLine.trim();
        if (line === '' || line.startsWith('#')) {
            continue;
        }
        const eq = line.indexOf('=');
        if (eq <= 0) {
            continue;
        }
        const value = line.slice(eq + 1).trim();
        if (value !== '') {
            values[line.slice(0, eq).trim()] = value;
        }
    }
    return values;
}
