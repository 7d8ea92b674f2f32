/**
 * The team's sharing rule, which PMD's ApexSharingViolations only half covers (it looks at classes with
 * SOQL/DML and accepts `without sharing` silently):
 * - SharingDeclarationRequired: every top-level class declares `with sharing`, `inherited sharing` or
 *   `without sharing` (test classes and exception classes excepted: they run no user queries);
 * - WithoutSharingNeedsReason: a `without sharing` class (top-level or inner) has a comment just before its
 *   declaration that says why, mentioning sharing.
 */
import {
    ClassDeclarationContext,
    TypeDeclarationContext,
    ClassBodyDeclarationContext,
    ApexLexer
} from '@apexdevtools/apex-parser';
import type { ApexToken as Token } from '@apexdevtools/apex-parser';
import { walkContexts, type ParsedApex } from './apex-source';
import type { Finding } from './findings';

const COMMENT_TYPES = new Set([ApexLexer.DOC_COMMENT, ApexLexer.COMMENT, ApexLexer.LINE_COMMENT]);

/** Comments from the end of the previous code token up to the `class` keyword. */
function leadingComments(parsed: ParsedApex, declStart: Token, classToken: Token): string {
    let i = declStart.tokenIndex - 1;
    while (i >= 0 && parsed.tokens[i].channel !== 0) {
        i--;
    }
    const texts: string[] = [];
    for (let j = i + 1; j < classToken.tokenIndex; j++) {
        const t = parsed.tokens[j];
        if (COMMENT_TYPES.has(t.type)) {
            texts.push(t.text);
        }
    }
    return texts.join('\n');
}

export function sharingFindings(parsed: ParsedApex): Finding[] {
    const findings: Finding[] = [];
    walkContexts(parsed.tree, (ctx) => {
        let modifiers: string[];
        let classDecl: ClassDeclarationContext | null;
        let topLevel: boolean;
        if (ctx instanceof TypeDeclarationContext) {
            classDecl = ctx.classDeclaration();
            modifiers = ctx.modifier_list().map((m) => m.getText().toLowerCase());
            topLevel = true;
        } else if (ctx instanceof ClassBodyDeclarationContext) {
            classDecl = ctx.memberDeclaration()?.classDeclaration() ?? null;
            modifiers = ctx.modifier_list().map((m) => m.getText().toLowerCase());
            topLevel = false;
        } else {
            return;
        }
        if (!classDecl) {
            return;
        }
        const name = classDecl.id().getText();
        const line = classDecl.start.line;
        const isTest = modifiers.some((m) => m.replace(/\s/g, '').startsWith('@istest'));
        const extendsException = /exception$/i.test(classDecl.typeRef()?.getText() ?? '');
        const sharing = modifiers.find((m) => /sharing$/.test(m));
        if (!sharing && topLevel && !isTest && !extendsException) {
            findings.push({
                file: parsed.file,
                line,
                rule: 'SharingDeclarationRequired',
                message: `class ${name} declares no sharing: use 'with sharing' (entry points) or 'inherited sharing' (helpers)`
            });
        }
        if (sharing === 'withoutsharing') {
            const comments = leadingComments(parsed, ctx.start, classDecl.start);
            if (!/sharing/i.test(comments)) {
                findings.push({
                    file: parsed.file,
                    line,
                    rule: 'WithoutSharingNeedsReason',
                    message: `class ${name} is 'without sharing' with no comment before it saying why (and what limits it)`
                });
            }
        }
    });
    return findings;
}
