/**
 * check:metadata: converts force-app with `sf project convert source` and proves that the
 * package.xml it produces lists every component the source holds, because convert silently
 * drops what it cannot resolve (a class without its -meta.xml, for one). The source side is read by
 * lib/metadata-source.ts, labels and translations by lib/label-translations.ts.
 *
 * Usage: tsx scripts/checks/metadata.ts [projectDir] [--translations=warn]
 * Exit code 1 when any problem is found. Missing translations fail too unless
 * --translations=warn (for the hours before the translation pass).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ForceIgnore } from '@salesforce/source-deploy-retrieve';
import { Sf, failureText, succeeded } from '../lib/sf';
import { finding, formatFinding, type Finding } from './lib/findings';
import { readTranslations, REQUIRED_LANGUAGES } from './lib/label-translations';
import { scanSource } from './lib/metadata-source';
import { listFiles, loadProject } from './lib/sfdx-project';

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
    /** sf executable; defaults to `sf` on PATH, then this repository's installed CLI. */
    sfBin?: string;
}

const xml = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => ['types', 'members'].includes(name)
});

function readPackageXml(file: string): string[] {
    const parsed = xml.parse(fs.readFileSync(file, 'utf8')) as {
        Package?: { types?: Array<{ name: string; members?: string[] }> };
    };
    return (parsed.Package?.types ?? []).flatMap((t) => (t.members ?? []).map((member) => `${t.name}:${member}`));
}

/** Files in the converted output that must never reach a deploy. */
function findLeaks(outputDir: string): string[] {
    const converted = { root: outputDir, packageDirs: [outputDir], namespace: '', sourceApiVersion: '' };
    return listFiles(converted, (f) => f.endsWith('.ts') || f.split(path.sep).includes('__tests__'));
}

/** Runs every check on one sfdx project; never throws for problems in the project, only reports them. */
export async function checkMetadata(projectDir: string, options: CheckOptions = {}): Promise<MetadataReport> {
    const project = loadProject(projectDir, { requireApiVersion: true });
    const root = project.root;
    const scan = scanSource(project);
    const problems = [...scan.problems];
    const translationGaps = readTranslations(scan.labels, scan.translationFiles, root, problems);
    const expected = scan.components.map((c) => c.key);

    const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-convert-'));
    try {
        const convertDir = path.join(outputDir, 'mdapi');
        const sf = new Sf(() => undefined, options.sfBin);
        const result = await sf.run(['project', 'convert', 'source', '--output-dir', convertDir], root);
        if (!succeeded(result)) {
            const sfdxProject = path.join(root, 'sfdx-project.json');
            problems.push(finding('convert', sfdxProject, `sf project convert source failed: ${failureText(result)}`));
            return { expected, listed: [], problems, translationGaps };
        }
        const listed = readPackageXml(path.join(convertDir, 'package.xml'));
        const listedSet = new Set(listed);
        const forceIgnore = ForceIgnore.findAndCreate(root);
        for (const component of scan.components.filter((c) => !listedSet.has(c.key))) {
            const rel = path.relative(root, component.file);
            const why = forceIgnore.denies(component.file) ? ': .forceignore excludes it' : '';
            problems.push(
                finding(
                    'missing-from-package',
                    component.file,
                    `${component.key.replace(':', ' ')} (${rel}) is not in package.xml${why}.`
                )
            );
        }
        for (const leak of findLeaks(convertDir)) {
            const rel = path.relative(convertDir, leak);
            problems.push(
                finding(
                    'deploy-leak',
                    leak,
                    `${rel} ends up in the deploy: .forceignore must keep TypeScript sources and __tests__ out (**/lwc/**/*.ts, **/__tests__/**).`
                )
            );
        }
        return { expected, listed, problems, translationGaps };
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
    const projectDir = path.resolve(argv.find((a) => !a.startsWith('--')) ?? process.cwd());
    const report = await checkMetadata(projectDir);
    console.log(
        `check:metadata: ${report.expected.length} components in source (${countByType(report.expected) || 'none'})`
    );
    console.log(`check:metadata: package.xml lists ${report.listed.length} members`);
    for (const problem of report.problems) {
        console.log(formatFinding(problem, projectDir));
    }
    if (report.translationGaps.length > 0) {
        console.log(
            `check:metadata: translations missing (${REQUIRED_LANGUAGES.join(', ')})${warnTranslations ? ' — reported as warnings (--translations=warn)' : ''}:`
        );
        const mark = warnTranslations ? '!' : '✗';
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
