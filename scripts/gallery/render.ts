/// <reference lib="dom" />
/**
 * Opens each gallery state in Debian's Chromium through playwright-core, does the state's steps, waits
 * for its expected text, takes a PNG screenshot, and reports what a person or a screen reader would
 * trip over: page errors, console errors, failed requests, nothing rendered, horizontal overflow,
 * cut-off labels, accessibility violations (axe-core with sa11y's rules).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { accessibilityProblems, layoutProblems } from './pageChecks';
import type { GalleryState, GalleryStep } from './shims/state';

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
/** How long a state may take to show its expected text, and one step to find what it acts on. */
const EXPECT_TIMEOUT_MS = 15000;
const STEP_TIMEOUT_MS = 8000;
/** Two pages at a time: the machine has two cores. */
const DEFAULT_CONCURRENCY = 2;
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
    /**
     * Everything that makes the state fail besides missing text: uncaught page errors, console errors,
     * failed requests, a component that rendered nothing, horizontal overflow, cut-off labels, a step
     * that could not be done, an expected Apex call not made, and accessibility violations.
     */
    errors: string[];
    /** What the component asked of the platform (Apex calls, toasts, navigation). */
    platformLog: string[];
    /** How many accessibility rules axe-core ran on the state (0 when it did not run). */
    a11yRules: number;
}

export interface RenderOptions {
    /** Where the PNGs go (outDir/screenshots when not given). */
    screenshotDir?: string;
    /** Picture name per state: <component>--<state>.png unless given. */
    fileName?: (state: GalleryState) => string;
    /** README pictures: no gallery header, only as tall as the content. */
    bare?: boolean;
    concurrency?: number;
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

/** Stage text includes every expected string (the modal, rendered inside the component, counts). */
async function waitForText(page: Page, wanted: string[], timeout: number): Promise<void> {
    await page
        .waitForFunction(
            (texts: string[]) => {
                const text = (document.getElementById('gallery-stage')?.innerText ?? '').replace(/\s+/g, ' ');
                const toasts = (document.getElementById('gallery-toasts')?.innerText ?? '').replace(/\s+/g, ' ');
                return texts.every((w) => text.includes(w) || toasts.includes(w));
            },
            wanted,
            { timeout, polling: 100 }
        )
        .then(
            () => undefined,
            () => undefined
        );
}

async function runStep(page: Page, step: GalleryStep): Promise<void> {
    const options = { timeout: STEP_TIMEOUT_MS };
    if ('click' in step) {
        await page.locator(step.click).first().click(options);
    } else if ('fill' in step) {
        await page.locator(step.fill).first().fill(step.value, options);
    } else if ('choose' in step) {
        await page.locator(`${step.choose} button, ${step.choose} input`).first().click(options);
        await page
            .locator(`${step.choose} lightning-base-combobox-item`, { hasText: step.option })
            .first()
            .click(options);
    } else {
        await waitForText(page, [normalizeSpace(step.waitForText)], STEP_TIMEOUT_MS);
        const shown = await page.locator('#gallery-stage', { hasText: step.waitForText }).count();
        if (shown === 0) {
            throw new Error(`"${step.waitForText}" did not appear`);
        }
    }
}

function describeStep(step: GalleryStep): string {
    if ('click' in step) {
        return `click ${step.click}`;
    }
    if ('fill' in step) {
        return `fill ${step.fill}`;
    }
    return 'choose' in step ? `choose "${step.option}" in ${step.choose}` : `wait for "${step.waitForText}"`;
}

/** Renders one state in a fresh page and screenshots it. */
async function renderState(
    context: BrowserContext,
    baseUrl: string,
    state: GalleryState,
    screenshot: string,
    bare: boolean
): Promise<StateResult> {
    const started = Date.now();
    const page = await context.newPage();
    // A README picture is as tall as its content (the window only sets the least height), except that a
    // dialog, which steps may open, is laid out in the window and needs room.
    const height = bare && state.steps.length === 0 ? 200 : 800;
    await page.setViewportSize({ width: state.width, height });
    const errors: string[] = [];
    watchErrors(page, errors);
    const url = `${baseUrl}/${pagePath(state.component, state.state)}`;
    try {
        // Stop waiting at the first uncaught error: the text will not come.
        const crashed = new Promise<void>((resolve) => page.once('pageerror', () => resolve()));
        await page.goto(url, { waitUntil: 'load' });
        for (const [index, step] of state.steps.entries()) {
            const done = await Promise.race([
                runStep(page, step).then(
                    () => undefined,
                    (error: unknown) =>
                        `step ${index + 1} (${describeStep(step)}) failed: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`
                ),
                crashed.then(() => `step ${index + 1} (${describeStep(step)}) not done: the page crashed`)
            ]);
            if (done) {
                errors.push(done);
                break;
            }
        }
        const expected = state.expect.map(normalizeSpace);
        await Promise.race([waitForText(page, expected, EXPECT_TIMEOUT_MS), crashed]);
        // Let transitions and late re-renders finish before the picture.
        await page.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        );
        await page.waitForTimeout(100);
        const stageText = normalizeSpace(await page.locator('#gallery-stage').innerText());
        const toastText = normalizeSpace(await page.locator('#gallery-toasts').innerText());
        const text = [stageText, toastText].filter(Boolean).join(' ');
        errors.push(...(await layoutProblems(page, state.tag)));
        const platformLog = await page.evaluate(() => window.galleryPlatformLog ?? []);
        errors.push(...missingCalls(state.expectCalls, platformLog));
        if (bare) {
            await page.addStyleTag({ content: '.gallery-header { display: none; }' });
        }
        await page.screenshot({ path: screenshot, fullPage: true, animations: 'disabled' });
        const a11y = await accessibilityProblems(page);
        errors.push(...a11y.problems);
        return {
            component: state.component,
            state: state.state,
            url,
            screenshot,
            millis: Date.now() - started,
            text,
            missing: expected.filter((e) => !text.includes(e)),
            errors,
            platformLog,
            a11yRules: a11y.rules
        };
    } finally {
        await page.close();
    }
}

/** Expected Apex calls, in order, that the platform log does not show. */
export function missingCalls(expected: string[], platformLog: string[]): string[] {
    let from = 0;
    const missing: string[] = [];
    for (const method of expected) {
        const at = platformLog.findIndex((entry, i) => i >= from && entry.startsWith(`apex ${method}(`));
        if (at === -1) {
            missing.push(`expected call not made: ${method}`);
        } else {
            from = at + 1;
        }
    }
    return missing;
}

export async function renderStates(
    baseUrl: string,
    states: GalleryState[],
    outDir: string,
    options: RenderOptions = {}
): Promise<StateResult[]> {
    const screenshotDir = options.screenshotDir ?? join(outDir, 'screenshots');
    const fileName = options.fileName ?? ((s: GalleryState) => `${s.component}--${s.state}.png`);
    mkdirSync(screenshotDir, { recursive: true });
    const browser = await launchChromium();
    try {
        const results: StateResult[] = new Array<StateResult>(states.length);
        let next = 0;
        // Each worker keeps one browser context, so the 7 MB bundle is parsed once per worker, not per state.
        const worker = async (): Promise<void> => {
            const context = await browser.newContext({ deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'UTC' });
            // Under tsx, esbuild keeps function names with a __name() helper that the functions sent to
            // page.evaluate take along into the page; there it must exist too.
            await context.addInitScript('globalThis.__name = (target) => target;');
            try {
                while (next < states.length) {
                    const index = next++;
                    const state = states[index];
                    results[index] = await renderState(
                        context,
                        baseUrl,
                        state,
                        join(screenshotDir, fileName(state)),
                        options.bare ?? false
                    );
                }
            } finally {
                await context.close();
            }
        };
        const workers = Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, states.length);
        await Promise.all(Array.from({ length: workers }, () => worker()));
        if (!options.screenshotDir) {
            writeIndex(outDir, states, results);
        }
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
