/// <reference lib="dom" />
/**
 * lightning/navigation: the page reference comes from the state; navigation requests are logged, since
 * there is no app to navigate in.
 */
import { currentState, platformLog } from './runtime';

interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// A mixin's base constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

function mixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](pageReference: PageReference, replace?: boolean): void {
            platformLog.push(`navigate ${JSON.stringify(pageReference)}${replace ? ' (replace)' : ''}`);
        }

        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(`#${encodeURIComponent(JSON.stringify(pageReference))}`);
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** Wire adapter: the page the component is on. */
export class CurrentPageReference {
    private readonly callback: (value: PageReference) => void;

    constructor(callback: (value: PageReference) => void) {
        this.callback = callback;
    }

    update(): void {
        this.callback(JSON.parse(JSON.stringify(currentState.pageReference)) as PageReference);
    }

    connect(): void {}

    disconnect(): void {}
}
