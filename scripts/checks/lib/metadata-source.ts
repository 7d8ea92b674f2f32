/**
 * What the package's source holds, read file by file: the components `sf project convert source` must
 * list in package.xml, and the problems visible in the source alone (a class without its -meta.xml, an
 * apiVersion out of step, an LWC bundle without compiled JavaScript, a permission set granting one thing
 * twice, a static resource without content). check:metadata compares the components with package.xml.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { finding, type Finding } from './findings';
import { readLabels } from './label-translations';
import { listFiles, type SfdxProject } from './sfdx-project';

export interface ExpectedComponent {
    /** "Type:member", as package.xml lists it. */
    key: string;
    /** Absolute path of the file (or bundle folder) that defines it. */
    file: string;
}

export interface SourceScan {
    components: ExpectedComponent[];
    problems: Finding[];
    /** Label name to the labels file that defines it. */
    labels: Map<string, string>;
    /** Language code to its translation file. */
    translationFiles: Map<string, string>;
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

function readApiVersion(metaFile: string): string | undefined {
    const match = /<apiVersion>\s*([^<\s]*)\s*<\/apiVersion>/.exec(fs.readFileSync(metaFile, 'utf8'));
    return match?.[1];
}

/** Every component the package directories define, and the problems seen in their files. */
export function scanSource(project: SfdxProject): SourceScan {
    const apiVersion = project.sourceApiVersion;
    const rel = (p: string) => path.relative(project.root, p);
    const components: ExpectedComponent[] = [];
    const problems: Finding[] = [];
    const labels = new Map<string, string>();
    const translationFiles = new Map<string, string>();
    const lwcBundles = new Set<string>();
    const auraBundles = new Set<string>();
    const add = (type: string, member: string, file: string) => components.push({ key: `${type}:${member}`, file });

    for (const dir of project.packageDirs.filter((d) => !fs.existsSync(d))) {
        problems.push(finding('convert', dir, `package directory ${rel(dir)} does not exist`));
    }
    {
        for (const file of listFiles(project, () => true)) {
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
                    problems.push(
                        finding(
                            'missing-meta',
                            file,
                            `${rel(file)} has no ${base}-meta.xml: convert drops it silently, so it never deploys. Add the -meta.xml with <apiVersion>${apiVersion}</apiVersion>.`
                        )
                    );
                }
                continue;
            }
            if (CODE_TYPES.some(([suffix]) => base.endsWith(`${suffix}-meta.xml`))) {
                const source = file.slice(0, -'-meta.xml'.length);
                if (!fs.existsSync(source)) {
                    problems.push(
                        finding(
                            'missing-meta',
                            file,
                            `${rel(file)} has no ${path.basename(source)} beside it: remove the stray -meta.xml or restore the source.`
                        )
                    );
                    continue;
                }
                const version = readApiVersion(file);
                if (version !== apiVersion) {
                    problems.push(
                        finding(
                            'api-version',
                            file,
                            `${rel(file)} has apiVersion ${version ?? '(none)'}; sfdx-project.json's sourceApiVersion is ${apiVersion}. Set <apiVersion>${apiVersion}</apiVersion>.`
                        )
                    );
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
                        problems.push(
                            finding(
                                'static-resource',
                                file,
                                `${rel(file)} has no content file (${name}.<ext> or folder ${name}/) beside it.`
                            )
                        );
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
        components.push({ key: `CustomLabel:${label}`, file: path.join(project.root, file) });
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
                problems.push(
                    finding(
                        'permission-set',
                        file,
                        `${relFile} lists ${entry} for ${name} more than once: the deploy refuses duplicates. Keep one entry (with the access both meant to grant).`
                    )
                );
            }
            seen.add(name);
        }
    }
}

function checkLwcBundle(bundleDir: string, rel: (p: string) => string, apiVersion: string, problems: Finding[]): void {
    const name = path.basename(bundleDir);
    const meta = path.join(bundleDir, `${name}.js-meta.xml`);
    if (!fs.existsSync(meta)) {
        problems.push(
            finding(
                'lwc-bundle',
                bundleDir,
                `LWC ${name} has no ${name}.js-meta.xml: the deploy rejects the bundle. Add one with <apiVersion>${apiVersion}</apiVersion>.`
            )
        );
    } else {
        const version = readApiVersion(meta);
        if (version !== apiVersion) {
            problems.push(
                finding(
                    'api-version',
                    meta,
                    `${rel(meta)} has apiVersion ${version ?? '(none)'}; sourceApiVersion is ${apiVersion}.`
                )
            );
        }
    }
    if (!fs.existsSync(path.join(bundleDir, `${name}.js`))) {
        problems.push(
            finding(
                'lwc-bundle',
                bundleDir,
                `LWC ${name} has no ${name}.js: run \`npm run build:lwc\` to compile ${name}.ts (the platform only takes JS).`
            )
        );
    }
    for (const file of listFiles(
        { root: bundleDir, packageDirs: [bundleDir], namespace: '', sourceApiVersion: apiVersion },
        () => true
    )) {
        const inTests = file.split(path.sep).includes('__tests__');
        if (inTests || !file.endsWith('.ts') || file.endsWith('.d.ts')) {
            continue;
        }
        const js = `${file.slice(0, -3)}.js`;
        if (!fs.existsSync(js)) {
            problems.push(
                finding(
                    'lwc-bundle',
                    file,
                    `${rel(file)} has no compiled ${path.basename(js)} beside it: run \`npm run build:lwc\`.`
                )
            );
        }
    }
}
