/// <reference lib="dom" />
/** lightning/refresh: asks the page to refresh its views. */
export class RefreshEvent extends CustomEvent<null> {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true, detail: null });
    }
}
