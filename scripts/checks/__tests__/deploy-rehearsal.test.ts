/**
 * check:deploy on planted faults, one per rule, in copies of fixtures/minimal-project; and the rule
 * list in the code and in deploy-rehearsal-rules.md kept in step.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, RULES_DOC, runDeployRehearsal } from '../deploy-rehearsal';
import type { Finding } from '../lib/findings';
import { FixtureProject, findingsIn, lineContaining } from './fixture-project';

const DOC = '/**\n * Planted fault.\n */\n';

const permissionSet = (objectPermissions: string[], userPermissions: string[] = [], customPermissions: string[] = []) =>
    '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
    customPermissions
        .map(
            (n) =>
                `    <customPermissions>\n        <enabled>true</enabled>\n        <name>${n}</name>\n    </customPermissions>\n`
        )
        .join('') +
    '    <label>Planted</label>\n' +
    objectPermissions.join('') +
    userPermissions
        .map(
            (n) =>
                `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${n}</name>\n    </userPermissions>\n`
        )
        .join('') +
    '</PermissionSet>\n';

type Grant = 'C' | 'R' | 'E' | 'D' | 'V' | 'M';

const objectPermission = (object: string, grants: Grant[]) =>
    '    <objectPermissions>\n' +
    `        <allowCreate>${grants.includes('C')}</allowCreate>\n` +
    `        <allowDelete>${grants.includes('D')}</allowDelete>\n` +
    `        <allowEdit>${grants.includes('E')}</allowEdit>\n` +
    `        <allowRead>${grants.includes('R')}</allowRead>\n` +
    `        <modifyAllRecords>${grants.includes('M')}</modifyAllRecords>\n` +
    `        <object>${object}</object>\n` +
    `        <viewAllRecords>${grants.includes('V')}</viewAllRecords>\n` +
    '    </objectPermissions>\n';

const TRANSLATION =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Translations xmlns="http://soap.sforce.com/2006/04/metadata">\n</Translations>\n';

function rulesAt(findings: Finding[], file: string): Array<[number, string]> {
    return findingsIn(findings, file).map((f) => [f.line, f.rule]);
}

describe('check:deploy', () => {
    it('passes the clean fixture project', () => {
        const project = new FixtureProject('rehearsal-clean');
        try {
            const result = runDeployRehearsal(project.dir);
            expect(result.findings).toEqual([]);
            expect(result.stats.permissionSets).toBe(1);
            expect(result.stats.apexClasses).toBe(1);
        } finally {
            project.remove();
        }
    });

    it('lists the same rules in the code and in the rules document, each with a Salesforce source', () => {
        const doc = fs.readFileSync(RULES_DOC, 'utf8');
        const rows = doc.split('\n').filter((l) => /^\| `\w+` \|/.test(l));
        expect(rows.map((r) => /^\| `(\w+)`/.exec(r)![1])).toEqual([...RULES]);
        for (const row of rows) {
            expect(row).toMatch(/https:\/\/developer\.salesforce\.com\/docs\//);
        }
    });

    describe('on planted faults', () => {
        const project = new FixtureProject('rehearsal-faults');
        let findings: Finding[];
        const files: Record<string, string> = {};

        beforeAll(() => {
            files.objectPerms = project.write(
                'permissionsets/Bad_Objects.permissionset-meta.xml',
                permissionSet([
                    objectPermission('Lead', ['R', 'E', 'V', 'M']),
                    objectPermission('Widget__c', ['V']),
                    objectPermission('Part__c', ['R', 'D']),
                    objectPermission('Account', ['R', 'C', 'E', 'D', 'V', 'M'])
                ])
            );
            files.userPerms = project.write(
                'permissionsets/Bad_Transfer.permissionset-meta.xml',
                permissionSet([objectPermission('Lead', ['R', 'E'])], ['ApiEnabled', 'TransferAnyLead'])
            );
            files.goodTransfer = project.write(
                'permissionsets/Good_Transfer.permissionset-meta.xml',
                permissionSet([objectPermission('Lead', ['R', 'C', 'E'])], ['TransferAnyLead'])
            );
            files.el = project.write('translations/el.translation-meta.xml', TRANSLATION);
            files.ja = project.write('translations/ja.translation-meta.xml', TRANSLATION);
            files.eu = project.write('translations/eu.translation-meta.xml', TRANSLATION);
            fs.mkdirSync(path.join(project.dir, 'config'));
            fs.writeFileSync(
                path.join(project.dir, 'config', 'project-scratch-def.json'),
                JSON.stringify({
                    edition: 'Developer',
                    settings: { languageSettings: { enableTranslationWorkbench: true } }
                })
            );

            files.batch = project.writeClass('WidgetBatch', `${DOC}public with sharing class WidgetBatch {}\n`);
            files.schedule = project.writeClass(
                'WidgetSchedule',
                `${DOC}public with sharing class WidgetSchedule implements Schedulable {\n` +
                    '    public void execute(SchedulableContext context) {\n' +
                    '        Database.executeBatch(new WidgetBatch());\n' +
                    '        WidgetSelector.selectLarge(1);\n' +
                    '    }\n}\n'
            );
            files.decoupled = project.writeClass(
                'WidgetScheduleByName',
                `${DOC}public with sharing class WidgetScheduleByName implements System.Schedulable {\n` +
                    '    public void execute(SchedulableContext context) {\n' +
                    '        // WidgetBatch runs through its name only.\n' +
                    "        Database.executeBatch((Database.Batchable<SObject>) Type.forName('WidgetBatch').newInstance());\n" +
                    '    }\n}\n'
            );

            files.profiles = project.writeClass(
                'ProfileLookupTest',
                `${DOC}@IsTest\nprivate class ProfileLookupTest {\n` +
                    '    @IsTest\n    static void byName() {\n' +
                    "        Id a = [SELECT Id FROM Profile WHERE Name = 'Standard User' LIMIT 1].Id;\n" +
                    "        List<User> b = [SELECT Id FROM User WHERE Profile.Name IN ('System Administrator')];\n" +
                    "        Id c = [SELECT Id FROM Profile WHERE UserType = 'Standard' AND UserLicense.Name = 'Salesforce' LIMIT 1].Id;\n" +
                    "        Id d = [SELECT Id FROM Profile WHERE UserType = 'Standard' AND Name LIKE 'Standard%' LIMIT 1].Id;\n" +
                    "        Assert.isNotNull(a, 'found');\n    }\n}\n"
            );
            files.profileInCode = project.writeClass(
                'ProfileNames',
                `${DOC}public with sharing class ProfileNames {\n` +
                    "    public static Id admin() { return [SELECT Id FROM Profile WHERE Name = 'System Administrator' WITH USER_MODE].Id; }\n}\n"
            );

            files.setupNames = project.writeClass(
                'QueueNamesTest',
                `${DOC}@IsTest\nprivate class QueueNamesTest {\n` +
                    "    private static final String FIXED = 'PD_Test_Fixed';\n" +
                    '    private static final String KEY = String.valueOf(Crypto.getRandomInteger());\n' +
                    "    private static final String UNIQUE = 'PD_Test_' + KEY;\n" +
                    '    static List<Group> queues(List<String> names) {\n' +
                    '        List<Group> out = new List<Group>();\n' +
                    '        for (String name : names) {\n' +
                    "            out.add(new Group(Type = 'Queue', Name = name, DeveloperName = name));\n" +
                    '        }\n        return out;\n    }\n' +
                    '    @IsTest\n    static void creates() {\n' +
                    "        insert new Group(Type = 'Queue', Name = 'Alpha', DeveloperName = 'PD_Test_Alpha');\n" +
                    "        insert new UserRole(Name = 'Role', DeveloperName = FIXED + '_Role');\n" +
                    "        String local = 'PD_Test_Local';\n" +
                    "        insert new PermissionSet(Label = 'Local', Name = local);\n" +
                    "        insert new Group(Type = 'Queue', Name = 'Unique', DeveloperName = UNIQUE);\n" +
                    "        insert new Group(Type = 'Queue', Name = 'Keyed', DeveloperName = 'PD_Test_' + String.valueOf(Crypto.getRandomLong()));\n" +
                    "        Assert.isTrue(true, 'created');\n    }\n}\n"
            );
            files.serialSetup = project.writeClass(
                'SerialQueueTest',
                `${DOC}// Serial: it creates the one queue the org-level settings name.\n@IsTest(isParallel=false)\nprivate class SerialQueueTest {\n` +
                    "    @IsTest\n    static void creates() {\n        insert new Group(Type = 'Queue', Name = 'Alpha', DeveloperName = 'PD_Test_Alpha');\n" +
                    "        Assert.isTrue(true, 'created');\n    }\n}\n"
            );

            files.limits = project.writeClass(
                'BudgetTest',
                `${DOC}@IsTest\nprivate class BudgetTest {\n` +
                    '    @IsTest\n    static void spends() {\n' +
                    '        Integer before = Limits.getQueries();\n' +
                    "        insert new Widget__c(Name = 'w');\n" +
                    '        Integer spent = Limits.getQueries() - before;\n' +
                    '        Integer doubled = spent * 2;\n' +
                    "        Assert.isTrue(spent <= 3, 'queries: ' + spent);\n" +
                    "        System.assertEquals(0, Limits.getDmlStatements() - 1, 'dml');\n" +
                    "        Assert.isTrue(doubled < 10, 'doubled');\n" +
                    "        Assert.isTrue(WidgetSelector.lastQueryCount <= 3, 'through the seam');\n" +
                    '    }\n}\n'
            );

            const scripts = path.join(project.dir, 'scripts');
            fs.mkdirSync(scripts);
            files.bypassSet = project.write(
                'permissionsets/Widget_Service.permissionset-meta.xml',
                permissionSet([objectPermission('Widget__c', ['R', 'E'])], [], ['Widget_Bypass_Routing'])
            );
            files.deployScript = path.join(scripts, 'deploy.ts');
            fs.writeFileSync(
                files.deployScript,
                "const SETS = ['Widget_User', 'Widget_Service'];\n" +
                    "export const args = ['org', 'assign', 'permset', ...SETS.flatMap((s) => ['--name', s])];\n" +
                    "export const hint = `sf org assign permset --name ${'Widget_Service'} --on-behalf-of <integration.user>`;\n"
            );
            files.otherScript = path.join(scripts, 'report.ts');
            fs.writeFileSync(files.otherScript, "export const shown = 'Widget_Service';\n");

            findings = runDeployRehearsal(project.dir).findings;
        });
        afterAll(() => project.remove());

        it('reports object permissions without the ones they require, and accepts a complete set', () => {
            const f = files.objectPerms;
            expect(rulesAt(findings, f)).toEqual([
                [lineContaining(f, '<object>Lead</object>'), 'ObjectPermissionDependency'],
                [lineContaining(f, '<object>Widget__c</object>'), 'ObjectPermissionDependency'],
                [lineContaining(f, '<object>Part__c</object>'), 'ObjectPermissionDependency']
            ]);
            const messages = findingsIn(findings, f).map((x) => x.message);
            expect(messages[0]).toMatch(/grants Modify All on Lead without Delete/);
            expect(messages[1]).toMatch(/grants View All on Widget__c without Read/);
            expect(messages[2]).toMatch(/grants Delete on Part__c without Edit/);
        });

        it('reports Transfer Leads without Create on Lead, and accepts it with Read, Create and Edit', () => {
            expect(rulesAt(findings, files.userPerms)).toEqual([
                [lineContaining(files.userPerms, '<name>TransferAnyLead</name>'), 'UserPermissionDependency']
            ]);
            expect(findingsIn(findings, files.userPerms)[0].message).toMatch(/TransferAnyLead without Create on Lead/);
            expect(findingsIn(findings, files.goodTransfer)).toEqual([]);
        });

        it('reports translations into languages the scratch definition leaves off', () => {
            expect(rulesAt(findings, files.el)).toEqual([[1, 'TranslationLanguageNotEnabled']]);
            expect(findingsIn(findings, files.el)[0].message).toMatch(/enableEndUserLanguages/);
            expect(rulesAt(findings, files.eu)).toEqual([[1, 'TranslationLanguageNotEnabled']]);
            expect(findingsIn(findings, files.eu)[0].message).toMatch(/enablePlatformLanguages/);
            expect(findingsIn(findings, files.ja)).toEqual([]);
        });

        it('reports a Schedulable that names project classes, once per class, and accepts Type.forName', () => {
            expect(rulesAt(findings, files.schedule)).toEqual([
                [lineContaining(files.schedule, 'new WidgetBatch()'), 'SchedulableNamesClass'],
                [lineContaining(files.schedule, 'WidgetSelector.selectLarge'), 'SchedulableNamesClass']
            ]);
            expect(findingsIn(findings, files.schedule)[0].message).toMatch(/Type\.forName\('WidgetBatch'\)/);
            expect(findingsIn(findings, files.decoupled)).toEqual([]);
            expect(findingsIn(findings, files.batch)).toEqual([]);
        });

        it('reports profiles found by name in test code only', () => {
            expect(rulesAt(findings, files.profiles)).toEqual([
                [lineContaining(files.profiles, "Name = 'Standard User'"), 'TestProfileByName'],
                [lineContaining(files.profiles, 'Profile.Name IN'), 'TestProfileByName'],
                [lineContaining(files.profiles, 'AND Name LIKE'), 'TestProfileByName']
            ]);
            expect(findingsIn(findings, files.profileInCode)).toEqual([]);
        });

        it('reports setup objects created under fixed or passed-through names, and accepts unique ones', () => {
            const f = files.setupNames;
            expect(rulesAt(findings, f)).toEqual([
                [lineContaining(f, 'DeveloperName = name'), 'TestFixedSetupName'],
                [lineContaining(f, "DeveloperName = 'PD_Test_Alpha'"), 'TestFixedSetupName'],
                [lineContaining(f, "DeveloperName = FIXED + '_Role'"), 'TestFixedSetupName'],
                [lineContaining(f, 'Name = local'), 'TestFixedSetupName']
            ]);
            expect(findingsIn(findings, f)[0].message).toMatch(/taken as the caller passes it/);
            expect(findingsIn(findings, f)[1].message).toMatch(/same on every run/);
            expect(findingsIn(findings, files.serialSetup)).toEqual([]);
        });

        it('reports assertions on Limits counts, through variables too, and accepts a seam', () => {
            const f = files.limits;
            expect(rulesAt(findings, f)).toEqual([
                [lineContaining(f, "'queries: '"), 'TestAbsoluteLimits'],
                [lineContaining(f, 'System.assertEquals'), 'TestAbsoluteLimits'],
                [lineContaining(f, "'doubled'"), 'TestAbsoluteLimits']
            ]);
        });

        it('reports a script that assigns a bypass permission set to the user running it', () => {
            expect(rulesAt(findings, files.deployScript)).toEqual([[1, 'DeployScriptGrantsBypass']]);
            expect(findingsIn(findings, files.deployScript)[0].message).toMatch(
                /assigns Widget_Service \(custom permission Widget_Bypass_Routing\)/
            );
            expect(findingsIn(findings, files.otherScript)).toEqual([]);
        });

        it('reports nothing else', () => {
            const planted = new Set(Object.values(files));
            expect(findings.filter((f) => !planted.has(f.file))).toEqual([]);
        });
    });
});
