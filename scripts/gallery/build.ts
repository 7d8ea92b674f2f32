/**
 * npm run gallery: the project's components rendered outside the org (LWC OSS + lightning-base-components)
 * in Debian's Chromium, each in its main states from the jest fixtures, with a PNG screenshot per state.
 *
 *   npm run gallery                          every component in scripts/gallery/catalog.ts that exists
 *   npm run gallery -- --only partnerUsers   some components (comma-separated bundles)
 *   npm run gallery -- --serve               keep serving the gallery afterwards (Ctrl+C to stop)
 *   npm run gallery -- --out <dir>           write somewhere other than .gallery/
 *
 * Exits non-zero on any page error, console error, failed request, missing expected text, component that
 * rendered nothing, horizontal overflow, cut-off label, failed step, expected Apex call not made or
 * accessibility violation; and when Chromium or @salesforce-ux/design-system is missing.
 */
import { join } from 'node:path';
import {
    buildGallery,
    LABEL_FILES,
    LWC_BUNDLES,
    REPO_ROOT,
    sldsVersion,
    TRANSLATION_FILES,
    type BuildResult
} from './bundle';
import { CATALOG, bundleSource, resolveStates } from './catalog';
import { GALLERY_LANGUAGES, readLabels, readTranslations } from './labels';
import { assertChromium, renderStates, type RenderOptions, type StateResult } from './render';
import { serveDirectory } from './server';
import type { GalleryState } from './shims/state';

export interface GalleryOptions {
    outDir?: string;
    /** Bundles to show; all catalog entries when empty. */
    only?: string[];
    /** Called with the server's URL after rendering; the server closes when the promise settles. */
    whileServing?: (url: string) => Promise<void>;
    /** Only the states this keeps (all when not given), e.g. the README's pictures. */
    keep?: (state: GalleryState) => boolean;
    render?: RenderOptions;
}

export interface GalleryRun {
    build: BuildResult;
    states: GalleryState[];
    results: StateResult[];
    /** Catalog entries whose bundle is not in the project (yet). */
    skipped: string[];
    /** One line per problem; empty when the gallery is clean. */
    failures: string[];
    renderMillis: number;
}

export async function runGallery(options: GalleryOptions = {}): Promise<GalleryRun> {
    const outDir = options.outDir ?? join(REPO_ROOT, '.gallery');
    const only = options.only ?? [];
    const unknown = only.filter((bundle) => !CATALOG.some((entry) => entry.bundle === bundle));
    if (unknown.length > 0) {
        throw new Error(`Not in the gallery catalog (scripts/gallery/catalog.ts): ${unknown.join(', ')}`);
    }
    // Before the minute-long build: without the browser or Salesforce's styles there is nothing to show.
    assertChromium();
    sldsVersion();

    const labels = readLabels(LABEL_FILES);
    const translations = readTranslations(TRANSLATION_FILES, GALLERY_LANGUAGES);
    const entries = CATALOG.filter((entry) => only.length === 0 || only.includes(entry.bundle));
    const skipped = entries.filter((entry) => !bundleSource(LWC_BUNDLES, entry.bundle)).map((entry) => entry.bundle);
    const states = entries
        .filter((entry) => !skipped.includes(entry.bundle))
        .flatMap((entry) => resolveStates(entry, LWC_BUNDLES, labels, translations))
        .filter((state) => !options.keep || options.keep(state));

    const build = await buildGallery(states, outDir);
    const server = await serveDirectory(outDir);
    try {
        const renderStarted = Date.now();
        const results = await renderStates(server.url, states, outDir, options.render);
        const renderMillis = Date.now() - renderStarted;
        const failures = results.flatMap((r) => [
            ...r.errors.map((e) => `${r.component}/${r.state}: ${e}`),
            ...r.missing.map((m) => `${r.component}/${r.state}: expected text not shown: "${m}"`)
        ]);
        if (options.whileServing) {
            await options.whileServing(server.url);
        }
        return { build, states, results, skipped, failures, renderMillis };
    } finally {
        await server.close();
    }
}

function parseArgs(argv: string[]): GalleryOptions & { serve: boolean } {
    const options: GalleryOptions & { serve: boolean } = { serve: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--only') {
            options.only = (argv[++i] ?? '').split(',').filter(Boolean);
        } else if (arg === '--out') {
            options.outDir = argv[++i];
        } else if (arg === '--serve') {
            options.serve = true;
        } else {
            throw new Error(`Unknown argument ${arg}. Use --only <bundles>, --out <dir>, --serve.`);
        }
    }
    return options;
}

async function main(): Promise<number> {
    const options = parseArgs(process.argv.slice(2));
    if (options.serve) {
        options.whileServing = (url) => {
            process.stdout.write(`Serving the gallery at ${url}/index.html (Ctrl+C to stop)\n`);
            return new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        };
    }
    const run = await runGallery(options);
    const seconds = (ms: number): string => (ms / 1000).toFixed(1);
    process.stdout.write(
        `Built ${run.states.length} states in ${seconds(run.build.millis)} s (${(run.build.bytes / 1e6).toFixed(1)} MB of JavaScript) with SLDS ${run.build.sldsVersion}.\n`
    );
    for (const bundle of run.skipped) {
        process.stdout.write(`Skipped ${bundle}: no lwc/${bundle}/${bundle}.ts in force-app yet.\n`);
    }
    process.stdout.write(`Screenshots (rendered in ${seconds(run.renderMillis)} s):\n`);
    for (const result of run.results) {
        const ok = result.errors.length === 0 && result.missing.length === 0;
        process.stdout.write(`  ${ok ? 'ok  ' : 'FAIL'} ${result.screenshot} (${seconds(result.millis)} s)\n`);
    }
    process.stdout.write(`Overview: ${join(run.build.outDir, 'index.html')}\n`);
    if (run.failures.length > 0) {
        process.stderr.write(`\n${run.failures.length} problem(s):\n${run.failures.map((f) => `  ${f}`).join('\n')}\n`);
        return 1;
    }
    return 0;
}

export function reportFailure(error: unknown): never {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
}

if (require.main === module) {
    main().then((code) => process.exit(code), reportFailure);
}
