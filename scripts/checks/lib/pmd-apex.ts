/**
 * Salesforce's Apex PMD rules run through @salesforce/code-analyzer-core and its PMD engine plugin
 * (programmatically; the Code Analyzer CLI plugin does not install here). All Apex rules of the installed
 * engine run except the ones scripts/checks/apex-rules.json switches off, each with its reason.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel, type LogEvent } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { QUICK_JVM_FLAGS } from './apex-ls';
import type { Finding } from './findings';

/** Project variants of stock rules (see the file's comment). */
export const CUSTOM_RULESET = path.join(__dirname, '..', 'pmd-apex-ruleset.xml');

export interface PmdConfig {
    disabled: Record<string, string>;
}

export interface PmdRun {
    findings: Finding[];
    /** Names of the rules that ran. */
    rules: string[];
    /** Engine errors (a file PMD could not process, ...): they fail the check too. */
    errors: string[];
}

export async function runPmd(files: string[], workspaceDirs: string[], config: PmdConfig): Promise<PmdRun> {
    const workFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-apex-'));
    try {
        const analyzerConfig = CodeAnalyzerConfig.fromObject({
            log_folder: workFolder,
            root_working_folder: workFolder,
            engines: {
                pmd: { rule_languages: ['apex'], custom_rulesets: [CUSTOM_RULESET] },
                cpd: { disable_engine: true }
            }
        });
        const analyzer = new CodeAnalyzer(analyzerConfig);
        const errors: string[] = [];
        analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
            if (event.logLevel === LogLevel.Error) {
                errors.push(event.message);
            }
        });
        await analyzer.addEnginePlugin(createEnginePlugin());
        const known = (await analyzer.selectRules(['pmd'])).getRulesFor('pmd').map((r) => r.getName());
        const unknown = Object.keys(config.disabled).filter((r) => !known.includes(r));
        if (unknown.length > 0) {
            errors.push(`apex-rules.json disables rules the installed PMD does not have: ${unknown.join(', ')}`);
        }
        // One selector per rule: their union is every rule except the disabled ones.
        const selection = await analyzer.selectRules(
            known.filter((r) => !(r in config.disabled)).map((r) => `pmd:${r}`)
        );
        const rules = selection.getRulesFor('pmd').map((r) => r.getName());
        if (files.length === 0) {
            return { findings: [], rules, errors };
        }
        const workspace = await analyzer.createWorkspace(workspaceDirs, files);
        // The engine starts its own JVMs; the java launcher reads extra flags from JDK_JAVA_OPTIONS.
        const previousOptions = process.env.JDK_JAVA_OPTIONS;
        process.env.JDK_JAVA_OPTIONS = [previousOptions, ...QUICK_JVM_FLAGS].filter(Boolean).join(' ');
        let results;
        try {
            results = await analyzer.run(selection, { workspace });
        } finally {
            if (previousOptions === undefined) {
                delete process.env.JDK_JAVA_OPTIONS;
            } else {
                process.env.JDK_JAVA_OPTIONS = previousOptions;
            }
        }
        const findings: Finding[] = results.getViolations().map((v) => {
            const loc = v.getPrimaryLocation();
            return {
                file: loc.getFile() ?? '',
                line: loc.getStartLine() ?? 0,
                column: loc.getStartColumn(),
                rule: v.getRule().getName(),
                message: v.getMessage().trim().replace(/\s+/g, ' ')
            };
        });
        return { findings, rules, errors };
    } finally {
        fs.rmSync(workFolder, { recursive: true, force: true });
    }
}
