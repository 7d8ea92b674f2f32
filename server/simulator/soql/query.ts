// Past 400 lines: one compiler from a parsed query to column reads, with its ORDER BY, GROUP BY and aggregates.
/**
 * SOQL queries: parsed by @jetstreamapp/soql-parser-js, checked against the schema, and run over the
 * store's columns. Supports plain and parent-relationship fields, COUNT(), WHERE (AND/OR/NOT, =, !=,
 * <, >, <=, >=, IN, NOT IN, LIKE, INCLUDES/EXCLUDES, null, date literals, semi-joins), GROUP BY with
 * aggregates, ORDER BY, LIMIT and OFFSET. Anything else is answered with MALFORMED_QUERY.
 */
import { parseQuery, type FieldFunctionExpression, type OrderByClause, type Query } from '@jetstreamapp/soql-parser-js';
import { ApiError, malformedQuery } from '../errors';
import { to18 } from '../ids';
import type { ObjectDef } from '../schema';
import type { Located, Store, Table } from '../store';
import { formatDate, formatDateTime, type Value } from '../values';
import { checkUsable, resolvePath, type ResolvedPath } from './paths';
import { compileWhere, type Predicate } from './where';

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'MIN', 'MAX', 'AVG']);

interface AggregateColumn {
    kind: 'aggregate';
    fn: string;
    path: ResolvedPath | null;
    key: string;
    raw: string;
}
interface GroupColumn {
    kind: 'group';
    path: ResolvedPath;
    key: string;
}

interface OrderSpec {
    get: (row: number) => Value;
    desc: boolean;
    nullsLast: boolean;
    isId: boolean;
}

export interface CompiledQuery {
    store: Store;
    object: ObjectDef;
    table: Table;
    type: 'records' | 'count' | 'aggregate';
    columns: ResolvedPath[];
    groupBy: ResolvedPath[];
    aggregateColumns: (AggregateColumn | GroupColumn)[];
    predicate?: Predicate;
    includeDeleted: boolean;
    orderBy: OrderByClause[];
    limit?: number;
    offset?: number;
}

export interface CompileOptions {
    scanAll?: boolean;
}

function parse(soql: string): Query {
    try {
        return parseQuery(soql) as Query;
    } catch (e) {
        const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
        throw malformedQuery(`\n${soql}\nERROR at Row:1:Column:1\n${detail}`);
    }
}

export function compileQuery(store: Store, soql: string, options: CompileOptions = {}): CompiledQuery {
    if (!soql || !soql.trim()) throw malformedQuery('A query string is required (parameter q)');
    return compileParsed(store, parse(soql), options);
}

function compileParsed(store: Store, q: Query, options: CompileOptions): CompiledQuery {
    const unsupported = (what: string): never => {
        throw malformedQuery(`${what} is not supported by the org simulator`);
    };
    const extra = q as Query & {
        having?: unknown;
        for?: unknown;
        usingScope?: unknown;
        withDataCategory?: unknown;
        update?: unknown;
    };
    if (extra.having) unsupported('HAVING');
    if (extra.for) unsupported(`FOR ${String(extra.for)}`);
    if (extra.usingScope) unsupported('USING SCOPE');
    if (extra.withDataCategory) unsupported('WITH DATA CATEGORY');
    if (extra.update) unsupported('UPDATE TRACKING/VIEWSTAT');
    const object = store.describe(q.sObject ?? '');
    if (!object) {
        throw new ApiError(
            400,
            'INVALID_TYPE',
            `sObject type '${q.sObject ?? ''}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
        );
    }
    const table = store.table(object.name)!;
    const compiled: CompiledQuery = {
        store,
        object,
        table,
        type: 'records',
        columns: [],
        groupBy: [],
        aggregateColumns: [],
        includeDeleted: options.scanAll === true,
        orderBy: q.orderBy ? (Array.isArray(q.orderBy) ? q.orderBy : [q.orderBy]) : [],
        limit: q.limit,
        offset: q.offset
    };
    const fields = q.fields ?? [];
    const groupBy = q.groupBy ? (Array.isArray(q.groupBy) ? q.groupBy : [q.groupBy]) : [];
    for (const g of groupBy) {
        if (!('field' in g) || !g.field) unsupported('GROUP BY on functions (ROLLUP, CUBE, date functions)');
        const path = resolvePath(store, object, (g as { field: string }).field);
        checkUsable(path, 'grouped');
        compiled.groupBy.push(path);
    }
    const hasAggregate = fields.some(
        (f) => f.type === 'FieldFunctionExpression' && AGGREGATES.has((f.functionName ?? '').toUpperCase())
    );
    if (
        fields.length === 1 &&
        fields[0].type === 'FieldFunctionExpression' &&
        fields[0].functionName?.toUpperCase() === 'COUNT' &&
        (fields[0].parameters ?? []).length === 0
    ) {
        if (groupBy.length) unsupported('COUNT() with GROUP BY');
        compiled.type = 'count';
    } else if (hasAggregate || groupBy.length) {
        compiled.type = 'aggregate';
        let expr = 0;
        for (const f of fields) {
            if (f.type === 'FieldFunctionExpression') {
                const fn = (f.functionName ?? '').toUpperCase();
                if (!AGGREGATES.has(fn)) unsupported(`${f.functionName}()`);
                const param = (f as FieldFunctionExpression).parameters?.[0];
                if (typeof param !== 'string' && param !== undefined) unsupported(`nested functions in ${fn}()`);
                if (fn === 'COUNT' && param === undefined)
                    throw malformedQuery('COUNT() must be the only element in the SELECT list');
                const path = typeof param === 'string' ? resolvePath(store, object, param) : null;
                const key = f.alias ?? `expr${expr++}`;
                compiled.aggregateColumns.push({
                    kind: 'aggregate',
                    fn,
                    path,
                    key,
                    raw: (f.rawValue ?? '').toLowerCase()
                });
            } else if (f.type === 'Field' || f.type === 'FieldRelationship') {
                const raw =
                    f.type === 'Field' ? f.field : (f.rawValue ?? [...(f.relationships ?? []), f.field].join('.'));
                const path = resolvePath(store, object, raw);
                if (!compiled.groupBy.some((g) => g.canonical === path.canonical)) {
                    throw malformedQuery(`Field must be grouped or aggregated: ${path.fieldName}`);
                }
                compiled.aggregateColumns.push({
                    kind: 'group',
                    path,
                    key: (f as { alias?: string }).alias ?? path.fieldName
                });
            } else unsupported(`${f.type} in an aggregate query`);
        }
    } else {
        for (const f of fields) {
            if (f.type === 'Field') {
                if (f.field.includes('(')) unsupported(f.field);
                compiled.columns.push(resolvePath(store, object, f.field));
            } else if (f.type === 'FieldRelationship') {
                compiled.columns.push(
                    resolvePath(store, object, f.rawValue ?? [...f.relationships, f.field].join('.'))
                );
            } else if (f.type === 'FieldSubquery') unsupported('Child relationship subqueries in SELECT');
            else if (f.type === 'FieldTypeof') unsupported('TYPEOF');
            else if (f.type === 'FieldFunctionExpression') unsupported(`${f.functionName}() in SELECT`);
            else unsupported(String((f as { type: string }).type));
        }
    }
    compiled.predicate = compileWhere(store, object, q.where, (sub) => subqueryValues(store, sub as Query));
    // Resolved now so that bad ORDER BY fields fail when the query is submitted, not when it runs.
    if (compiled.type === 'records') orderSpecs(compiled);
    if (compiled.offset !== undefined && compiled.offset > 2000) {
        throw new ApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`);
    }
    return compiled;
}

function subqueryValues(store: Store, sub: Query): Set<string> {
    const compiled = compileParsed(store, sub, {});
    if (compiled.type !== 'records' || compiled.columns.length !== 1)
        throw malformedQuery('A semi-join subquery must select exactly one field');
    const col = compiled.columns[0];
    const idLike = col.type === 'id' || col.type === 'reference';
    const out = new Set<string>();
    for (const row of selectRows(compiled)) {
        const v = col.get(row);
        if (v !== null) out.add(idLike ? to18(String(v)) : String(v));
    }
    return out;
}

/** Rows matching the WHERE clause, in ORDER BY order, after OFFSET and LIMIT. */
export function selectRows(q: CompiledQuery): Int32Array {
    const { table, predicate } = q;
    const matched = new Int32Array(table.size);
    let n = 0;
    const deleted = table.deleted;
    for (let row = 0; row < table.size; row++) {
        if (deleted[row] === 1 && !q.includeDeleted) continue;
        if (predicate && !predicate(row)) continue;
        matched[n++] = row;
    }
    let rows: Int32Array = matched.subarray(0, n);
    if (q.orderBy.length) rows = sortRows(q, rows);
    const start = Math.min(q.offset ?? 0, rows.length);
    const end = q.limit !== undefined ? Math.min(rows.length, start + q.limit) : rows.length;
    return rows.slice(start, end);
}

function orderSpecs(q: CompiledQuery): OrderSpec[] {
    return q.orderBy.map((o) => {
        const oc = o as OrderByClause & { field?: string; fn?: unknown };
        if (!oc.field) throw malformedQuery('ORDER BY on functions is only supported in aggregate queries');
        const path = resolvePath(q.store, q.object, oc.field);
        checkUsable(path, 'sorted');
        const desc = (o.order ?? 'ASC').toUpperCase() === 'DESC';
        const nullsLast = o.nulls ? o.nulls.toUpperCase() === 'LAST' : desc;
        return { get: path.get, desc, nullsLast, isId: path.type === 'id' && path.hops.length === 0 };
    });
}

function compareValues(a: Value, b: Value): number {
    if (typeof a === 'string' && typeof b === 'string') {
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a === b) return 0;
    return (a as number) < (b as number) ? -1 : 1;
}

function sortRows(q: CompiledQuery, rows: Int32Array): Int32Array {
    const specs = orderSpecs(q);
    if (specs.length === 1 && specs[0].isId) return specs[0].desc ? rows.slice().reverse() : rows;
    const keys = specs.map((s) => {
        const values: Value[] = new Array(rows.length);
        for (let i = 0; i < rows.length; i++) values[i] = s.get(rows[i]);
        return values;
    });
    const index = Array.from({ length: rows.length }, (_v, i) => i);
    index.sort((i, j) => {
        for (let k = 0; k < specs.length; k++) {
            const s = specs[k];
            const a = keys[k][i];
            const b = keys[k][j];
            if (a === b) continue;
            if (a === null) return s.nullsLast ? 1 : -1;
            if (b === null) return s.nullsLast ? -1 : 1;
            const c = compareValues(a, b);
            if (c !== 0) return s.desc ? -c : c;
        }
        return rows[i] - rows[j];
    });
    const out = new Int32Array(rows.length);
    for (let i = 0; i < index.length; i++) out[i] = rows[index[i]];
    return out;
}

export function countRows(q: CompiledQuery): number {
    const { table, predicate } = q;
    let n = 0;
    for (let row = 0; row < table.size; row++) {
        if (table.deleted[row] === 1 && !q.includeDeleted) continue;
        if (predicate && !predicate(row)) continue;
        n++;
    }
    const afterOffset = Math.max(0, n - (q.offset ?? 0));
    return q.limit !== undefined ? Math.min(afterOffset, q.limit) : afterOffset;
}

function formatForJson(path: ResolvedPath, v: Value): Value {
    if (v === null) return null;
    if (path.type === 'datetime') return formatDateTime(v as number);
    if (path.type === 'date') return formatDate(v as number);
    return v;
}

/** Aggregate query results as AggregateResult records. */
export function aggregateRows(q: CompiledQuery): Record<string, unknown>[] {
    const groups = new Map<Value, { sample: number; rows: number[] }>();
    const { table, predicate } = q;
    const single = q.groupBy.length === 1 ? q.groupBy[0].get : undefined;
    const keyOf = (row: number): Value =>
        single ? single(row) : q.groupBy.length ? q.groupBy.map((g) => String(g.get(row))).join('\u0001') : '';
    for (let row = 0; row < table.size; row++) {
        if (table.deleted[row] === 1 && !q.includeDeleted) continue;
        if (predicate && !predicate(row)) continue;
        const key = keyOf(row);
        let g = groups.get(key);
        if (!g) {
            g = { sample: row, rows: [] };
            groups.set(key, g);
        }
        g.rows.push(row);
    }
    if (!q.groupBy.length && groups.size === 0) groups.set('', { sample: -1, rows: [] });
    const out: { record: Record<string, unknown>; sortKeys: Map<string, Value> }[] = [];
    for (const g of groups.values()) {
        const record: Record<string, unknown> = { attributes: { type: 'AggregateResult' } };
        const sortKeys = new Map<string, Value>();
        for (const c of q.aggregateColumns) {
            if (c.kind === 'group') {
                const v = g.sample >= 0 ? c.path.get(g.sample) : null;
                record[c.key] = formatForJson(c.path, v);
                sortKeys.set(c.path.canonical.toLowerCase(), v);
            } else {
                const v = aggregateValue(c, g.rows);
                record[c.key] = c.path && (c.fn === 'MIN' || c.fn === 'MAX') ? formatForJson(c.path, v) : v;
                sortKeys.set(c.raw, v);
                sortKeys.set(c.key.toLowerCase(), v);
            }
        }
        for (const gb of q.groupBy)
            if (!sortKeys.has(gb.canonical.toLowerCase())) sortKeys.set(gb.canonical.toLowerCase(), gb.get(g.sample));
        out.push({ record, sortKeys });
    }
    if (q.orderBy.length) {
        const specs = q.orderBy.map((o) => {
            const oc = o as OrderByClause & { field?: string; fn?: { rawValue?: string } };
            const key = (
                oc.field ? resolvePath(q.store, q.object, oc.field).canonical : (oc.fn?.rawValue ?? '')
            ).toLowerCase();
            const desc = (o.order ?? 'ASC').toUpperCase() === 'DESC';
            return { key, desc, nullsLast: o.nulls ? o.nulls.toUpperCase() === 'LAST' : desc };
        });
        out.sort((a, b) => {
            for (const s of specs) {
                const x = a.sortKeys.get(s.key) ?? null;
                const y = b.sortKeys.get(s.key) ?? null;
                if (x === y) continue;
                if (x === null) return s.nullsLast ? 1 : -1;
                if (y === null) return s.nullsLast ? -1 : 1;
                const c = compareValues(x, y);
                if (c !== 0) return s.desc ? -c : c;
            }
            return 0;
        });
    }
    const start = Math.min(q.offset ?? 0, out.length);
    const end = q.limit !== undefined ? Math.min(out.length, start + q.limit) : out.length;
    return out.slice(start, end).map((o) => o.record);
}

function aggregateValue(c: AggregateColumn, rows: number[]): Value {
    if (c.fn === 'COUNT' && !c.path) return rows.length;
    const values: Value[] = [];
    for (const r of rows) {
        const v = c.path!.get(r);
        if (v !== null) values.push(v);
    }
    switch (c.fn) {
        case 'COUNT':
            return values.length;
        case 'COUNT_DISTINCT':
            return new Set(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v))).size;
        case 'SUM':
            return values.length ? values.reduce<number>((a, v) => a + (v as number), 0) : null;
        case 'AVG':
            return values.length ? values.reduce<number>((a, v) => a + (v as number), 0) / values.length : null;
        case 'MIN':
            return values.length ? values.reduce((a, v) => (compareValues(v, a) < 0 ? v : a)) : null;
        case 'MAX':
            return values.length ? values.reduce((a, v) => (compareValues(v, a) > 0 ? v : a)) : null;
        default:
            return null;
    }
}

/** One row as a REST query record: attributes, then the selected fields nested by relationship. */
export function recordJson(q: CompiledQuery, row: number, version: string): Record<string, unknown> {
    const table = q.table;
    const id = table.id(row);
    const record: Record<string, unknown> = {
        attributes: { type: q.object.name, url: `/services/data/v${version}/sobjects/${q.object.name}/${id}` }
    };
    for (const col of q.columns) {
        if (col.hops.length === 0) {
            // Base64 fields come back as the URL of their content, as in Salesforce.
            record[col.fieldName] =
                col.type === 'base64'
                    ? `/services/data/v${version}/sobjects/${q.object.name}/${id}/${col.fieldName}`
                    : formatForJson(col, col.get(row));
            continue;
        }
        let node = record;
        let table_: Table | null = table;
        let r = row;
        let broken = false;
        for (const hop of col.hops) {
            const existing = node[hop.relationshipName];
            if (existing === null) {
                broken = true;
                break;
            }
            const parentId: string | null = table_ ? (table_.get(r, hop.via) as string | null) : null;
            const loc: Located | undefined = parentId ? q.store.locate(parentId) : undefined;
            if (!loc) {
                node[hop.relationshipName] = null;
                broken = true;
                break;
            }
            if (existing === undefined) {
                node[hop.relationshipName] = {
                    attributes: {
                        type: hop.polymorphic ? 'Name' : loc.table.object.name,
                        url: `/services/data/v${version}/sobjects/${loc.table.object.name}/${loc.table.id(loc.row)}`
                    }
                };
            }
            node = node[hop.relationshipName] as Record<string, unknown>;
            table_ = loc.table;
            r = loc.row;
        }
        if (!broken) node[col.fieldName] = formatForJson(col, col.get(row));
    }
    return record;
}
