/**
 * check:metadata: converts force-app with `sf project convert source` and proves that the
 * package.xml it produces lists every component the source holds, because convert silently
 * drops what it cannot resolve (a class without its -meta.xml, for one).
 *
 * Usage: tsx scripts/checks/metadata.ts [projectDir] [--translations=warn]
 * Exit code 1 when any problem is found. Missing translations fail too unless
 * --translations=warn (for the hours before the translation pass).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';

export const REQUIRED_LANGUAGES = ['no', 'el', 'in'] as const;

export type FindingKind =
    | 'convert'
    | 'missing-from-package'
    | 'missing-meta'
    | 'api-version'
    | 'deploy-leak'
    | 'lwc-bundle'
    | 'static-resource'
    | 'labels'
    | 'permission-set'
    | 'translation';

export interface Finding {
    kind: FindingKind;
    /** Path relative to the project directory, when the finding is about one file. */
    file?: string;
    message: string;
}

export interface MetadataReport {
    /** Components computed from the source files, as "Type:member". */
    expected: string[];
    /** Components package.xml lists, as "Type:member". */
    listed: string[];
    problems: Finding[];
    /** Labels without a translation in one of REQUIRED_LANGUAGES (kept apart: written late in the day). */
    translationGaps: Finding[];
}

export interface CheckOptions {
    /** sf executable; defaults to the project's node_modules/.bin/sf, then this repository's. */
    sfBin?: string;
}

/** Code files that need a <file>-meta.xml beside them, with the project's apiVersion. */
const CODE_TYPES: ReadonlyArray<[suffix: string, type: string]> = [
    ['.cls', 'ApexClass'],
    ['.trigger', 'ApexTrigger'],
    ['.page', 'ApexPage'],
    ['.component', 'ApexComponent']
];

/** Source files whose component name is the file name minus the suffix. */
const SIMPLE_TYPES: ReadonlyArray<[suffix: string, type: string]> = [
    ['.permissionset-meta.xml', 'PermissionSet'],
    ['.permissionsetgroup-meta.xml', 'PermissionSetGroup'],
    ['.customPermission-meta.xml', 'CustomPermission'],
    ['.tab-meta.xml', 'CustomTab'],
    ['.app-meta.xml', 'CustomApplication'],
    ['.flexipage-meta.xml', 'FlexiPage'],
    ['.resource-meta.xml', 'StaticResource'],
    ['.quickAction-meta.xml', 'QuickAction'],
    ['.translation-meta.xml', 'Translations'],
    ['.layout-meta.xml', 'Layout'],
    ['.md-meta.xml', 'CustomMetadata'],
    ['.messageChannel-meta.xml', 'LightningMessageChannel'],
    ['.notiftype-meta.xml', 'CustomNotificationType']
];

/** Children decomposed under objects/<Object>/<folder>/, named "<Object>.<child>" in package.xml. */
const OBJECT_CHILD_TYPES: ReadonlyArray<[suffix: string, type: string]> = [
    ['.field-meta.xml', 'CustomField'],
    ['.listView-meta.xml', 'ListView'],
    ['.validationRule-meta.xml', 'ValidationRule'],
    ['.recordType-meta.xml', 'RecordType'],
    ['.compactLayout-meta.xml', 'CompactLayout'],
    ['.webLink-meta.xml', 'WebLink'],
    ['.fieldSet-meta.xml', 'FieldSet'],
    ['.businessProcess-meta.xml', 'BusinessProcess']
];

const SKIPPED_DIRS = new Set(['node_modules', '.sfdx', '.sf', '.git']);

interface ExpectedComponent {
    key: string;
    file: string;
}

interface SourceScan {
    components: ExpectedComponent[];
    problems: Finding[];
    labels: Map<string, string>;
    translationFiles: Map<string, string>;
}

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['types', 'members', 'labels', 'customLabels'].includes(name)
});

function walk(dir: string, out: string[] = []): string[] {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
            if (!SKIPPED_DIRS.has(entry.name)) {
                walk(path.join(dir, entry.name), out);
            }
        } else if (entry.isFile()) {
            out.push(path.join(dir, entry.name));
        }
    }
    return out;
}

function readPackageDirectories(projectDir: string): { dirs: string[]; apiVersion: string } {
    const projectFile = path.join(projectDir, 'sfdx-project.json');
    if (!fs.existsSync(projectFile)) {
        throw new Error(`${projectFile} not found: pass the sfdx project directory as the first argument.`);
    }
    const project = JSON.parse(fs.readFileSync(projectFile, 'utf8')) as {
        packageDirectories?: Array<{ path: string }>;
        sourceApiVersion?: string;
    };
    if (!project.sourceApiVersion) {
        throw new Error('sfdx-project.json has no sourceApiVersion: set it (e.g. "64.0").');
    }
    const dirs = (project.packageDirectories ?? []).map((p) => path.resolve(projectDir, p.path));
    return { dirs, apiVersion: project.sourceApiVersion };
}

function readApiVersion(metaFile: string): string | undefined {
    const match = /<apiVersion>\s*([^<\s]*)\s*<\/apiVersion>/.exec(fs.readFileSync(metaFile, 'utf8'));
    return match?.[1];
}

function scanSource(projectDir: string, packageDirs: string[], apiVersion: string): SourceScan {
    const rel = (p: string) => path.relative(projectDir, p);
    const components: ExpectedComponent[] = [];
    const problems: Finding[] = [];
    const labels = new Map<string, string>();
    const translationFiles = new Map<string, string>();
    const lwcBundles = new Set<string>();
    const auraBundles = new Set<string>();
    const add = (type: string, member: string, file: string) =>
        components.push({ key: `${type}:${member}`, file: rel(file) });

    for (const dir of packageDirs) {
        if (!fs.existsSync(dir)) {
            problems.push({ kind: 'convert', file: rel(dir), message: `package directory ${rel(dir)} does not exist` });
            continue;
        }
        for (const file of walk(dir)) {
            const base = path.basename(file);
            const parent = path.basename(path.dirname(file));
            const segments = file.split(path.sep);
            const lwcIndex = segments.lastIndexOf('lwc');
            if (lwcIndex >= 0 && lwcIndex < segments.length - 2) {
                const bundleDir = segments.slice(0, lwcIndex + 2).join(path.sep);
                if (!path.basename(bundleDir).startsWith('_') && !path.basename(bundleDir).startsWith('.')) {
                    lwcBundles.add(bundleDir);
                }
                continue;
            }
            // Aura bundles hold files (.app-meta.xml among them) that are not components of their own.
            const auraIndex = segments.lastIndexOf('aura');
            if (auraIndex >= 0 && auraIndex < segments.length - 2) {
                auraBundles.add(segments.slice(0, auraIndex + 2).join(path.sep));
                continue;
            }
            const codeType = CODE_TYPES.find(([suffix]) => base.endsWith(suffix));
            if (codeType) {
                const name = base.slice(0, -codeType[0].length);
                add(codeType[1], name, file);
                const meta = `${file}-meta.xml`;
                if (!fs.existsSync(meta)) {
                    problems.push({
                        kind: 'missing-meta',
                        file: rel(file),
                        message: `${rel(file)} has no ${base}-meta.xml: convert drops it silently, so it never deploys. Add the -meta.xml with <apiVersion>${apiVersion}</apiVersion>.`
                    });
                }
                continue;
            }
            if (CODE_TYPES.some(([suffix]) => base.endsWith(`${suffix}-meta.xml`))) {
                const source = file.slice(0, -'-meta.xml'.length);
                if (!fs.existsSync(source)) {
                    problems.push({
                        kind: 'missing-meta',
                        file: rel(file),
                        message: `${rel(file)} has no ${path.basename(source)} beside it: remove the stray -meta.xml or restore the source.`
                    });
                    continue;
                }
                const version = readApiVersion(file);
                if (version !== apiVersion) {
                    problems.push({
                        kind: 'api-version',
                        file: rel(file),
                        message: `${rel(file)} has apiVersion ${version ?? '(none)'}; sfdx-project.json's sourceApiVersion is ${apiVersion}. Set <apiVersion>${apiVersion}</apiVersion>.`
                    });
                }
                continue;
            }
            if (base.endsWith('.object-meta.xml') && parent === base.slice(0, -'.object-meta.xml'.length)) {
                add('CustomObject', parent, file);
                continue;
            }
            const child = OBJECT_CHILD_TYPES.find(([suffix]) => base.endsWith(suffix));
            if (child) {
                const objectName = path.basename(path.dirname(path.dirname(file)));
                add(child[1], `${objectName}.${base.slice(0, -child[0].length)}`, file);
                continue;
            }
            if (base.endsWith('.labels-meta.xml')) {
                readLabels(file, rel(file), labels, problems);
                continue;
            }
            const simple = SIMPLE_TYPES.find(([suffix]) => base.endsWith(suffix));
            if (simple) {
                const name = base.slice(0, -simple[0].length);
                add(simple[1], name, file);
                if (simple[1] === 'PermissionSet') {
                    checkPermissionSetEntries(file, rel(file), problems);
                }
                if (simple[1] === 'Translations') {
                    translationFiles.set(name, file);
                }
                if (simple[1] === 'StaticResource') {
                    const siblings = fs.readdirSync(path.dirname(file));
                    const hasContent = siblings.some((s) => s !== base && (s === name || s.startsWith(`${name}.`)));
                    if (!hasContent) {
                        problems.push({
                            kind: 'static-resource',
                            file: rel(file),
                            message: `${rel(file)} has no content file (${name}.<ext> or folder ${name}/) beside it.`
                        });
                    }
                }
            }
        }
    }

    for (const bundleDir of [...lwcBundles].sort()) {
        const name = path.basename(bundleDir);
        add('LightningComponentBundle', name, bundleDir);
        checkLwcBundle(bundleDir, rel, apiVersion, problems);
    }
    for (const bundleDir of [...auraBundles].sort()) {
        add('AuraDefinitionBundle', path.basename(bundleDir), bundleDir);
    }
    for (const [label, file] of labels) {
        components.push({ key: `CustomLabel:${label}`, file });
    }
    return { components, problems, labels, translationFiles };
}

/** Entry kinds of a permission set and the element that names each entry. */
const PERMISSION_SET_ENTRIES: Array<[string, string]> = [
    ['applicationVisibilities', 'application'],
    ['classAccesses', 'apexClass'],
    ['customPermissions', 'name'],
    ['fieldPermissions', 'field'],
    ['objectPermissions', 'object'],
    ['pageAccesses', 'apexPage'],
    ['tabSettings', 'tab'],
    ['userPermissions', 'name']
];

/**
 * A permission set that grants the same object, field, class or tab twice is refused by the
 * Metadata API ("Duplicate ..."), and convert keeps it: several features add to the same sets.
 */
function checkPermissionSetEntries(file: string, relFile: string, problems: Finding[]): void {
    const xml = fs.readFileSync(file, 'utf8');
    for (const [entry, nameElement] of PERMISSION_SET_ENTRIES) {
        const blocks = xml.match(new RegExp(`<${entry}>[\\s\\S]*?</${entry}>`, 'g')) ?? [];
        const seen = new Set<string>();
        for (const block of blocks) {
            const name = new RegExp(`<${nameElement}>([^<]*)</${nameElement}>`).exec(block)?.[1];
            if (name === undefined) {
                continue;
            }
            if (seen.has(name)) {
                problems.push({
                    kind: 'permission-set',
                    file: relFile,
                    message: `${relFile} lists ${entry} for ${name} more than once: the deploy refuses duplicates. Keep one entry (with the access both meant to grant).`
                });
            }
            seen.add(name);
        }
    }
}

function readLabels(file: string, relFile: string, labels: Map<string, string>, problems: Finding[]): void {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as {
        CustomLabels?: { labels?: Array<{ fullName?: string }> };
    };
    if (!parsed.CustomLabels) {
        problems.push({ kind: 'labels', file: relFile, message: `${relFile} is not a <CustomLabels> file.` });
        return;
    }
    for (const label of parsed.CustomLabels.labels ?? []) {
        const name = label.fullName?.trim();
        if (!name) {
            problems.push({ kind: 'labels', file: relFile, message: `${relFile} has a label without <fullName>.` });
            continue;
        }
        const previous = labels.get(name);
        if (previous) {
            problems.push({
                kind: 'labels',
                file: relFile,
                message: `label ${name} is defined in both ${previous} and ${relFile}: the merged CustomLabels keeps only one. Rename or remove one.`
            });
            continue;
        }
        labels.set(name, relFile);
    }
}

function checkLwcBundle(bundleDir: string, rel: (p: string) => string, apiVersion: string, problems: Finding[]): void {
    const name = path.basename(bundleDir);
    const meta = path.join(bundleDir, `${name}.js-meta.xml`);
    if (!fs.existsSync(meta)) {
        problems.push({
            kind: 'lwc-bundle',
            file: rel(bundleDir),
            message: `LWC ${name} has no ${name}.js-meta.xml: the deploy rejects the bundle. Add one with <apiVersion>${apiVersion}</apiVersion>.`
        });
    } else {
        const version = readApiVersion(meta);
        if (version !== apiVersion) {
            problems.push({
                kind: 'api-version',
                file: rel(meta),
                message: `${rel(meta)} has apiVersion ${version ?? '(none)'}; sourceApiVersion is ${apiVersion}.`
            });
        }
    }
    if (!fs.existsSync(path.join(bundleDir, `${name}.js`))) {
        problems.push({
            kind: 'lwc-bundle',
            file: rel(bundleDir),
            message: `LWC ${name} has no ${name}.js: run \`npm run build:lwc\` to compile ${name}.ts (the platform only takes JS).`
        });
    }
    for (const file of walk(bundleDir)) {
        const inTests = file.split(path.sep).includes('__tests__');
        if (inTests || !file.endsWith('.ts') || file.endsWith('.d.ts')) {
            continue;
        }
        const js = `${file.slice(0, -3)}.js`;
        if (!fs.existsSync(js)) {
            problems.push({
                kind: 'lwc-bundle',
                file: rel(file),
                message: `${rel(file)} has no compiled ${path.basename(js)} beside it: run \`npm run build:lwc\`.`
            });
        }
    }
}

function readTranslations(
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
        const expectedPath = `force-app/main/shared/translations/${lang}.translation-meta.xml`;
        if (!file) {
            gaps.push({
                kind: 'translation',
                file: expectedPath,
                message: `[${lang}] ${expectedPath} does not exist: all ${labels.size} labels lack a "${lang}" translation.`
            });
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
                problems.push({
                    kind: 'translation',
                    file: relFile,
                    message: `[${lang}] ${relFile} translates label ${name}, which no labels file defines: the deploy fails on it. Remove the entry or add the label.`
                });
                continue;
            }
            if (typeof entry.label === 'string' && entry.label.trim() !== '') {
                translated.add(name);
            }
        }
        const missing = [...labels.keys()].filter((name) => !translated.has(name)).sort();
        if (missing.length > 0) {
            gaps.push({
                kind: 'translation',
                file: relFile,
                message: `[${lang}] ${missing.length} of ${labels.size} labels have no translation in ${relFile}: ${missing.join(', ')}`
            });
        }
    }
    return gaps;
}

function defaultSfBin(projectDir: string): string {
    const candidates = [
        path.join(projectDir, 'node_modules', '.bin', 'sf'),
        path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'sf')
    ];
    return candidates.find((c) => fs.existsSync(c)) ?? 'sf';
}

function runConvert(sfBin: string, projectDir: string, outputDir: string): Promise<{ ok: boolean; message: string }> {
    return new Promise((resolve) => {
        execFile(
            sfBin,
            ['project', 'convert', 'source', '--output-dir', outputDir, '--json'],
            {
                cwd: projectDir,
                maxBuffer: 64 * 1024 * 1024,
                env: {
                    ...process.env,
                    SF_DISABLE_AUTOUPDATE: 'true',
                    SF_DISABLE_TELEMETRY: 'true',
                    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true'
                }
            },
            (error, stdout, stderr) => {
                let message = stderr.trim() || error?.message || '';
                try {
                    const json = JSON.parse(stdout) as { status?: number; message?: string };
                    if (json.status === 0 && !error) {
                        resolve({ ok: true, message: '' });
                        return;
                    }
                    message = json.message ?? message;
                } catch {
                    // stdout was not JSON: keep stderr as the message
                }
                resolve({ ok: false, message });
            }
        );
    });
}

function readPackageXml(file: string): string[] {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as {
        Package?: { types?: Array<{ name: string; members?: string[] }> };
    };
    const listed: string[] = [];
    for (const t of parsed.Package?.types ?? []) {
        for (const member of t.members ?? []) {
            listed.push(`${t.name}:${member}`);
        }
    }
    return listed;
}

function findLeaks(outputDir: string): string[] {
    return walk(outputDir)
        .map((f) => path.relative(outputDir, f))
        .filter((f) => f.endsWith('.ts') || f.split(path.sep).includes('__tests__'));
}

/** Runs every check on one sfdx project; never throws for problems in the project, only reports them. */
export async function checkMetadata(projectDir: string, options: CheckOptions = {}): Promise<MetadataReport> {
    const root = path.resolve(projectDir);
    const { dirs, apiVersion } = readPackageDirectories(root);
    const scan = scanSource(root, dirs, apiVersion);
    const problems = [...scan.problems];
    const translationGaps = readTranslations(scan.labels, scan.translationFiles, root, problems);

    const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-convert-'));
    try {
        const convertDir = path.join(outputDir, 'mdapi');
        const result = await runConvert(options.sfBin ?? defaultSfBin(root), root, convertDir);
        if (!result.ok) {
            problems.push({
                kind: 'convert',
                message: `sf project convert source failed: ${result.message}`
            });
            return { expected: scan.components.map((c) => c.key), listed: [], problems, translationGaps };
        }
        const listed = readPackageXml(path.join(convertDir, 'package.xml'));
        const listedSet = new Set(listed);
        const forceIgnore = ForceIgnore.findAndCreate(root);
        for (const component of scan.components) {
            if (listedSet.has(component.key)) {
                continue;
            }
            const ignored = forceIgnore.denies(path.join(root, component.file));
            problems.push({
                kind: 'missing-from-package',
                file: component.file,
                message: `${component.key.replace(':', ' ')} (${component.file}) is not in package.xml${
                    ignored ? ': .forceignore excludes it' : ''
                }.`
            });
        }
        for (const leak of findLeaks(convertDir)) {
            problems.push({
                kind: 'deploy-leak',
                file: leak,
                message: `${leak} ends up in the deploy: .forceignore must keep TypeScript sources and __tests__ out (**/lwc/**/*.ts, **/__tests__/**).`
            });
        }
        return { expected: scan.components.map((c) => c.key), listed, problems, translationGaps };
    } finally {
        fs.rmSync(outputDir, { recursive: true, force: true });
    }
}

function countByType(keys: string[]): string {
    const counts = new Map<string, number>();
    for (const key of keys) {
        const type = key.slice(0, key.indexOf(':'));
        counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([type, n]) => `${type} ${n}`)
        .join(', ');
}

async function main(argv: string[]): Promise<number> {
    const warnTranslations = argv.includes('--translations=warn');
    const projectDir = argv.find((a) => !a.startsWith('--')) ?? process.cwd();
    const report = await checkMetadata(projectDir);
    console.log(
        `check:metadata: ${report.expected.length} components in source (${countByType(report.expected) || 'none'})`
    );
    console.log(`check:metadata: package.xml lists ${report.listed.length} members`);
    for (const problem of report.problems) {
        console.log(`  ✗ [${problem.kind}] ${problem.message}`);
    }
    if (report.translationGaps.length > 0) {
        const mark = warnTranslations ? '!' : '✗';
        console.log(
            `check:metadata: translations missing (${REQUIRED_LANGUAGES.join(', ')})${warnTranslations ? ' — reported as warnings (--translations=warn)' : ''}:`
        );
        for (const gap of report.translationGaps) {
            console.log(`  ${mark} ${gap.message}`);
        }
    }
    const failed = report.problems.length > 0 || (!warnTranslations && report.translationGaps.length > 0);
    console.log(
        failed
            ? `check:metadata: FAILED (${report.problems.length} problem(s), ${report.translationGaps.length} translation gap(s))`
            : 'check:metadata: OK'
    );
    return failed ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (error: unknown) => {
            console.error(`check:metadata: ${error instanceof Error ? error.message : String(error)}`);
            process.exitCode = 1;
        }
    );
}
