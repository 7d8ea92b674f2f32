/// <reference lib="dom" />
/**
 * What the renderer checks on a rendered page, besides errors and text: the layout a person sees
 * (nothing rendered, horizontal overflow, cut-off labels) and what a screen reader user meets
 * (axe-core with Salesforce's sa11y rules).
 */
import type { Page } from 'playwright-core';
import { base as sa11yBase } from '@sa11y/preset-rules';
import { AXE_FILE } from './bundle';

/**
 * Elements that hold a label, not data: an ellipsis in one of them (slds-truncate) hides part of a
 * translation. Data cells may truncate long values; a label may not.
 */
const LABEL_SELECTORS = [
    'thead th',
    '.slds-button',
    '.slds-form-element__label',
    '.slds-badge',
    '.slds-tabs_default__link',
    '.slds-card__header-title',
    '.slds-modal__title'
];

/** Layout problems a person would see: nothing rendered, a page wider than the window, labels cut off. */
export async function layoutProblems(page: Page, tag: string): Promise<string[]> {
    return page.evaluate(
        ({ tagName, labelSelectors }) => {
            const problems: string[] = [];
            const element = document.querySelector(`#gallery-stage > ${tagName}`);
            const box = element?.getBoundingClientRect();
            if (!element || !box || box.height === 0 || (element as HTMLElement).innerText.trim() === '') {
                problems.push(`${tagName} rendered nothing`);
            }
            const describe = (node: Element): string => {
                const classes = Array.from(node.classList).slice(0, 2).join('.');
                const text = ((node as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
                return `<${node.tagName.toLowerCase()}${classes ? `.${classes}` : ''}> "${text}"`;
            };
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width) {
                const wide = Array.from(document.querySelectorAll('#gallery-stage *'))
                    .filter((node) => node.getBoundingClientRect().right > width + 0.5)
                    .filter(
                        (node) => !node.parentElement || node.parentElement.getBoundingClientRect().right <= width + 0.5
                    )
                    .slice(0, 3)
                    .map(describe);
                problems.push(
                    `horizontal overflow: the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window (${wide.join(', ')})`
                );
            }
            // An ellipsis hides the rest of a label: of a header, a button, a field, a badge, a tab, a title.
            for (const node of Array.from(document.querySelectorAll('#gallery-stage *'))) {
                const html = node as HTMLElement;
                if (
                    html.scrollWidth > html.clientWidth + 1 &&
                    html.clientWidth > 0 &&
                    getComputedStyle(html).textOverflow === 'ellipsis' &&
                    html.closest(labelSelectors.join(',')) !== null
                ) {
                    problems.push(
                        `label cut off: ${describe(node)} needs ${html.scrollWidth} px, has ${html.clientWidth} px`
                    );
                }
            }
            return problems;
        },
        { tagName: tag, labelSelectors: LABEL_SELECTORS }
    );
}

interface AxeViolation {
    id: string;
    help: string;
    nodes: Array<{ target: unknown[]; element?: Element }>;
}

/**
 * axe-core with sa11y's base rules (Salesforce's accessibility rule set, the one @sa11y/jest applies in
 * the components' jest tests) over the whole page: a dialog is part of it.
 */
export async function accessibilityProblems(page: Page): Promise<{ rules: number; problems: string[] }> {
    await page.addScriptTag({ url: AXE_FILE });
    const result = await page.evaluate(
        async (config) => {
            const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } })
                .axe;
            const outcome = (await axe.run(document, { ...(config as object), elementRef: true })) as {
                violations: AxeViolation[];
                passes: unknown[];
                inapplicable: unknown[];
                incomplete: unknown[];
            };
            return {
                violations: outcome.violations
                    .map((v) => ({
                        id: v.id,
                        help: v.help,
                        nodes: v.nodes
                            // lightning-helptext's icon is 14 px by Salesforce's design, next to a field's label, and
                            // lightning-datepicker's calendar button sits inside its own date input: the base
                            // components' sizes are not the project's to change.
                            .filter(
                                (n) =>
                                    !(
                                        v.id === 'target-size' &&
                                        n.element?.closest('lightning-helptext, lightning-datepicker')
                                    )
                            )
                            .map((n) => ({ target: n.target }))
                    }))
                    .filter((v) => v.nodes.length > 0),
                rules:
                    outcome.passes.length +
                    outcome.violations.length +
                    outcome.inapplicable.length +
                    outcome.incomplete.length
            };
        },
        JSON.parse(JSON.stringify(sa11yBase)) as unknown
    );
    return {
        rules: result.rules,
        problems: result.violations.map(
            (v) => `accessibility (${v.id}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`
        )
    };
}
