/**
 * lightning-quick-action-panel frames a screen quick action in the org (header, body, footer); the
 * gallery draws the same three parts.
 */
import { LightningElement, api } from 'lwc';

export default class QuickActionPanel extends LightningElement {
    @api header?: string;
}
