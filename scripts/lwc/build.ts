/**
 * Compiles each LWC TypeScript source to the .js beside it: the platform deploys only JavaScript.
 *   npm run build:lwc            writes every .js
 *   npm run check:lwc-build      fails when a committed .js is missing or stale against its .ts
 * It also keeps the `c/*` paths of force-app/tsconfig.json in step with the bundles, which live in one
 * lwc/ folder per feature (force-app/main/<feature>/lwc): TypeScript cannot map `c/name` to
 * `<feature>/lwc/name/name.ts` with one wildcard.
 */
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, basename, dirname, sep } from 'node:path';
import ts from 'typescript';

const HEADER = '// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.\n';

const COMPILER_OPTIONS: ts.CompilerOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    useDefineForClassFields: true,
    removeComments: false,
    newLine: ts.NewLineKind.LineFeed
};

/** Every file directly inside an lwc/<bundle>/ folder (not in __tests__) that `keep` accepts, sorted. */
function bundleFiles(root: string, keep: (name: string) => boolean): string[] {
    const files: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir)) {
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) {
                if (entry !== '__tests__' && entry !== 'node_modules') {
                    walk(path);
                }
            } else if (keep(entry) && basename(dirname(dirname(path))) === 'lwc') {
                files.push(path);
            }
        }
    };
    walk(root);
    return files.sort();
}

/** Every component source: lwc/<bundle>/<file>.ts, not tests, not declarations. */
export function findSources(root: string): string[] {
    return bundleFiles(root, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
}

/** The JavaScript the platform gets for one TypeScript source. */
export function compile(source: string, fileName: string): string {
    const output = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName, reportDiagnostics: true });
    const problems = (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (problems.length > 0) {
        throw new Error(`${fileName}: ${problems.join('; ')}`);
    }
    return HEADER + output.outputText;
}

/** Bundles whose JavaScript has no TypeScript source: every component here is written in TypeScript. */
function findOrphanScripts(root: string, sources: string[]): string[] {
    const expected = new Set(sources.map((s) => s.replace(/\.ts$/, '.js')));
    return bundleFiles(root, (name) => name.endsWith('.js')).filter((path) => !expected.has(path));
}

/** force-app/tsconfig.json with one `c/<bundle>` path per bundle that has a TypeScript entry file. */
function syncTsconfigPaths(root: string, sources: string[]): { path: string; expected: string; actual: string } {
    const path = join(root, 'tsconfig.json');
    const actual = readFileSync(path, 'utf8');
    const config = JSON.parse(actual) as { compilerOptions: { paths?: Record<string, string[]> } };
    const entries: [string, string[]][] = [];
    for (const source of sources) {
        const bundle = basename(dirname(source));
        if (basename(source) === `${bundle}.ts`) {
            entries.push([`c/${bundle}`, [`./${relative(root, source).split(sep).join('/')}`]]);
        }
    }
    config.compilerOptions.paths = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    return { path, expected: JSON.stringify(config, null, 2) + '\n', actual };
}

function main(): void {
    const check = process.argv.includes('--check');
    const projectRoot = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? process.cwd();
    const root = join(projectRoot, 'force-app');
    const sources = findSources(root);
    const problems: string[] = [];
    let written = 0;
    for (const tsPath of sources) {
        const jsPath = tsPath.replace(/\.ts$/, '.js');
        const expected = compile(readFileSync(tsPath, 'utf8'), relative(projectRoot, tsPath));
        const actual = existsSync(jsPath) ? readFileSync(jsPath, 'utf8') : undefined;
        if (actual === expected) {
            continue;
        }
        if (check) {
            problems.push(
                `${relative(projectRoot, jsPath)} is ${actual === undefined ? 'missing' : 'stale'}: run npm run build:lwc and commit the result`
            );
        } else {
            writeFileSync(jsPath, expected);
            written++;
        }
    }
    const tsconfig = syncTsconfigPaths(root, sources);
    if (tsconfig.actual !== tsconfig.expected) {
        if (check) {
            problems.push(
                `${relative(projectRoot, tsconfig.path)} paths do not list every bundle: run npm run build:lwc`
            );
        } else {
            writeFileSync(tsconfig.path, tsconfig.expected);
        }
    }
    for (const orphan of findOrphanScripts(root, sources)) {
        problems.push(
            `${relative(projectRoot, orphan)} has no TypeScript source beside it: write the component in TypeScript`
        );
    }
    if (problems.length > 0) {
        problems.forEach((p) => console.error(p));
        console.error(`check:lwc-build: ${problems.length} problem(s) in ${sources.length} LWC source file(s)`);
        process.exit(1);
    }
    console.log(
        check
            ? `check:lwc-build: ${sources.length} LWC source file(s), every .js up to date`
            : `build:lwc: ${written} of ${sources.length} file(s) written`
    );
}

if (require.main === module) {
    main();
}
