/**
 * check:apex: Apex verified without an org.
 * 1. Syntax: every .cls and .trigger parsed with @apexdevtools/apex-parser (lexer and parser errors).
 * 2. Sharing: every top-level class declares its sharing; `without sharing` carries a comment saying why.
 * 3. Semantics: apex-ls CheckForIssues over the project (sfdx-project.json, classes, triggers, objects,
 *    labels): unknown types, methods and fields.
 * 4. PMD: Salesforce's Apex rules through @salesforce/code-analyzer-core (security, sharing, CRUD/FLS,
 *    operations in loops, best practice, error prone, ...) minus those apex-rules.json switches off.
 *
 * Usage: tsx scripts/checks/apex.ts [projectDir]   (default: the repository)
 * Prints `file:line rule message` per finding and a summary; exits 1 on any finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runApexLs } from './lib/apex-ls';
import { apexFacts } from './lib/apex-facts';
import { dedupeFindings, formatFinding, sortFindings, Timings, type Finding } from './lib/findings';
import { runPmd } from './lib/pmd-apex';
import { listApexFiles, loadProject } from './lib/sfdx-project';

export interface ApexRulesConfig {
    pmd: { disabled: Record<string, string> };
    apexLs: { ignore: Array<{ pattern: string; reason: string }> };
}

export interface ApexCheckResult {
    findings: Finding[];
    files: number;
    /** Files whose parse came from the cache (lib/apex-facts). */
    cachedParses: number;
    pmdRules: string[];
    timings: Timings;
}

export const RULES_FILE = path.join(__dirname, 'apex-rules.json');

export function loadRulesConfig(file = RULES_FILE): ApexRulesConfig {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ApexRulesConfig;
}

/** ANTLR's "expecting {...}" lists every token of the grammar; the offending input is what helps. */
function shortSyntaxMessage(message: string): string {
    return message.replace(/ expecting \{[^}]*\}/, '').replace(/ expecting .{60,}$/, '');
}

export async function runApexCheck(projectDir: string, config = loadRulesConfig()): Promise<ApexCheckResult> {
    const timings = new Timings();
    const project = loadProject(projectDir);
    const files = listApexFiles(project);
    const findings: Finding[] = [];

    // apex-ls is a separate JVM: start it first so it works while this process parses.
    const ignore = config.apexLs.ignore.map((i) => new RegExp(i.pattern));
    const semantics = timings.time('apex-ls', async () => {
        if (files.length === 0) {
            return [];
        }
        const issues = await runApexLs(project.root);
        return (
            issues
                // Syntax errors are reported by the parser step with the parser's own position.
                .filter((i) => i.category !== 'Syntax')
                .filter((i) => !ignore.some((re) => re.test(i.message)))
                .map<Finding>((i) => ({
                    file: i.file,
                    line: i.line,
                    column: i.column,
                    rule: 'ApexSemantics',
                    message: i.message
                }))
        );
    });

    const { facts, cached } = await timings.time('parse', () => apexFacts(files));
    for (const f of facts) {
        for (const e of f.errors) {
            findings.push({
                file: f.file,
                line: e.line,
                column: e.column,
                rule: 'ApexSyntax',
                message: shortSyntaxMessage(e.message)
            });
        }
        findings.push(...f.sharing);
    }

    const pmd = timings.time('pmd', () => runPmd(files, project.packageDirs, config.pmd));
    const [semanticFindings, pmdRun] = await Promise.all([semantics, pmd]);
    findings.push(...semanticFindings, ...pmdRun.findings);
    for (const error of pmdRun.errors) {
        findings.push({
            file: path.join(project.root, 'sfdx-project.json'),
            line: 1,
            rule: 'PmdEngine',
            message: error
        });
    }
    return {
        findings: sortFindings(dedupeFindings(findings)),
        files: files.length,
        cachedParses: cached,
        pmdRules: pmdRun.rules,
        timings
    };
}

async function main(): Promise<void> {
    const projectDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..'));
    const start = Date.now();
    const result = await runApexCheck(projectDir);
    for (const f of result.findings) {
        console.log(formatFinding(f, projectDir));
    }
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    console.log(
        `check:apex: ${result.findings.length} finding(s) in ${result.files} Apex file(s) ` +
            `(${result.cachedParses} parse(s) from cache); ` +
            `${result.pmdRules.length} PMD rules; ${seconds}s (${result.timings.toString()})`
    );
    process.exitCode = result.findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(`check:apex failed to run: ${(e as Error).stack ?? String(e)}`);
        process.exitCode = 2;
    });
}
