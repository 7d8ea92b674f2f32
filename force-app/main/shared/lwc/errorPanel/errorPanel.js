// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import GENERIC_ERROR from '@salesforce/label/c.Common_Error_Generic';
import SHOW_DETAILS from '@salesforce/label/c.Common_Error_Show_Details';
import HIDE_DETAILS from '@salesforce/label/c.Common_Error_Hide_Details';
/** Shows a friendly headline for an error, with the underlying messages one click away. */
export default class ErrorPanel extends LightningElement {
    /** The error(s) as thrown by Apex, a wire adapter or the UI API. */
    @api
    errors;
    /** What the user was doing, in words they know; defaults to a generic headline. */
    @api
    friendlyMessage;
    detailsShown = false;
    get headline() {
        return this.friendlyMessage || GENERIC_ERROR;
    }
    get messages() {
        return reduceErrors(this.errors);
    }
    get hasDetails() {
        return this.messages.length > 0;
    }
    get toggleLabel() {
        return this.detailsShown ? HIDE_DETAILS : SHOW_DETAILS;
    }
    handleToggle() {
        this.detailsShown = !this.detailsShown;
    }
}
