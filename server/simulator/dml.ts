/**
 * Validated writes, shared by REST, sObject Collections and Bulk API ingest: field checks, reference
 * checks, owner rules, required fields, lock faults, audit fields, and the lead assignment rule that
 * REST writes trigger unless the client sends `Sforce-Auto-Assign: FALSE`.
 */
import { ApiError, RowError } from './errors';
import type { Faults } from './faults';
import { isWellFormedId, to18 } from './ids';
import type { FieldDef, ObjectDef } from './schema';
import type { Store, Table } from './store';
import { parseValue, type Value } from './values';

export interface WriteContext {
    userId: string;
    /** True when Salesforce would run active assignment rules (REST without Sforce-Auto-Assign: FALSE). */
    runAssignmentRules: boolean;
}

export interface Settings {
    /** Owner that the org's active lead assignment rule assigns to; null = no active rule. */
    leadAssignmentRuleOwnerId: string | null;
    /** Experience Cloud sites GET /connect/communities lists (tests change them). */
    sites: SimulatedSite[];
}

/** One site as the Connect REST API's Community response body gives it (the fields the service reads). */
export interface SimulatedSite {
    id: string;
    name: string;
    urlPathPrefix: string | null;
    siteUrl: string;
    status: 'Live' | 'Inactive' | 'UnderConstruction';
}

/** Restores one write; collected when a request is allOrNone, run in reverse on failure. */
export type Undo = () => void;

/** A record's fields as sent by the client, resolved against the schema. */
export type FieldValues = Map<FieldDef, unknown>;

/** Resolves field names of a JSON record; an unknown name fails the whole request, as in Salesforce. */
export function resolveJsonFields(
    obj: ObjectDef,
    record: Record<string, unknown>,
    skip: string[] = ['attributes']
): FieldValues {
    const out: FieldValues = new Map();
    for (const [name, value] of Object.entries(record)) {
        if (skip.includes(name)) continue;
        const f = obj.byName.get(name.toLowerCase());
        if (!f) throw new ApiError(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${obj.name}`);
        out.set(f, value);
    }
    return out;
}

export class Dml {
    private ownerCache = new Map<ObjectDef, Map<Value, RowError | null>>();
    private ownerCacheVersion = -1;

    constructor(
        private readonly store: Store,
        private readonly faults: Faults,
        readonly settings: Settings
    ) {}

    create(obj: ObjectDef, values: FieldValues, ctx: WriteContext, undo?: Undo[]): string {
        const table = this.store.table(obj.name)!;
        const parsed = this.parseAll(values, 'create');
        for (const f of obj.fields) {
            if (f.required && f.createable && !f.calculated && f.type !== 'boolean' && !f.autoNumberFormat) {
                const v = parsed.has(f) ? parsed.get(f) : (f.defaultValue ?? null);
                if (v === null || v === undefined) {
                    throw new RowError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${f.name}]`, [f.name]);
                }
            }
        }
        this.checkReferences(parsed);
        if (this.settings.leadAssignmentRuleOwnerId && ctx.runAssignmentRules && obj.name === 'Lead') {
            parsed.set(obj.byName.get('ownerid')!, this.settings.leadAssignmentRuleOwnerId);
        }
        const ownerField = obj.byName.get('ownerid');
        if (ownerField && parsed.has(ownerField)) this.checkOwner(obj, parsed.get(ownerField) ?? null);
        const row = table.append();
        const now = Date.now();
        for (const f of obj.fields) {
            if (f.defaultValue !== undefined && f.defaultValue !== null && !parsed.has(f))
                table.set(row, f, f.defaultValue);
            if (f.autoNumberFormat) table.set(row, f, table.nextAutoNumber(f.autoNumberFormat));
        }
        for (const [f, v] of parsed) table.set(row, f, v);
        this.store.stampCreate(table, row, now, ctx.userId);
        if (table.affectsOwnership) this.store.ownerVersion++;
        undo?.push(() => {
            table.deleted[row] = 1;
            table.liveCount--;
        });
        if (obj.name === 'ContentVersion') publishContentVersion(this.store, table, row, ctx.userId);
        return table.id(row);
    }

    /** Locates the record an update or delete names, with Salesforce's errors for bad Ids. */
    target(obj: ObjectDef, id: unknown): { table: Table; row: number; id: string } {
        if (!isWellFormedId(id) || id.slice(0, 3) !== obj.keyPrefix) {
            throw new RowError('MALFORMED_ID', `${obj.label} ID: id value of incorrect type: ${String(id)}`, ['Id']);
        }
        const loc = this.store.locate(id, true);
        if (!loc) throw new RowError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []);
        if (loc.table.deleted[loc.row] === 1) throw new RowError('ENTITY_IS_DELETED', 'entity is deleted', []);
        return { table: loc.table, row: loc.row, id: to18(id) };
    }

    update(obj: ObjectDef, id: unknown, values: FieldValues, ctx: WriteContext, undo?: Undo[]): string {
        const { table, row, id: fullId } = this.target(obj, id);
        const parsed = this.parseAll(values, 'update');
        this.checkReferences(parsed);
        const ownerField = obj.byName.get('ownerid');
        if (this.settings.leadAssignmentRuleOwnerId && ctx.runAssignmentRules && obj.name === 'Lead' && ownerField) {
            parsed.set(ownerField, this.settings.leadAssignmentRuleOwnerId);
        }
        if (ownerField && parsed.has(ownerField)) this.checkOwner(obj, parsed.get(ownerField) ?? null);
        for (const f of obj.fields) {
            if (f.required && parsed.has(f) && parsed.get(f) === null && f.type !== 'boolean') {
                throw new RowError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${f.name}]`, [f.name]);
            }
        }
        this.lockCheck(obj, fullId);
        if (undo) {
            const touched = [
                ...parsed.keys(),
                ...['LastModifiedDate', 'SystemModstamp', 'LastModifiedById']
                    .map((n) => table.field(n))
                    .filter((f) => f !== undefined)
            ];
            const before = touched.map((f) => [f, table.get(row, f)] as const);
            undo.push(() => {
                for (const [f, v] of before) table.set(row, f, v);
            });
        }
        for (const [f, v] of parsed) table.set(row, f, v);
        this.store.stampUpdate(table, row, Date.now(), ctx.userId);
        return fullId;
    }

    delete(obj: ObjectDef | undefined, id: unknown, ctx: WriteContext, undo?: Undo[]): string {
        const resolved = obj ?? (isWellFormedId(id) ? this.store.tableOfId(to18(id))?.object : undefined);
        if (!resolved) throw new RowError('MALFORMED_ID', `malformed id ${String(id)}`, []);
        const { table, row, id: fullId } = this.target(resolved, id);
        this.lockCheck(resolved, fullId);
        table.deleted[row] = 1;
        table.liveCount--;
        undo?.push(() => {
            table.deleted[row] = 0;
            table.liveCount++;
        });
        this.store.stampUpdate(table, row, Date.now(), ctx.userId);
        return fullId;
    }

    private lockCheck(obj: ObjectDef, id: string): void {
        if (this.faults.rowLocked(obj.name, id)) {
            throw new RowError(
                'UNABLE_TO_LOCK_ROW',
                `unable to obtain exclusive access to this record or 1 records: ${id}`,
                []
            );
        }
    }

    private parseAll(values: FieldValues, mode: 'create' | 'update'): Map<FieldDef, Value> {
        const out = new Map<FieldDef, Value>();
        const readOnly: string[] = [];
        for (const [f, raw] of values) {
            if (f.type === 'id') {
                if (mode === 'create') readOnly.push(f.name);
                continue;
            }
            if (mode === 'create' ? !f.createable : !f.updateable) {
                readOnly.push(f.name);
                continue;
            }
            out.set(f, parseValue(f, raw));
        }
        if (readOnly.length) {
            throw new RowError(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                readOnly
            );
        }
        return out;
    }

    private checkReferences(parsed: Map<FieldDef, Value>): void {
        for (const [f, v] of parsed) {
            if (f.type !== 'reference' || v === null || f.name === 'OwnerId') continue;
            const targetTable = this.store.tableOfId(v as string);
            const allowed = (f.referenceTo ?? []).map((r) => r.toLowerCase());
            if (!targetTable || (!allowed.includes('*') && !allowed.includes(targetTable.object.name.toLowerCase()))) {
                throw new RowError(
                    'FIELD_INTEGRITY_EXCEPTION',
                    `${f.label}: id value of incorrect type: ${String(v)}`,
                    [f.name]
                );
            }
            if (!this.store.locate(v))
                throw new RowError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]);
        }
    }

    /** OwnerId must be an active user, or a queue that supports the object. */
    checkOwner(obj: ObjectDef, ownerId: Value): void {
        if (this.ownerCacheVersion !== this.store.ownerVersion) {
            this.ownerCache.clear();
            this.ownerCacheVersion = this.store.ownerVersion;
        }
        let perObject = this.ownerCache.get(obj);
        if (!perObject) {
            perObject = new Map();
            this.ownerCache.set(obj, perObject);
        }
        let verdict = perObject.get(ownerId);
        if (verdict === undefined) {
            verdict = this.ownerVerdict(obj, ownerId);
            perObject.set(ownerId, verdict);
        }
        if (verdict) throw verdict;
    }

    private ownerVerdict(obj: ObjectDef, ownerId: Value): RowError | null {
        if (ownerId === null)
            return new RowError('FIELD_INTEGRITY_EXCEPTION', 'Owner ID: owner cannot be blank', ['OwnerId']);
        const loc = this.store.locate(ownerId);
        const kind = loc?.table.object.name;
        if (kind === 'User') {
            if (loc!.table.get(loc!.row, loc!.table.field('IsActive')!) !== true) {
                return new RowError(
                    'INACTIVE_OWNER_OR_USER',
                    `operation performed with inactive user [${String(ownerId)}] as owner of ${obj.name.toLowerCase()}`,
                    ['OwnerId']
                );
            }
            return null;
        }
        if (kind === 'Group') {
            const isQueue = loc!.table.get(loc!.row, loc!.table.field('Type')!) === 'Queue';
            const supports = this.store
                .findRows('QueueSobject', 'QueueId', ownerId)
                .some(
                    (r) =>
                        this.store
                            .table('QueueSobject')!
                            .get(r, this.store.describe('QueueSobject')!.byName.get('sobjecttype')!) === obj.name
                );
            if (isQueue && supports) return null;
            return new RowError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId']);
        }
        if (!isWellFormedId(ownerId))
            return new RowError('MALFORMED_ID', `Owner ID: id value of incorrect type: ${String(ownerId)}`, [
                'OwnerId'
            ]);
        if (!loc && (ownerId as string).startsWith('005'))
            return new RowError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId']);
        return new RowError('FIELD_INTEGRITY_EXCEPTION', `Owner ID: id value of incorrect type: ${String(ownerId)}`, [
            'OwnerId'
        ]);
    }
}

/**
 * Inserting a ContentVersion creates its ContentDocument and, with FirstPublishLocationId, the
 * ContentDocumentLink that shares it with that record, as Salesforce does.
 */
function publishContentVersion(store: Store, versions: Table, row: number, userId: string): void {
    const get = (name: string): Value => versions.get(row, versions.field(name)!);
    const data = String(get('VersionData') ?? '');
    const size = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
    const path = String(get('PathOnClient') ?? '');
    const extension = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : null;
    const versionId = versions.id(row);
    const documentId = store.insertRaw(
        'ContentDocument',
        {
            Title: get('Title'),
            FileExtension: extension,
            ContentSize: size,
            LatestPublishedVersionId: versionId,
            OwnerId: userId
        },
        Date.now(),
        userId
    );
    versions.set(row, versions.field('ContentDocumentId')!, documentId);
    versions.set(row, versions.field('ContentSize')!, size);
    versions.set(row, versions.field('IsLatest')!, true);
    if (extension) versions.set(row, versions.field('FileExtension')!, extension);
    const linked = get('FirstPublishLocationId');
    if (linked)
        store.insertRaw(
            'ContentDocumentLink',
            { ContentDocumentId: documentId, LinkedEntityId: linked, ShareType: 'V', Visibility: 'AllUsers' },
            Date.now(),
            userId
        );
}
