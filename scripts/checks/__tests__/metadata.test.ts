/**
 * Planted-fault tests of check:metadata. Each test writes a tiny sfdx project into a temp folder,
 * plants one fault and runs the real check (with the real `sf project convert source`).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkMetadata, MetadataReport } from '../metadata';

const API = '64.0';
const FORCEIGNORE = ['**/lwc/**/*.ts', '**/__tests__/**', '**/jsconfig.json', '**/tsconfig.json', ''].join('\n');

const apexMeta = (root: string, version = API) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${version}</apiVersion>\n    <status>Active</status>\n</${root}>\n`;

const labelsFile = (names: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${names
        .map(
            (n) =>
                `    <labels>\n        <fullName>${n}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${n}</shortDescription>\n        <value>${n} text</value>\n    </labels>\n`
        )
        .join('')}</CustomLabels>\n`;

const translationFile = (names: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<Translations xmlns="http://soap.sforce.com/2006/04/metadata">\n${names
        .map(
            (n) =>
                `    <customLabels>\n        <label>${n} oversatt</label>\n        <name>${n}</name>\n    </customLabels>\n`
        )
        .join('')}</Translations>\n`;

const LABELS = ['Common_Close', 'Inbox_Accept', 'Inbox_Return'];

/** A project with one of every component kind the check knows about, all correct. */
function tinyProject(): Record<string, string> {
    const d = 'force-app/main/default';
    const files: Record<string, string> = {
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            name: 'tiny',
            namespace: '',
            sourceApiVersion: API
        }),
        '.forceignore': FORCEIGNORE,
        [`${d}/classes/InboxService.cls`]: 'public with sharing class InboxService {}\n',
        [`${d}/classes/InboxService.cls-meta.xml`]: apexMeta('ApexClass'),
        [`${d}/triggers/LeadTrigger.trigger`]: 'trigger LeadTrigger on Lead (before update) {}\n',
        [`${d}/triggers/LeadTrigger.trigger-meta.xml`]: apexMeta('ApexTrigger'),
        [`${d}/objects/Widget__c/Widget__c.object-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <deploymentStatus>Deployed</deploymentStatus>\n    <label>Widget</label>\n    <nameField>\n        <label>Widget Name</label>\n        <type>Text</type>\n    </nameField>\n    <pluralLabel>Widgets</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n',
        [`${d}/objects/Widget__c/fields/Size__c.field-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Size__c</fullName>\n    <label>Size</label>\n    <precision>4</precision>\n    <scale>0</scale>\n    <type>Number</type>\n</CustomField>\n',
        [`${d}/objects/Lead/fields/Accepted_At__c.field-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Accepted_At__c</fullName>\n    <label>Accepted At</label>\n    <type>DateTime</type>\n</CustomField>\n',
        [`${d}/lwc/leadsInbox/leadsInbox.ts`]: 'export default class LeadsInbox {}\n',
        [`${d}/lwc/leadsInbox/leadsInbox.js`]: 'export default class LeadsInbox {}\n',
        [`${d}/lwc/leadsInbox/leadsInbox.html`]: '<template></template>\n',
        [`${d}/lwc/leadsInbox/leadsInbox.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <isExposed>true</isExposed>\n</LightningComponentBundle>\n`,
        [`${d}/lwc/leadsInbox/__tests__/leadsInbox.test.ts`]: 'it("renders", () => undefined);\n',
        [`${d}/lwc/tsconfig.json`]: '{}\n',
        [`${d}/aura/partnerDeskOut/partnerDeskOut.app`]:
            '<aura:application access="GLOBAL" extends="ltng:outApp"><aura:dependency resource="c:leadsInbox"/></aura:application>\n',
        [`${d}/aura/partnerDeskOut/partnerDeskOut.app-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<AuraDefinitionBundle xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <description>Lightning Out app</description>\n</AuraDefinitionBundle>\n`,
        [`${d}/pages/InboxPage.page`]: '<apex:page><apex:includeLightning /></apex:page>\n',
        [`${d}/pages/InboxPage.page-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<ApexPage xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <label>InboxPage</label>\n</ApexPage>\n`,
        [`${d}/labels/Common.labels-meta.xml`]: labelsFile(['Common_Close']),
        [`${d}/labels/Inbox.labels-meta.xml`]: labelsFile(['Inbox_Accept', 'Inbox_Return']),
        [`${d}/permissionsets/Partner_Desk_Partner.permissionset-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <hasActivationRequired>false</hasActivationRequired>\n    <label>Partner Desk Partner</label>\n</PermissionSet>\n',
        [`${d}/tabs/Widget__c.tab-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomTab xmlns="http://soap.sforce.com/2006/04/metadata">\n    <customObject>true</customObject>\n    <motif>Custom20: Airplane</motif>\n</CustomTab>\n',
        [`${d}/applications/Partner_Desk.app-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomApplication xmlns="http://soap.sforce.com/2006/04/metadata">\n    <formFactors>Large</formFactors>\n    <label>Partner Desk</label>\n    <navType>Standard</navType>\n    <tabs>Widget__c</tabs>\n    <uiType>Lightning</uiType>\n</CustomApplication>\n',
        [`${d}/flexipages/Inbox_Page.flexipage-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata">\n    <masterLabel>Inbox</masterLabel>\n    <template>\n        <name>flexipage:defaultAppHomeTemplate</name>\n    </template>\n    <type>AppPage</type>\n</FlexiPage>\n',
        [`${d}/staticresources/RoundRobinVectors.json`]: '{"vectors":[]}\n',
        [`${d}/staticresources/RoundRobinVectors.resource-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">\n    <cacheControl>Private</cacheControl>\n    <contentType>application/json</contentType>\n</StaticResource>\n',
        [`${d}/quickActions/Lead.Return_Lead.quickAction-meta.xml`]:
            '<?xml version="1.0" encoding="UTF-8"?>\n<QuickAction xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Return</label>\n    <lightningWebComponent>leadsInbox</lightningWebComponent>\n    <optionsCreateFeedItem>false</optionsCreateFeedItem>\n    <type>LightningWebComponent</type>\n</QuickAction>\n'
    };
    for (const lang of ['no', 'el', 'in']) {
        files[`${d}/translations/${lang}.translation-meta.xml`] = translationFile(LABELS);
    }
    return files;
}

const tempDirs: string[] = [];

function writeProject(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-metadata-test-'));
    tempDirs.push(dir);
    for (const [rel, content] of Object.entries(files)) {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return dir;
}

const D = 'force-app/main/default';
const messages = (report: MetadataReport) => report.problems.map((p) => `[${p.rule}] ${p.message}`);

afterAll(() => {
    for (const dir of tempDirs) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

describe('check:metadata', () => {
    it.concurrent('passes a clean project and finds every component in package.xml', async () => {
        const report = await checkMetadata(writeProject(tinyProject()));

        expect(messages(report)).toEqual([]);
        expect(report.translationGaps).toEqual([]);
        expect(report.expected.sort()).toEqual(
            [
                'ApexClass:InboxService',
                'ApexPage:InboxPage',
                'AuraDefinitionBundle:partnerDeskOut',
                'ApexTrigger:LeadTrigger',
                'CustomApplication:Partner_Desk',
                'CustomField:Lead.Accepted_At__c',
                'CustomField:Widget__c.Size__c',
                'CustomLabel:Common_Close',
                'CustomLabel:Inbox_Accept',
                'CustomLabel:Inbox_Return',
                'CustomObject:Widget__c',
                'CustomTab:Widget__c',
                'FlexiPage:Inbox_Page',
                'LightningComponentBundle:leadsInbox',
                'PermissionSet:Partner_Desk_Partner',
                'QuickAction:Lead.Return_Lead',
                'StaticResource:RoundRobinVectors',
                'Translations:el',
                'Translations:in',
                'Translations:no'
            ].sort()
        );
        for (const key of report.expected) {
            expect(report.listed).toContain(key);
        }
    });

    it.concurrent('finds every component when features keep their own folders and share an object', async () => {
        const files: Record<string, string> = {};
        for (const [rel, content] of Object.entries(tinyProject())) {
            const feature = rel.includes('Accepted_At__c') || rel.includes('/lwc/') ? 'inbox' : 'shared';
            files[rel.replace('force-app/main/default/', `force-app/main/${feature}/`)] = content;
        }
        files['force-app/main/routing/objects/Lead/fields/Routed_At__c.field-meta.xml'] =
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Routed_At__c</fullName>\n    <label>Routed At</label>\n    <type>DateTime</type>\n</CustomField>\n';
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([]);
        expect(report.expected).toEqual(
            expect.arrayContaining([
                'CustomField:Lead.Accepted_At__c',
                'CustomField:Lead.Routed_At__c',
                'LightningComponentBundle:leadsInbox'
            ])
        );
        expect(report.listed.sort()).toEqual([...report.expected, 'CustomLabels:CustomLabels'].sort());
    });

    it.concurrent('fails on a permission set that grants the same field twice', async () => {
        const files = tinyProject();
        const grant =
            '    <fieldPermissions>\n        <editable>false</editable>\n        <field>Widget__c.Size__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n';
        files[`${D}/permissionsets/Partner_Desk_Partner.permissionset-meta.xml`] =
            `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n${grant}${grant}    <hasActivationRequired>false</hasActivationRequired>\n    <label>Partner Desk Partner</label>\n</PermissionSet>\n`;
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([
            expect.stringMatching(
                /^\[permission-set\] .*Partner_Desk_Partner\.permissionset-meta\.xml lists fieldPermissions for Widget__c\.Size__c more than once/
            )
        ]);
    });

    it.concurrent('fails on a class without its -meta.xml, which convert drops silently', async () => {
        const files = tinyProject();
        files[`${D}/classes/LeadRecallSchedule.cls`] = 'public with sharing class LeadRecallSchedule {}\n';
        const report = await checkMetadata(writeProject(files));

        expect(report.listed).not.toContain('ApexClass:LeadRecallSchedule');
        expect(messages(report)).toEqual([
            expect.stringMatching(
                /^\[missing-meta\] .*LeadRecallSchedule\.cls has no LeadRecallSchedule\.cls-meta\.xml/
            ),
            expect.stringMatching(/^\[missing-from-package\] ApexClass LeadRecallSchedule .* is not in package\.xml/)
        ]);
    });

    it.concurrent('fails on a stale api version in a class or trigger -meta.xml', async () => {
        const files = tinyProject();
        files[`${D}/triggers/LeadTrigger.trigger-meta.xml`] = apexMeta('ApexTrigger', '58.0');
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([
            expect.stringMatching(/^\[api-version\] .*LeadTrigger\.trigger-meta\.xml has apiVersion 58\.0; .* is 64\.0/)
        ]);
    });

    it.concurrent('reports a label without a translation, naming the language and the label', async () => {
        const files = tinyProject();
        files[`${D}/labels/Inbox.labels-meta.xml`] = labelsFile(['Inbox_Accept', 'Inbox_Return', 'Inbox_Recalled']);
        delete files[`${D}/translations/in.translation-meta.xml`];
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([]);
        expect(report.listed).toContain('CustomLabel:Inbox_Recalled');
        const gaps = report.translationGaps.map((g) => g.message);
        expect(gaps).toEqual([
            expect.stringMatching(
                /^\[no\] 1 of 4 labels have no translation in .*no\.translation-meta\.xml: Inbox_Recalled$/
            ),
            expect.stringMatching(
                /^\[el\] 1 of 4 labels have no translation in .*el\.translation-meta\.xml: Inbox_Recalled$/
            ),
            expect.stringMatching(/^\[in\] .*in\.translation-meta\.xml does not exist: all 4 labels lack/)
        ]);
    });

    it.concurrent('fails on a translation of a label that no labels file defines', async () => {
        const files = tinyProject();
        files[`${D}/translations/el.translation-meta.xml`] = translationFile([...LABELS, 'Inbox_Gone']);
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([
            expect.stringMatching(
                /^\[translation\] \[el\] .* translates label Inbox_Gone, which no labels file defines/
            )
        ]);
    });

    it.concurrent('fails when .forceignore lets TypeScript sources into the deploy', async () => {
        const files = tinyProject();
        files['.forceignore'] = FORCEIGNORE.replace('**/lwc/**/*.ts\n', '');
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([
            expect.stringMatching(/^\[deploy-leak\] lwc\/leadsInbox\/leadsInbox\.ts ends up in the deploy/)
        ]);
    });

    it.concurrent('fails on an LWC whose .ts has no compiled .js, or that has no js-meta.xml', async () => {
        const files = tinyProject();
        files[`${D}/lwc/leadsInbox/slaBadge.ts`] = 'export const x = 1;\n';
        delete files[`${D}/lwc/leadsInbox/leadsInbox.js-meta.xml`];
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([
            expect.stringMatching(/^\[lwc-bundle\] LWC leadsInbox has no leadsInbox\.js-meta\.xml/),
            expect.stringMatching(/^\[lwc-bundle\] .*slaBadge\.ts has no compiled slaBadge\.js/)
        ]);
    });

    it.concurrent('fails on the same label defined in two labels files', async () => {
        const files = tinyProject();
        files[`${D}/labels/Common.labels-meta.xml`] = labelsFile(['Common_Close', 'Inbox_Accept']);
        const report = await checkMetadata(writeProject(files));

        expect(messages(report)).toEqual([expect.stringMatching(/^\[labels\] label Inbox_Accept is defined in both/)]);
    });

    it.concurrent(
        'exits 1 from the command line, and 0 with --translations=warn when only translations are missing',
        async () => {
            const files = tinyProject();
            delete files[`${D}/translations/no.translation-meta.xml`];
            const dir = writeProject(files);
            const script = path.resolve(__dirname, '..', 'metadata.ts');
            const tsx = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');

            const run = (extra: string[]) =>
                new Promise<{ status: number; stdout: string }>((resolve) =>
                    execFile(tsx, [script, dir, ...extra], (error, stdout) =>
                        resolve({ status: error ? Number(error.code) : 0, stdout })
                    )
                );

            const strict = await run([]);
            expect(strict.status).toBe(1);
            expect(strict.stdout).toMatch(/\[no\] .*no\.translation-meta\.xml does not exist/);
            expect(strict.stdout).toMatch(/check:metadata: FAILED \(0 problem\(s\), 1 translation gap\(s\)\)/);

            const lenient = await run(['--translations=warn']);
            expect(lenient.status).toBe(0);
            expect(lenient.stdout).toMatch(/! \[no\]/);
            expect(lenient.stdout).toMatch(/check:metadata: OK/);
        }
    );
});
