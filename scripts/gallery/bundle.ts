/**
 * Builds the gallery's static files: one rollup bundle with LWC OSS, lightning-base-components, the
 * project's components (compiled from their TypeScript) and the shims that stand in for the platform.
 *
 * Resolution, in order: the gallery's own modules (labels, Apex, schema, custom permissions, the
 * platform-only lightning/* modules), then the LWC module resolver (`c/<bundle>` aliases to
 * each feature's lwc/ folder, `lightning/*` to lightning-base-components, `lwc`), then node_modules.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve, sep } from 'node:path';
import { rollup, type Plugin, type RollupCache, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import ts from 'typescript';
import { listFiles, loadProject, lwcBundleDirs } from '../checks/lib/sfdx-project';
import { readLabels } from './labels';
import type { GalleryState } from './shims/state';

export const REPO_ROOT = resolve(__dirname, '..', '..');
const PROJECT = loadProject(REPO_ROOT);
/** Every LWC bundle of the project (one lwc/ folder per feature), by name. */
export const LWC_BUNDLES = lwcBundleDirs(PROJECT);
/** Every Custom Labels file of the project. */
export const LABEL_FILES = listFiles(PROJECT, (f) => f.endsWith('.labels-meta.xml'));
const GALLERY_DIR = __dirname;
const SHIMS_DIR = join(GALLERY_DIR, 'shims');
const PAGE_DIR = join(GALLERY_DIR, 'page');
const SLDS_PACKAGE_DIR = join(REPO_ROOT, 'node_modules', '@salesforce-ux', 'design-system');
const SLDS_CSS = join('assets', 'styles', 'salesforce-lightning-design-system.min.css');

/** Platform-only modules and the gallery file that stands in for each. */
const PLATFORM_SHIMS: Record<string, string> = {
    '@salesforce/apex': 'apex.ts',
    '@salesforce/user/Id': 'userId.ts',
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

export interface BuildResult {
    outDir: string;
    /** Whether SLDS styles were found (node_modules/@salesforce-ux/design-system) and linked. */
    slds: boolean;
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
function platformPlugin(states: GalleryState[], labels: Map<string, string>): Plugin {
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
            if (source === 'gallery:catalog' || source === 'gallery:components') {
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
                    this.error(
                        `Custom Label ${label} is imported but is in no *.labels-meta.xml of force-app`
                    );
                }
                return `export default ${JSON.stringify(value)};`;
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
function readCache(cacheFile: string): RollupCache | undefined {
    try {
        const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { fingerprint?: string; cache?: RollupCache };
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

function emptyExceptCache(outDir: string): void {
    mkdirSync(outDir, { recursive: true });
    for (const entry of readdirSync(outDir)) {
        if (entry !== '.cache') {
            rmSync(join(outDir, entry), { recursive: true, force: true });
        }
    }
}

/** Builds the gallery for the given states into outDir (emptied first). Throws on any build problem. */
export async function buildGallery(states: GalleryState[], outDir: string): Promise<BuildResult> {
    const started = Date.now();
    const labels = readLabels(LABEL_FILES);
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
    const cacheFile = join(outDir, '.cache', 'rollup.json');
    const bundle = await rollup({
        input: join(PAGE_DIR, 'main.ts'),
        cache: readCache(cacheFile),
        onLog,
        plugins: [
            platformPlugin(states, labels),
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
    emptyExceptCache(outDir);
    try {
        await bundle.write({ file: join(outDir, 'gallery.js'), format: 'es', inlineDynamicImports: true });
    } finally {
        await bundle.close();
    }
    if (problems.length > 0) {
        throw new Error(`The gallery build has problems:\n${problems.join('\n')}`);
    }
    // Only a clean build is cached: a cached module is not transformed again, so its warnings would not come back.
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify({ fingerprint: cacheFingerprint(), cache: bundle.cache }));

    const slds = existsSync(join(SLDS_PACKAGE_DIR, SLDS_CSS));
    let page = readFileSync(join(PAGE_DIR, 'page.html'), 'utf8');
    if (slds) {
        // The whole assets folder: the stylesheet's fonts, and the icon sprites base components load from /assets/icons.
        cpSync(join(SLDS_PACKAGE_DIR, 'assets'), join(outDir, 'assets'), { recursive: true });
        page = page
            .replace('<!--SLDS-->', `<link rel="stylesheet" href="${SLDS_CSS.split(sep).join('/')}" />`)
            .replace('<!--SLDS_NOTE-->', '');
    } else {
        page = page
            .replace('<!--SLDS-->', '<link rel="stylesheet" href="no-slds.css" />')
            .replace('<!--SLDS_NOTE-->', 'Without SLDS styles: @salesforce-ux/design-system is not installed');
        copyFileSync(join(PAGE_DIR, 'no-slds.css'), join(outDir, 'no-slds.css'));
    }
    writeFileSync(join(outDir, 'page.html'), page);
    copyFileSync(join(PAGE_DIR, 'gallery.css'), join(outDir, 'gallery.css'));
    const bytes = readFileSync(join(outDir, 'gallery.js')).length;
    return { outDir, slds, bytes, millis: Date.now() - started };
}
