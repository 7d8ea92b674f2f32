/**
 * The deploy rehearsal's rules over Apex (the rule list and its sources are in
 * scripts/checks/deploy-rehearsal-rules.md): what passes here and fails in an org that is not a fresh
 * one, or on the second deploy.
 * - SchedulableNamesClass: a Schedulable names another project class, which then cannot be deployed
 *   while the job is scheduled; reach it through Type.forName.
 * - TestProfileByName: test code finds a profile by Name, which follows the org's default language.
 * - TestFixedSetupName: test code creates a setup object (queue, group, role, user, permission set)
 *   under a fixed unique name, which collides when tests run in parallel.
 * - TestAbsoluteLimits: a test asserts on Limits.* counts, which include every other automation the
 *   org runs in the same transaction.
 */
import {
    ApexLexer,
    ClassDeclarationContext,
    ExpressionStatementContext,
    EnhancedForControlContext,
    FieldDeclarationContext,
    FormalParameterContext,
    LocalVariableDeclarationContext,
    MethodDeclarationContext,
    NewExpressionContext,
    AssignExpressionContext,
    QueryContext,
    TypeDeclarationContext,
    VariableDeclaratorContext,
    type ApexParserRuleContext as ParserRuleContext,
    type ApexToken as Token
} from '@apexdevtools/apex-parser';
import { sourceText, walkContexts, type ParsedApex } from './apex-source';
import type { Finding } from './findings';

export interface ApexUnit {
    parsed: ParsedApex;
    /** Top-level class name, as declared. */
    name: string;
    decl: ClassDeclarationContext;
    /** Top-level annotations and modifiers, lower case, without blanks (`@istest(isparallel=false)`). */
    modifiers: string[];
    isTest: boolean;
}

export function apexUnit(parsed: ParsedApex): ApexUnit | undefined {
    let unit: ApexUnit | undefined;
    walkContexts(parsed.tree, (ctx) => {
        if (unit || !(ctx instanceof TypeDeclarationContext)) {
            return;
        }
        const decl = ctx.classDeclaration();
        if (!decl) {
            return;
        }
        const modifiers = ctx.modifier_list().map((m) => m.getText().toLowerCase().replace(/\s/g, ''));
        unit = {
            parsed,
            name: decl.id().getText(),
            decl,
            modifiers,
            isTest: modifiers.some((m) => m.startsWith('@istest'))
        };
    });
    return unit;
}

/** Default-channel tokens of a context (no whitespace, no comments). */
function codeTokens(unit: ApexUnit, ctx: ParserRuleContext): Token[] {
    const stop = ctx.stop ?? ctx.start;
    return unit.parsed.tokens.slice(ctx.start.tokenIndex, stop.tokenIndex + 1).filter((t) => t.channel === 0);
}

/** Identifiers, including the many words the Apex lexer keeps as SOQL keywords (`name`, `count`, ...). */
function isName(token: Token): boolean {
    return token.type !== ApexLexer.StringLiteral && /^[A-Za-z_]\w*$/.test(token.text);
}

function finding(unit: ApexUnit, line: number, rule: string, message: string): Finding {
    return { file: unit.parsed.file, line, rule, message };
}

export function schedulableFindings(unit: ApexUnit, projectClasses: Set<string>): Finding[] {
    const implemented = unit.decl.typeList()?.getText().toLowerCase().split(',') ?? [];
    if (!implemented.some((t) => t === 'schedulable' || t === 'system.schedulable')) {
        return [];
    }
    const own = new Set<string>([unit.name.toLowerCase()]);
    walkContexts(unit.decl.classBody(), (ctx) => {
        if (ctx instanceof ClassDeclarationContext) {
            own.add(ctx.id().getText().toLowerCase());
        }
    });
    const reported = new Set<string>();
    const findings: Finding[] = [];
    const tokens = codeTokens(unit, unit.decl.classBody());
    tokens.forEach((token, i) => {
        const name = token.text.toLowerCase();
        if (!isName(token) || own.has(name) || reported.has(name) || tokens[i - 1]?.text === '.') {
            return;
        }
        if (projectClasses.has(name)) {
            reported.add(name);
            findings.push(
                finding(
                    unit,
                    token.line,
                    'SchedulableNamesClass',
                    `${unit.name} implements Schedulable and names ${token.text}: while the job is scheduled, the Metadata API refuses to deploy ${token.text} too. Reach it through Type.forName('${token.text}').`
                )
            );
        }
    });
    return findings;
}

/** The contexts of one kind in a test class (none in other classes). */
function inTestCode<T extends ParserRuleContext>(unit: ApexUnit, kind: new (...args: never[]) => T): T[] {
    const found: T[] = [];
    if (unit.isTest) {
        walkContexts(unit.decl, (ctx) => {
            if (ctx instanceof kind) {
                found.push(ctx);
            }
        });
    }
    return found;
}

export function profileByNameFindings(unit: ApexUnit): Finding[] {
    const findings: Finding[] = [];
    for (const ctx of inTestCode(unit, QueryContext)) {
        const from = ctx.fromNameList().getText().toLowerCase();
        const clause = ctx.whereClause();
        const where = clause ? sourceText(unit.parsed, clause).replace(/^where/i, ' ') : '';
        const byName =
            (from === 'profile' && /(^|[^.\w])name\s*(=|!=|\bin\b|\blike\b)/i.test(where)) ||
            /\bprofile\.name\s*(=|!=|\bin\b|\blike\b)/i.test(where);
        if (byName) {
            findings.push(
                finding(
                    unit,
                    ctx.start.line,
                    'TestProfileByName',
                    `test code finds a profile by Name: profile names follow the org's default language, so this finds nothing in a non-English org. Select it by UserType, UserLicense or its permissions.`
                )
            );
        }
    }
    return findings;
}

/** Unique name fields of setup objects, by object (lower case). */
const SETUP_NAME_FIELDS: Record<string, string[]> = {
    group: ['developername'],
    userrole: ['developername'],
    user: ['username', 'communitynickname'],
    permissionset: ['name'],
    permissionsetgroup: ['developername'],
    collaborationgroup: ['name']
};

type Fixedness = 'fixed' | 'caller' | 'unique';

/** Initializers of the class's fields and of the enclosing method's locals, and its parameters. */
interface Scope {
    initializers: Map<string, ParserRuleContext>;
    parameters: Set<string>;
}

function declare(into: Map<string, ParserRuleContext>, ctx: ParserRuleContext): void {
    walkContexts(ctx, (d) => {
        if (d instanceof VariableDeclaratorContext && d.expression()) {
            into.set(d.id().getText().toLowerCase(), d.expression());
        }
    });
}

function classScope(unit: ApexUnit): Map<string, ParserRuleContext> {
    const fields = new Map<string, ParserRuleContext>();
    walkContexts(unit.decl, (ctx) => {
        if (ctx instanceof FieldDeclarationContext) {
            declare(fields, ctx);
        }
    });
    return fields;
}

function methodScope(method: ParserRuleContext | undefined, fields: Map<string, ParserRuleContext>): Scope {
    const scope: Scope = { initializers: new Map(fields), parameters: new Set() };
    if (method) {
        walkContexts(method, (ctx) => {
            if (ctx instanceof LocalVariableDeclarationContext) {
                declare(scope.initializers, ctx);
            } else if (ctx instanceof FormalParameterContext || ctx instanceof EnhancedForControlContext) {
                scope.parameters.add(ctx.id().getText().toLowerCase());
            }
        });
    }
    return scope;
}

/**
 * Whether a value is the same on every run: literals and names bound to them are `fixed`, a bare
 * parameter is whatever the `caller` passes, anything computed (a method call) is `unique`.
 */
function fixedness(unit: ApexUnit, expr: ParserRuleContext, scope: Scope, depth = 0): Fixedness {
    const tokens = codeTokens(unit, expr);
    if (depth > 5 || tokens.some((t) => t.text === '(')) {
        return 'unique';
    }
    let result: Fixedness = 'fixed';
    for (const token of tokens) {
        if (!isName(token) || ['null', 'true', 'false'].includes(token.text.toLowerCase())) {
            continue;
        }
        const name = token.text.toLowerCase();
        const init = scope.initializers.get(name);
        const part: Fixedness = init
            ? fixedness(unit, init, scope, depth + 1)
            : scope.parameters.has(name)
              ? 'caller'
              : 'unique';
        if (part === 'unique') {
            return 'unique';
        }
        if (part === 'caller') {
            result = 'caller';
        }
    }
    return result;
}

export function fixedSetupNameFindings(unit: ApexUnit): Finding[] {
    if (!unit.isTest || unit.modifiers.some((m) => m.includes('isparallel=false'))) {
        return [];
    }
    const fields = classScope(unit);
    const findings: Finding[] = [];
    const visit = (method: ParserRuleContext | undefined) => (ctx: ParserRuleContext) => {
        if (!(ctx instanceof NewExpressionContext)) {
            return;
        }
        const creator = ctx.creator();
        const object = creator.createdName().getText().toLowerCase();
        const nameFields = SETUP_NAME_FIELDS[object];
        const args = creator.classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
        if (!nameFields) {
            return;
        }
        for (const arg of args) {
            if (!(arg instanceof AssignExpressionContext)) {
                continue;
            }
            const field = arg.expression(0).getText().toLowerCase();
            if (!nameFields.includes(field)) {
                continue;
            }
            const kind = fixedness(unit, arg.expression(1), methodScope(method, fields));
            if (kind !== 'unique') {
                const how =
                    kind === 'fixed'
                        ? 'is the same on every run'
                        : 'is taken as the caller passes it, and callers pass fixed names';
                findings.push(
                    finding(
                        unit,
                        arg.start.line,
                        'TestFixedSetupName',
                        `new ${creator.createdName().getText()}(${arg.expression(0).getText()} = ${arg.expression(1).getText()}) ${how}: tests running in parallel collide on the unique name. Make it unique per run (append TestDataFactory.uniqueKey()), or mark the class @IsTest(isParallel=false) with the reason.`
                    )
                );
            }
        }
    };
    const methods: ParserRuleContext[] = [];
    walkContexts(unit.decl, (ctx) => {
        if (ctx instanceof MethodDeclarationContext) {
            methods.push(ctx);
        }
    });
    methods.forEach((m) => walkContexts(m, visit(m)));
    walkContexts(unit.decl, (ctx) => {
        if (ctx instanceof FieldDeclarationContext) {
            walkContexts(ctx, visit(undefined));
        }
    });
    return findings;
}

const ASSERTION = /^(system\.)?assert(\w*)?\(|^assert\.\w+\(/i;

export function absoluteLimitsFindings(unit: ApexUnit): Finding[] {
    const findings: Finding[] = [];
    for (const method of inTestCode(unit, MethodDeclarationContext)) {
        // Names whose value comes from a Limits.get* call, directly or through another such name.
        const fromLimits = new Set<string>();
        const assignments: Array<[string, ParserRuleContext]> = [];
        walkContexts(method, (ctx) => {
            if (ctx instanceof VariableDeclaratorContext && ctx.expression()) {
                assignments.push([ctx.id().getText().toLowerCase(), ctx.expression()]);
            } else if (ctx instanceof AssignExpressionContext) {
                assignments.push([ctx.expression(0).getText().toLowerCase(), ctx.expression(1)]);
            }
        });
        const readsLimits = (ctx: ParserRuleContext): boolean => {
            const tokens = codeTokens(unit, ctx);
            return tokens.some(
                (t, i) =>
                    (t.text.toLowerCase() === 'limits' &&
                        tokens[i + 1]?.text === '.' &&
                        /^get/i.test(tokens[i + 2]?.text ?? '')) ||
                    (isName(t) && fromLimits.has(t.text.toLowerCase()) && tokens[i - 1]?.text !== '.')
            );
        };
        let grew = true;
        while (grew) {
            grew = false;
            for (const [name, value] of assignments) {
                if (!fromLimits.has(name) && readsLimits(value)) {
                    fromLimits.add(name);
                    grew = true;
                }
            }
        }
        walkContexts(method, (ctx) => {
            if (ctx instanceof ExpressionStatementContext && ASSERTION.test(ctx.getText()) && readsLimits(ctx)) {
                findings.push(
                    finding(
                        unit,
                        ctx.start.line,
                        'TestAbsoluteLimits',
                        `the assertion reads Limits.*: in an org, those counts include every trigger, flow and package that runs on the same records, so the test fails there. Assert the budget Partner Desk spends itself (counted inside its own code, through a seam).`
                    )
                );
            }
        });
    }
    return findings;
}
