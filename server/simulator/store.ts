/**
 * The simulator's in-memory data: one columnar table per sObject. Ids are derived from row numbers
 * (see ids.ts); strings are dictionary-encoded (an Int32Array of codes per column), numbers, dates and
 * datetimes live in Float64Arrays (NaN = null), booleans in Uint8Arrays. A million leads fit in well
 * under 200 MB this way.
 */
import { isWellFormedId, makeId, rowOfId } from './ids';
import { loadProjectMetadata } from './metadata';
import { makeObject, STANDARD_OBJECTS, storageOf, type FieldDef, type ObjectDef } from './schema';
import type { Value } from './values';

interface StringColumn {
    kind: 'string';
    codes: Int32Array;
    dict: string[];
    index: Map<string, number>;
}
interface NumberColumn {
    kind: 'number';
    values: Float64Array;
}
interface BoolColumn {
    kind: 'boolean';
    values: Uint8Array;
}
type Column = StringColumn | NumberColumn | BoolColumn;

const INITIAL_CAPACITY = 64;

export class Table {
    size = 0;
    liveCount = 0;
    private capacity = INITIAL_CAPACITY;
    deleted = new Uint8Array(INITIAL_CAPACITY);
    private readonly columns = new Map<FieldDef, Column>();
    private autoNumber = 0;
    /** Writes to users, queues and queue objects change who may own records. */
    readonly affectsOwnership: boolean;
    readonly audit: { modified?: FieldDef; stamp?: FieldDef; modifiedBy?: FieldDef };

    constructor(readonly object: ObjectDef) {
        this.affectsOwnership = ['user', 'group', 'queuesobject'].includes(object.name.toLowerCase());
        this.audit = {
            modified: object.byName.get('lastmodifieddate'),
            stamp: object.byName.get('systemmodstamp'),
            modifiedBy: object.byName.get('lastmodifiedbyid')
        };
        for (const f of object.fields) {
            // IsDeleted reads the `deleted` flags; it needs no column of its own.
            if (f.name === 'IsDeleted') continue;
            const storage = storageOf(f);
            if (storage === 'string')
                this.columns.set(f, {
                    kind: 'string',
                    codes: new Int32Array(INITIAL_CAPACITY),
                    dict: [''],
                    index: new Map()
                });
            else if (storage === 'number')
                this.columns.set(f, { kind: 'number', values: new Float64Array(INITIAL_CAPACITY).fill(NaN) });
            else if (storage === 'boolean')
                this.columns.set(f, { kind: 'boolean', values: new Uint8Array(INITIAL_CAPACITY) });
        }
    }

    field(name: string): FieldDef | undefined {
        return this.object.byName.get(name.toLowerCase());
    }

    id(row: number): string {
        return makeId(this.object.keyPrefix, row);
    }

    /** Appends an empty row (booleans false, everything else null) and returns its number. */
    append(): number {
        if (this.size === this.capacity) this.grow(this.capacity * 2);
        const row = this.size++;
        this.liveCount++;
        return row;
    }

    /** Reserves room for `extra` more rows at once (sample data uses this before a million inserts). */
    reserve(extra: number): void {
        if (this.size + extra > this.capacity) this.grow(this.size + extra);
    }

    private grow(capacity: number): void {
        this.capacity = capacity;
        const deleted = new Uint8Array(capacity);
        deleted.set(this.deleted);
        this.deleted = deleted;
        for (const col of this.columns.values()) {
            if (col.kind === 'string') {
                const codes = new Int32Array(capacity);
                codes.set(col.codes);
                col.codes = codes;
            } else if (col.kind === 'number') {
                const values = new Float64Array(capacity).fill(NaN);
                values.set(col.values);
                col.values = values;
            } else {
                const values = new Uint8Array(capacity);
                values.set(col.values);
                col.values = values;
            }
        }
    }

    isLive(row: number): boolean {
        return row >= 0 && row < this.size && this.deleted[row] === 0;
    }

    get(row: number, f: FieldDef): Value {
        if (f.type === 'id') return this.id(row);
        if (f.calculated) return this.computed(row, f);
        if (f.name === 'IsDeleted') return this.deleted[row] === 1;
        const col = this.columns.get(f);
        if (!col) return null;
        if (col.kind === 'string') {
            const code = col.codes[row];
            return code === 0 ? null : col.dict[code];
        }
        if (col.kind === 'number') {
            const v = col.values[row];
            return Number.isNaN(v) ? null : v;
        }
        return col.values[row] === 1;
    }

    set(row: number, f: FieldDef, v: Value): void {
        if (f.name === 'IsDeleted') {
            this.deleted[row] = v === true ? 1 : 0;
            return;
        }
        const col = this.columns.get(f);
        if (!col) return;
        if (col.kind === 'string') col.codes[row] = v === null ? 0 : this.codeOf(col, String(v));
        else if (col.kind === 'number') col.values[row] = v === null ? NaN : (v as number);
        else col.values[row] = v === true ? 1 : 0;
    }

    /** A setter bound to one column, for loops that write many rows (sample data). */
    setter(f: FieldDef): (row: number, v: Value) => void {
        const col = this.columns.get(f);
        if (!col) return () => undefined;
        if (col.kind === 'string') return (row, v) => (col.codes[row] = v === null ? 0 : this.codeOf(col, String(v)));
        if (col.kind === 'number') return (row, v) => (col.values[row] = v === null ? NaN : (v as number));
        return (row, v) => (col.values[row] = v === true ? 1 : 0);
    }

    /** For string columns: interns values once, then writes codes (sample data's million-row loops). */
    encoder(f: FieldDef): { code(v: string): number; put(row: number, code: number): void } {
        const col = this.columns.get(f);
        if (!col || col.kind !== 'string') throw new Error(`${f.name} is not a string column`);
        return { code: (v) => this.codeOf(col, v), put: (row, code) => (col.codes[row] = code) };
    }

    /** Dictionary code of `value` in a string column, for fast equality scans; -1 when absent. */
    codeFor(f: FieldDef, value: string): number {
        const col = this.columns.get(f);
        if (!col || col.kind !== 'string') return -1;
        return col.index.get(value) ?? -1;
    }

    /** The raw code array of a string column (0 = null), for scans. */
    codes(f: FieldDef): Int32Array | undefined {
        const col = this.columns.get(f);
        return col?.kind === 'string' ? col.codes : undefined;
    }

    private codeOf(col: StringColumn, value: string): number {
        let code = col.index.get(value);
        if (code === undefined) {
            code = col.dict.length;
            col.dict.push(value);
            col.index.set(value, code);
        }
        return code;
    }

    private computed(row: number, f: FieldDef): Value {
        if (f.name === 'Name') {
            const first = this.get(row, this.object.byName.get('firstname')!);
            const last = this.get(row, this.object.byName.get('lastname')!);
            return [first, last].filter((p) => p !== null && p !== '').join(' ') || null;
        }
        return null;
    }

    nextAutoNumber(format: string): string {
        this.autoNumber++;
        return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(this.autoNumber).padStart(zeros.length, '0'));
    }
}

export interface StoreOptions {
    /** Package folder (force-app) whose objects/ folders hold the custom objects and fields to read; null to skip. */
    sourceDir?: string | null;
}

export interface Located {
    table: Table;
    row: number;
}

export class Store {
    readonly objects = new Map<string, ObjectDef>();
    private readonly tables = new Map<string, Table>();
    private readonly byPrefix = new Map<string, Table>();
    /** Bumped on every write to User, Group or QueueSobject, so owner checks can be cached. */
    ownerVersion = 0;
    orgId = '';
    /** The user the simulator acts as when none is given (the integration user). */
    integrationUserId = '';

    constructor(options: StoreOptions = {}) {
        for (const spec of STANDARD_OBJECTS)
            this.objects.set(spec.name.toLowerCase(), makeObject({ ...spec, custom: false }));
        if (options.sourceDir) loadProjectMetadata(options.sourceDir, this.objects);
        for (const obj of this.objects.values()) {
            const table = new Table(obj);
            this.tables.set(obj.name.toLowerCase(), table);
            this.byPrefix.set(obj.keyPrefix, table);
        }
        this.linkChildRelationships();
        const now = Date.now();
        this.orgId = this.insertRaw(
            'Organization',
            {
                Name: 'Partner Desk Simulator',
                IsSandbox: true,
                OrganizationType: 'Developer Edition',
                InstanceName: 'SIM1'
            },
            now
        );
        this.integrationUserId = this.insertRaw(
            'User',
            {
                Username: 'integration@partnerdesk.sim',
                FirstName: 'Integration',
                LastName: 'User',
                Email: 'integration@partnerdesk.sim',
                Alias: 'integ',
                IsActive: true,
                UserType: 'Standard'
            },
            now
        );
    }

    private linkChildRelationships(): void {
        for (const obj of this.objects.values()) {
            for (const f of obj.fields) {
                if (f.type !== 'reference' || !f.referenceTo) continue;
                for (const parent of f.referenceTo.filter((r) => r !== '*')) {
                    const p = this.objects.get(parent.toLowerCase());
                    p?.childRelationships.push({
                        childSObject: obj.name,
                        field: f.name,
                        relationshipName: f.childRelationshipName ?? null
                    });
                }
            }
        }
    }

    describe(name: string): ObjectDef | undefined {
        return this.objects.get(name.toLowerCase());
    }

    table(name: string): Table | undefined {
        return this.tables.get(name.toLowerCase());
    }

    tableOfId(id: string): Table | undefined {
        return this.byPrefix.get(id.slice(0, 3));
    }

    /** Finds a record by a 15- or 18-character Id; deleted records only when `includeDeleted`. */
    locate(id: unknown, includeDeleted = false): Located | undefined {
        if (!isWellFormedId(id)) return undefined;
        const table = this.byPrefix.get(id.slice(0, 3));
        if (!table) return undefined;
        // Fixed-width base-62 counters: a valid Id decodes to exactly one row.
        const row = rowOfId(id);
        if (row < 0 || row >= table.size) return undefined;
        if (!includeDeleted && table.deleted[row] === 1) return undefined;
        return { table, row };
    }

    /** Reads one field of a record by Id (for tests and hooks). */
    getField(id: string, fieldName: string): Value | undefined {
        const loc = this.locate(id);
        const f = loc?.table.field(fieldName);
        return loc && f ? loc.table.get(loc.row, f) : undefined;
    }

    /** Inserts without validation (sample data and bootstrap); values are already in stored form. */
    insertRaw(
        objectName: string,
        values: Record<string, Value>,
        now = Date.now(),
        userId = this.integrationUserId
    ): string {
        const table = this.table(objectName);
        if (!table) throw new Error(`Unknown object ${objectName}`);
        const row = table.append();
        const obj = table.object;
        for (const f of obj.fields) {
            if (f.defaultValue !== undefined && f.defaultValue !== null) table.set(row, f, f.defaultValue);
            if (f.autoNumberFormat) table.set(row, f, table.nextAutoNumber(f.autoNumberFormat));
        }
        this.stampCreate(table, row, now, userId || null);
        for (const [name, v] of Object.entries(values)) {
            const f = table.field(name);
            if (!f) throw new Error(`Unknown field ${objectName}.${name}`);
            table.set(row, f, v);
        }
        if (table.affectsOwnership) this.ownerVersion++;
        return table.id(row);
    }

    stampCreate(table: Table, row: number, now: number, userId: string | null): void {
        const set = (name: string, v: Value): void => {
            const f = table.field(name);
            if (f) table.set(row, f, v);
        };
        set('CreatedDate', now);
        set('LastModifiedDate', now);
        set('SystemModstamp', now);
        set('CreatedById', userId);
        set('LastModifiedById', userId);
        if (table.object.byName.has('ownerid') && userId && table.get(row, table.field('OwnerId')!) === null)
            set('OwnerId', userId);
    }

    stampUpdate(table: Table, row: number, now: number, userId: string): void {
        const { modified, stamp, modifiedBy } = table.audit;
        if (modified) table.set(row, modified, now);
        if (stamp) table.set(row, stamp, now);
        if (modifiedBy) table.set(row, modifiedBy, userId);
        if (table.affectsOwnership) this.ownerVersion++;
    }

    /** Rows of `objectName` whose `fieldName` equals `value` (small tables: users, queues, members). */
    findRows(objectName: string, fieldName: string, value: Value): number[] {
        const table = this.table(objectName);
        const f = table?.field(fieldName);
        if (!table || !f) return [];
        const rows: number[] = [];
        for (let row = 0; row < table.size; row++) {
            if (table.deleted[row] === 0 && table.get(row, f) === value) rows.push(row);
        }
        return rows;
    }

    /** Id of the first live record of `objectName` whose `fieldName` equals `value`. */
    findId(objectName: string, fieldName: string, value: Value): string | undefined {
        const row = this.findRows(objectName, fieldName, value)[0];
        return row === undefined ? undefined : this.table(objectName)!.id(row);
    }

    /** Counts of live records per object, for the CLI and stats. */
    counts(): Record<string, number> {
        const out: Record<string, number> = {};
        for (const t of this.tables.values()) if (t.liveCount > 0) out[t.object.name] = t.liveCount;
        return out;
    }
}
