/**
 * Builds the gallery's static files: one rollup bundle with LWC OSS, lightning-base-components, the
 * project's components (compiled from their TypeScript) and the shims that stand in for the platform.
 *
 * Resolution, in order: the gallery's own modules (labels, Apex, schema, custom permissions, the
 * platform-only lightning/* modules), then the LWC module resolver (`c/<bundle>` aliases to
 * each feature's lwc/ folder, `lightning/*` to lightning-base-components, `lwc`), then node_modules.
 */
import {
    copyFileSync,
    cpSync,
    existsSync,
    mkdirSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    writeFileSync
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { rollup, type Plugin, type RollupCache, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import ts from 'typescript';
import { listFiles, loadProject, lwcBundleDirs } from '../checks/lib/sfdx-project';
import { GALLERY_LANGUAGES, readLabels, readTranslations } from './labels';
import type { GalleryState } from './shims/state';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const PROJECT = loadProject(REPO_ROOT);
/** Every LWC bundle of the project (one lwc/ folder per feature), by name. */
export const LWC_BUNDLES = lwcBundleDirs(PROJECT);
/** Every Custom Labels file of the project. */
export const LABEL_FILES = listFiles(PROJECT, (f) => f.endsWith('.labels-meta.xml'));
/** Every Translations file of the project (<language>.translation-meta.xml). */
export const TRANSLATION_FILES = listFiles(PROJECT, (f) => f.endsWith('.translation-meta.xml'));
const GALLERY_DIR = __dirname;
const SHIMS_DIR = join(GALLERY_DIR, 'shims');
const PAGE_DIR = join(GALLERY_DIR, 'page');
const SLDS_PACKAGE = '@salesforce-ux/design-system';
const SLDS_PACKAGE_DIR = join(REPO_ROOT, 'node_modules', ...SLDS_PACKAGE.split('/'));
const SLDS_CSS = 'assets/styles/salesforce-lightning-design-system.min.css';
/**
 * What the page loads from the SLDS package: the stylesheet, the images it refers to, and the icon
 * sprites that base components fall back to at /assets/icons/<category>-sprite/svg/symbols.svg
 * (lightning/iconUtils). The rest of assets/ (24 MB of single icons) is not needed.
 */
const SLDS_ASSETS = [
    SLDS_CSS,
    'assets/images',
    ...['action', 'custom', 'doctype', 'standard', 'utility'].map((c) => `assets/icons/${c}-sprite`)
];
/** Rollup's cache, shared by every outDir (the test's temporary one too). */
const CACHE_FILE = join(REPO_ROOT, 'node_modules', '.cache', 'partner-desk-gallery', 'rollup.json');

/** Platform-only modules and the gallery file that stands in for each. */
const PLATFORM_SHIMS: Record<string, string> = {
    '@salesforce/apex': 'apex.ts',
    '@salesforce/user/Id': 'userId.ts',
    '@salesforce/i18n/locale': 'i18nLocale.ts',
    '@salesforce/i18n/timeZone': 'i18nTimeZone.ts',
    'lightning/actions': 'actions.ts',
    'lightning/confirm': 'confirm.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/refresh': 'refresh.ts',
    'lightning/uiRecordApi': 'uiRecordApi.ts',
    // Org-only base components (they need the UI API or the record page).
    'lightning/quickActionPanel': join('lightning', 'quickActionPanel', 'quickActionPanel.ts'),
    'lightning/recordPicker': join('lightning', 'recordPicker', 'recordPicker.ts')
};

/**
 * lightning-base-components' feature gates are all open outside the org; these must be closed there:
 * combobox ElementInternals throws under synthetic shadow, which the package requires.
 */
const CLOSED_GATES = ['@salesforce/gate/bc.260.enableComboboxElementInternals'];

const VIRTUAL = '\0gallery:';
/** axe-core, in the gallery's root. */
export const AXE_FILE = 'axe.min.js';

export interface BuildResult {
    outDir: string;
    /** The version of @salesforce-ux/design-system the page is styled with. */
    sldsVersion: string;
    bytes: number;
    millis: number;
}

/** True for ids rollup should hand to TypeScript: the components' and the gallery's own .ts files. */
function isTypeScript(id: string): boolean {
    const file = id.split('?')[0];
    return file.endsWith('.ts') && !file.endsWith('.d.ts') && !id.startsWith('\0');
}

/** TypeScript to modern JavaScript, decorators left for the LWC compiler (the same settings as build:lwc). */
function typescriptPlugin(): Plugin {
    return {
        name: 'gallery-typescript',
        transform(code, id) {
            if (!isTypeScript(id)) {
                return null;
            }
            const output = ts.transpileModule(code, {
                fileName: id.split('?')[0],
                reportDiagnostics: true,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true,
                    sourceMap: false
                }
            });
            const problems = (output.diagnostics ?? []).map((d) =>
                ts.flattenDiagnosticMessageText(d.messageText, '\n')
            );
            if (problems.length > 0) {
                this.error(`${id}: ${problems.join('; ')}`);
            }
            return { code: output.outputText, map: null };
        }
    };
}

/** The gallery's own modules: platform shims, labels, Apex methods, schema, custom permissions, the catalog. */
function platformPlugin(
    states: GalleryState[],
    labels: Map<string, string>,
    translations: Record<string, Record<string, string>>
): Plugin {
    const runtime = join(SHIMS_DIR, 'runtime.ts');
    const bundles = [...new Set(states.map((s) => s.component))];
    return {
        name: 'gallery-platform',
        resolveId(source) {
            if (PLATFORM_SHIMS[source]) {
                return join(SHIMS_DIR, PLATFORM_SHIMS[source]);
            }
            if (CLOSED_GATES.includes(source)) {
                return VIRTUAL + source;
            }
            if (source === 'gallery:catalog' || source === 'gallery:components' || source === 'gallery:translations') {
                return VIRTUAL + source.slice('gallery:'.length);
            }
            for (const prefix of [
                '@salesforce/label/c.',
                '@salesforce/apex/',
                '@salesforce/schema/',
                '@salesforce/customPermission/'
            ]) {
                if (source.startsWith(prefix)) {
                    return VIRTUAL + source;
                }
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) {
                return null;
            }
            const name = id.slice(VIRTUAL.length);
            if (name === 'catalog') {
                return `export default ${JSON.stringify(states)};`;
            }
            if (name === 'translations') {
                return `export default ${JSON.stringify(translations)};`;
            }
            if (name === 'components') {
                const imports = bundles.map((b, i) => `import C${i} from 'c/${b}';`).join('\n');
                const entries = bundles.map((b, i) => `${JSON.stringify(b)}: C${i}`).join(', ');
                return `${imports}\nexport default { ${entries} };`;
            }
            if (CLOSED_GATES.includes(name)) {
                return 'export default { isOpen: () => false };';
            }
            if (name.startsWith('@salesforce/label/c.')) {
                const label = name.slice('@salesforce/label/c.'.length);
                const value = labels.get(label);
                if (value === undefined) {
                    this.error(`Custom Label ${label} is imported but is in no *.labels-meta.xml of force-app`);
                }
                // The state's language picks the translation, as the org picks the user's language.
                return `import { label } from ${JSON.stringify(runtime)};\nexport default label(${JSON.stringify(label)}, ${JSON.stringify(value)});`;
            }
            if (name.startsWith('@salesforce/apex/')) {
                const method = name.slice('@salesforce/apex/'.length);
                return `import { apexMethod } from ${JSON.stringify(runtime)};\nexport default apexMethod(${JSON.stringify(method)});`;
            }
            if (name.startsWith('@salesforce/schema/')) {
                const [objectApiName, ...field] = name.slice('@salesforce/schema/'.length).split('.');
                const reference =
                    field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
                return `export default ${JSON.stringify(reference)};`;
            }
            const permission = name.slice('@salesforce/customPermission/'.length);
            return `import { customPermission } from ${JSON.stringify(runtime)};\nexport default customPermission(${JSON.stringify(permission)});`;
        }
    };
}

/** `c/<bundle>` for every bundle with a TypeScript entry, so the LWC compiler sees namespace `c`. */
function componentAliases(): Array<{ name: string; path: string }> {
    return [...LWC_BUNDLES]
        .filter(([name, dir]) => existsSync(join(dir, `${name}.ts`)))
        .map(([name, dir]) => ({ name: `c/${name}`, path: join(dir, `${name}.ts`) }));
}

/**
 * Rollup's cache of the previous clean build in the same outDir: lightning-base-components takes most of
 * a build and does not change between runs. Rollup re-transforms any module whose source changed.
 */
function readCache(): RollupCache | undefined {
    try {
        const saved = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { fingerprint?: string; cache?: RollupCache };
        return saved.fingerprint === cacheFingerprint() ? saved.cache : undefined;
    } catch {
        return undefined;
    }
}

/** Transforms depend on this build's settings and the compiler's version too, not only on each module's source. */
function cacheFingerprint(): string {
    const versions = ['lwc', 'lightning-base-components', 'rollup', 'typescript'].map(
        (name) =>
            (
                JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
                    version: string;
                }
            ).version
    );
    return createHash('sha256').update(readFileSync(__filename)).update(versions.join(',')).digest('hex');
}

function emptyDirectory(outDir: string): void {
    mkdirSync(outDir, { recursive: true });
    for (const entry of readdirSync(outDir)) {
        rmSync(join(outDir, entry), { recursive: true, force: true });
    }
}

/** The installed SLDS version; throws, saying what to run, when the package is missing. */
export function sldsVersion(packageDir: string = SLDS_PACKAGE_DIR): string {
    const manifest = join(packageDir, 'package.json');
    const missing = [manifest, ...SLDS_ASSETS.map((asset) => join(packageDir, asset))].filter((f) => !existsSync(f));
    if (missing.length > 0) {
        throw new Error(
            `The gallery renders components in Salesforce's styles, but ${SLDS_PACKAGE} is not installed ` +
                `(missing ${missing[0]}). Run npm install (it is a pinned dev dependency in package.json).`
        );
    }
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Builds the gallery for the given states into outDir (emptied first). Throws on any build problem. */
export async function buildGallery(states: GalleryState[], outDir: string): Promise<BuildResult> {
    const started = Date.now();
    const slds = sldsVersion();
    const labels = readLabels(LABEL_FILES);
    const translations = readTranslations(TRANSLATION_FILES, GALLERY_LANGUAGES);
    const problems: string[] = [];
    const onLog = (level: string, log: RollupLog): void => {
        // lightning-base-components has circular imports and `this` at module level; both are harmless.
        if (log.code === 'CIRCULAR_DEPENDENCY' || log.code === 'THIS_IS_UNDEFINED') {
            return;
        }
        // The LWC compiler's template warnings on lightning-base-components are not ours to fix; on our own files they are.
        const ours =
            log.plugin === 'rollup-plugin-lwc-compiler' && !(log.id ?? '').includes(`${sep}node_modules${sep}`);
        if (level === 'warn' && (log.code === 'UNRESOLVED_IMPORT' || log.code === 'MISSING_EXPORT' || ours)) {
            problems.push(`${log.code ?? log.plugin}: ${log.message}`);
        } else if (level === 'warn' && log.plugin !== 'rollup-plugin-lwc-compiler') {
            process.stderr.write(`gallery build warning: ${log.message}\n`);
        }
    };
    const bundle = await rollup({
        input: join(PAGE_DIR, 'main.ts'),
        cache: readCache(),
        onLog,
        plugins: [
            platformPlugin(states, labels, translations),
            typescriptPlugin(),
            lwc({
                rootDir: GALLERY_DIR,
                // lightning-base-components uses lwc:is (datatable's sorting dialog).
                enableDynamicComponents: true,
                modules: [...componentAliases(), { npm: 'lightning-base-components' }]
            }),
            // Development mode: LWC's checks report mistakes (to the console, which fails the gallery).
            // lightning-base-components asks import.meta.env.SSR whether it runs on a server.
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
            }),
            nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] })
        ]
    });
    emptyDirectory(outDir);
    try {
        // The icon libraries (lightning/iconSvgTemplates*) stay chunks of their own, loaded when an icon of
        // that category shows: inlined, every page would evaluate all five of them.
        await bundle.write({
            dir: outDir,
            format: 'es',
            entryFileNames: 'gallery.js',
            chunkFileNames: 'chunks/[name]-[hash].js'
        });
    } finally {
        await bundle.close();
    }
    if (problems.length > 0) {
        throw new Error(`The gallery build has problems:\n${problems.join('\n')}`);
    }
    // Only a clean build is cached: a cached module is not transformed again, so its warnings would not come back.
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify({ fingerprint: cacheFingerprint(), cache: bundle.cache }));

    for (const asset of SLDS_ASSETS) {
        cpSync(join(SLDS_PACKAGE_DIR, asset), join(outDir, asset), { recursive: true });
    }
    const page = readFileSync(join(PAGE_DIR, 'page.html'), 'utf8').replace(
        '<!--SLDS-->',
        `<link rel="stylesheet" href="${SLDS_CSS}" />`
    );
    writeFileSync(join(outDir, 'page.html'), page);
    copyFileSync(join(PAGE_DIR, 'gallery.css'), join(outDir, 'gallery.css'));
    // The accessibility checker the renderer runs on every state, served so the browser caches it.
    copyFileSync(require.resolve('axe-core/axe.min.js'), join(outDir, AXE_FILE));
    const chunks = readdirSync(join(outDir, 'chunks')).map((f) => join(outDir, 'chunks', f));
    const bytes = [join(outDir, 'gallery.js'), ...chunks].reduce((sum, f) => sum + statSync(f).size, 0);
    return { outDir, sldsVersion: slds, bytes, millis: Date.now() - started };
}
