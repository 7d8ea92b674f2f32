/**
 * check:apex on planted faults: a copy of fixtures/minimal-project (one object Widget__c with a master-detail
 * child Part__c, a custom field on Lead, a clean selector class) with one fault per class.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { runApexCheck, type ApexCheckResult } from '../apex';
import { FixtureProject, findingsIn, lineContaining, rulesIn } from './fixture-project';

// Parse every file here (the parse cache has its own test): these tests are about the checks.
process.env.PARTNER_DESK_CHECKS_NO_CACHE = '1';

const APEX_CHECK = path.join(__dirname, '..', 'apex.ts');
const TSX = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');

const DOC = (what: string): string => `/**\n * ${what}\n */\n`;

describe('check:apex', () => {
    describe('on the clean fixture project', () => {
        const project = new FixtureProject('apex-clean');
        afterAll(() => project.remove());

        it('passes, exits 0 and prints its summary', async () => {
            const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
                // The test sandbox's process.env is a copy: hand it to the child explicitly.
                execFile(TSX, [APEX_CHECK, project.dir], { env: { ...process.env } }, (error, out) =>
                    resolve({ code: error ? Number(error.code) : 0, stdout: out })
                );
            });
            expect(stdout).toMatch(
                /check:apex: 0 finding\(s\) in 1 Apex file\(s\) \(0 parse\(s\) from cache\); \d+ PMD rules/
            );
            expect(code).toBe(0);
        });
    });

    describe('on planted faults', () => {
        const project = new FixtureProject('apex-faults');
        let result: ApexCheckResult;
        const files: Record<string, string> = {};

        beforeAll(async () => {
            files.syntax = project.writeClass(
                'BrokenSyntax',
                `${DOC('Does not compile.')}public with sharing class BrokenSyntax {\n` +
                    `    ${DOC('Broken.').replace(/\n/g, '\n    ')}public static Integer broken() {\n` +
                    '        Integer i = ;\n        return i;\n    }\n}\n'
            );
            files.names = project.writeClass(
                'UnknownNames',
                `${DOC('Uses names that do not exist.')}public with sharing class UnknownNames {\n` +
                    '    /**\n     * Reads a widget.\n     * @param w the widget\n     * @return a value\n     */\n' +
                    '    public static Object read(Widget__c w) {\n' +
                    '        Decimal known = w.Size__c;\n' +
                    '        Object colour = w.Colour__c;\n' +
                    '        Gadget__c missingType = null;\n' +
                    '        Object missingMethod = WidgetSelector.selectSmall(known);\n' +
                    '        Lead l = new Lead(Routed_At__c = null, Routed_By__c = null);\n' +
                    '        return new List<Object>{ colour, missingType, missingMethod, l };\n    }\n}\n'
            );
            files.loop = project.writeClass(
                'QueryInLoop',
                `${DOC('Queries once per widget.')}public with sharing class QueryInLoop {\n` +
                    '    /**\n     * Counts parts per widget.\n     * @param widgetIds the widgets\n     * @return part counts\n     */\n' +
                    '    public static Map<Id, Integer> countParts(Set<Id> widgetIds) {\n' +
                    '        Map<Id, Integer> counts = new Map<Id, Integer>();\n' +
                    '        for (Id widgetId : widgetIds) {\n' +
                    '            counts.put(widgetId, [SELECT COUNT() FROM Part__c WHERE Widget__c = :widgetId WITH USER_MODE]);\n' +
                    '        }\n        return counts;\n    }\n}\n'
            );
            files.without = project.writeClass(
                'WithoutReason',
                `${DOC('Reads widgets.')}public without sharing class WithoutReason {\n` +
                    '    /**\n     * All widgets.\n     * @return widgets\n     */\n' +
                    '    public static List<Widget__c> all() {\n' +
                    '        return [SELECT Id FROM Widget__c WHERE Size__c > 0 WITH USER_MODE LIMIT 10];\n    }\n}\n'
            );
            files.justified = project.writeClass(
                'WithoutJustified',
                '/**\n * Counts all widgets for the capacity banner.\n' +
                    ' * Runs without sharing: the count must include widgets the user cannot see; it returns a number only.\n */\n' +
                    'public without sharing class WithoutJustified {\n' +
                    '    /**\n     * Widget count.\n     * @return the count\n     */\n' +
                    '    public static Integer count() {\n' +
                    '        return [SELECT COUNT() FROM Widget__c WHERE Size__c > 0 WITH USER_MODE];\n    }\n}\n'
            );
            files.noSharing = project.writeClass(
                'NoSharingDeclared',
                `${DOC('Reads widgets without saying how sharing applies.')}public class NoSharingDeclared {\n` +
                    '    /**\n     * Widgets.\n     * @return widgets\n     */\n' +
                    '    public static List<Widget__c> some() {\n' +
                    '        return [SELECT Id FROM Widget__c WHERE Size__c > 0 WITH USER_MODE LIMIT 10];\n    }\n}\n'
            );
            files.systemMode = project.writeClass(
                'SystemModeAccess',
                `${DOC('Reads and writes in system mode.')}public with sharing class SystemModeAccess {\n` +
                    '    /**\n     * Widgets, system mode.\n     * @return widgets\n     */\n' +
                    '    public static List<Widget__c> read() {\n' +
                    '        return [SELECT Id, Size__c FROM Widget__c WHERE Size__c > 0 LIMIT 10];\n    }\n\n' +
                    '    /**\n     * Saves widgets in user mode.\n     * @param widgets the widgets\n     */\n' +
                    '    public static void save(List<Widget__c> widgets) {\n' +
                    '        update as user widgets;\n' +
                    '        Database.insert(widgets, AccessLevel.USER_MODE);\n    }\n}\n'
            );
            files.testNames = project.writeClass(
                'NamingTest',
                `${DOC('Test names in house style and not.')}@IsTest\nprivate class NamingTest {\n` +
                    "    @IsTest\n    static void givenWidget_whenSaved_thenKept() {\n        Assert.isTrue(true, 'kept');\n    }\n\n" +
                    "    @IsTest\n    static void savesWidgets() {\n        Assert.isTrue(true, 'saved');\n    }\n\n" +
                    "    @IsTest\n    static void Saves_widgets() {\n        Assert.isTrue(true, 'saved');\n    }\n}\n"
            );
            result = await runApexCheck(project.dir);
        });
        afterAll(() => project.remove());

        it('reports a syntax error at its line and column, from the Apex parser', () => {
            const syntax = findingsIn(result.findings, files.syntax).filter((f) => f.rule === 'ApexSyntax');
            expect(syntax).toHaveLength(1);
            expect(syntax[0]).toMatchObject({ line: lineContaining(files.syntax, 'Integer i = ;'), column: 21 });
            expect(syntax[0].message).toContain("';'");
        });

        it('reports unknown fields, types and methods from apex-ls, reading the fixture objects', () => {
            const messages = findingsIn(result.findings, files.names)
                .filter((f) => f.rule === 'ApexSemantics')
                .map((f) => `${f.line} ${f.message}`);
            const line = (needle: string): number => lineContaining(files.names, needle);
            expect(messages).toEqual(
                expect.arrayContaining([
                    expect.stringMatching(
                        new RegExp(`^${line('w.Colour__c')} Unknown field 'Colour__c' on SObject 'Schema.Widget__c'`)
                    ),
                    expect.stringMatching(
                        new RegExp(`^${line('Gadget__c')} No type declaration found for '(Schema\\.)?Gadget__c'`)
                    ),
                    expect.stringMatching(
                        new RegExp(
                            `^${line('selectSmall')} No matching method found for 'selectSmall' on 'WidgetSelector'`
                        )
                    ),
                    expect.stringMatching(
                        new RegExp(`^${line('Routed_By__c')} Unknown field 'Routed_By__c' on SObject 'Schema.Lead'`)
                    )
                ])
            );
            // Size__c (Widget__c) and Routed_At__c (Lead) come from the fixture's objects folder.
            expect(messages.join('\n')).not.toMatch(/Size__c|Routed_At__c/);
            expect(messages).toHaveLength(4);
        });

        it('reports SOQL inside a loop (PMD OperationWithLimitsInLoop)', () => {
            const loop = findingsIn(result.findings, files.loop);
            expect(loop.map((f) => [f.rule, f.line])).toEqual([
                ['OperationWithLimitsInLoop', lineContaining(files.loop, 'SELECT COUNT()')]
            ]);
        });

        it('reports a without sharing class that does not say why, and accepts one that does', () => {
            expect(rulesIn(result.findings, files.without)).toEqual(['WithoutSharingNeedsReason']);
            expect(rulesIn(result.findings, files.justified)).toEqual([]);
        });

        it('reports a class with SOQL and no sharing declaration (team rule and PMD ApexSharingViolations)', () => {
            expect(rulesIn(result.findings, files.noSharing)).toEqual([
                'ApexSharingViolations',
                'SharingDeclarationRequired'
            ]);
        });

        it('reports system-mode SOQL (ApexCRUDViolation) and accepts `as user` and AccessLevel.USER_MODE DML', () => {
            const crud = findingsIn(result.findings, files.systemMode);
            expect(crud.map((f) => [f.rule, f.line])).toEqual([
                ['ApexCRUDViolation', lineContaining(files.systemMode, 'SELECT Id, Size__c')]
            ]);
        });

        it('accepts Given/When/Then and camelCase test names, and reports others (MethodNamingConventionsWithTestNames)', () => {
            expect(findingsIn(result.findings, files.testNames).map((f) => [f.rule, f.line])).toEqual([
                ['MethodNamingConventionsWithTestNames', lineContaining(files.testNames, 'Saves_widgets')]
            ]);
        });

        it('leaves the clean class alone', () => {
            expect(findingsIn(result.findings, project.path('classes', 'WidgetSelector.cls'))).toEqual([]);
        });
    });
});
