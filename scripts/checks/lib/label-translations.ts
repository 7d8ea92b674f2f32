/**
 * Custom Labels and their translations: every label defined once across the feature folders' labels
 * files, and every label translated into each language the package ships (Norwegian, Greek, Indonesian).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { finding, type Finding } from './findings';

export const REQUIRED_LANGUAGES = ['no', 'el', 'in'] as const;

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['labels', 'customLabels'].includes(name)
});

/** Adds the labels of one labels file to `labels` (name to defining file, relative). */
export function readLabels(file: string, relFile: string, labels: Map<string, string>, problems: Finding[]): void {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as {
        CustomLabels?: { labels?: Array<{ fullName?: string }> };
    };
    if (!parsed.CustomLabels) {
        problems.push(finding('labels', file, `${relFile} is not a <CustomLabels> file.`));
        return;
    }
    for (const label of parsed.CustomLabels.labels ?? []) {
        const name = label.fullName?.trim();
        if (!name) {
            problems.push(finding('labels', file, `${relFile} has a label without <fullName>.`));
            continue;
        }
        const previous = labels.get(name);
        if (previous) {
            problems.push(
                finding(
                    'labels',
                    file,
                    `label ${name} is defined in both ${previous} and ${relFile}: the merged CustomLabels keeps only one. Rename or remove one.`
                )
            );
            continue;
        }
        labels.set(name, relFile);
    }
}

/** Translation entries naming unknown labels (problems), and labels a language lacks (gaps). */
export function readTranslations(
    labels: Map<string, string>,
    translationFiles: Map<string, string>,
    projectDir: string,
    problems: Finding[]
): Finding[] {
    const gaps: Finding[] = [];
    if (labels.size === 0) {
        return gaps;
    }
    for (const lang of REQUIRED_LANGUAGES) {
        const file = translationFiles.get(lang);
        if (!file) {
            const expected = `translations/${lang}.translation-meta.xml`;
            gaps.push(
                finding(
                    'translation',
                    path.join(projectDir, 'sfdx-project.json'),
                    `[${lang}] ${expected} does not exist: all ${labels.size} labels lack a "${lang}" translation. Add it beside the other translation files.`
                )
            );
            continue;
        }
        const relFile = path.relative(projectDir, file);
        const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as {
            Translations?: { customLabels?: Array<{ name?: string; label?: string }> };
        };
        const translated = new Set<string>();
        for (const entry of parsed.Translations?.customLabels ?? []) {
            const name = entry.name?.trim();
            if (!name) {
                continue;
            }
            if (!labels.has(name)) {
                problems.push(
                    finding(
                        'translation',
                        file,
                        `[${lang}] ${relFile} translates label ${name}, which no labels file defines: the deploy fails on it. Remove the entry or add the label.`
                    )
                );
                continue;
            }
            if (typeof entry.label === 'string' && entry.label.trim() !== '') {
                translated.add(name);
            }
        }
        const missing = [...labels.keys()].filter((name) => !translated.has(name)).sort();
        if (missing.length > 0) {
            gaps.push(
                finding(
                    'translation',
                    file,
                    `[${lang}] ${missing.length} of ${labels.size} labels have no translation in ${relFile}: ${missing.join(', ')}`
                )
            );
        }
    }
    return gaps;
}
