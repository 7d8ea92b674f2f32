/// <reference lib="dom" />
/**
 * The page's side of the gallery: which state is shown (from the URL), and the fake platform behind the
 * shims: Apex answers, custom permissions, toasts and navigation the component asked for.
 */
import states from 'gallery:catalog';
import translations from 'gallery:translations';
import { stateKey } from './state';
import type { ApexAnswer, GalleryState } from './state';

function selectState(): GalleryState {
    const query = new URLSearchParams(window.location.search);
    const key = stateKey(query.get('component') ?? '', query.get('state') ?? '');
    const found = states.find((s) => stateKey(s.component, s.state) === key);
    if (!found) {
        throw new Error(
            `The gallery has no state ${key}; it has ${states.map((s) => stateKey(s.component, s.state)).join(', ')}`
        );
    }
    return found;
}

export const currentState: GalleryState = selectState();

/** What the component did that the platform would show elsewhere (toasts, navigation). */
export const platformLog: string[] = [];

function copy<T>(value: T): T {
    return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The state's answer to one call; undefined when the state has none. */
function answerFor(method: string, params: unknown): ApexAnswer | undefined {
    const fixture = currentState.apex[method];
    if (fixture && 'byParam' in fixture) {
        const value = (params as Record<string, unknown> | undefined)?.[fixture.byParam];
        return fixture.answers[String(value)];
    }
    return fixture;
}

/** The error a component gets from an Apex call the state does not answer: a gallery mistake, shown as such. */
function missingFixture(method: string, params: unknown) {
    const message = `The gallery state ${currentState.state} has no fixture for Apex ${method}(${JSON.stringify(params ?? {})}).`;
    return { body: { message }, status: 500, statusText: 'No fixture' };
}

type DataCallback = (value: { data?: unknown; error?: unknown }) => void;

/**
 * An Apex method as `@salesforce/apex/Class.method` provides it: callable (imperative Apex returns a
 * promise) and a wire adapter (through its `adapter` property, as LWC's callable adapters work).
 */
export function apexMethod(method: string) {
    const call = (params?: unknown): Promise<unknown> => {
        platformLog.push(`apex ${method}(${JSON.stringify(params ?? {})})`);
        const fixture = answerFor(method, params);
        if (!fixture) {
            return Promise.reject(missingFixture(method, params));
        }
        if ('pending' in fixture) {
            return new Promise(() => undefined);
        }
        return 'error' in fixture ? Promise.reject(copy(fixture.error)) : Promise.resolve(copy(fixture.data));
    };

    class ApexWireAdapter {
        private readonly callback: DataCallback;

        constructor(callback: DataCallback) {
            this.callback = callback;
        }

        update(config: unknown): void {
            platformLog.push(`wire ${method}(${JSON.stringify(config ?? {})})`);
            const fixture = answerFor(method, config) ?? { error: missingFixture(method, config) };
            if ('pending' in fixture) {
                return;
            }
            // Wired data arrives after the component connected, as it does from the server.
            const value =
                'error' in fixture
                    ? { data: undefined, error: copy(fixture.error) }
                    : { data: copy(fixture.data), error: undefined };
            Promise.resolve().then(() => this.callback(value));
        }

        connect(): void {}

        disconnect(): void {}
    }

    return Object.assign(call, { adapter: ApexWireAdapter });
}

/** A custom permission: granted unless the state denies it (the platform gives undefined when not granted). */
export function customPermission(name: string): boolean | undefined {
    return currentState.deniedPermissions.includes(name) ? undefined : true;
}

/**
 * A Custom Label in the state's language; the English value where the language has no translation,
 * as the org falls back to the label's own value.
 */
export function label(name: string, english: string): string {
    return currentState.language === 'en' ? english : (translations[currentState.language]?.[name] ?? english);
}
