/**
 * Field paths in SOQL (Status, Owner.Name, Distribution_Group__r.Active__c): resolved against the
 * schema once per query, then read per row through a getter.
 */
import { ApiError } from '../errors';
import type { FieldDef, ObjectDef } from '../schema';
import type { Located, Store, Table } from '../store';
import type { Value } from '../values';

/** Fields Salesforce exposes on the polymorphic "Name" object behind Owner and similar lookups. */
const NAME_OBJECT_FIELDS = [
    'Id',
    'Name',
    'Type',
    'Alias',
    'Email',
    'FirstName',
    'LastName',
    'IsActive',
    'Username',
    'Title'
];

export interface Hop {
    /** Reference field on the current object that leads to the parent. */
    via: FieldDef;
    /** Relationship name as the schema spells it (used as the JSON key). */
    relationshipName: string;
    polymorphic: boolean;
}

export interface ResolvedPath {
    /** Path as the schema spells it, e.g. "Owner.Name". */
    canonical: string;
    hops: Hop[];
    /** Final field name (schema spelling). */
    fieldName: string;
    /** Final field definition when the last object is known; undefined for polymorphic targets. */
    field?: FieldDef;
    /** Type used for literal conversion and formatting. */
    type: FieldDef['type'];
    get(row: number): Value;
}

/** Long text areas and base64 fields can be selected but not filtered, sorted or grouped. */
export function checkUsable(path: ResolvedPath, use: 'filtered' | 'sorted' | 'grouped'): void {
    const f = path.field;
    if (f && (f.type === 'base64' || (f.type === 'textarea' && (f.length ?? 0) > 255))) {
        throw new ApiError(400, 'INVALID_FIELD', `field '${path.canonical}' can not be ${use} in a query call`);
    }
}

export function invalidField(name: string, obj: ObjectDef): ApiError {
    return new ApiError(
        400,
        'INVALID_FIELD',
        `No such column '${name}' on entity '${obj.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    );
}

/** Reads one field of a polymorphic parent (User or Group as a "Name" record). */
function nameObjectValue(loc: Located, fieldName: string): Value {
    const objName = loc.table.object.name;
    if (fieldName === 'Type') {
        if (objName === 'Group')
            return loc.table.get(loc.row, loc.table.field('Type')!) === 'Queue' ? 'Queue' : 'Group';
        return objName;
    }
    const f = loc.table.field(fieldName);
    return f ? loc.table.get(loc.row, f) : null;
}

export function resolvePath(store: Store, root: ObjectDef, path: string): ResolvedPath {
    const parts = path.split('.');
    const hops: Hop[] = [];
    let obj: ObjectDef | undefined = root;
    const canonicalParts: string[] = [];
    for (let i = 0; i < parts.length - 1; i++) {
        if (!obj) throw invalidField(parts.slice(i).join('.'), root);
        const rel: FieldDef | undefined = obj.relationships.get(parts[i].toLowerCase());
        if (!rel || !rel.relationshipName) {
            throw new ApiError(
                400,
                'INVALID_FIELD',
                `Didn't understand relationship '${parts[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        const targets: string[] = rel.referenceTo ?? [];
        const polymorphic: boolean = targets.length !== 1 || targets[0] === '*';
        hops.push({ via: rel, relationshipName: rel.relationshipName, polymorphic });
        canonicalParts.push(rel.relationshipName);
        obj = polymorphic ? undefined : store.describe(targets[0]);
        if (polymorphic && i < parts.length - 2) {
            throw new ApiError(
                400,
                'INVALID_FIELD',
                `The polymorphic relationship '${rel.relationshipName}' can only be followed by one field in the simulator.`
            );
        }
    }
    const last = parts[parts.length - 1];
    let field: FieldDef | undefined;
    let fieldName: string;
    let type: FieldDef['type'];
    if (obj) {
        field = obj.byName.get(last.toLowerCase());
        if (!field) throw invalidField(hops.length ? path : last, root);
        fieldName = field.name;
        type = field.type;
    } else {
        const known = NAME_OBJECT_FIELDS.find((n) => n.toLowerCase() === last.toLowerCase());
        if (!known) throw invalidField(path, root);
        fieldName = known;
        type = known === 'Id' ? 'id' : known === 'IsActive' ? 'boolean' : 'string';
    }
    canonicalParts.push(fieldName);
    const rootTable = store.table(root.name)!;
    const get = makeGetter(store, rootTable, hops, fieldName, field);
    return { canonical: canonicalParts.join('.'), hops, fieldName, field, type, get };
}

function makeGetter(
    store: Store,
    rootTable: Table,
    hops: Hop[],
    fieldName: string,
    field: FieldDef | undefined
): (row: number) => Value {
    if (hops.length === 0) return (row) => rootTable.get(row, field!);
    const cache = new Map<string, Located | null>();
    const locate = (id: string): Located | null => {
        let loc = cache.get(id);
        if (loc === undefined) {
            loc = store.locate(id) ?? null;
            if (cache.size > 100000) cache.clear();
            cache.set(id, loc);
        }
        return loc;
    };
    return (row) => {
        const loc = parentOf(rootTable, row, hops, locate);
        if (!loc) return null;
        if (hops[hops.length - 1].polymorphic) return nameObjectValue(loc, fieldName);
        return loc.table.get(loc.row, field!);
    };
}

/** Follows `hops` from a row to the parent record, or null where a lookup is empty. */
export function parentOf(
    rootTable: Table,
    row: number,
    hops: Hop[],
    locate: (id: string) => Located | null
): Located | null {
    let table = rootTable;
    let r = row;
    let loc: Located | null = null;
    for (const hop of hops) {
        const id = table.get(r, hop.via);
        if (id === null) return null;
        loc = locate(id as string);
        if (!loc) return null;
        table = loc.table;
        r = loc.row;
    }
    return loc;
}
