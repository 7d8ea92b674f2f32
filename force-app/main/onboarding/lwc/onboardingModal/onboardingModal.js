// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api } from 'lwc';
import CLOSE from '@salesforce/label/c.Onboarding_UI_Close';
/**
 * The dialog frame the onboarding components share: an SLDS modal with a heading, a body (default
 * slot) and a footer (slot "footer"). It takes focus when it opens and asks to close on Escape or
 * the close button by firing `close`; the parent decides whether it is still busy.
 */
export default class OnboardingModal extends LightningElement {
    /** The dialog's title, also its accessible name. */
    @api
    heading;
    /** While true the close button is disabled and Escape does nothing (a call is running). */
    @api
    busy = false;
    closeLabel = CLOSE;
    focused = false;
    renderedCallback() {
        if (!this.focused) {
            const dialog = this.template?.querySelector('section');
            if (dialog) {
                dialog.focus();
                this.focused = true;
            }
        }
    }
    handleKeyDown(event) {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.requestClose();
        }
    }
    handleClose() {
        this.requestClose();
    }
    requestClose() {
        if (!this.busy) {
            this.dispatchEvent(new CustomEvent('close'));
        }
    }
}
