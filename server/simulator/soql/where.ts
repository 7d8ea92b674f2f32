/**
 * WHERE clauses: the parser gives a right-leaning chain with parenthesis counts on each condition;
 * this rebuilds the boolean tree (NOT > AND > OR) and compiles it to a row predicate.
 */
import type { Condition, WhereClause } from '@jetstreamapp/soql-parser-js';
import { ApiError, malformedQuery } from '../errors';
import { isWellFormedId, to18 } from '../ids';
import type { ObjectDef } from '../schema';
import type { Store } from '../store';
import { parseDate, parseDateTime, type Value } from '../values';
import { dateLiteralRange, type Range } from './dateLiterals';
import { checkUsable, resolvePath, type ResolvedPath } from './paths';

export type Predicate = (row: number) => boolean;

/** Runs a semi-join subquery and returns the values of its one field. */
export type SubqueryRunner = (query: unknown) => Set<string>;

type Token =
    | { kind: 'cond'; cond: Condition }
    | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
    | { kind: 'paren'; open: boolean };

function tokenize(where: WhereClause | undefined, out: Token[] = []): Token[] {
    if (!where) return out;
    const left = where.left as (Condition & { openParen?: number; closeParen?: number }) | null;
    if (left) {
        for (let i = 0; i < (left.openParen ?? 0); i++) out.push({ kind: 'paren', open: true });
        out.push({ kind: 'cond', cond: left });
        for (let i = 0; i < (left.closeParen ?? 0); i++) out.push({ kind: 'paren', open: false });
    }
    const chain = where as { operator?: string; right?: WhereClause };
    if (chain.operator) out.push({ kind: 'op', op: chain.operator as 'AND' | 'OR' | 'NOT' });
    if (chain.right) tokenize(chain.right, out);
    return out;
}

/** The literal's text as a JavaScript string: strips quotes and resolves SOQL escapes. */
export function unquote(raw: string): string {
    if (!raw.startsWith("'")) return raw;
    return raw
        .slice(1, -1)
        .replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' })[c] ?? c);
}

function likeToRegExp(pattern: string): RegExp {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\' && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        else if (c === '%') re += '.*';
        else if (c === '_') re += '.';
        else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, 'is');
}

type Literal = { kind: 'value'; value: Value } | { kind: 'range'; range: Range };

class Compiler {
    constructor(
        private readonly store: Store,
        private readonly root: ObjectDef,
        private readonly runSubquery: SubqueryRunner
    ) {}

    compile(tokens: Token[]): Predicate {
        let pos = 0;
        const peek = (): Token | undefined => tokens[pos];
        const parseOr = (): Predicate => {
            const parts = [parseAnd()];
            while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'OR') {
                pos++;
                parts.push(parseAnd());
            }
            return parts.length === 1 ? parts[0] : (row) => parts.some((p) => p(row));
        };
        const parseAnd = (): Predicate => {
            const parts = [parseNot()];
            while (peek()?.kind === 'op' && (peek() as { op: string }).op === 'AND') {
                pos++;
                parts.push(parseNot());
            }
            if (parts.length === 1) return parts[0];
            if (parts.length === 2) {
                const [a, b] = parts;
                return (row) => a(row) && b(row);
            }
            return (row) => parts.every((p) => p(row));
        };
        const parseNot = (): Predicate => {
            const t = peek();
            if (t?.kind === 'op' && t.op === 'NOT') {
                pos++;
                const inner = parseNot();
                return (row) => !inner(row);
            }
            return parseAtom();
        };
        const parseAtom = (): Predicate => {
            const t = tokens[pos++];
            if (!t) throw malformedQuery('unexpected end of WHERE clause');
            if (t.kind === 'paren' && t.open) {
                const inner = parseOr();
                const close = tokens[pos++];
                if (!close || close.kind !== 'paren' || close.open)
                    throw malformedQuery('unbalanced parentheses in WHERE clause');
                return inner;
            }
            if (t.kind === 'cond') return this.condition(t.cond);
            throw malformedQuery('unexpected token in WHERE clause');
        };
        const predicate = parseOr();
        if (pos !== tokens.length) throw malformedQuery('unexpected token in WHERE clause');
        return predicate;
    }

    private condition(cond: Condition): Predicate {
        const c = cond as Condition & {
            field?: string;
            fn?: { rawValue?: string };
            operator: string;
            value?: string | string[];
            literalType?: string | string[];
            dateLiteralVariable?: number | number[];
            valueQuery?: unknown;
        };
        if (!c.field)
            throw malformedQuery(`${c.fn?.rawValue ?? 'Functions'} in WHERE is not supported by the org simulator`);
        const path = resolvePath(this.store, this.root, c.field);
        checkUsable(path, 'filtered');
        const op = c.operator.toUpperCase();
        if (c.valueQuery) {
            if (op !== 'IN' && op !== 'NOT IN') throw malformedQuery('Semi-join subqueries need IN or NOT IN');
            const values = this.runSubquery(c.valueQuery);
            const get = path.get;
            const idLike = path.type === 'id' || path.type === 'reference';
            const has = (row: number): boolean => {
                const v = get(row);
                return v !== null && values.has(idLike ? to18(String(v)) : String(v));
            };
            return op === 'IN' ? has : (row) => !has(row);
        }
        if (op === 'IN' || op === 'NOT IN' || op === 'INCLUDES' || op === 'EXCLUDES') {
            const raws = Array.isArray(c.value) ? c.value : [c.value ?? ''];
            const types = Array.isArray(c.literalType) ? c.literalType : raws.map(() => c.literalType as string);
            const literals = raws.map((r, i) => this.literal(path, r, types[i] ?? 'STRING', undefined));
            if (op === 'INCLUDES' || op === 'EXCLUDES') return this.includes(path, literals, op === 'EXCLUDES');
            let any: Predicate;
            if (path.type === 'id' && path.hops.length === 0) {
                const rows = new Set(literals.map((l) => this.rowOf((l as { value: Value }).value)));
                any = (row) => rows.has(row);
            } else {
                const eqs = literals.map((l) => this.compare(path, '=', l));
                any = (row) => eqs.some((p) => p(row));
            }
            return op === 'IN' ? any : (row) => !any(row);
        }
        const literal = this.literal(
            path,
            c.value as string,
            (c.literalType as string) ?? 'STRING',
            c.dateLiteralVariable as number | undefined
        );
        return this.compare(path, op === '<>' ? '!=' : op, literal);
    }

    private literal(path: ResolvedPath, raw: string, literalType: string, n: number | undefined): Literal {
        const t = path.type;
        const wrongType = (expected: string): ApiError =>
            new ApiError(
                400,
                'INVALID_FIELD',
                `value of filter criterion for field '${path.canonical}' must be of type ${expected} and should not be enclosed in quotes`
            );
        switch (literalType) {
            case 'NULL':
                return { kind: 'value', value: null };
            case 'DATE_LITERAL':
            case 'DATE_N_LITERAL': {
                if (t !== 'date' && t !== 'datetime') throw wrongType(t === 'boolean' ? 'boolean' : 'string');
                const range = dateLiteralRange(raw, n);
                if (!range) throw malformedQuery(`The date literal ${raw} is not supported by the org simulator`);
                return { kind: 'range', range };
            }
        }
        switch (t) {
            case 'boolean':
                if (literalType !== 'BOOLEAN') throw wrongType('boolean');
                return { kind: 'value', value: raw.toUpperCase() === 'TRUE' };
            case 'double':
            case 'int':
            case 'currency':
            case 'percent':
                if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') throw wrongType('double');
                return { kind: 'value', value: Number(raw) };
            case 'date': {
                const ms = literalType === 'DATE' ? parseDate(raw) : undefined;
                if (ms === undefined) throw wrongType('date');
                return { kind: 'value', value: ms };
            }
            case 'datetime': {
                const ms = literalType === 'DATETIME' ? parseDateTime(raw) : undefined;
                if (ms === undefined) throw wrongType('dateTime');
                return { kind: 'value', value: ms };
            }
            case 'id':
            case 'reference': {
                if (literalType !== 'STRING') throw wrongType('id');
                const s = unquote(raw);
                if (s === '') return { kind: 'value', value: null };
                if (!isWellFormedId(s))
                    throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${s}`);
                return { kind: 'value', value: to18(s) };
            }
            default:
                if (literalType !== 'STRING') throw wrongType('string');
                return { kind: 'value', value: unquote(raw) };
        }
    }

    /** Row number of an Id literal in the root table, or -2 when it names no row there. */
    private rowOf(id: Value): number {
        const loc = typeof id === 'string' ? this.store.locate(id, true) : undefined;
        return loc && loc.table.object === this.root ? loc.row : -2;
    }

    private compare(path: ResolvedPath, op: string, literal: Literal): Predicate {
        const get = path.get;
        if (literal.kind === 'range') {
            const { start, end } = literal.range;
            const inRange = (v: Value): boolean => v !== null && (v as number) >= start && (v as number) < end;
            switch (op) {
                case '=':
                    return (row) => inRange(get(row));
                case '!=':
                    return (row) => !inRange(get(row));
                case '<':
                    return (row) => notNull(get(row), (v) => (v as number) < start);
                case '<=':
                    return (row) => notNull(get(row), (v) => (v as number) < end);
                case '>':
                    return (row) => notNull(get(row), (v) => (v as number) >= end);
                case '>=':
                    return (row) => notNull(get(row), (v) => (v as number) >= start);
                default:
                    throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator on date literal: ${op}`);
            }
        }
        const target = literal.value;
        const isText = typeof target === 'string' && path.type !== 'id' && path.type !== 'reference';
        if (op === 'LIKE') {
            if (typeof target !== 'string')
                throw new ApiError(
                    400,
                    'INVALID_QUERY_FILTER_OPERATOR',
                    `invalid operator on field ${path.canonical}: LIKE`
                );
            const re = likeToRegExp(target);
            return this.stringMatch(path, (s) => re.test(s));
        }
        if (op === '=' || op === '!=') {
            let eq: Predicate;
            if (path.type === 'id' && path.hops.length === 0) {
                const targetRow = this.rowOf(target);
                eq = (row) => row === targetRow;
            } else if (target === null) eq = (row) => get(row) === null;
            else if (!isText && typeof target === 'string' && path.hops.length === 0 && path.field) {
                // Id-valued columns: compare dictionary codes instead of strings.
                const table = this.store.table(this.root.name)!;
                const codes = table.codes(path.field);
                const code = table.codeFor(path.field, target);
                eq = codes ? (row) => codes[row] === code : (row) => get(row) === target;
            } else if (isText) {
                const lower = (target as string).toLowerCase();
                eq = this.stringMatch(path, (s) => s.toLowerCase() === lower);
            } else eq = (row) => get(row) === target;
            return op === '=' ? eq : (row) => !eq(row);
        }
        if (target === null) return () => false;
        const cmp = (v: Value): number => {
            if (isText) {
                const a = (v as string).toLowerCase();
                const b = (target as string).toLowerCase();
                return a < b ? -1 : a > b ? 1 : 0;
            }
            return (v as number) < (target as number) ? -1 : (v as number) > (target as number) ? 1 : 0;
        };
        switch (op) {
            case '<':
                return (row) => notNull(get(row), (v) => cmp(v) < 0);
            case '<=':
                return (row) => notNull(get(row), (v) => cmp(v) <= 0);
            case '>':
                return (row) => notNull(get(row), (v) => cmp(v) > 0);
            case '>=':
                return (row) => notNull(get(row), (v) => cmp(v) >= 0);
            default:
                throw new ApiError(400, 'INVALID_QUERY_FILTER_OPERATOR', `invalid operator: ${op}`);
        }
    }

    /** String tests on a plain column run once per dictionary entry, then per row on codes. */
    private stringMatch(path: ResolvedPath, test: (s: string) => boolean): Predicate {
        const table = this.store.table(this.root.name)!;
        const codes = path.hops.length === 0 && path.field ? table.codes(path.field) : undefined;
        if (codes) {
            const field = path.field!;
            const verdicts: (boolean | undefined)[] = [];
            return (row) => {
                const code = codes[row];
                if (code === 0) return false;
                let v = verdicts[code];
                if (v === undefined) {
                    v = test(table.get(row, field) as string);
                    verdicts[code] = v;
                }
                return v;
            };
        }
        const get = path.get;
        return (row) => {
            const v = get(row);
            return v !== null && test(String(v));
        };
    }

    private includes(path: ResolvedPath, literals: Literal[], exclude: boolean): Predicate {
        const sets = literals.map((l) =>
            (String((l as { value: Value }).value ?? '') || '').split(';').map((s) => s.trim().toLowerCase())
        );
        const get = path.get;
        return (row) => {
            const v = get(row);
            const have = new Set(
                String(v ?? '')
                    .split(';')
                    .map((s) => s.trim().toLowerCase())
            );
            const hit = sets.some((set) => set.every((s) => have.has(s)));
            return exclude ? !hit : hit;
        };
    }
}

function notNull(v: Value, test: (v: Value) => boolean): boolean {
    return v !== null && test(v);
}

export function compileWhere(
    store: Store,
    root: ObjectDef,
    where: WhereClause | undefined,
    runSubquery: SubqueryRunner
): Predicate | undefined {
    if (!where) return undefined;
    return new Compiler(store, root, runSubquery).compile(tokenize(where));
}
