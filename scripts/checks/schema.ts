/**
 * check:schema: names that must exist in the org's schema, checked without an org.
 * - SOQL in Apex: every inline [SELECT ...] (found by the Apex parser, parsed by @jetstreamapp/soql-parser-js):
 *   FROM objects, fields, relationship paths, WHERE / GROUP BY / HAVING / ORDER BY fields, child subqueries.
 * - Apex dot paths on variables typed with a standard object that force-app extends (`lead.Routed_At__c`):
 *   apex-ls's own check:apex run skips unknown fields there.
 * - Dynamic SOQL (Database.query, queryWithBinds, ...): listed with file and line; one not built only from
 *   constants and bind variables is a finding; one whose text is computable is checked like inline SOQL.
 * - LWC: @salesforce/schema/... and @salesforce/label/c.X imports.
 * - Permission sets, layouts, list views, flexipages, applications, tabs: the objects, fields, tabs,
 *   classes, applications, flexipages and components they name.
 * Schema names are checked by apex-ls against its platform definitions plus force-app (lib/schema-probe).
 *
 * Usage: tsx scripts/checks/schema.ts [projectDir]   (default: the repository)
 * Prints `file:line rule message` per finding (with "did you mean"), the dynamic SOQL list and a summary;
 * exits 1 on any finding.
 */
import * as path from 'node:path';
import { apexFacts } from './lib/apex-facts';
import type { DynamicSoql } from './lib/apex-soql';
import { didYouMean } from './lib/did-you-mean';
import { dedupeFindings, formatFinding, sortFindings, Timings, type Finding } from './lib/findings';
import { lwcImports, lwcSourceFiles } from './lib/lwc-imports';
import { metadataReferences } from './lib/metadata-references';
import { loadProjectSchema } from './lib/project-schema';
import { probeSchema } from './lib/schema-probe';
import { fieldPath, type SchemaReference } from './lib/schema-reference';
import { listApexFiles, loadProject } from './lib/sfdx-project';
import { parseSoql, queryReferences } from './lib/soql-references';

export interface SchemaCheckResult {
    findings: Finding[];
    dynamic: DynamicSoql[];
    stats: {
        apexFiles: number;
        /** Apex files whose parse came from the cache (lib/apex-facts). */
        cachedParses: number;
        inlineQueries: number;
        /** Apex dot paths on variables of standard objects force-app extends (apex-ls skips those). */
        fieldReads: number;
        lwcImports: number;
        metadataFiles: number;
        references: number;
        probes: number;
        unresolved: number;
    };
    timings: Timings;
}

function isCustomObjectName(name: string): boolean {
    return /__(c|mdt|e|x|b)$/i.test(name);
}

/** `LIMIT :n` / `OFFSET :n` -> a number: the SOQL parser takes bind variables in conditions only. */
function numericLimitBinds(soql: string): string {
    return soql.replace(/\b(LIMIT|OFFSET)\s+:\s*\w+/gi, '$1 1');
}

export async function runSchemaCheck(projectDir: string): Promise<SchemaCheckResult> {
    const timings = new Timings();
    const project = loadProject(projectDir);
    const schema = loadProjectSchema(project);
    const findings: Finding[] = [];
    const refs: SchemaReference[] = [];
    const dynamic: DynamicSoql[] = [];
    let inlineCount = 0;
    let cachedParses = 0;
    let fieldReadCount = 0;

    const apexFiles = listApexFiles(project);
    await timings.time('apex', () => {
        const run = apexFacts(apexFiles);
        cachedParses = run.cached;
        for (const { file, errors, inline, dynamic: dynamicInFile, reads } of run.facts) {
            if (errors.length > 0) {
                const e = errors[0];
                findings.push({
                    file,
                    line: e.line,
                    rule: 'ApexSyntax',
                    message: 'file not checked: it does not parse (check:apex reports the syntax error)'
                });
                continue;
            }
            for (const read of reads) {
                const object = schema.objects.get(read.type.toLowerCase());
                if (object && !isCustomObjectName(object.name)) {
                    fieldReadCount++;
                    refs.push({
                        file,
                        line: read.line,
                        source: 'Apex field',
                        object: object.name,
                        steps: fieldPath(read.path.join('.')),
                        display: `${read.variable}.${read.path.join('.')}`
                    });
                }
            }
            for (const q of inline) {
                inlineCount++;
                try {
                    refs.push(
                        ...queryReferences(parseSoql(q.parseable), { file, line: q.line, text: q.text, source: 'SOQL' })
                    );
                } catch (e) {
                    findings.push({
                        file,
                        line: q.line,
                        rule: 'SoqlUnparsed',
                        message: `SOQL the SOQL parser cannot read: ${(e as Error).message}`
                    });
                }
            }
            for (const d of dynamicInFile) {
                dynamic.push(d);
                if (!d.constantBuilt) {
                    findings.push({
                        file,
                        line: d.line,
                        rule: 'DynamicSoqlNotConstant',
                        message: `${d.call}(${d.argument}) is not built only from constants and bind variables: ${d.reason}`
                    });
                } else if (d.values !== undefined) {
                    // Each possible text is checked; a variant that does not parse comes from a path that
                    // never reaches the call (a placeholder such as ''), unless no variant parses at all.
                    const errors: string[] = [];
                    for (const variant of d.values) {
                        try {
                            refs.push(
                                ...queryReferences(parseSoql(numericLimitBinds(variant)), {
                                    file,
                                    line: d.line,
                                    text: '',
                                    source: 'dynamic SOQL'
                                })
                            );
                        } catch (e) {
                            errors.push((e as Error).message);
                        }
                    }
                    if (errors.length === d.values.length) {
                        findings.push({
                            file,
                            line: d.line,
                            rule: 'SoqlUnparsed',
                            message: `dynamic SOQL the SOQL parser cannot read: ${errors[0]}`
                        });
                    }
                }
            }
        }
    });

    let lwcCount = 0;
    await timings.time('lwc', () => {
        for (const file of lwcSourceFiles(project)) {
            for (const imp of lwcImports(file)) {
                lwcCount++;
                if (imp.kind === 'label') {
                    const m = /^c\.(\w+)$/.exec(imp.name);
                    if (m && !schema.labels.has(m[1].toLowerCase())) {
                        findings.push({
                            file,
                            line: imp.line,
                            rule: 'UnknownLabel',
                            message:
                                `LWC label import '${imp.specifier}': no custom label ${m[1]} in force-app` +
                                didYouMean(
                                    m[1],
                                    [...schema.labels.values()].map((l) => l.name)
                                )
                        });
                    }
                    continue;
                }
                const [object, ...rest] = imp.name.split('.');
                const source = 'LWC schema import';
                refs.push({ file, line: imp.line, source, object, steps: [], display: imp.name });
                if (rest.length > 0) {
                    refs.push({
                        file,
                        line: imp.line,
                        source,
                        object,
                        steps: fieldPath(rest.join('.')),
                        display: imp.name
                    });
                }
            }
        }
    });

    const meta = await timings.time('metadata', () => metadataReferences(project, schema));
    findings.push(...meta.findings);
    refs.push(...meta.refs);

    const probe = await timings.time('apex-ls probe', () => probeSchema(project, schema, refs));
    findings.push(...probe.findings);

    return {
        findings: sortFindings(dedupeFindings(findings)),
        dynamic,
        stats: {
            apexFiles: apexFiles.length,
            cachedParses,
            inlineQueries: inlineCount,
            fieldReads: fieldReadCount,
            lwcImports: lwcCount,
            metadataFiles: meta.files,
            references: refs.length,
            probes: probe.probes,
            unresolved: probe.unresolved.length
        },
        timings
    };
}

async function main(): Promise<void> {
    const projectDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..'));
    const start = Date.now();
    const result = await runSchemaCheck(projectDir);
    for (const f of result.findings) {
        console.log(formatFinding(f, projectDir));
    }
    if (result.dynamic.length > 0) {
        console.log(`Dynamic SOQL (${result.dynamic.length}), for review:`);
        for (const d of result.dynamic) {
            const verdict = d.constantBuilt
                ? d.values !== undefined
                    ? `constants, checked${d.values.length > 1 ? ` (${d.values.length} variants)` : ''}`
                    : 'constants'
                : 'NOT constant';
            console.log(`  ${path.relative(projectDir, d.file)}:${d.line} ${d.call}(${d.argument}) [${verdict}]`);
        }
    }
    const s = result.stats;
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    console.log(
        `check:schema: ${result.findings.length} finding(s); ${s.inlineQueries} inline SOQL in ${s.apexFiles} Apex file(s) ` +
            `(${s.cachedParses} parse(s) from cache), ${s.fieldReads} Apex field path(s) on extended standard objects, ` +
            `${result.dynamic.length} dynamic SOQL, ${s.lwcImports} LWC import(s), ${s.metadataFiles} metadata file(s); ` +
            `${s.references} name(s) checked with ${s.probes} apex-ls probe(s)` +
            (s.unresolved > 0 ? `, ${s.unresolved} path(s) not followed past a relationship of unknown type` : '') +
            `; ${seconds}s (${result.timings.toString()})`
    );
    process.exitCode = result.findings.length > 0 ? 1 : 0;
}

if (require.main === module) {
    main().catch((e: unknown) => {
        console.error(`check:schema failed to run: ${(e as Error).stack ?? String(e)}`);
        process.exitCode = 2;
    });
}
