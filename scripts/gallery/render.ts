/// <reference lib="dom" />
/**
 * Opens each gallery state in Debian's Chromium through playwright-core, waits for the state's expected
 * text, takes a PNG screenshot, and reports page errors, console errors and failed requests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { GalleryState } from './shims/state';

export const CHROMIUM_PATH = process.env.GALLERY_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run'
];
/** How long a state may take to show its expected text. */
const EXPECT_TIMEOUT_MS = 15000;

export interface StateResult {
    component: string;
    state: string;
    url: string;
    screenshot: string;
    millis: number;
    /** The rendered text of the component's area. */
    text: string;
    /** Expected text that did not appear. */
    missing: string[];
    /** Uncaught page errors, console errors and failed requests. */
    errors: string[];
    /** What the component asked of the platform (Apex calls, toasts, navigation). */
    platformLog: string[];
}

/** Fails early, and says what to install, when the browser is not there. */
export function assertChromium(path: string = CHROMIUM_PATH): void {
    if (!existsSync(path)) {
        throw new Error(
            `Chromium was not found at ${path}. The gallery renders components in Debian's Chromium: ` +
                'install the Debian package "chromium" (apt-get update && apt-get install -y chromium).'
        );
    }
}

export async function launchChromium(): Promise<Browser> {
    assertChromium();
    return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** The page of one state, relative to the gallery's root. */
export function pagePath(component: string, state: string): string {
    return `page.html?component=${encodeURIComponent(component)}&state=${encodeURIComponent(state)}`;
}

function normalizeSpace(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function watchErrors(page: Page, errors: string[]): void {
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
        if (message.type() === 'error') {
            errors.push(`console error: ${message.text()}`);
        }
    });
    page.on('requestfailed', (request) =>
        errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`)
    );
    page.on('response', (response) => {
        if (response.status() >= 400) {
            errors.push(`HTTP ${response.status()}: ${response.url()}`);
        }
    });
}

/** Renders one state in a fresh page and screenshots it into screenshotDir/<component>--<state>.png. */
async function renderState(
    browser: Browser,
    baseUrl: string,
    state: GalleryState,
    screenshotDir: string
): Promise<StateResult> {
    const started = Date.now();
    const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        locale: 'en-US',
        timezoneId: 'UTC'
    });
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    const url = `${baseUrl}/${pagePath(state.component, state.state)}`;
    try {
        await page.goto(url, { waitUntil: 'load' });
        const expected = state.expect.map(normalizeSpace);
        // Stop waiting at the first uncaught error: the text will not come.
        const crashed = new Promise<void>((resolve) => page.once('pageerror', () => resolve()));
        const shown = page
            .waitForFunction(
                (wanted: string[]) => {
                    const text = (document.getElementById('gallery-stage')?.innerText ?? '').replace(/\s+/g, ' ');
                    return wanted.every((w) => text.includes(w));
                },
                expected,
                { timeout: EXPECT_TIMEOUT_MS, polling: 100 }
            )
            .then(
                () => undefined,
                () => undefined
            );
        await Promise.race([shown, crashed]);
        // Let transitions and late re-renders finish before the picture.
        await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        );
        await page.waitForTimeout(200);
        const text = normalizeSpace(await page.locator('#gallery-stage').innerText());
        const screenshot = join(screenshotDir, `${state.component}--${state.state}.png`);
        await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });
        const platformLog = await page.evaluate(() => window.galleryPlatformLog ?? []);
        return {
            component: state.component,
            state: state.state,
            url,
            screenshot,
            millis: Date.now() - started,
            text,
            missing: expected.filter((e) => !text.includes(e)),
            errors,
            platformLog
        };
    } finally {
        await context.close();
    }
}

export async function renderStates(baseUrl: string, states: GalleryState[], outDir: string): Promise<StateResult[]> {
    const screenshotDir = join(outDir, 'screenshots');
    mkdirSync(screenshotDir, { recursive: true });
    const browser = await launchChromium();
    try {
        const results: StateResult[] = [];
        for (const state of states) {
            results.push(await renderState(browser, baseUrl, state, screenshotDir));
        }
        writeIndex(outDir, states, results);
        return results;
    } finally {
        await browser.close();
    }
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** index.html: every state with its screenshot, a link to the live page, and what went wrong. */
function writeIndex(outDir: string, states: GalleryState[], results: StateResult[]): void {
    const sections = results.map((result, i) => {
        const problems = [...result.missing.map((m) => `missing text: ${m}`), ...result.errors];
        return `<section>
    <h2>${escapeHtml(states[i].tag)} <small>${escapeHtml(result.state)}</small></h2>
    <p>${escapeHtml(states[i].description)} · <a href="${escapeHtml(pagePath(result.component, result.state))}">live page</a></p>
    ${problems.length > 0 ? `<ul class="problems">${problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>` : ''}
    <img src="${escapeHtml(relative(outDir, result.screenshot))}" alt="${escapeHtml(`${states[i].tag} in state ${result.state}`)}" />
</section>`;
    });
    writeFileSync(
        join(outDir, 'index.html'),
        `<!doctype html>
<html lang="en">
<head><meta charset="utf-8" /><title>Partner Desk component gallery</title><link rel="icon" href="data:," /><link rel="stylesheet" href="gallery.css" /></head>
<body>
<header class="gallery-header"><strong>Partner Desk component gallery</strong></header>
<main id="gallery-index">
${sections.join('\n')}
</main>
</body>
</html>
`
    );
}
