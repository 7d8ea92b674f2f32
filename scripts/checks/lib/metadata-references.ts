/**
 * Names that permission sets, layouts, list views, flexipages, applications and tabs give: schema names
 * become SchemaReferences (checked by the apex-ls probe), the rest (classes, tabs, applications,
 * flexipages, LWC bundles, custom permissions, pages, record types) are checked here against force-app.
 *
 * Not checked, on purpose: standard tabs (`standard-*`) and standard apps (`standard__*`), which are the
 * platform's and vary by edition; list view columns of standard fields (they use internal column tokens
 * such as LEAD.EMAIL, not field names); permission sets' userPermissions (hundreds, edition-dependent).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { didYouMean } from './did-you-mean';
import type { Finding } from './findings';
import { readXml, type ProjectSchema } from './project-schema';
import { fieldPath, type SchemaReference } from './schema-reference';
import { lineOf, listFiles, type SfdxProject } from './sfdx-project';

export interface MetadataCheck {
    refs: SchemaReference[];
    findings: Finding[];
    files: number;
}

type Xml = Record<string, unknown>;

function asArray(v: unknown): Xml[] {
    if (v === undefined || v === null || v === '') {
        return [];
    }
    return (Array.isArray(v) ? v : [v]) as Xml[];
}

function str(v: unknown): string {
    return typeof v === 'string' ? v : '';
}

/** Every value of `key` anywhere below `node`. */
function collect(node: unknown, key: string, out: string[] = []): string[] {
    if (Array.isArray(node)) {
        node.forEach((n) => collect(n, key, out));
    } else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node as Xml)) {
            if (k === key && typeof v === 'string') {
                out.push(v);
            } else if (k === key && Array.isArray(v)) {
                v.filter((x) => typeof x === 'string').forEach((x) => out.push(x as string));
            }
            collect(v, key, out);
        }
    }
    return out;
}

/** Original spelling of a known name: the file's base name (with the object for `Object.Name` keys). */
function displayName(key: string, file: string): string {
    const base = path.basename(file).split('.')[0];
    const dot = key.indexOf('.');
    return dot >= 0 ? `${key.slice(0, dot)}.${base}` : base;
}

class FileContext {
    readonly text: string;

    constructor(
        readonly file: string,
        private readonly sink: MetadataCheck,
        private readonly kind: string
    ) {
        this.text = fs.readFileSync(file, 'utf8');
    }

    line(value: string): number {
        const at = this.text.indexOf(`>${value}<`);
        return lineOf(this.text, at >= 0 ? at : Math.max(0, this.text.indexOf(value)));
    }

    object(object: string, what = this.kind): void {
        this.sink.refs.push({
            file: this.file,
            line: this.line(object),
            source: what,
            object,
            steps: [],
            display: object
        });
    }

    field(object: string, field: string, what = this.kind, display = `${object}.${field}`): void {
        this.sink.refs.push({
            file: this.file,
            line: this.line(display),
            source: what,
            object,
            steps: fieldPath(field),
            display
        });
    }

    /** A non-schema name that must exist in force-app. */
    exists(kind: string, name: string, known: Map<string, string>): void {
        if (!known.has(name.toLowerCase())) {
            this.sink.findings.push({
                file: this.file,
                line: this.line(name),
                rule: 'UnknownMetadataName',
                message: `${this.kind} names ${kind} '${name}', which force-app does not define${didYouMean(
                    name,
                    [...known].map(([key, file]) => displayName(key, file))
                )}`
            });
        }
    }

    problem(value: string, message: string): void {
        this.sink.findings.push({ file: this.file, line: this.line(value), rule: 'PermissionSetField', message });
    }
}

function checkPermissionSet(ctx: FileContext, xml: Xml, schema: ProjectSchema): void {
    const ps = (xml.PermissionSet ?? {}) as Xml;
    for (const fp of asArray(ps.fieldPermissions)) {
        const full = str(fp.field);
        const dot = full.indexOf('.');
        if (dot < 0) {
            continue;
        }
        const object = full.slice(0, dot);
        const field = full.slice(dot + 1);
        ctx.object(object, 'permission set field');
        ctx.field(object, field, 'permission set field', full);
        const def = schema.objects.get(object.toLowerCase())?.fields.get(field.toLowerCase());
        if (def && (def.required || def.type === 'MasterDetail')) {
            ctx.problem(
                full,
                `permission set grants ${full}, a ${def.type === 'MasterDetail' ? 'master-detail' : 'required'} field: ` +
                    'the Metadata API rejects field permissions on it (access follows the object)'
            );
        }
    }
    for (const op of asArray(ps.objectPermissions)) {
        ctx.object(str(op.object), 'permission set object');
    }
    for (const key of ['customMetadataTypeAccesses', 'customSettingAccesses']) {
        for (const a of asArray(ps[key])) {
            ctx.object(str(a.name), 'permission set object');
        }
    }
    for (const c of asArray(ps.classAccesses)) {
        ctx.exists('Apex class', str(c.apexClass), schema.classes);
    }
    for (const t of asArray(ps.tabSettings)) {
        const tab = str(t.tab);
        if (!tab.startsWith('standard-')) {
            ctx.exists('tab', tab, schema.tabs);
        }
    }
    for (const a of asArray(ps.applicationVisibilities)) {
        const app = str(a.application);
        if (!app.startsWith('standard__')) {
            ctx.exists('application', app, schema.applications);
        }
    }
    for (const c of asArray(ps.customPermissions)) {
        ctx.exists('custom permission', str(c.name), schema.customPermissions);
    }
    for (const p of asArray(ps.pageAccesses)) {
        ctx.exists('Visualforce page', str(p.apexPage), schema.pages);
    }
    for (const r of asArray(ps.recordTypeVisibilities)) {
        ctx.exists('record type', str(r.recordType), schema.recordTypes);
    }
}

function checkLayout(ctx: FileContext, xml: Xml): void {
    const object = path.basename(ctx.file).split('-')[0];
    ctx.object(object, 'layout');
    const layout = (xml.Layout ?? {}) as Xml;
    for (const field of collect(layout.layoutSections, 'field')) {
        ctx.field(object, field, 'layout field', field);
    }
    for (const rl of asArray(layout.relatedLists)) {
        const name = str(rl.relatedList);
        const dot = name.indexOf('.');
        if (dot > 0 && /__c$/i.test(name)) {
            // Custom related list: ChildObject.LookupField
            ctx.field(name.slice(0, dot), name.slice(dot + 1), 'layout related list', name);
        }
    }
}

function checkListView(ctx: FileContext, xml: Xml): void {
    const parts = ctx.file.split(path.sep);
    const object = parts[parts.lastIndexOf('listViews') - 1];
    const view = (xml.ListView ?? {}) as Xml;
    const names = asArray(view.columns)
        .map(String)
        .concat(asArray(view.filters).map((f) => str(f.field)));
    for (const name of new Set(names)) {
        if (!/__c$/i.test(name)) {
            continue;
        }
        const field = name.toLowerCase().startsWith(`${object.toLowerCase()}.`) ? name.slice(object.length + 1) : name;
        ctx.field(object, field, 'list view column', name);
    }
}

function checkFlexipage(ctx: FileContext, xml: Xml, schema: ProjectSchema): void {
    const page = (xml.FlexiPage ?? {}) as Xml;
    const object = str(page.sobjectType);
    if (object) {
        ctx.object(object, 'flexipage');
        for (const item of collect(page, 'fieldItem')) {
            if (item.startsWith('Record.')) {
                ctx.field(object, item.slice('Record.'.length), 'flexipage field', item);
            }
        }
    }
    // Custom components appear bare (`partnerAccounts`) or in the default namespace (`c:partnerAccounts`);
    // platform ones always carry their namespace (`force:highlightsPanel`, `flexipage:richText`).
    for (const component of collect(page, 'componentName')) {
        const m = /^(?:c:)?(\w+)$/.exec(component);
        if (m) {
            ctx.exists('component', m[1], schema.lwcBundles);
        }
    }
}

function checkApplication(ctx: FileContext, xml: Xml, schema: ProjectSchema): void {
    const app = (xml.CustomApplication ?? {}) as Xml;
    for (const tab of asArray(app.tabs).map(String)) {
        if (!tab.startsWith('standard-')) {
            ctx.exists('tab', tab, schema.tabs);
        }
    }
    for (const bar of asArray(app.utilityBar).map(String)) {
        ctx.exists('flexipage', bar, schema.flexipages);
    }
    for (const o of asArray(app.actionOverrides)) {
        if (str(o.type) === 'Flexipage' && str(o.content)) {
            ctx.exists('flexipage', str(o.content), schema.flexipages);
        }
    }
}

function checkTab(ctx: FileContext, xml: Xml, schema: ProjectSchema): void {
    const tab = (xml.CustomTab ?? {}) as Xml;
    if (str(tab.flexiPage)) {
        ctx.exists('flexipage', str(tab.flexiPage), schema.flexipages);
    }
    if (str(tab.lwcComponent)) {
        ctx.exists('component', str(tab.lwcComponent), schema.lwcBundles);
    }
    if (str(tab.page)) {
        ctx.exists('Visualforce page', str(tab.page), schema.pages);
    }
    if (str(tab.customObject) === 'true') {
        const object = path.basename(ctx.file, '.tab-meta.xml');
        ctx.object(object, 'object tab');
    }
}

const KINDS: Array<[suffix: string, kind: string, check: (ctx: FileContext, xml: Xml, schema: ProjectSchema) => void]> =
    [
        ['.permissionset-meta.xml', 'permission set', checkPermissionSet],
        ['.layout-meta.xml', 'layout', (ctx, xml) => checkLayout(ctx, xml)],
        ['.listView-meta.xml', 'list view', (ctx, xml) => checkListView(ctx, xml)],
        ['.flexipage-meta.xml', 'flexipage', checkFlexipage],
        ['.app-meta.xml', 'application', checkApplication],
        ['.tab-meta.xml', 'tab', checkTab]
    ];

export function metadataReferences(project: SfdxProject, schema: ProjectSchema): MetadataCheck {
    const result: MetadataCheck = { refs: [], findings: [], files: 0 };
    const files = listFiles(project, (f) => KINDS.some(([suffix]) => f.endsWith(suffix)));
    for (const file of files) {
        const kind = KINDS.find(([suffix]) => file.endsWith(suffix));
        if (!kind) {
            continue;
        }
        result.files++;
        const ctx = new FileContext(file, result, kind[1]);
        kind[2](ctx, readXml(file), schema);
    }
    return result;
}
