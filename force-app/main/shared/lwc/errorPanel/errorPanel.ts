import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import GENERIC_ERROR from '@salesforce/label/c.Common_Error_Generic';
import SHOW_DETAILS from '@salesforce/label/c.Common_Error_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.Common_Error_Hide_Details';

/** Shows a friendly headline for an error, with the underlying messages one click away. */
export default class ErrorPanel extends LightningElement {
    /** The error(s) as thrown by Apex, a wire adapter or the UI API. */
    @api errors: unknown;
    /** What the user was doing, in words they know; defaults to a generic headline. */
    @api friendlyMessage?: string;

    detailsShown = false;

    get headline(): string {
        return this.friendlyMessage || GENERIC_ERROR;
    }

    get messages(): string[] {
        return reduceErrors(this.errors);
    }

    get hasDetails(): boolean {
        return this.messages.length > 0;
    }

    get toggleLabel(): string {
        return this.detailsShown ? HIDE_DETAILS : SHOW_DETAILS;
    }

    handleToggle(): void {
        this.detailsShown = !this.detailsShown;
    }
}
