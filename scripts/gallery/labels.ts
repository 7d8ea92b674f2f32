/**
 * Every Custom Label's English value and its translations, read from the project's labels and translation
 * files, so the gallery shows the text a user sees in the org rather than label names.
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

/** The languages the gallery shows a state in besides English: the shipped translations with the longest words. */
export const GALLERY_LANGUAGES = ['el', 'no'] as const;
export type GalleryLanguage = (typeof GALLERY_LANGUAGES)[number];

interface TranslationEntry {
    name?: string;
    label?: string | number | boolean;
}

/**
 * Label translations by language, from the `<language>.translation-meta.xml` files of the given
 * languages: language -> label name -> translated text.
 */
export function readTranslations(
    files: string[],
    languages: readonly string[]
): Record<string, Record<string, string>> {
    const parser = new XMLParser({
        parseTagValue: false,
        processEntities: true,
        isArray: (name) => name === 'customLabels'
    });
    const translations: Record<string, Record<string, string>> = {};
    for (const file of files) {
        const language = (file.split(/[\\/]/).pop() ?? '').replace('.translation-meta.xml', '');
        if (!languages.includes(language)) {
            continue;
        }
        const xml = parser.parse(readFileSync(file, 'utf8')) as {
            Translations?: { customLabels?: TranslationEntry[] };
        };
        const labels = (translations[language] ??= {});
        for (const entry of xml.Translations?.customLabels ?? []) {
            if (entry.name) {
                labels[entry.name] = String(entry.label ?? '');
            }
        }
    }
    for (const language of languages) {
        if (!translations[language]) {
            throw new Error(
                `No ${language}.translation-meta.xml in force-app: the gallery shows states in ${language}`
            );
        }
    }
    return translations;
}
