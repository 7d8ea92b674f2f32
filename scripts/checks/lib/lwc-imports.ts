/**
 * `@salesforce/schema/...` and `@salesforce/label/c.X` imports of every LWC, read with the TypeScript
 * parser. A component's TypeScript source is read when it has one, else its JavaScript (the .js beside a
 * .ts is compiled from it and holds the same imports); tests are skipped (they mock these modules).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { listFiles, type SfdxProject } from './sfdx-project';

export interface LwcImport {
    file: string;
    line: number;
    kind: 'schema' | 'label';
    /** `Account.Owner.Name` for schema, `Partner_Title` for a label. */
    name: string;
    specifier: string;
}

export function lwcSourceFiles(project: SfdxProject): string[] {
    const all = listFiles(project, (f) => {
        const parts = path.relative(project.root, f).split(path.sep);
        return (
            parts.includes('lwc') &&
            !parts.includes('__tests__') &&
            !f.endsWith('.d.ts') &&
            (f.endsWith('.ts') || f.endsWith('.js'))
        );
    });
    const set = new Set(all);
    return all.filter((f) => !(f.endsWith('.js') && set.has(`${f.slice(0, -3)}.ts`)));
}

export function lwcImports(file: string): LwcImport[] {
    const text = fs.readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    const out: LwcImport[] = [];
    for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
            continue;
        }
        const specifier = statement.moduleSpecifier.text;
        const line = source.getLineAndCharacterOfPosition(statement.moduleSpecifier.getStart(source)).line + 1;
        if (specifier.startsWith('@salesforce/schema/')) {
            out.push({ file, line, kind: 'schema', name: specifier.slice('@salesforce/schema/'.length), specifier });
        } else if (specifier.startsWith('@salesforce/label/')) {
            out.push({ file, line, kind: 'label', name: specifier.slice('@salesforce/label/'.length), specifier });
        }
    }
    return out;
}
