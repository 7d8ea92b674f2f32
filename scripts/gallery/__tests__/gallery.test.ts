/**
 * The components render in a real browser: builds the gallery for two components, renders every state
 * in Debian's Chromium, and checks the text a user would read. Chromium missing is a failure, not a
 * skip: CI installs the Debian package `chromium`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGallery, type GalleryRun } from '../build';
import { LABEL_FILES, LWC_BUNDLES } from '../bundle';
import { CATALOG, resolveStates } from '../catalog';
import { readLabels } from '../labels';
import { assertChromium, CHROMIUM_PATH, renderStates, type StateResult } from '../render';
import type { GalleryState } from '../shims/state';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const labels = readLabels(LABEL_FILES);

/** The partnerAccounts data state as the gallery builds it. */
function partnerAccountsData(): GalleryState {
    const entry = CATALOG.find((e) => e.bundle === 'partnerAccounts');
    const state = entry && resolveStates(entry, LWC_BUNDLES, labels).find((s) => s.state === 'data');
    if (!state) {
        throw new Error('partnerAccounts has no data state in the catalog');
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

describe('component gallery in Chromium', () => {
    let outDir: string;
    let run: GalleryRun;
    let planted: StateResult[];

    beforeAll(async () => {
        assertChromium();
        outDir = mkdtempSync(join(tmpdir(), 'gallery-test-'));
        run = await runGallery({
            outDir,
            only: ['errorPanel', 'partnerAccounts'],
            // While the built gallery is served: two planted faults the renderer must catch.
            whileServing: async (url) => {
                planted = await renderStates(
                    url,
                    [
                        { ...partnerAccountsData(), expect: ['A partner account nobody created'] },
                        { ...partnerAccountsData(), state: 'no-such-state', expect: [] }
                    ],
                    join(outDir, 'planted')
                );
            }
        });
    }, 600000);

    afterAll(() => {
        if (outDir) {
            rmSync(outDir, { recursive: true, force: true });
        }
    });

    it("finds Debian's Chromium, and says which package to install when it is missing", () => {
        expect(existsSync(CHROMIUM_PATH)).toBe(true);
        expect(() => assertChromium('/nonexistent/chromium')).toThrow(/install the Debian package "chromium"/);
    });

    it('renders every state without page errors, console errors or failed requests', () => {
        expect(run.failures).toEqual([]);
        expect(run.results.map((r) => `${r.component}/${r.state}`)).toEqual(
            run.states.map((s) => `${s.component}/${s.state}`)
        );
        expect(run.results.length).toBeGreaterThanOrEqual(5);
    });

    it('shows the accounts of the searchAccounts fixture with the English label text', () => {
        const data = run.results.find((r) => r.component === 'partnerAccounts' && r.state === 'data');
        expect(data?.text).toContain('Acme Distribution');
        expect(data?.text).toContain('Bluebird Resellers');
        expect(data?.text).toContain('Grace Hopper');
        expect(data?.text).toContain(label('Onboarding_Accounts_Title'));
        expect(data?.text).not.toContain('c.Onboarding_');
        expect(
            data?.platformLog.some((entry) => entry.startsWith('wire PartnerOnboardingController.searchAccounts'))
        ).toBe(true);
    });

    it('shows the empty and error states from the labels', () => {
        const empty = run.results.find((r) => r.component === 'partnerAccounts' && r.state === 'empty');
        const error = run.results.find((r) => r.component === 'partnerAccounts' && r.state === 'error');
        expect(empty?.text).toContain(label('Onboarding_Accounts_Empty'));
        expect(empty?.text).not.toContain('Acme Distribution');
        expect(error?.text).toContain(label('Onboarding_UI_Accounts_Load_Error'));
    });

    it('renders the shared error panel with its friendly headline', () => {
        const panel = run.results.find((r) => r.component === 'errorPanel' && r.state === 'generic');
        expect(panel?.text).toContain(label('Common_Error_Generic'));
    });

    it('writes a PNG screenshot per state and an overview page', () => {
        for (const result of run.results) {
            expect(readFileSync(result.screenshot).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
        }
        expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('screenshots/partnerAccounts--data.png');
    });

    it('reports expected text that is not on the page, and page errors', () => {
        const [missingText, brokenPage] = planted;
        expect(missingText.missing).toEqual(['A partner account nobody created']);
        expect(missingText.errors).toEqual([]);
        expect(missingText.text).toContain('Acme Distribution');
        expect(brokenPage.errors.join('\n')).toMatch(
            /page error: The gallery has no state partnerAccounts\/no-such-state/
        );
    });
});
