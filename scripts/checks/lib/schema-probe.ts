/**
 * Checks schema references against the platform and force-app schema with apex-ls: each reference becomes
 * Apex in a generated class (`Schema.Lead v1;` for an object, `Object p2 = new Lead(Owner = null);` for
 * each step of a path), placed in a temporary sfdx project beside a copy of the project's objects; apex-ls
 * reports the unknown names and each report is mapped back to the file and line that named it.
 *
 * Why `new T(Name = null)` and not `r.A.B`: apex-ls 6 stays silent about unknown fields read with a dot on
 * a standard object that force-app extends (Lead, Account: it marks them incomplete), but it checks the
 * field names of an sObject constructor on every object. The path is therefore followed step by step, the
 * type of each relationship coming from force-app (custom lookups) or apex-ls's own platform definitions.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runApexLs } from './apex-ls';
import { didYouMean } from './did-you-mean';
import type { Finding } from './findings';
import { loadPlatformFields, platformFields, platformObjects } from './platform-schema';
import type { ProjectSchema } from './project-schema';
import type { PathStep, SchemaReference } from './schema-reference';
import type { SfdxProject } from './sfdx-project';

const CUSTOM_SUFFIX = /__(c|mdt|e|x|b)$/i;

/** Relationships every custom object has (apex-ls synthesizes the same ones). */
const CUSTOM_OBJECT_PARENTS: Record<string, string> = {
    owner: 'Name',
    createdby: 'User',
    lastmodifiedby: 'User',
    recordtype: 'RecordType'
};

function customObjectChildren(object: string): Record<string, string> {
    const base = object.replace(/__c$/i, '');
    return {
        tasks: 'Task',
        events: 'Event',
        attachments: 'Attachment',
        notes: 'Note',
        notesandattachments: 'NoteAndAttachment',
        contentdocumentlinks: 'ContentDocumentLink',
        histories: `${base}__History`,
        shares: `${base}__Share`,
        feeds: `${base}__Feed`
    };
}

export class SchemaResolver {
    constructor(private readonly schema: ProjectSchema) {}

    isCustom(object: string): boolean {
        return CUSTOM_SUFFIX.test(object);
    }

    /** Canonical spelling of an object name, when known. */
    objectName(object: string): string {
        return (
            this.schema.objects.get(object.toLowerCase())?.name ?? platformObjects().get(object.toLowerCase()) ?? object
        );
    }

    /** The sObject a relationship step leads to, or undefined when it cannot be told. */
    targetOf(object: string, step: PathStep): string | undefined {
        const name = step.name.toLowerCase();
        if (step.kind === 'parent') {
            if (name.endsWith('__r')) {
                const field = this.schema.objects.get(object.toLowerCase())?.fields.get(name.replace(/__r$/, '__c'));
                return field?.referenceTo;
            }
            if (this.isCustom(object)) {
                return CUSTOM_OBJECT_PARENTS[name];
            }
            return platformFields(object)?.get(name)?.references;
        }
        if (step.kind === 'child') {
            if (name.endsWith('__r')) {
                return this.schema.childRelationships.get(object.toLowerCase())?.get(name)?.child;
            }
            if (this.isCustom(object)) {
                return customObjectChildren(object)[name];
            }
            const f = platformFields(object)?.get(name);
            return f?.isChildList ? f.references : undefined;
        }
        return undefined;
    }

    /** Names that exist on an object, for suggestions. */
    namesOn(object: string, kind: PathStep['kind']): string[] {
        const out: string[] = [];
        const key = object.toLowerCase();
        const own = this.schema.objects.get(key);
        if (kind === 'child') {
            out.push(...[...(this.schema.childRelationships.get(key)?.values() ?? [])].map((c) => c.name));
            if (this.isCustom(object)) {
                out.push(...Object.keys(customObjectChildren(object)));
            }
            out.push(...[...(platformFields(object)?.values() ?? [])].filter((f) => f.isChildList).map((f) => f.name));
            return out;
        }
        for (const f of own?.fields.values() ?? []) {
            out.push(f.name);
            if (f.referenceTo) {
                out.push(f.name.replace(/__c$/i, '__r'));
            }
        }
        if (this.isCustom(object)) {
            out.push('Id', 'Name', 'OwnerId', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate');
            out.push('RecordTypeId', 'IsDeleted', 'SystemModstamp', ...Object.keys(CUSTOM_OBJECT_PARENTS));
        }
        out.push(...[...(platformFields(object)?.values() ?? [])].filter((f) => !f.isChildList).map((f) => f.name));
        return out;
    }

    allObjects(): string[] {
        return [...[...this.schema.objects.values()].map((o) => o.name), ...platformObjects().values()];
    }
}

interface ProbeUse {
    ref: SchemaReference;
    /** -1 for the object itself. */
    step: number;
    /** Object the step is read on. */
    on: string;
}

/** Copies every `objects` folder of the project's package directories into `dest`, keeping relative paths. */
function copyObjects(project: SfdxProject, dest: string): Array<{ temp: string; real: string }> {
    const dirs: Array<{ temp: string; real: string }> = [];
    project.packageDirs.forEach((pkg, i) => {
        const target = path.join(dest, `pkg${i}`);
        fs.mkdirSync(target, { recursive: true });
        dirs.push({ temp: target, real: pkg });
        const walk = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) {
                    continue;
                }
                const full = path.join(dir, entry.name);
                if (entry.name === 'objects') {
                    fs.cpSync(full, path.join(target, path.relative(pkg, full)), { recursive: true });
                } else {
                    walk(full);
                }
            }
        };
        if (fs.existsSync(pkg)) {
            walk(pkg);
        }
    });
    return dirs;
}

export interface ProbeResult {
    findings: Finding[];
    /** References whose path could not be followed to the end (a relationship type not known here). */
    unresolved: SchemaReference[];
    probes: number;
}

export async function probeSchema(
    project: SfdxProject,
    schema: ProjectSchema,
    refs: SchemaReference[]
): Promise<ProbeResult> {
    const resolver = new SchemaResolver(schema);
    const unresolved: SchemaReference[] = [];
    // Follow paths, loading standard objects' definitions as the walk reaches them.
    const plans: Array<{ ref: SchemaReference; on: string[] }> = refs.map((ref) => ({ ref, on: [ref.object] }));
    for (let round = 0; round < 8; round++) {
        await loadPlatformFields(plans.map((p) => p.on[p.on.length - 1]));
        let advanced = false;
        for (const plan of plans) {
            const i = plan.on.length - 1;
            if (i >= plan.ref.steps.length - 1) {
                continue;
            }
            const next = resolver.targetOf(plan.on[i], plan.ref.steps[i]);
            if (next) {
                plan.on.push(next);
                advanced = true;
            }
        }
        if (!advanced) {
            break;
        }
    }

    const lines: string[] = ['public class SchemaProbe {', '    void probe() {'];
    const uses = new Map<number, ProbeUse[]>();
    const byStatement = new Map<string, number>();
    const emit = (statement: string, use: ProbeUse): void => {
        let line = byStatement.get(statement);
        if (line === undefined) {
            lines.push(`        ${statement.replace('#', `v${lines.length}`)}`);
            line = lines.length;
            byStatement.set(statement, line);
        }
        uses.set(line, [...(uses.get(line) ?? []), use]);
    };
    for (const { ref, on } of plans) {
        if (ref.steps.length === 0) {
            emit(`Schema.${ref.object} #;`, { ref, step: -1, on: ref.object });
            continue;
        }
        on.forEach((object, i) => {
            if (i < ref.steps.length) {
                emit(`Object # = new ${object}(${ref.steps[i].name} = null);`, { ref, step: i, on: object });
            }
        });
        if (on.length < ref.steps.length) {
            unresolved.push(ref);
        }
    }
    lines.push('    }', '}', '');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-probe-'));
    try {
        const copies = copyObjects(project, dir);
        const probeDir = path.join(dir, 'probe', 'classes');
        fs.mkdirSync(probeDir, { recursive: true });
        const probeFile = path.join(probeDir, 'SchemaProbe.cls');
        fs.writeFileSync(probeFile, lines.join('\n'));
        fs.writeFileSync(
            `${probeFile}-meta.xml`,
            `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
                `    <apiVersion>${project.sourceApiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`
        );
        fs.writeFileSync(
            path.join(dir, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [
                    ...copies.map((c) => ({ path: path.basename(c.temp) })),
                    { path: 'probe', default: true }
                ],
                namespace: project.namespace,
                sourceApiVersion: project.sourceApiVersion
            })
        );
        const issues = await runApexLs(dir);
        const findings: Finding[] = [];
        const reported = new Set<SchemaReference>();
        const reasons = new Set<string>();
        const sortedIssues = [...issues].sort((a, b) => a.line - b.line);
        for (const issue of sortedIssues) {
            const issuePath = fs.existsSync(issue.file) ? fs.realpathSync(issue.file) : issue.file;
            if (issuePath !== fs.realpathSync(probeFile)) {
                // A problem in the project's own object metadata (a lookup to a missing object, ...).
                const copy = copies.find((c) => issuePath.startsWith(fs.realpathSync(c.temp) + path.sep));
                findings.push({
                    file: copy
                        ? path.join(copy.real, path.relative(fs.realpathSync(copy.temp), issuePath))
                        : path.join(project.root, 'sfdx-project.json'),
                    line: issue.line,
                    rule: 'ObjectMetadata',
                    message: issue.message
                });
                continue;
            }
            for (const use of uses.get(issue.line) ?? []) {
                if (reported.has(use.ref)) {
                    continue;
                }
                const message = describe(issue.message, use, resolver);
                if (message === undefined) {
                    continue;
                }
                reported.add(use.ref);
                // Two names on one line failing for one reason (`Partz__r` and `Partz__r.Id`) make one finding.
                const key = `${use.ref.file}\u0000${use.ref.line}\u0000${message}`;
                if (reasons.has(key)) {
                    continue;
                }
                reasons.add(key);
                findings.push({
                    file: use.ref.file,
                    line: use.ref.line,
                    rule: 'UnknownSchemaName',
                    message: `${use.ref.source} '${use.ref.display}': ${message}`
                });
            }
        }
        return { findings, unresolved, probes: byStatement.size };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The finding text for one apex-ls message about one probe use, or undefined for a follow-on message. */
function describe(message: string, use: ProbeUse, resolver: SchemaResolver): string | undefined {
    const missingType = /No type declaration found for '(?:Schema\.)?(\w+)'/.exec(message);
    if (missingType) {
        const name = missingType[1];
        return `no object '${name}'${didYouMean(name, resolver.allObjects())}`;
    }
    const unknownField = /Unknown field '(\w+)' on SObject '(?:Schema\.)?(\w+)'/.exec(message);
    if (unknownField) {
        const [, name, object] = unknownField;
        const step = use.step >= 0 ? use.ref.steps[use.step] : undefined;
        const what = step?.kind === 'child' ? 'child relationship' : step?.kind === 'parent' ? 'relationship' : 'field';
        return `no ${what} '${name}' on ${resolver.objectName(object)}${didYouMean(name, resolver.namesOn(object, step?.kind ?? 'field'))}`;
    }
    if (/No variable or type found for/.test(message)) {
        return undefined; // follows a missing type on the same line
    }
    return message;
}
