/**
 * Field paths read or written with a dot on a variable of a simple declared type (`lead.Routed_At__c`,
 * `acc.Owner.UserRoleId`, `for (Lead l : leads) l.Status`), with the variable's declared type. check:schema
 * probes those whose type is a standard object force-app extends, because apex-ls 6 stays silent about
 * unknown fields there (see schema-probe.ts). The type is the declaration in the enclosing method
 * (parameter, local, for-each variable), else a field of the enclosing class.
 */
import {
    ClassBodyContext,
    ConstructorDeclarationContext,
    DotExpressionContext,
    EnhancedForControlContext,
    FieldDeclarationContext,
    FormalParameterContext,
    IdPrimaryContext,
    LocalVariableDeclarationContext,
    MethodDeclarationContext,
    PrimaryExpressionContext,
    VariableDeclaratorContext,
    type ApexParserRuleContext as ParserRuleContext
} from '@apexdevtools/apex-parser';
import { walkContexts, type ParsedApex } from './apex-source';

export interface FieldRead {
    line: number;
    /** Declared type of the variable, as written (`Lead`, `Schema.Account`). */
    type: string;
    variable: string;
    /** Names after the variable: `['Owner', 'Name']`. */
    path: string[];
}

const STATIC_MEMBERS = new Set(['sobjecttype', 'fields']);

const SIMPLE_TYPE = /^(Schema\.)?[A-Za-z]\w*$/i;

function declarationsIn(scope: ParserRuleContext, into: Map<string, string>, fieldsOnly: boolean): void {
    const add = (type: string, name: string): void => {
        if (SIMPLE_TYPE.test(type) && !into.has(name.toLowerCase())) {
            into.set(name.toLowerCase(), type.replace(/^schema\./i, ''));
        }
    };
    walkContexts(scope, (ctx) => {
        if (fieldsOnly) {
            if (ctx instanceof FieldDeclarationContext) {
                const type = ctx.typeRef().getText();
                walkContexts(ctx.variableDeclarators(), (d) => {
                    if (d instanceof VariableDeclaratorContext) {
                        add(type, d.id().getText());
                    }
                });
            }
            return;
        }
        if (ctx instanceof FormalParameterContext || ctx instanceof EnhancedForControlContext) {
            add(ctx.typeRef().getText(), ctx.id().getText());
        } else if (ctx instanceof LocalVariableDeclarationContext) {
            const type = ctx.typeRef().getText();
            walkContexts(ctx.variableDeclarators(), (d) => {
                if (d instanceof VariableDeclaratorContext) {
                    add(type, d.id().getText());
                }
            });
        }
    });
}

function enclosing<T>(
    ctx: ParserRuleContext,
    test: (p: ParserRuleContext) => p is ParserRuleContext & T
): T | undefined {
    for (let p: ParserRuleContext | undefined = ctx.parentCtx; p; p = p.parentCtx) {
        if (test(p)) {
            return p;
        }
    }
    return undefined;
}

export function fieldReads(parsed: ParsedApex): FieldRead[] {
    const scopes = new Map<ParserRuleContext, Map<string, string>>();
    const scopeOf = (scope: ParserRuleContext, fieldsOnly: boolean): Map<string, string> => {
        let names = scopes.get(scope);
        if (!names) {
            names = new Map();
            declarationsIn(scope, names, fieldsOnly);
            scopes.set(scope, names);
        }
        return names;
    };
    const out: FieldRead[] = [];
    walkContexts(parsed.tree, (ctx) => {
        if (!(ctx instanceof DotExpressionContext) || !ctx.anyId()) {
            return;
        }
        const base = ctx.expression();
        if (!(base instanceof PrimaryExpressionContext) || !(base.primary() instanceof IdPrimaryContext)) {
            return;
        }
        const variable = base.getText();
        // The longest chain of `.name` hops above the variable.
        const path = [ctx.anyId().getText()];
        let top: DotExpressionContext = ctx;
        while (
            top.parentCtx instanceof DotExpressionContext &&
            top.parentCtx.anyId() &&
            top.parentCtx.expression() === top
        ) {
            top = top.parentCtx;
            path.push(top.anyId().getText());
        }
        const member = enclosing(
            ctx,
            (p): p is MethodDeclarationContext | ConstructorDeclarationContext =>
                p instanceof MethodDeclarationContext || p instanceof ConstructorDeclarationContext
        );
        const classBody = enclosing(ctx, (p): p is ClassBodyContext => p instanceof ClassBodyContext);
        const key = variable.toLowerCase();
        // Declarations in a method are found anywhere in it (a for variable's scope is not tracked): a
        // variable declared twice with different types is rare, and the first declaration wins.
        const type =
            (member ? scopeOf(member, false).get(key) : undefined) ??
            (classBody ? scopeOf(classBody, true).get(key) : undefined);
        // `Lead.SObjectType` / `Lead.Fields` name the type's static members even beside a variable `lead`.
        if (type && !STATIC_MEMBERS.has(path[0].toLowerCase())) {
            out.push({ line: ctx.start.line, type, variable, path });
        }
    });
    return out;
}
