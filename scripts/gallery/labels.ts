/**
 * The English value of every Custom Label, read from the project's labels files, so the gallery shows
 * the text a user sees in the org rather than label names.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

interface LabelEntry {
    fullName?: string;
    value?: string | number | boolean;
}

/** Label name (without the `c.` prefix) to its value, over the given `*.labels-meta.xml` files. */
export function readLabels(files: string[]): Map<string, string> {
    // Label values such as "Yes" or "10" must stay text, and entities (&apos;) must be decoded.
    const parser = new XMLParser({ parseTagValue: false, processEntities: true, isArray: (name) => name === 'labels' });
    const labels = new Map<string, string>();
    for (const file of files) {
        const xml = parser.parse(readFileSync(file, 'utf8')) as {
            CustomLabels?: { labels?: LabelEntry[] };
        };
        for (const entry of xml.CustomLabels?.labels ?? []) {
            if (entry.fullName) {
                labels.set(entry.fullName, String(entry.value ?? ''));
            }
        }
    }
    return labels;
}
