/**
 * The fixture map: each component and the states the gallery shows it in. Data comes from the same
 * JSON fixtures as the component's jest tests (lwc/<bundle>/__tests__/data/*.json); expected text
 * comes from those fixtures and from the labels' English values.
 *
 * Adding a component = one entry in states/<feature>.ts: its bundle, and per state the Apex answers (by
 * method name: the class is the one the component imports it from, so moving a method to another
 * controller needs no change here), the @api properties, what a person does, and the text the page
 * must then show.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GALLERY_LANGUAGES, type GalleryLanguage } from './labels';
import type { ApexAnswer, ApexFixture, GalleryState, GalleryStep } from './shims/state';
import { BULK_REASSIGNMENT_STATES } from './states/bulkReassignment';
import { DEALS_STATES } from './states/deals';
import { DISTRIBUTION_STATES } from './states/distribution';
import { INBOX_STATES } from './states/inbox';
import { ONBOARDING_STATES } from './states/onboarding';
import { SHARED_STATES } from './states/shared';

/** What a state definition can ask for while it is being built. */
export interface StateContext {
    /** A fixture file of this component's tests, parsed. */
    fixture(file: string): unknown;
    /** A string inside a fixture, by dotted path (`rows.0.name`): expected text that follows the fixture. */
    text(file: string, path: string): string;
    /** A label's value in the state's language, with {0}, {1}... filled in as the component's formatLabel does. */
    label(name: string, ...args: Array<string | number>): string;
    /** Apex answers with this data. */
    data(value: unknown): ApexAnswer;
    /** Apex answers with a fixture file's content, or the part of it at a dotted path. */
    dataFrom(file: string, path?: string): ApexAnswer;
    /** Apex fails as the platform reports an AuraHandledException. */
    apexError(message: string): ApexAnswer;
    /** Apex has not answered yet: the component shows its loading state. */
    pending(): ApexAnswer;
    /** Apex answers by the value of one call parameter, e.g. byParam('listName', { owned: ... }). */
    byParam(param: string, answers: Record<string, ApexAnswer>): ApexFixture;
}

export interface StateDefinition {
    description: string;
    /** By Apex method name (or `Class.method`): its answer in this state. */
    apex?: Record<string, ApexFixture>;
    props?: Record<string, unknown>;
    deniedPermissions?: string[];
    pageReference?: GalleryState['pageReference'];
    confirm?: boolean;
    /** Window width in CSS pixels; 1280 unless given (375 for a phone). */
    width?: number;
    steps?: GalleryStep[];
    /** Apex methods, by name, the steps must call in this order. */
    expectCalls?: string[];
    /** The README picture: docs/screenshots/<shot>.png. */
    shot?: string;
    expect: string[];
}

export interface ComponentEntry {
    bundle: string;
    states: (ctx: StateContext) => Record<string, StateDefinition>;
    /**
     * The state also shown in Greek and in Norwegian (as `<state>-el`, `<state>-no`): the shipped
     * translations with the longest words, where labels overflow first.
     */
    translated: string;
}

/**
 * Every component and its states, one file per feature wing. In the order a reader meets them in the
 * README: onboarding, distribution, the partner's inbox, bulk reassignment, deal registration, then what
 * they share.
 */
export const CATALOG: ComponentEntry[] = [
    ...ONBOARDING_STATES,
    ...DISTRIBUTION_STATES,
    ...INBOX_STATES,
    ...BULK_REASSIGNMENT_STATES,
    ...DEALS_STATES,
    ...SHARED_STATES
];

const DEFAULT_WIDTH = 1280;

const DEFAULT_PAGE_REFERENCE: GalleryState['pageReference'] = {
    type: 'standard__navItemPage',
    attributes: { apiName: 'Partner_Desk' },
    state: {}
};

/** `partnerAccounts` -> `c-partner-accounts`. */
export function tagOf(bundle: string): string {
    return `c-${bundle.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** {0}, {1}... as the components' formatLabel helpers fill them. */
export function formatLabel(template: string, args: Array<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) =>
        args[Number(index)] === undefined ? whole : String(args[Number(index)])
    );
}

function valueAt(root: unknown, path: string, where: string): unknown {
    let value = root;
    for (const key of path.split('.')) {
        if (value === null || typeof value !== 'object' || !(key in value)) {
            throw new Error(`${where} has nothing at ${path}`);
        }
        value = (value as Record<string, unknown>)[key];
    }
    return value;
}

/** Where a component's bundle is, and whether it exists yet. */
export function bundleSource(bundles: Map<string, string>, bundle: string): string | undefined {
    const dir = bundles.get(bundle);
    const source = dir && join(dir, `${bundle}.ts`);
    return source && existsSync(source) ? source : undefined;
}

/** Apex method name -> `Class.method`, from the component's `@salesforce/apex/Class.method` imports. */
export function apexImports(source: string): Map<string, string> {
    const methods = new Map<string, string>();
    for (const match of readFileSync(source, 'utf8').matchAll(/['"]@salesforce\/apex\/(\w+)\.(\w+)['"]/g)) {
        methods.set(match[2], `${match[1]}.${match[2]}`);
    }
    return methods;
}

/** The states of one component, fixtures read and labels resolved; its translated state in each language too. */
export function resolveStates(
    entry: ComponentEntry,
    bundles: Map<string, string>,
    labels: Map<string, string>,
    translations: Record<string, Record<string, string>> = {}
): GalleryState[] {
    const english = resolveLanguage(entry, bundles, labels, 'en');
    if (!english.some((s) => s.state === entry.translated)) {
        throw new Error(`${entry.bundle}: the translated state ${entry.translated} is not one of its states`);
    }
    const translated = GALLERY_LANGUAGES.filter((language) => translations[language]).map((language) => {
        const inLanguage = new Map([...labels].map(([name, value]) => [name, translations[language][name] ?? value]));
        const state = resolveLanguage(entry, bundles, inLanguage, language).find((s) => s.state === entry.translated);
        return { ...(state as GalleryState), state: `${entry.translated}-${language}`, shot: undefined };
    });
    return [...english, ...translated];
}

function resolveLanguage(
    entry: ComponentEntry,
    bundles: Map<string, string>,
    labels: Map<string, string>,
    language: 'en' | GalleryLanguage
): GalleryState[] {
    const dataDir = join(bundles.get(entry.bundle) ?? entry.bundle, '__tests__', 'data');
    const cache = new Map<string, unknown>();
    const fixture = (file: string): unknown => {
        if (!cache.has(file)) {
            const path = join(dataDir, file);
            if (!existsSync(path)) {
                throw new Error(`${entry.bundle}: fixture ${path} does not exist`);
            }
            cache.set(file, JSON.parse(readFileSync(path, 'utf8')));
        }
        return JSON.parse(JSON.stringify(cache.get(file)));
    };
    const ctx: StateContext = {
        fixture,
        text: (file, path) => {
            const value = valueAt(fixture(file), path, `${entry.bundle}/__tests__/data/${file}`);
            if (typeof value !== 'string' && typeof value !== 'number') {
                throw new Error(`${entry.bundle}/__tests__/data/${file} has no text at ${path}`);
            }
            return String(value);
        },
        label: (name, ...args) => {
            const value = labels.get(name);
            if (value === undefined) {
                throw new Error(`${entry.bundle}: label ${name} is in no labels file of force-app`);
            }
            return formatLabel(value, args);
        },
        data: (value) => ({ data: value }),
        dataFrom: (file, path) => ({
            data: path ? valueAt(fixture(file), path, `${entry.bundle}/__tests__/data/${file}`) : fixture(file)
        }),
        apexError: (message) => ({ error: { body: { message }, ok: false, status: 400, statusText: 'Bad Request' } }),
        pending: () => ({ pending: true }),
        byParam: (param, answers) => ({ byParam: param, answers })
    };
    const source = bundleSource(bundles, entry.bundle);
    const imported = source ? apexImports(source) : new Map<string, string>();
    const qualified = (method: string): string => {
        if (method.includes('.')) {
            return method;
        }
        const name = imported.get(method);
        if (!name) {
            throw new Error(`${entry.bundle}: the catalog answers Apex ${method}, which the component does not import`);
        }
        return name;
    };
    return Object.entries(entry.states(ctx)).map(([state, definition]) => ({
        component: entry.bundle,
        tag: tagOf(entry.bundle),
        state,
        description: language === 'en' ? definition.description : `${definition.description} (${language})`,
        props: definition.props ?? {},
        apex: Object.fromEntries(Object.entries(definition.apex ?? {}).map(([m, answer]) => [qualified(m), answer])),
        deniedPermissions: definition.deniedPermissions ?? [],
        pageReference: definition.pageReference ?? DEFAULT_PAGE_REFERENCE,
        confirm: definition.confirm ?? true,
        expect: definition.expect,
        language,
        width: definition.width ?? DEFAULT_WIDTH,
        steps: definition.steps ?? [],
        expectCalls: (definition.expectCalls ?? []).map(qualified),
        shot: definition.shot
    }));
}
