/**
 * SOQL inside Apex, found by the Apex parser (never by regular expressions):
 * - inline `[SELECT ...]` queries, with their bind expressions replaced by plain `:bindN` names so a SOQL
 *   parser can read them;
 * - dynamic SOQL (`Database.query`, `Database.queryWithBinds`, `Database.countQuery*`,
 *   `Database.getQueryLocator*`), with a verdict on whether its text is built only from constants (string
 *   literals, final fields, locals assigned only from constants) and, where it can be, the text itself.
 */
import {
    AllRowsClauseContext,
    Arth2ExpressionContext,
    AssignExpressionContext,
    BoundExpressionContext,
    ConstructorDeclarationContext,
    DotExpressionContext,
    FieldDeclarationContext,
    LimitClauseContext,
    LiteralPrimaryContext,
    MethodDeclarationContext,
    OffsetClauseContext,
    PrimaryExpressionContext,
    SoqlLiteralContext,
    SubExpressionContext,
    VariableDeclaratorContext,
    IdPrimaryContext,
    ClassBodyDeclarationContext,
    type ExpressionContext
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext as ParserRuleContext } from '@apexdevtools/apex-parser';
import { sourceText, walkContexts, type ParsedApex } from './apex-source';

export interface InlineSoql {
    file: string;
    line: number;
    /** The query as written. */
    text: string;
    /** The query with each bind expression replaced by `:bindN` (or `1` in LIMIT/OFFSET). */
    parseable: string;
}

export interface DynamicSoql {
    file: string;
    line: number;
    /** `Database.query`, `Database.queryWithBinds`, ... */
    call: string;
    /** The argument as written. */
    argument: string;
    /** True when the text is built only from constants (bind variables carry the values). */
    constantBuilt: boolean;
    /** Why it is not, when it is not. */
    reason?: string;
    /**
     * The texts the query can have, when they can be computed from the constants (each assignment of a
     * local variable is one possibility; at most MAX_VARIANTS).
     */
    values?: string[];
}

const DYNAMIC_METHODS = new Set(
    ['query', 'queryWithBinds', 'countQuery', 'countQueryWithBinds', 'getQueryLocator', 'getQueryLocatorWithBinds'].map(
        (m) => m.toLowerCase()
    )
);

function isWithin(ctx: ParserRuleContext, type: new (...args: never[]) => ParserRuleContext): boolean {
    for (let p: ParserRuleContext | undefined = ctx.parentCtx; p; p = p.parentCtx) {
        if ((p as object) instanceof (type as unknown as new () => object)) {
            return true;
        }
    }
    return false;
}

export function inlineQueries(parsed: ParsedApex): InlineSoql[] {
    const out: InlineSoql[] = [];
    walkContexts(parsed.tree, (ctx) => {
        if (!(ctx instanceof SoqlLiteralContext)) {
            return;
        }
        const query = ctx.query();
        const base = query.start.start;
        const text = sourceText(parsed, query);
        const spans: Array<{ start: number; stop: number; replacement: string }> = [];
        let n = 0;
        walkContexts(query, (inner) => {
            if (inner instanceof BoundExpressionContext) {
                const numeric = isWithin(inner, LimitClauseContext) || isWithin(inner, OffsetClauseContext);
                spans.push({
                    start: inner.start.start - base,
                    stop: (inner.stop ?? inner.start).stop - base,
                    replacement: numeric ? '1' : `:bind${n++}`
                });
            } else if (inner instanceof AllRowsClauseContext) {
                // Apex-only clause; the SOQL parser does not know it and it names nothing.
                spans.push({
                    start: inner.start.start - base,
                    stop: (inner.stop ?? inner.start).stop - base,
                    replacement: ''
                });
            }
        });
        spans.sort((a, b) => a.start - b.start);
        let parseable = '';
        let at = 0;
        for (const s of spans) {
            if (s.start < at) {
                continue; // nested inside a replaced bind expression
            }
            parseable += text.slice(at, s.start) + s.replacement;
            at = s.stop + 1;
        }
        parseable += text.slice(at);
        out.push({ file: parsed.file, line: query.start.line, text, parseable });
    });
    return out;
}

/** Text of an identifier-like expression (`Database`, `System.Database`). */
function plainName(expr: ExpressionContext): string | undefined {
    if (expr instanceof PrimaryExpressionContext) {
        const primary = expr.primary();
        if (primary instanceof IdPrimaryContext) {
            return primary.id().getText();
        }
    }
    if (expr instanceof DotExpressionContext && expr.anyId()) {
        const left = plainName(expr.expression());
        return left ? `${left}.${expr.anyId().getText()}` : undefined;
    }
    return undefined;
}

function enclosingMember(ctx: ParserRuleContext): ParserRuleContext | undefined {
    for (let p = ctx.parentCtx; p; p = p.parentCtx) {
        if (p instanceof MethodDeclarationContext || p instanceof ConstructorDeclarationContext) {
            return p;
        }
    }
    return undefined;
}

/** Apex string literal to its value. */
function unquote(literal: string): string {
    return literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

interface Verdict {
    ok: boolean;
    reason?: string;
    values?: string[];
}

const MAX_VARIANTS = 64;

function concat(left: string[] | undefined, right: string[] | undefined): string[] | undefined {
    if (!left || !right || left.length * right.length > MAX_VARIANTS) {
        return undefined;
    }
    return left.flatMap((l) => right.map((r) => l + r));
}

class ConstantAnalyzer {
    private readonly finalFields = new Map<string, ExpressionContext | undefined>();

    constructor(private readonly parsed: ParsedApex) {
        walkContexts(parsed.tree, (ctx) => {
            if (!(ctx instanceof FieldDeclarationContext)) {
                return;
            }
            const decl = ctx.parentCtx?.parentCtx;
            const modifiers =
                decl instanceof ClassBodyDeclarationContext
                    ? decl.modifier_list().map((m) => m.getText().toLowerCase())
                    : [];
            if (!modifiers.includes('final')) {
                return;
            }
            walkContexts(ctx, (d) => {
                if (d instanceof VariableDeclaratorContext) {
                    this.finalFields.set(d.id().getText().toLowerCase(), d.expression() ?? undefined);
                }
            });
        });
    }

    judge(expr: ExpressionContext, scope: ParserRuleContext | undefined, seen = new Set<string>()): Verdict {
        if (expr instanceof SubExpressionContext) {
            return this.judge(expr.expression(), scope, seen);
        }
        if (expr instanceof PrimaryExpressionContext) {
            const primary = expr.primary();
            if (primary instanceof LiteralPrimaryContext) {
                const lit = primary.literal();
                if (lit.StringLiteral()) {
                    return { ok: true, values: [unquote(lit.getText())] };
                }
                return { ok: true, values: [lit.getText()] };
            }
            if (primary instanceof IdPrimaryContext) {
                return this.judgeName(primary.id().getText(), scope, seen);
            }
        }
        if (expr instanceof Arth2ExpressionContext && expr.ADD()) {
            const left = this.judge(expr.expression(0), scope, seen);
            const right = this.judge(expr.expression(1), scope, seen);
            if (!left.ok) {
                return left;
            }
            if (!right.ok) {
                return right;
            }
            return { ok: true, values: concat(left.values, right.values) };
        }
        if (expr instanceof DotExpressionContext && expr.anyId()) {
            // Another class's constant, by the UPPER_SNAKE naming convention for static finals.
            const name = expr.anyId().getText();
            if (/^[A-Z][A-Z0-9_]*$/.test(name)) {
                return { ok: true };
            }
        }
        if (expr instanceof DotExpressionContext && expr.dotMethodCall()) {
            // String.join(CONSTANT_LIST, ', ') builds a field list from constants.
            const target = plainName(expr.expression())?.toLowerCase();
            const method = expr.dotMethodCall().anyId().getText().toLowerCase();
            const args = expr.dotMethodCall().expressionList()?.expression_list() ?? [];
            if (target === 'string' && method === 'join' && args.length === 2) {
                const list = args[0];
                const listName = list instanceof PrimaryExpressionContext ? list.getText().toLowerCase() : '';
                const sep = this.judge(args[1], scope, seen);
                if (this.finalFields.has(listName) && sep.ok) {
                    return { ok: true };
                }
            }
        }
        return { ok: false, reason: `'${sourceText(this.parsed, expr)}' is not a constant` };
    }

    private judgeName(name: string, scope: ParserRuleContext | undefined, seen: Set<string>): Verdict {
        const key = name.toLowerCase();
        if (seen.has(key)) {
            return { ok: true };
        }
        seen = new Set([...seen, key]);
        if (scope) {
            const local = this.localAssignments(key, scope);
            if (local !== undefined) {
                if (local.length === 0) {
                    return { ok: false, reason: `'${name}' is never assigned a constant` };
                }
                const verdicts = local.map((e) => this.judge(e.expr, scope, seen));
                const bad = verdicts.find((v) => !v.ok);
                if (bad) {
                    return bad;
                }
                if (local.some((e) => e.append) || verdicts.some((v) => !v.values)) {
                    return { ok: true };
                }
                const values = [...new Set(verdicts.flatMap((v) => v.values ?? []))];
                return { ok: true, values: values.length <= MAX_VARIANTS ? values : undefined };
            }
        }
        if (this.finalFields.has(key)) {
            const init = this.finalFields.get(key);
            return init ? this.judge(init, undefined, seen) : { ok: true };
        }
        return { ok: false, reason: `'${name}' is a parameter or a non-final field` };
    }

    /** Every value a local variable of `scope` receives, or undefined when no local has that name. */
    private localAssignments(
        key: string,
        scope: ParserRuleContext
    ): Array<{ expr: ExpressionContext; append: boolean }> | undefined {
        let declared = false;
        const values: Array<{ expr: ExpressionContext; append: boolean }> = [];
        walkContexts(scope, (ctx) => {
            if (ctx instanceof VariableDeclaratorContext && ctx.id().getText().toLowerCase() === key) {
                declared = true;
                const init = ctx.expression();
                if (init) {
                    values.push({ expr: init, append: false });
                }
            } else if (ctx instanceof AssignExpressionContext) {
                const target = ctx.expression(0);
                if (target.getText().toLowerCase() === key) {
                    if (ctx.ASSIGN() || ctx.ADD_ASSIGN()) {
                        values.push({ expr: ctx.expression(1), append: !!ctx.ADD_ASSIGN() });
                    } else {
                        values.push({ expr: target, append: true });
                    }
                }
            }
        });
        if (!declared) {
            return undefined;
        }
        return values;
    }
}

export function dynamicQueries(parsed: ParsedApex): DynamicSoql[] {
    const analyzer = new ConstantAnalyzer(parsed);
    const out: DynamicSoql[] = [];
    walkContexts(parsed.tree, (ctx) => {
        if (!(ctx instanceof DotExpressionContext) || !ctx.dotMethodCall()) {
            return;
        }
        const target = plainName(ctx.expression())?.toLowerCase();
        const method = ctx.dotMethodCall().anyId().getText();
        if ((target !== 'database' && target !== 'system.database') || !DYNAMIC_METHODS.has(method.toLowerCase())) {
            return;
        }
        const args = ctx.dotMethodCall().expressionList()?.expression_list() ?? [];
        if (args.length === 0) {
            return;
        }
        const arg = args[0];
        if (arg instanceof PrimaryExpressionContext && arg.primary().constructor.name === 'SoqlPrimaryContext') {
            return; // getQueryLocator([SELECT ...]) is an inline query
        }
        const verdict = analyzer.judge(arg, enclosingMember(ctx));
        out.push({
            file: parsed.file,
            line: ctx.start.line,
            call: `Database.${method}`,
            argument: sourceText(parsed, arg).replace(/\s+/g, ' '),
            constantBuilt: verdict.ok,
            reason: verdict.reason,
            values: verdict.ok ? verdict.values : undefined
        });
    });
    return out;
}
