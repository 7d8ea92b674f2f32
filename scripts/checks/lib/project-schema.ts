/**
 * What force-app defines: objects and fields (with lookup targets and child relationship names), labels,
 * tabs, classes, applications, flexipages, LWC bundles, custom permissions, pages and record types.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { listFiles, type SfdxProject } from './sfdx-project';

export interface ProjectField {
    name: string;
    file: string;
    type: string;
    referenceTo?: string;
    relationshipName?: string;
    required: boolean;
}

export interface ProjectObject {
    name: string;
    /** True when the object's own -meta.xml is in the project (a custom object, or a standard one's settings). */
    hasDefinition: boolean;
    fields: Map<string, ProjectField>;
}

export interface ProjectSchema {
    objects: Map<string, ProjectObject>;
    /** parent object (lower) -> child relationship name with __r (lower) -> child object name. */
    childRelationships: Map<string, Map<string, { name: string; child: string }>>;
    labels: Map<string, { name: string; file: string }>;
    tabs: Map<string, string>;
    classes: Map<string, string>;
    applications: Map<string, string>;
    flexipages: Map<string, string>;
    /** Lightning web components and Aura components, by bundle name. */
    lwcBundles: Map<string, string>;
    customPermissions: Map<string, string>;
    pages: Map<string, string>;
    /** "Object.RecordType" keys. */
    recordTypes: Map<string, string>;
}

const xmlParser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) =>
        [
            'labels',
            'fieldPermissions',
            'objectPermissions',
            'classAccesses',
            'tabSettings',
            'applicationVisibilities',
            'customPermissions',
            'pageAccesses',
            'recordTypeVisibilities',
            'customMetadataTypeAccesses',
            'customSettingAccesses',
            'layoutSections',
            'layoutColumns',
            'layoutItems',
            'relatedLists',
            'fields',
            'columns',
            'filters',
            'flexiPageRegions',
            'itemInstances',
            'componentInstanceProperties',
            'tabs',
            'actionOverrides',
            'utilityBar'
        ].includes(name)
});

export function readXml(file: string): Record<string, unknown> {
    return xmlParser.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function baseName(file: string, suffix: string): string {
    return path.basename(file).slice(0, -suffix.length);
}

function byLower(names: Array<[string, string]>): Map<string, string> {
    return new Map(names.map(([name, file]) => [name.toLowerCase(), file]));
}

export function loadProjectSchema(project: SfdxProject): ProjectSchema {
    const objects = new Map<string, ProjectObject>();
    const objectOf = (name: string): ProjectObject => {
        const key = name.toLowerCase();
        let o = objects.get(key);
        if (!o) {
            o = { name, hasDefinition: false, fields: new Map() };
            objects.set(key, o);
        }
        return o;
    };
    const recordTypes = new Map<string, string>();
    const files = listFiles(project, (f) => f.endsWith('-meta.xml') || f.endsWith('.cls') || f.endsWith('.page'));
    for (const file of files) {
        const parts = file.split(path.sep);
        const objectsAt = parts.lastIndexOf('objects');
        if (objectsAt < 0 || objectsAt + 2 >= parts.length) {
            continue;
        }
        const objectName = parts[objectsAt + 1];
        if (file.endsWith('.object-meta.xml')) {
            objectOf(objectName).hasDefinition = true;
        } else if (file.endsWith('.field-meta.xml')) {
            const xml = readXml(file).CustomField as Record<string, string> | undefined;
            const name = xml?.fullName || baseName(file, '.field-meta.xml');
            objectOf(objectName).fields.set(name.toLowerCase(), {
                name,
                file,
                type: xml?.type ?? '',
                referenceTo: xml?.referenceTo || undefined,
                relationshipName: xml?.relationshipName || undefined,
                required: xml?.required === 'true'
            });
        } else if (file.endsWith('.recordType-meta.xml')) {
            recordTypes.set(`${objectName}.${baseName(file, '.recordType-meta.xml')}`.toLowerCase(), file);
        }
    }
    const childRelationships = new Map<string, Map<string, { name: string; child: string }>>();
    for (const o of objects.values()) {
        for (const f of o.fields.values()) {
            if (f.referenceTo && f.relationshipName) {
                const parent = f.referenceTo.toLowerCase();
                if (!childRelationships.has(parent)) {
                    childRelationships.set(parent, new Map());
                }
                const rel = `${f.relationshipName}__r`;
                childRelationships.get(parent)?.set(rel.toLowerCase(), { name: rel, child: o.name });
            }
        }
    }
    const labels = new Map<string, { name: string; file: string }>();
    for (const file of files.filter((f) => f.endsWith('.labels-meta.xml'))) {
        const xml = readXml(file).CustomLabels as { labels?: Array<{ fullName: string }> } | undefined;
        for (const l of xml?.labels ?? []) {
            labels.set(l.fullName.toLowerCase(), { name: l.fullName, file });
        }
    }
    const named = (suffix: string): Map<string, string> =>
        byLower(files.filter((f) => f.endsWith(suffix)).map((f) => [baseName(f, suffix), f]));
    const inBundle = (f: string, kind: string): boolean => path.basename(path.dirname(path.dirname(f))) === kind;
    const lwcBundles = byLower([
        ...files
            .filter((f) => f.endsWith('.js-meta.xml') && inBundle(f, 'lwc'))
            .map((f): [string, string] => [baseName(f, '.js-meta.xml'), f]),
        ...files
            .filter((f) => f.endsWith('.cmp-meta.xml') && inBundle(f, 'aura'))
            .map((f): [string, string] => [baseName(f, '.cmp-meta.xml'), f])
    ]);
    return {
        objects,
        childRelationships,
        labels,
        tabs: named('.tab-meta.xml'),
        classes: named('.cls'),
        applications: named('.app-meta.xml'),
        flexipages: named('.flexipage-meta.xml'),
        lwcBundles,
        customPermissions: named('.customPermission-meta.xml'),
        pages: named('.page'),
        recordTypes
    };
}
