/**
 * The deploy rehearsal's rules over metadata and scripts (the rule list and its sources are in
 * scripts/checks/deploy-rehearsal-rules.md): permission dependencies in permission sets, translations
 * for languages the scratch definition does not turn on, and admin scripts that hand the routing bypass
 * to the user who deploys (whose identity the Apex tests then run under).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { finding, type Finding } from './findings';
import { listFiles, lineOf, type SfdxProject } from './sfdx-project';

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['objectPermissions', 'userPermissions', 'customPermissions'].includes(name)
});

type Access = 'allowRead' | 'allowCreate' | 'allowEdit' | 'allowDelete' | 'viewAllRecords' | 'modifyAllRecords';

const ACCESS_LABEL: Record<Access, string> = {
    allowRead: 'Read',
    allowCreate: 'Create',
    allowEdit: 'Edit',
    allowDelete: 'Delete',
    viewAllRecords: 'View All',
    modifyAllRecords: 'Modify All'
};

/** What each object permission requires on the same object (ObjectPermissions, Object Reference). */
const OBJECT_DEPENDENCIES: ReadonlyArray<[Access, Access[]]> = [
    ['allowCreate', ['allowRead']],
    ['allowEdit', ['allowRead']],
    ['allowDelete', ['allowRead', 'allowEdit']],
    ['viewAllRecords', ['allowRead']],
    ['modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']]
];

/** User permissions and the object permissions the org's PermissionDependency rows require of them. */
const USER_PERMISSION_DEPENDENCIES: Record<string, { object: string; access: Access[] }> = {
    TransferAnyLead: { object: 'Lead', access: ['allowRead', 'allowCreate', 'allowEdit'] },
    TransferAnyCase: { object: 'Case', access: ['allowRead', 'allowCreate', 'allowEdit'] }
};

/** Fully supported languages (Translations, Metadata API Developer Guide): on in every org. */
const FULLY_SUPPORTED = new Set(
    [
        'zh_CN',
        'zh_TW',
        'da',
        'nl_NL',
        'en_US',
        'fi',
        'fr',
        'de',
        'it',
        'ja',
        'ko',
        'no',
        'pt_BR',
        'ru',
        'es',
        'es_MX',
        'sv',
        'th'
    ].map((l) => l.toLowerCase())
);

/** End-user languages (same page): need end-user (or platform) languages switched on. */
const END_USER = new Set(
    ['ar', 'bg', 'hr', 'cs', 'en_GB', 'el', 'iw', 'hu', 'in', 'pl', 'pt_PT', 'ro', 'sk', 'sl', 'tr', 'uk', 'vi'].map(
        (l) => l.toLowerCase()
    )
);

const yes = (v: unknown): boolean => String(v).trim() === 'true';

function permissionSets(project: SfdxProject): Array<{ file: string; name: string; body: Record<string, unknown> }> {
    return listFiles(project, (f) => f.endsWith('.permissionset-meta.xml')).map((file) => {
        const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as { PermissionSet?: Record<string, unknown> };
        return { file, name: path.basename(file, '.permissionset-meta.xml'), body: parsed.PermissionSet ?? {} };
    });
}

/** 1-based line of the element that names `name` (e.g. `<object>Lead</object>`), else 1. */
function lineOfName(file: string, tag: string, name: string): number {
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf(`<${tag}>${name}</${tag}>`);
    return at < 0 ? 1 : lineOf(text, at);
}

export function permissionDependencyFindings(project: SfdxProject): Finding[] {
    const findings: Finding[] = [];
    for (const set of permissionSets(project)) {
        const objects = new Map<string, Record<string, unknown>>();
        for (const op of (set.body.objectPermissions ?? []) as Array<Record<string, unknown>>) {
            const object = String(op.object ?? '').trim();
            objects.set(object, op);
            for (const [granted, required] of OBJECT_DEPENDENCIES) {
                const missing = yes(op[granted]) ? required.filter((r) => !yes(op[r])) : [];
                if (missing.length > 0) {
                    findings.push({
                        file: set.file,
                        line: lineOfName(set.file, 'object', object),
                        rule: 'ObjectPermissionDependency',
                        message: `${set.name} grants ${ACCESS_LABEL[granted]} on ${object} without ${missing.map((m) => ACCESS_LABEL[m]).join(', ')}: the deploy refuses it. Grant what ${ACCESS_LABEL[granted]} requires, or less.`
                    });
                }
            }
        }
        for (const up of (set.body.userPermissions ?? []) as Array<Record<string, unknown>>) {
            const name = String(up.name ?? '').trim();
            const dependency = USER_PERMISSION_DEPENDENCIES[name];
            if (!dependency || !yes(up.enabled)) {
                continue;
            }
            const op = objects.get(dependency.object) ?? {};
            const missing = dependency.access.filter((a) => !yes(op[a]));
            if (missing.length > 0) {
                findings.push({
                    file: set.file,
                    line: lineOfName(set.file, 'name', name),
                    rule: 'UserPermissionDependency',
                    message: `${set.name} enables ${name} without ${missing.map((m) => ACCESS_LABEL[m]).join(', ')} on ${dependency.object}: the deploy refuses it. Add those object permissions or drop ${name}.`
                });
            }
        }
    }
    return findings;
}

interface ScratchDefinition {
    language?: string;
    settings?: { languageSettings?: Record<string, unknown> };
}

export const SCRATCH_DEFINITION = path.join('config', 'project-scratch-def.json');

export function translationLanguageFindings(project: SfdxProject): Finding[] {
    const files = listFiles(project, (f) => f.endsWith('.translation-meta.xml'));
    if (files.length === 0) {
        return [];
    }
    const defFile = path.join(project.root, SCRATCH_DEFINITION);
    if (!fs.existsSync(defFile)) {
        return [
            finding(
                'TranslationLanguageNotEnabled',
                files[0],
                `the project ships translations but has no ${SCRATCH_DEFINITION} saying which languages an org must turn on.`
            )
        ];
    }
    const def = JSON.parse(fs.readFileSync(defFile, 'utf8')) as ScratchDefinition;
    const settings = def.settings?.languageSettings ?? {};
    const workbench = yes(settings.enableTranslationWorkbench);
    const platform = yes(settings.enablePlatformLanguages);
    // LanguageSettings: turning platform languages on turns end-user languages on too.
    const endUser = platform || yes(settings.enableEndUserLanguages);
    const findings: Finding[] = [];
    for (const file of files) {
        const language = path.basename(file, '.translation-meta.xml');
        const code = language.toLowerCase();
        const defaultLanguage = (def.language ?? '').toLowerCase() === code;
        let missing: string | undefined;
        if (!workbench) {
            missing = 'settings.languageSettings.enableTranslationWorkbench';
        } else if (defaultLanguage || FULLY_SUPPORTED.has(code)) {
            missing = undefined;
        } else if (END_USER.has(code)) {
            missing = endUser ? undefined : 'settings.languageSettings.enableEndUserLanguages';
        } else {
            missing = platform ? undefined : 'settings.languageSettings.enablePlatformLanguages';
        }
        if (missing) {
            findings.push(
                finding(
                    'TranslationLanguageNotEnabled',
                    file,
                    `translations into "${language}" deploy only to an org where that language is active, and ${SCRATCH_DEFINITION} does not set ${missing}: true.`
                )
            );
        }
    }
    return findings;
}

/** Permission sets that enable a custom permission named as a bypass (Partner_Desk_Bypass_Lead_Routing). */
export function bypassPermissionSets(project: SfdxProject): Map<string, string> {
    const sets = new Map<string, string>();
    for (const set of permissionSets(project)) {
        for (const cp of (set.body.customPermissions ?? []) as Array<Record<string, unknown>>) {
            const name = String(cp.name ?? '').trim();
            if (/bypass/i.test(name) && yes(cp.enabled)) {
                sets.set(set.name, name);
            }
        }
    }
    return sets;
}

/** Admin scripts: the TypeScript files of scripts/ outside tests, checks and libraries. */
function adminScripts(project: SfdxProject): string[] {
    const dir = path.join(project.root, 'scripts');
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => path.join(dir, e.name))
        .sort();
}

/**
 * A script that assigns permission sets (`sf org assign permset`) and names a bypass permission set in a
 * string of its own on a line without `--on-behalf-of`: the set goes to the user running the script,
 * the deploying user, under whom the deploy's Apex tests run.
 */
export function bypassGrantFindings(project: SfdxProject): Finding[] {
    const bypass = bypassPermissionSets(project);
    const findings: Finding[] = [];
    if (bypass.size === 0) {
        return findings;
    }
    for (const file of adminScripts(project)) {
        const text = fs.readFileSync(file, 'utf8');
        if (!/assign['"`,\s]+permset/.test(text)) {
            continue;
        }
        text.split('\n').forEach((line, index) => {
            if (line.includes('--on-behalf-of')) {
                return;
            }
            for (const [setName, permission] of bypass) {
                if (new RegExp(`(['"\`])${setName}\\1`).test(line)) {
                    findings.push({
                        file,
                        line: index + 1,
                        rule: 'DeployScriptGrantsBypass',
                        message: `${path.basename(file)} assigns ${setName} (custom permission ${permission}) to the user who runs it: the deploy's Apex tests run as that user and then take the bypass. Assign it only --on-behalf-of the integration user.`
                    });
                }
            }
        });
    }
    return findings;
}
