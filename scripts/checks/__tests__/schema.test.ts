/**
 * check:schema on planted faults, in a copy of fixtures/minimal-project (Widget__c with the master-detail
 * child Part__c, relationship "Parts"; Lead extended with Routed_At__c; labels in two files; a permission
 * set; an LWC), a tab, an app, a flexipage, a layout and a list view), and on the clean copy.
 */
import { runSchemaCheck, type SchemaCheckResult } from '../schema';
import type { Finding } from '../lib/findings';
import { FixtureProject, findingsIn, lineContaining } from './fixture-project';

// Parse every file here (the parse cache has its own test): these tests are about the checks.
process.env.PARTNER_DESK_CHECKS_NO_CACHE = '1';

const APEX_DOC = '/**\n * Planted faults.\n */\n';

function at(findings: Finding[], file: string, line: number): string[] {
    return findingsIn(findings, file)
        .filter((f) => f.line === line)
        .map((f) => `${f.rule} ${f.message}`);
}

describe('check:schema', () => {
    describe('on the clean fixture project', () => {
        const project = new FixtureProject('schema-clean');
        let result: SchemaCheckResult;
        beforeAll(async () => {
            result = await runSchemaCheck(project.dir);
        });
        afterAll(() => project.remove());

        it('passes, having checked the SOQL, LWC imports and permission set names', () => {
            expect(result.findings).toEqual([]);
            expect(result.stats.inlineQueries).toBe(2);
            expect(result.stats.lwcImports).toBe(5);
            expect(result.stats.metadataFiles).toBe(6);
            expect(result.stats.references).toBeGreaterThan(20);
            expect(result.stats.unresolved).toBe(0);
        });
    });

    describe('on planted faults', () => {
        const project = new FixtureProject('schema-faults');
        let result: SchemaCheckResult;
        let apex: string;
        let lwc: string;
        let permissionSet: string;
        const other: Record<string, string> = {};

        beforeAll(async () => {
            apex = project.writeClass(
                'BadQueries',
                `${APEX_DOC}public with sharing class BadQueries {\n` +
                    '    public static Object run(Set<Id> ids, String name) {\n' +
                    '        Object a = [SELECT Id FROM Widget__c WHERE Sise__c > 1 WITH USER_MODE];\n' +
                    '        Object b = [SELECT Id, Widgett__r.Size__c FROM Part__c WITH USER_MODE];\n' +
                    '        Object c = [SELECT Id, Owner.UserRoleIdd FROM Lead WITH USER_MODE];\n' +
                    '        Object d = [SELECT Id FROM Lead WHERE Routed_At_c != null WITH USER_MODE];\n' +
                    '        Object e = [SELECT Id, (SELECT Id FROM Partz__r) FROM Widget__c WITH USER_MODE];\n' +
                    '        Object f = [SELECT Id FROM Widget__c WITH USER_MODE ORDER BY Part__r.Name];\n' +
                    "        Object g = Database.query('SELECT Id FROM Widget__c WHERE Name = \\'' + name + '\\'');\n" +
                    "        String soql = 'SELECT Id, Sizze__c FROM Widget__c WHERE Id IN :ids';\n" +
                    "        Object h = Database.queryWithBinds(soql, new Map<String, Object>{ 'ids' => ids }, AccessLevel.USER_MODE);\n" +
                    '        Object i = [SELECT Id FROM Gadget__c WITH USER_MODE];\n' +
                    "        String sortBy = 'Name';\n" +
                    "        if (name != null) {\n            sortBy = 'Colr__c';\n        }\n" +
                    "        Object j = Database.queryWithBinds('SELECT Id FROM Widget__c ORDER BY ' + sortBy, " +
                    'new Map<String, Object>(), AccessLevel.USER_MODE);\n' +
                    '        return new List<Object>{ a, b, c, d, e, f, g, h, i, j };\n    }\n' +
                    '    public static Object read(Lead l) {\n' +
                    '        Object fine = l.Company + l.Owner.Name + l.Routed_At__c;\n' +
                    '        return l.Routd_At__c;\n    }\n}\n'
            );
            lwc = project.write(
                'lwc/badCard/badCard.js',
                "import { LightningElement } from 'lwc';\n" +
                    "import SIZE from '@salesforce/schema/Widget__c.Sizee__c';\n" +
                    "import TITLE from '@salesforce/label/c.Widget_Titel';\n" +
                    'export default class BadCard extends LightningElement {\n    values = [SIZE, TITLE];\n}\n'
            );
            project.write(
                'lwc/badCard/badCard.js-meta.xml',
                '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                    '    <apiVersion>64.0</apiVersion>\n    <isExposed>false</isExposed>\n</LightningComponentBundle>\n'
            );
            permissionSet = project.edit(
                'permissionsets/Widget_User.permissionset-meta.xml',
                '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Size__c</field>',
                '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Code__c</field>\n' +
                    '        <readable>true</readable>\n    </fieldPermissions>\n' +
                    '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Colour__c</field>\n' +
                    '        <readable>true</readable>\n    </fieldPermissions>\n' +
                    '    <fieldPermissions>\n        <editable>true</editable>\n        <field>Widget__c.Size__c</field>'
            );
            project.edit(
                'permissionsets/Widget_User.permissionset-meta.xml',
                '<apexClass>WidgetSelector<',
                '<apexClass>WidgetSelectr<'
            );
            other.flexipage = project.edit(
                'flexipages/Widget_Record_Page.flexipage-meta.xml',
                'Record.Size__c',
                'Record.Sizee__c'
            );
            project.edit('flexipages/Widget_Record_Page.flexipage-meta.xml', '>widgetCard<', '>widgetCardd<');
            other.app = project.edit(
                'applications/Widgets.app-meta.xml',
                '<tabs>Widget__c</tabs>',
                '<tabs>Gadget__c</tabs>'
            );
            other.layout = project.edit(
                'layouts/Widget__c-Widget Layout.layout-meta.xml',
                '<field>Size__c</field>',
                '<field>Sise__c</field>'
            );
            other.listView = project.edit(
                'objects/Widget__c/listViews/All.listView-meta.xml',
                '<columns>Size__c<',
                '<columns>Colour__c<'
            );
            result = await runSchemaCheck(project.dir);
        });
        afterAll(() => project.remove());

        const inApex = (needle: string): string[] => at(result.findings, apex, lineContaining(apex, needle));

        it('fails a misspelled field in a SOQL WHERE clause, suggesting the real one', () => {
            expect(inApex('Sise__c')).toEqual([
                "UnknownSchemaName SOQL 'Sise__c': no field 'Sise__c' on Widget__c (did you mean 'Size__c'?)"
            ]);
        });

        it('fails a wrong relationship in a path', () => {
            expect(inApex('Widgett__r')).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName SOQL 'Widgett__r.Size__c': no relationship 'Widgett__r' on Part__c \(did you mean 'Widget__r'/
                )
            ]);
        });

        it('fails a wrong field at the end of a standard relationship path (Lead.Owner is the polymorphic Name)', () => {
            expect(inApex('UserRoleIdd')).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName SOQL 'Owner.UserRoleIdd': no field 'UserRoleIdd' on Name \(did you mean 'UserRoleId'/
                )
            ]);
        });

        it('fails a misspelled custom field of a standard object that force-app extends', () => {
            expect(inApex('Routed_At_c')).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName SOQL 'Routed_At_c': no field 'Routed_At_c' on Lead \(did you mean 'Routed_At__c'/
                )
            ]);
        });

        it('fails a wrong child relationship in a subquery', () => {
            expect(inApex('Partz__r')).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName SOQL 'Partz__r': no child relationship 'Partz__r' on Widget__c \(did you mean 'Parts__r'/
                )
            ]);
        });

        it('fails a relationship in ORDER BY that does not exist', () => {
            expect(inApex('Part__r.Name')).toEqual([
                expect.stringMatching(/^UnknownSchemaName SOQL 'Part__r.Name': no relationship 'Part__r' on Widget__c/)
            ]);
        });

        it('fails an unknown object', () => {
            expect(inApex('Gadget__c')).toEqual([
                expect.stringMatching(/^UnknownSchemaName SOQL 'Gadget__c': no object 'Gadget__c'/)
            ]);
        });

        it('fails a field read with a dot in Apex on a standard object force-app extends (apex-ls skips those)', () => {
            expect(inApex('l.Company')).toEqual([]);
            expect(inApex('l.Routd_At__c')).toEqual([
                "UnknownSchemaName Apex field 'l.Routd_At__c': no field 'Routd_At__c' on Lead (did you mean 'Routed_At__c'?)"
            ]);
        });

        it('lists dynamic SOQL, fails the one built from input and checks the names of the constant one', () => {
            expect(result.dynamic.map((d) => [d.line, d.call, d.constantBuilt])).toEqual([
                [lineContaining(apex, 'Database.query('), 'Database.query', false],
                [lineContaining(apex, 'Database.queryWithBinds(soql'), 'Database.queryWithBinds', true],
                [lineContaining(apex, "ORDER BY ' + sortBy"), 'Database.queryWithBinds', true]
            ]);
            expect(inApex('Database.query(')).toEqual([
                expect.stringMatching(/^DynamicSoqlNotConstant Database.query\(.*'name' is a parameter/)
            ]);
            expect(inApex('Database.queryWithBinds(soql')).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName dynamic SOQL 'Sizze__c': no field 'Sizze__c' on Widget__c \(did you mean 'Size__c'/
                )
            ]);
        });

        it('checks every text a dynamic query built from constants can have (one per assignment)', () => {
            expect(result.dynamic.find((d) => d.argument.includes('sortBy'))?.values).toEqual([
                'SELECT Id FROM Widget__c ORDER BY Name',
                'SELECT Id FROM Widget__c ORDER BY Colr__c'
            ]);
            expect(inApex("ORDER BY ' + sortBy")).toEqual([
                expect.stringMatching(/^UnknownSchemaName dynamic SOQL 'Colr__c': no field 'Colr__c' on Widget__c/)
            ]);
        });

        it('fails an LWC schema import of a field that does not exist', () => {
            expect(at(result.findings, lwc, lineContaining(lwc, 'Sizee__c'))).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName LWC schema import 'Widget__c.Sizee__c': no field 'Sizee__c' on Widget__c \(did you mean 'Size__c'/
                )
            ]);
        });

        it('fails an LWC import of a label that no labels file defines', () => {
            expect(at(result.findings, lwc, lineContaining(lwc, 'Widget_Titel'))).toEqual([
                "UnknownLabel LWC label import '@salesforce/label/c.Widget_Titel': no custom label Widget_Titel in force-app (did you mean 'Widget_Title'?)"
            ]);
        });

        it('fails a permission set naming a missing field, a required field and a missing class', () => {
            expect(at(result.findings, permissionSet, lineContaining(permissionSet, 'Widget__c.Colour__c'))).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName permission set field 'Widget__c.Colour__c': no field 'Colour__c' on Widget__c/
                )
            ]);
            expect(at(result.findings, permissionSet, lineContaining(permissionSet, 'Widget__c.Code__c'))).toEqual([
                expect.stringMatching(/^PermissionSetField permission set grants Widget__c.Code__c, a required field/)
            ]);
            expect(at(result.findings, permissionSet, lineContaining(permissionSet, 'WidgetSelectr'))).toEqual([
                "UnknownMetadataName permission set names Apex class 'WidgetSelectr', which force-app does not define (did you mean 'WidgetSelector'?)"
            ]);
        });

        it('fails a flexipage naming a missing field and a missing component', () => {
            expect(at(result.findings, other.flexipage, lineContaining(other.flexipage, 'Record.Sizee__c'))).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName flexipage field 'Record.Sizee__c': no field 'Sizee__c' on Widget__c \(did you mean 'Size__c'/
                )
            ]);
            expect(at(result.findings, other.flexipage, lineContaining(other.flexipage, 'widgetCardd'))).toEqual([
                "UnknownMetadataName flexipage names component 'widgetCardd', which force-app does not define (did you mean 'widgetCard'?)"
            ]);
        });

        it('fails an app naming a missing tab, a layout and a list view naming missing fields', () => {
            expect(at(result.findings, other.app, lineContaining(other.app, 'Gadget__c'))).toEqual([
                "UnknownMetadataName application names tab 'Gadget__c', which force-app does not define (did you mean 'Widget__c'?)"
            ]);
            expect(at(result.findings, other.layout, lineContaining(other.layout, 'Sise__c'))).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName layout field 'Sise__c': no field 'Sise__c' on Widget__c \(did you mean 'Size__c'/
                )
            ]);
            expect(at(result.findings, other.listView, lineContaining(other.listView, 'Colour__c'))).toEqual([
                expect.stringMatching(
                    /^UnknownSchemaName list view column 'Colour__c': no field 'Colour__c' on Widget__c/
                )
            ]);
        });

        it('reports nothing else', () => {
            expect(result.findings).toHaveLength(21);
        });
    });
});
