/**
 * check:deploy: rehearses the first real deploy and the second, offline. It reads the metadata, the
 * Apex and the admin scripts and reports what an org refuses or what fails there although every local
 * check passes. The rules, each with the Salesforce documentation it comes from, are listed in
 * scripts/checks/deploy-rehearsal-rules.md (RULES below holds the same ids, in the same order).
 *
 * Usage: tsx scripts/checks/deploy-rehearsal.ts [projectDir]   (default: the repository)
 * Prints `file:line rule message` per finding; exits 1 on any finding.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseApexText } from './lib/apex-source';
import {
    absoluteLimitsFindings,
    apexUnit,
    fixedSetupNameFindings,
    profileByNameFindings,
    schedulableFindings,
    type ApexUnit
} from './lib/deploy-rehearsal-apex';
import {
    bypassGrantFindings,
    permissionDependencyFindings,
    translationLanguageFindings
} from './lib/deploy-rehearsal-metadata';
import { formatFinding, sortFindings, type Finding } from './lib/findings';
import { listFiles, loadProject } from './lib/sfdx-project';

export const RULES = [
    'ObjectPermissionDependency',
    'UserPermissionDependency',
    'TranslationLanguageNotEnabled',
    'SchedulableNamesClass',
    'TestProfileByName',
    'TestFixedSetupName',
    'TestAbsoluteLimits',
    'DeployScriptGrantsBypass'
] as const;

export const RULES_DOC = path.join(__dirname, 'deploy-rehearsal-rules.md');

export interface RehearsalResult {
    findings: Finding[];
    stats: { permissionSets: number; translations: number; apexClasses: number; testClasses: number };
}

export function runDeployRehearsal(projectDir: string): RehearsalResult {
    const project = loadProject(projectDir);
    const findings: Finding[] = [
        ...permissionDependencyFindings(project),
        ...translationLanguageFindings(project),
        ...bypassGrantFindings(project)
    ];
    const units: ApexUnit[] = [];
    for (const file of listFiles(project, (f) => f.endsWith('.cls'))) {
        const parsed = parseApexText(file, fs.readFileSync(file, 'utf8'));
        if (parsed.errors.length > 0) {
            findings.push({
                file,
                line: parsed.errors[0].line,
                rule: 'ApexSyntax',
                message: `${parsed.errors[0].message} (check:apex reports every syntax error)`
            });
            continue;
        }
        const unit = apexUnit(parsed);
        if (unit) {
            units.push(unit);
        }
    }
    const classes = new Set(units.map((u) => u.name.toLowerCase()));
    for (const unit of units) {
        findings.push(
            ...schedulableFindings(unit, classes),
            ...profileByNameFindings(unit),
            ...fixedSetupNameFindings(unit),
            ...absoluteLimitsFindings(unit)
        );
    }
    return {
        findings: sortFindings(findings),
        stats: {
            permissionSets: listFiles(project, (f) => f.endsWith('.permissionset-meta.xml')).length,
            translations: listFiles(project, (f) => f.endsWith('.translation-meta.xml')).length,
            apexClasses: units.length,
            testClasses: units.filter((u) => u.isTest).length
        }
    };
}

function main(argv: string[]): number {
    const projectDir = path.resolve(argv.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', '..'));
    const { findings, stats } = runDeployRehearsal(projectDir);
    for (const f of findings) {
        console.log(formatFinding(f, projectDir));
    }
    console.log(
        `check:deploy: ${stats.permissionSets} permission sets, ${stats.translations} translations, ${stats.apexClasses} Apex classes (${stats.testClasses} tests), ${RULES.length} rules (${path.relative(projectDir, RULES_DOC)})`
    );
    console.log(findings.length > 0 ? `check:deploy: FAILED (${findings.length} finding(s))` : 'check:deploy: OK');
    return findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (error) {
        console.error(`check:deploy: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
    }
}
