/// <reference lib="dom" />
/** lightning/platformShowToastEvent: the event the platform turns into a toast; the gallery page shows its text. */
export interface ShowToastEventInit {
    title?: string;
    message: string;
    variant?: string;
    mode?: string;
    messageData?: unknown[];
}

export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
    constructor(init: ShowToastEventInit) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: init });
    }
}
