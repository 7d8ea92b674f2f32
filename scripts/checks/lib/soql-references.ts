/**
 * The schema names one SOQL query uses, from the tree @jetstreamapp/soql-parser-js builds: the FROM object,
 * selected fields and relationship paths, child subqueries, TYPEOF branches, function arguments, and the
 * fields of WHERE / GROUP BY / HAVING / ORDER BY (semi-join subqueries included).
 */
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { FieldType, Query, Subquery } from '@jetstreamapp/soql-parser-js';
import { fieldPath, type PathStep, type SchemaReference } from './schema-reference';

export interface QueryLocation {
    file: string;
    /** Line where the query text starts. */
    line: number;
    /** The query text as written (used to find the line of each name). */
    text: string;
    source: string;
}

/** Parses SOQL; bind variables must already be simple (`:name`). Throws with a one-line message on a parse error. */
export function parseSoql(soql: string): Query {
    try {
        // ignoreParseErrors must be given: the library rebuilds its (slow to build) parser whenever the
        // option differs from the cached parser's, and `undefined` differs from `false`.
        return parseQuery(soql, { allowApexBindVariables: true, ignoreParseErrors: false });
    } catch (e) {
        const first = String((e as Error).message ?? e).split('\n')[0];
        throw new Error(first.length > 200 ? `${first.slice(0, 200)}…` : first);
    }
}

const IDENTIFIER_PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

function escapeRegExp(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

class ReferenceCollector {
    readonly refs: SchemaReference[] = [];

    constructor(readonly where: QueryLocation) {}

    lineOf(name: string): number {
        const match = new RegExp(`(^|[^A-Za-z0-9_.])${escapeRegExp(name)}($|[^A-Za-z0-9_])`, 'i').exec(this.where.text);
        if (!match) {
            return this.where.line;
        }
        const before = this.where.text.slice(0, match.index);
        return this.where.line + (before.match(/\n/g)?.length ?? 0);
    }

    add(object: string, prefix: PathStep[], path: string, display: string): void {
        if (!IDENTIFIER_PATH.test(path)) {
            return;
        }
        this.refs.push({
            file: this.where.file,
            line: this.lineOf(display.split('.').pop() === path.split('.').pop() ? display : path),
            source: this.where.source,
            object,
            steps: [...prefix, ...fieldPath(path)],
            display
        });
    }

    addObject(object: string): void {
        this.refs.push({
            file: this.where.file,
            line: this.lineOf(object),
            source: this.where.source,
            object,
            steps: [],
            display: object
        });
    }
}

/** Strips a leading `alias.` or `Object.` qualifier. */
function unqualify(path: string, qualifiers: string[]): string {
    const parts = path.split('.');
    if (parts.length > 1 && qualifiers.includes(parts[0].toLowerCase())) {
        return parts.slice(1).join('.');
    }
    return path;
}

type FnLike = { functionName?: string; parameters?: Array<string | FnLike> };

function functionFields(fn: FnLike): string[] {
    if ((fn.functionName ?? '').toUpperCase() === 'FIELDS') {
        return [];
    }
    const out: string[] = [];
    for (const p of fn.parameters ?? []) {
        if (typeof p === 'string') {
            if (IDENTIFIER_PATH.test(p)) {
                out.push(p);
            }
        } else {
            out.push(...functionFields(p));
        }
    }
    return out;
}

function visitQuery(
    c: ReferenceCollector,
    object: string,
    prefix: PathStep[],
    query: Query | Subquery,
    qualifiers: string[]
): void {
    const field = (path: string): void => {
        const p = unqualify(path, qualifiers);
        c.add(object, prefix, p, prefix.length > 0 ? `${prefix.map((s) => s.name).join('.')}.${p}` : p);
    };
    for (const f of (query.fields ?? []) as FieldType[]) {
        switch (f.type) {
            case 'Field':
                field(f.field);
                break;
            case 'FieldRelationship':
                field([...f.relationships, f.field].join('.'));
                break;
            case 'FieldFunctionExpression':
                functionFields(f).forEach(field);
                break;
            case 'FieldSubquery': {
                const sub = f.subquery;
                const childPrefix: PathStep[] = [...prefix, { name: sub.relationshipName, kind: 'child' }];
                c.refs.push({
                    file: c.where.file,
                    line: c.lineOf(sub.relationshipName),
                    source: c.where.source,
                    object,
                    steps: childPrefix,
                    display: childPrefix.map((s) => s.name).join('.')
                });
                visitQuery(c, object, childPrefix, sub, [sub.relationshipName.toLowerCase()]);
                break;
            }
            case 'FieldTypeof': {
                field(f.field);
                for (const cond of f.conditions) {
                    if (cond.type === 'WHEN' && cond.objectType) {
                        c.addObject(cond.objectType);
                        cond.fieldList.forEach((name) =>
                            c.add(cond.objectType as string, [], name, `${cond.objectType}.${name}`)
                        );
                    } else {
                        // ELSE fields are read from the polymorphic Name type.
                        cond.fieldList.forEach((name) => c.add('Name', [], name, `${f.field}.${name}`));
                    }
                }
                break;
            }
        }
    }
    const visitCondition = (node: unknown): void => {
        if (node === null || typeof node !== 'object') {
            return;
        }
        const n = node as { field?: unknown; fn?: FnLike; valueQuery?: Query; left?: unknown; right?: unknown };
        if (typeof n.field === 'string') {
            field(n.field);
        }
        if (n.fn) {
            functionFields(n.fn).forEach(field);
        }
        if (n.valueQuery) {
            visitTopLevel(c, n.valueQuery);
        }
        visitCondition(n.left);
        visitCondition(n.right);
    };
    visitCondition(query.where);
    visitCondition(query.having);
    const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    for (const g of list(query.groupBy)) {
        if ('field' in g && typeof g.field === 'string') {
            field(g.field);
        } else if ('fn' in g && g.fn) {
            functionFields(g.fn as FnLike).forEach(field);
        }
    }
    for (const o of list(query.orderBy)) {
        if ('field' in o && typeof o.field === 'string') {
            field(o.field);
        } else if ('fn' in o && o.fn) {
            functionFields(o.fn as FnLike).forEach(field);
        }
    }
}

function visitTopLevel(c: ReferenceCollector, query: Query): void {
    if (!query.sObject) {
        return;
    }
    c.addObject(query.sObject);
    const qualifiers = [query.sObject.toLowerCase()];
    if (query.sObjectAlias) {
        qualifiers.push(query.sObjectAlias.toLowerCase());
    }
    visitQuery(c, query.sObject, [], query, qualifiers);
}

/** Every schema name a parsed query uses, each with the line (within `where.text`) it appears on. */
export function queryReferences(query: Query, where: QueryLocation): SchemaReference[] {
    const c = new ReferenceCollector(where);
    visitTopLevel(c, query);
    return c.refs;
}
