/**
 * The browser test: builds the gallery of every component, renders every state in Debian's Chromium
 * (in Salesforce's styles), clicks through each component's key path, and fails on any page or console
 * error, failed request, component that rendered nothing, horizontal overflow, cut-off label, failed
 * step, expected Apex call not made, or accessibility violation (axe-core with sa11y's base rules).
 * Chromium missing is a failure, not a skip: CI installs the Debian package `chromium`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGallery, type GalleryRun } from '../build';
import { LABEL_FILES, LWC_BUNDLES, sldsVersion, TRANSLATION_FILES } from '../bundle';
import { CATALOG, resolveStates } from '../catalog';
import { GALLERY_LANGUAGES, readLabels, readTranslations } from '../labels';
import { accessibilityProblems, layoutProblems } from '../pageChecks';
import {
    assertChromium,
    CHROMIUM_PATH,
    launchChromium,
    missingCalls,
    pagePath,
    renderStates,
    type StateResult
} from '../render';
import type { GalleryState } from '../shims/state';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const labels = readLabels(LABEL_FILES);
const translations = readTranslations(TRANSLATION_FILES, GALLERY_LANGUAGES);

/** One state as the gallery builds it. */
function catalogState(bundle: string, name: string): GalleryState {
    const entry = CATALOG.find((e) => e.bundle === bundle);
    const state = entry && resolveStates(entry, LWC_BUNDLES, labels, translations).find((s) => s.state === name);
    if (!state) {
        throw new Error(`${bundle} has no state ${name} in the catalog`);
    }
    return state;
}

function label(name: string): string {
    const value = labels.get(name);
    if (value === undefined) {
        throw new Error(`label ${name} is missing`);
    }
    return value;
}

interface Probes {
    imageWithoutName: string[];
    wideBlock: string[];
    cutOffButton: string[];
    nothingRendered: string[];
}

describe('component gallery in Chromium (the browser test)', () => {
    let outDir: string;
    let run: GalleryRun;
    let planted: StateResult[];
    let probes: Probes;
    let started: number;

    const result = (component: string, state: string): StateResult => {
        const found = run.results.find((r) => r.component === component && r.state === state);
        if (!found) {
            throw new Error(`no result for ${component}/${state}`);
        }
        return found;
    };

    beforeAll(async () => {
        assertChromium();
        started = Date.now();
        outDir = mkdtempSync(join(tmpdir(), 'gallery-test-'));
        run = await runGallery({
            outDir,
            // While the built gallery is served: planted faults the renderer must catch.
            whileServing: async (url) => {
                const accounts = catalogState('partnerAccounts', 'data');
                planted = await renderStates(
                    url,
                    [
                        { ...accounts, expect: ['A partner account nobody created'] },
                        { ...accounts, state: 'no-such-state', expect: [] },
                        { ...accounts, steps: [{ click: 'lightning-button.no-such-button button' }] },
                        { ...accounts, expectCalls: ['PartnerOnboardingController.enablePartner'] }
                    ],
                    join(outDir, 'planted')
                );
                probes = await probePage(`${url}/${pagePath('errorPanel', 'generic')}`);
            }
        });
        process.stdout.write(
            `Browser test: ${run.results.length} states, build ${(run.build.millis / 1000).toFixed(1)} s, ` +
                `render ${(run.renderMillis / 1000).toFixed(1)} s, in all ${((Date.now() - started) / 1000).toFixed(1)} s\n`
        );
    }, 900000);

    afterAll(() => {
        if (outDir) {
            rmSync(outDir, { recursive: true, force: true });
        }
    });

    it("finds Debian's Chromium, and says which package to install when it is missing", () => {
        expect(existsSync(CHROMIUM_PATH)).toBe(true);
        expect(() => assertChromium('/nonexistent/chromium')).toThrow(/install the Debian package "chromium"/);
    });

    it("renders in Salesforce's styles, and refuses to render without them", () => {
        expect(run.build.sldsVersion).toMatch(/^\d+\.\d+\.\d+$/);
        const page = readFileSync(join(outDir, 'page.html'), 'utf8');
        expect(page).toContain('assets/styles/salesforce-lightning-design-system.min.css');
        expect(existsSync(join(outDir, 'assets', 'icons', 'utility-sprite', 'svg', 'symbols.svg'))).toBe(true);
        expect(() => sldsVersion('/nonexistent/design-system')).toThrow(
            /@salesforce-ux\/design-system is not installed .*Run npm install/
        );
    });

    it('renders every state without errors, overflow, cut-off labels or accessibility violations', () => {
        expect(run.failures).toEqual([]);
        expect(run.skipped).toEqual([]);
        expect(run.results.map((r) => `${r.component}/${r.state}`)).toEqual(
            run.states.map((s) => `${s.component}/${s.state}`)
        );
        expect(run.results.length).toBeGreaterThanOrEqual(5);
    });

    it('runs the accessibility checker on every state', () => {
        for (const r of run.results) {
            expect({ state: `${r.component}/${r.state}`, ran: r.a11yRules > 20 }).toEqual({
                state: `${r.component}/${r.state}`,
                ran: true
            });
        }
    });

    it('shows every component loading, with an error, without permission, and in Greek and Norwegian', () => {
        for (const entry of CATALOG) {
            const states = run.states.filter((s) => s.component === entry.bundle).map((s) => s.state);
            const wanted = entry.bundle === 'errorPanel' ? [] : ['loading', 'error', 'no-permission'];
            expect({ bundle: entry.bundle, states: states.filter((s) => wanted.includes(s)).sort() }).toEqual({
                bundle: entry.bundle,
                states: wanted.sort()
            });
            expect(states).toEqual(expect.arrayContaining([`${entry.translated}-el`, `${entry.translated}-no`]));
            expect(run.states.some((s) => s.component === entry.bundle && s.steps.length > 0)).toBe(true);
        }
        const phone = run.states.find((s) => s.component === 'leadsInbox' && s.state === 'phone');
        expect(phone?.width).toBe(375);
    });

    it('shows the Greek and Norwegian labels from the translation files', () => {
        const title = translations.el.Onboarding_Accounts_Title;
        expect(title).toBeTruthy();
        expect(result('partnerAccounts', 'data-el').text).toContain(title);
        expect(result('partnerAccounts', 'data-no').text).toContain(translations.no.Onboarding_Accounts_Title);
        expect(result('partnerAccounts', 'data-el').text).not.toContain(label('Onboarding_Accounts_Title'));
    });

    it('clicks through the key paths: enable a partner user, preview, accept and return, dry run then for real', () => {
        const calls = (r: StateResult): string[] =>
            r.platformLog.filter((e) => e.startsWith('apex ')).map((e) => e.slice(5, e.indexOf('(')));
        const enable = result('partnerUsers', 'enable-user');
        expect(enable.errors).toEqual([]);
        expect(calls(enable)).toContain('PartnerOnboardingController.enablePartnerUser');
        expect(enable.platformLog.join('\n')).toMatch(/"username":"noor@acme.example.partner"/);

        const preview = result('distributionGroupEditor', 'preview');
        expect(calls(preview).filter((c) => c.endsWith('.getPreview'))).toHaveLength(2);

        const inbox = result('leadsInbox', 'accept-and-return');
        expect(inbox.platformLog.join('\n')).toMatch(
            /returnLead\(\{"leadId":"00Q000000000002AAA","reason":"Not_Our_Territory"/
        );
        expect(inbox.text).toContain('Ada Lovelace');

        const bulk = result('bulkReassignmentConsole', 'dry-run-then-real');
        const bulkCalls = calls(bulk);
        expect(bulkCalls.indexOf('BulkReassignmentController.createJob')).toBeLessThan(
            bulkCalls.indexOf('BulkReassignmentController.runForReal')
        );
        expect(bulk.platformLog.join('\n')).toMatch(/createJob\(\{"request":\{[^}]*"dryRun":true/);
    });

    it('shows the accounts of the searchAccounts fixture with the English label text', () => {
        const data = result('partnerAccounts', 'data');
        expect(data.text).toContain('Acme Distribution');
        expect(data.text).toContain('Bluebird Resellers');
        expect(data.text).toContain('Grace Hopper');
        expect(data.text).toContain(label('Onboarding_Accounts_Title'));
        expect(data.text).not.toContain('c.Onboarding_');
        expect(
            data.platformLog.some((entry) => entry.startsWith('wire PartnerOnboardingController.searchAccounts'))
        ).toBe(true);
    });

    it('shows the empty and error states from the labels', () => {
        const empty = result('partnerAccounts', 'empty');
        const error = result('partnerAccounts', 'error');
        expect(empty.text).toContain(label('Onboarding_Accounts_Empty'));
        expect(empty.text).not.toContain('Acme Distribution');
        expect(error.text).toContain(label('Onboarding_UI_Accounts_Load_Error'));
    });

    it('renders the shared error panel with its friendly headline', () => {
        expect(result('errorPanel', 'generic').text).toContain(label('Common_Error_Generic'));
    });

    it('writes a PNG screenshot per state and an overview page', () => {
        for (const r of run.results) {
            expect(readFileSync(r.screenshot).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        }
        expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('screenshots/partnerAccounts--data.png');
    });

    it('reports expected text that is not on the page, page errors, failed steps and calls not made', () => {
        const [missingText, brokenPage, failedStep, noCall] = planted;
        expect(missingText.missing).toEqual(['A partner account nobody created']);
        expect(missingText.errors).toEqual([]);
        expect(missingText.text).toContain('Acme Distribution');
        expect(brokenPage.errors.join('\n')).toMatch(
            /page error: The gallery has no state partnerAccounts\/no-such-state/
        );
        expect(failedStep.errors.join('\n')).toMatch(/step 1 \(click lightning-button.no-such-button button\) failed/);
        expect(noCall.errors).toEqual(['expected call not made: PartnerOnboardingController.enablePartner']);
        expect(missingCalls(['A.b', 'A.c'], ['apex A.c({})', 'apex A.b({})'])).toEqual(['expected call not made: A.c']);
    });

    it('reports a nameless image, horizontal overflow, a cut-off label and a component that rendered nothing', () => {
        expect(probes.imageWithoutName.join('\n')).toMatch(/accessibility \(image-alt\)/);
        expect(probes.wideBlock.join('\n')).toMatch(/horizontal overflow: the page is \d+ px wide in a 1280 px window/);
        expect(probes.cutOffButton.join('\n')).toMatch(
            /label cut off: <button\.slds-button> "Enable this partner account/
        );
        expect(probes.nothingRendered).toEqual(expect.arrayContaining(['c-no-such-component rendered nothing']));
    });
});

/** The renderer's checks on one page with planted faults. */
async function probePage(url: string): Promise<Probes> {
    const browser = await launchChromium();
    try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForSelector('c-error-panel h2');
        const plant = (html: string): Promise<void> =>
            page.evaluate((markup) => {
                const holder = document.createElement('div');
                holder.className = 'planted';
                holder.innerHTML = markup;
                document.getElementById('gallery-stage')?.appendChild(holder);
            }, html);
        const unplant = (): Promise<void> =>
            page.evaluate(() => document.querySelectorAll('.planted').forEach((n) => n.remove()));
        await plant('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />');
        const imageWithoutName = (await accessibilityProblems(page)).problems;
        await unplant();
        await plant('<div style="width: 2000px; height: 10px"></div>');
        const wideBlock = await layoutProblems(page, 'c-error-panel');
        await unplant();
        await plant(
            '<button class="slds-button" style="width: 60px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">Enable this partner account</button>'
        );
        const cutOffButton = await layoutProblems(page, 'c-error-panel');
        const nothingRendered = await layoutProblems(page, 'c-no-such-component');
        return { imageWithoutName, wideBlock, cutOffButton, nothingRendered };
    } finally {
        await browser.close();
    }
}
