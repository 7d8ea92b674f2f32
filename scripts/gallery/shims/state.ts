/**
 * What a gallery page shows: one component in one state. Shared by the build (Node), which fills it in
 * from the fixture map, and the page (browser), which reads it back; so it holds plain JSON only.
 */

/** What an Apex call returns: its data, an error as Apex reports it, or no answer yet. */
export type ApexAnswer = { data: unknown } | { error: unknown } | { pending: true };

/** An Apex method's answer in a state; `byParam` answers by the value of one call parameter (e.g. listName). */
export type ApexFixture = ApexAnswer | { byParam: string; answers: Record<string, ApexAnswer> };

/**
 * One thing a person does on the page, in order, before the state's text is checked. Selectors are
 * Playwright's (CSS that pierces shadow roots, plus `:has-text()`); `choose` opens a combobox and
 * picks the option with that text.
 */
export type GalleryStep =
    | { click: string }
    | { fill: string; value: string }
    | { choose: string; option: string }
    | { waitForText: string };

export interface GalleryState {
    /** The LWC bundle (its folder is lwc/<bundle> in one feature of force-app). */
    component: string;
    /** The custom element name, e.g. c-partner-accounts. */
    tag: string;
    /** The state's short name, e.g. data, empty, error. */
    state: string;
    /** One line saying what the state shows. */
    description: string;
    /** Public (@api) properties set on the element before it is connected. */
    props: Record<string, unknown>;
    /** By `Class.method`: what the Apex method answers, imperatively or through @wire. */
    apex: Record<string, ApexFixture>;
    /** Custom permissions the viewing user lacks (all others are granted). */
    deniedPermissions: string[];
    /** What lightning/navigation's CurrentPageReference provides. */
    pageReference: { type: string; attributes: Record<string, unknown>; state: Record<string, unknown> };
    /** The answer LightningConfirm.open gives. */
    confirm: boolean;
    /** Text that must be on the rendered page: fixture values and label values. */
    expect: string[];
    /** The language the labels are shown in: English, or one of the shipped translations. */
    language: 'en' | 'el' | 'no';
    /** The browser window's width in CSS pixels (1280 unless the state tests a phone). */
    width: number;
    /** What a person does before the text is checked (a dialog opened, a key path clicked through). */
    steps: GalleryStep[];
    /** Apex methods (`Class.method`) the steps must have called, in this order. */
    expectCalls: string[];
    /** The README picture this state is: docs/screenshots/<shot>.png, written by npm run gallery:shots. */
    shot?: string;
}

/** The URL query that selects a state: ?component=<bundle>&state=<name>. */
export function stateKey(component: string, state: string): string {
    return `${component}/${state}`;
}
