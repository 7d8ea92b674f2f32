/**
 * Reads custom objects and custom fields from the project's force-app source (object-meta.xml and
 * fields/*.field-meta.xml) so the simulator's schema follows the package's metadata as it changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { customKeyPrefix } from './ids';
import {
    addField,
    makeField,
    makeObject,
    SYSTEM_FIELDS,
    type FieldDef,
    type FieldSpec,
    type ObjectDef
} from './schema';

const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => name === 'value' || name === 'referenceTo'
});

type Xml = Record<string, unknown>;

function text(node: Xml, key: string): string | undefined {
    const v = node[key];
    return typeof v === 'string' ? v : undefined;
}

function readXml(file: string, root: string): Xml {
    const doc = parser.parse(fs.readFileSync(file, 'utf8')) as Xml;
    const node = doc[root];
    return node && typeof node === 'object' ? (node as Xml) : {};
}

function picklistValues(node: Xml): string[] {
    const valueSet = node.valueSet as Xml | undefined;
    const def = valueSet?.valueSetDefinition as Xml | undefined;
    const values = (def?.value as Xml[] | undefined) ?? [];
    return values.map((v) => text(v, 'fullName') ?? '').filter((v) => v !== '');
}

function defaultPicklist(node: Xml): string | undefined {
    const def = (node.valueSet as Xml | undefined)?.valueSetDefinition as Xml | undefined;
    const values = (def?.value as Xml[] | undefined) ?? [];
    const chosen = values.find((v) => text(v, 'default') === 'true');
    return chosen ? text(chosen, 'fullName') : undefined;
}

/** Maps one CustomField element to the simulator's field definition. */
export function fieldFromXml(node: Xml): FieldDef | undefined {
    const name = text(node, 'fullName');
    const xmlType = text(node, 'type');
    if (!name) return undefined;
    const label = text(node, 'label') ?? name;
    const required = text(node, 'required') === 'true';
    const base = { name, label, required, externalId: text(node, 'externalId') === 'true' };
    const formula = text(node, 'formula') !== undefined;
    let spec: FieldSpec;
    switch (xmlType) {
        case 'Text':
        case 'EncryptedText':
            spec = { ...base, type: 'string', length: Number(text(node, 'length') ?? 255) };
            break;
        case 'TextArea':
            spec = { ...base, type: 'textarea', length: 255 };
            break;
        case 'LongTextArea':
        case 'Html':
            spec = { ...base, type: 'textarea', length: Number(text(node, 'length') ?? 32768) };
            break;
        case 'Email':
            spec = { ...base, type: 'email', length: 80 };
            break;
        case 'Phone':
            spec = { ...base, type: 'phone', length: 40 };
            break;
        case 'Url':
            spec = { ...base, type: 'url', length: 255 };
            break;
        case 'Checkbox':
            spec = { ...base, type: 'boolean', defaultValue: text(node, 'defaultValue') === 'true' };
            break;
        case 'Number':
        case 'Currency':
        case 'Percent': {
            const dv = text(node, 'defaultValue');
            spec = {
                ...base,
                type: xmlType === 'Currency' ? 'currency' : xmlType === 'Percent' ? 'percent' : 'double',
                precision: Number(text(node, 'precision') ?? 18),
                scale: Number(text(node, 'scale') ?? 0),
                defaultValue: dv !== undefined && dv !== '' && !Number.isNaN(Number(dv)) ? Number(dv) : undefined
            };
            break;
        }
        case 'Date':
            spec = { ...base, type: 'date' };
            break;
        case 'DateTime':
            spec = { ...base, type: 'datetime' };
            break;
        case 'Picklist':
            spec = {
                ...base,
                type: 'picklist',
                picklistValues: picklistValues(node),
                restrictedPicklist: text((node.valueSet as Xml | undefined) ?? {}, 'restricted') === 'true',
                defaultValue: defaultPicklist(node)
            };
            break;
        case 'MultiselectPicklist':
            spec = { ...base, type: 'multipicklist', picklistValues: picklistValues(node) };
            break;
        case 'Lookup':
        case 'MasterDetail': {
            const refs = (node.referenceTo as string[] | undefined) ?? [];
            spec = {
                ...base,
                type: 'reference',
                referenceTo: refs,
                relationshipName: name.replace(/__c$/, '__r'),
                childRelationshipName: text(node, 'relationshipName')
                    ? `${text(node, 'relationshipName')}__r`
                    : undefined,
                required: xmlType === 'MasterDetail' || required
            };
            break;
        }
        default:
            // Formula, summary and other computed types: readable, never writable.
            spec = { ...base, type: 'string', length: 1300, calculated: true };
    }
    if (formula) spec.calculated = true;
    const def = makeField(spec);
    return def;
}

/** Every `objects` folder at or below `dir` (a package folder keeps one per feature), sorted. */
function objectsFolders(dir: string): string[] {
    if (path.basename(dir) === 'objects') return [dir];
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== 'node_modules' && d.name !== '__tests__')
        .sort((a, b) => a.name.localeCompare(b.name))
        .flatMap((d) => objectsFolders(path.join(dir, d.name)));
}

/**
 * The custom objects in every objects/ folder below sourceDir, and custom fields of standard objects,
 * merged into `objects`. One object may be spread over several feature folders (Lead's fields are).
 */
export function loadProjectMetadata(sourceDir: string, objects: Map<string, ObjectDef>): void {
    if (!fs.existsSync(sourceDir)) return;
    const folders = new Map<string, string[]>();
    for (const objectsDir of objectsFolders(sourceDir)) {
        for (const d of fs.readdirSync(objectsDir, { withFileTypes: true })) {
            if (d.isDirectory()) folders.set(d.name, [...(folders.get(d.name) ?? []), path.join(objectsDir, d.name)]);
        }
    }
    const dirs = [...folders.keys()].sort();
    let customIndex = 0;
    for (const dir of dirs) {
        const objectFile =
            folders
                .get(dir)!
                .map((f) => path.join(f, `${dir}.object-meta.xml`))
                .find((f) => fs.existsSync(f)) ?? '';
        let obj = objects.get(dir.toLowerCase());
        if (!obj && dir.endsWith('__c')) {
            const node = objectFile ? readXml(objectFile, 'CustomObject') : {};
            const nameField = (node.nameField as Xml | undefined) ?? {};
            const autoNumber = text(nameField, 'type') === 'AutoNumber';
            const detail = text(node, 'sharingModel') === 'ControlledByParent';
            // Hierarchy custom settings have an optional Name and SetupOwnerId instead of OwnerId.
            const setting = text(node, 'customSettingsType') !== undefined;
            obj = makeObject({
                name: dir,
                label: text(node, 'label') ?? dir,
                labelPlural: text(node, 'pluralLabel') ?? dir,
                keyPrefix: customKeyPrefix(customIndex++),
                custom: true,
                fields: [
                    {
                        name: 'Name',
                        type: 'string',
                        length: 80,
                        label: text(nameField, 'label') ?? 'Name',
                        autoNumberFormat: autoNumber ? text(nameField, 'displayFormat') : undefined,
                        createable: !autoNumber,
                        updateable: !autoNumber,
                        required: !autoNumber && !setting
                    },
                    ...(setting
                        ? [
                              {
                                  name: 'SetupOwnerId',
                                  type: 'reference' as const,
                                  referenceTo: ['Organization', 'User'],
                                  label: 'Location'
                              }
                          ]
                        : detail
                          ? []
                          : [
                                {
                                    name: 'OwnerId',
                                    type: 'reference' as const,
                                    referenceTo: ['User', 'Group'],
                                    relationshipName: 'Owner',
                                    label: 'Owner ID'
                                }
                            ]),
                    ...SYSTEM_FIELDS
                ]
            });
            objects.set(dir.toLowerCase(), obj);
        }
        if (!obj) continue;
        for (const fieldsDir of folders.get(dir)!.map((f) => path.join(f, 'fields'))) {
            if (!fs.existsSync(fieldsDir)) continue;
            for (const file of fs.readdirSync(fieldsDir).sort()) {
                if (!file.endsWith('.field-meta.xml') || !file.includes('__c')) continue;
                const def = fieldFromXml(readXml(path.join(fieldsDir, file), 'CustomField'));
                if (def) addField(obj, def);
            }
        }
    }
}
