/// <reference lib="dom" />
/** lightning/actions: closing a quick action screen. */
export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor() {
        super('close', { bubbles: true, composed: true, detail: null });
    }
}
