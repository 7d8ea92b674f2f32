import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getSettings from '@salesforce/apex/InboxSettingsController.getSettings';
import setAwayUntil from '@salesforce/apex/InboxSettingsController.setAwayUntil';
import setDelivery from '@salesforce/apex/InboxSettingsController.setDelivery';
import type { DeliveryOption, InboxSettings as Settings } from '@salesforce/apex/InboxSettingsController.getSettings';
import USER_LOCALE from '@salesforce/i18n/locale';
import { formatLabel } from 'c/ldsUtils';
import { LABELS } from './labels';

/** What each Delivery__c value means, in the user's language (the values are the service's: recipients.ts). */
const DELIVERY_HELP: Record<string, string> = {
    Immediate: LABELS.DELIVERY_IMMEDIATE_HELP,
    Digest: LABELS.DELIVERY_DIGEST_HELP,
    Daily: LABELS.DELIVERY_DAILY_HELP,
    Off: LABELS.DELIVERY_OFF_HELP
};

interface Notice {
    message: string;
}

/** What the `settingschange` event tells the page after a save. */
export interface SettingsChange {
    awayUntil: string | null;
    delivery: string;
}

/**
 * A day (Apex Date, `YYYY-MM-DD`) in the partner's own locale (their Salesforce settings, not the browser's:
 * https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n). A Date is a calendar day, not an
 * instant, so it is formatted as the day it is (in UTC, where `YYYY-MM-DD` starts); the partner's time zone
 * has already decided which day is today, on the server (Date.today() runs in the user's time zone).
 */
export function formatDay(isoDate: string): string {
    return new Intl.DateTimeFormat(USER_LOCALE, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${isoDate}T00:00:00Z`)
    );
}

/**
 * The partner's own settings in the partner site: the last day they are away (no new leads from their
 * distribution groups through that day) and how often Partner Desk emails them. Standalone, or inside
 * the Leads inbox; fires `settingschange` after each save.
 */
export default class InboxSettings extends LightningElement {
    labels = LABELS;

    settings?: Settings;
    loading = false;
    loadError?: unknown;
    notice?: Notice;

    awayInput = '';
    awaySubmitted = false;
    savingAway = false;
    awayError?: unknown;

    deliveryInput = '';
    savingDelivery = false;
    deliveryError?: unknown;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.loading = true;
        this.loadError = undefined;
        try {
            this.apply(await getSettings());
        } catch (error) {
            this.loadError = error;
        } finally {
            this.loading = false;
        }
    }

    private apply(settings: Settings): void {
        this.settings = settings;
        this.awayInput = settings.awayUntil ?? '';
        this.deliveryInput = settings.delivery;
        this.awaySubmitted = false;
    }

    // ----- view state -----

    get ready(): boolean {
        return Boolean(this.settings) && !this.loading;
    }

    get isMember(): boolean {
        return (this.settings?.memberships ?? 0) > 0;
    }

    get isAway(): boolean {
        return Boolean(this.settings?.awayUntil);
    }

    get effectText(): string {
        const s = this.settings;
        if (s?.awayUntil && s.backOn) {
            return formatLabel(LABELS.AWAY_EFFECT, formatDay(s.awayUntil), formatDay(s.backOn));
        }
        return LABELS.AVAILABLE;
    }

    get effectClass(): string {
        const theme = this.isAway ? 'slds-theme_warning' : 'slds-theme_success';
        return `away-effect slds-box slds-box_x-small slds-m-bottom_small ${theme}`;
    }

    get pausedText(): string | null {
        const s = this.settings;
        return s && s.pausedMemberships > 0 ? formatLabel(LABELS.PAUSED, s.pausedMemberships, s.memberships) : null;
    }

    get today(): string | undefined {
        return this.settings?.today;
    }

    /** A problem with the date the partner typed, shown under the field once they tried to save. */
    get awayProblem(): string | null {
        if (!this.awaySubmitted) {
            return null;
        }
        if (!this.awayInput) {
            return LABELS.AWAY_REQUIRED;
        }
        // YYYY-MM-DD strings compare as the days they name.
        if (this.today && this.awayInput < this.today) {
            return LABELS.ERROR_AWAY_PAST;
        }
        return null;
    }

    get awayBusy(): boolean {
        return this.savingAway;
    }

    get deliveryOptions(): DeliveryOption[] {
        return this.settings?.deliveryOptions ?? [];
    }

    get deliveryHelp(): string {
        return DELIVERY_HELP[this.deliveryInput] ?? '';
    }

    get deliveryReadOnly(): boolean {
        return !this.settings?.canSetDelivery;
    }

    get deliverySaveDisabled(): boolean {
        return (
            this.deliveryReadOnly ||
            this.savingDelivery ||
            !this.deliveryInput ||
            (this.deliveryInput === this.settings?.delivery && Boolean(this.settings?.deliveryStored))
        );
    }

    // ----- away -----

    handleAwayChange(event: CustomEvent<{ value: string }>): void {
        this.awayInput = event.detail.value ?? '';
    }

    async handleSaveAway(): Promise<void> {
        this.awaySubmitted = true;
        if (this.awayProblem || this.savingAway) {
            return;
        }
        await this.saveAway(this.awayInput);
    }

    async handleClearAway(): Promise<void> {
        if (!this.savingAway) {
            await this.saveAway(null);
        }
    }

    private async saveAway(awayUntil: string | null): Promise<void> {
        this.savingAway = true;
        this.awayError = undefined;
        this.notice = undefined;
        try {
            const settings = await setAwayUntil({ awayUntil });
            this.apply(settings);
            const message = settings.awayUntil
                ? formatLabel(LABELS.AWAY_SAVED, formatDay(settings.awayUntil))
                : LABELS.AWAY_CLEARED;
            this.tell(message);
        } catch (error) {
            this.awayError = error;
        } finally {
            this.savingAway = false;
        }
    }

    // ----- email -----

    handleDeliveryChange(event: CustomEvent<{ value: string }>): void {
        this.deliveryInput = event.detail.value ?? '';
    }

    async handleSaveDelivery(): Promise<void> {
        if (this.deliverySaveDisabled) {
            return;
        }
        this.savingDelivery = true;
        this.deliveryError = undefined;
        this.notice = undefined;
        try {
            const settings = await setDelivery({ delivery: this.deliveryInput });
            this.apply(settings);
            const label =
                settings.deliveryOptions.find((o) => o.value === settings.delivery)?.label ?? settings.delivery;
            this.tell(formatLabel(LABELS.DELIVERY_SAVED, label));
        } catch (error) {
            this.deliveryError = error;
        } finally {
            this.savingDelivery = false;
        }
    }

    handleDismissNotice(): void {
        this.notice = undefined;
    }

    private tell(message: string): void {
        this.notice = { message };
        this.dispatchEvent(new ShowToastEvent({ title: LABELS.SAVED_TITLE, message, variant: 'success' }));
        const settings = this.settings;
        if (settings) {
            const detail: SettingsChange = { awayUntil: settings.awayUntil, delivery: settings.delivery };
            this.dispatchEvent(new CustomEvent('settingschange', { detail }));
        }
    }
}
