import { createElement } from 'lwc';
import InboxSettings from 'c/inboxSettings';
import getSettings from '@salesforce/apex/InboxSettingsController.getSettings';
import setAwayUntil from '@salesforce/apex/InboxSettingsController.setAwayUntil';
import setDelivery from '@salesforce/apex/InboxSettingsController.setDelivery';
import type { InboxSettings as Settings } from '@salesforce/apex/InboxSettingsController.getSettings';

import SETTINGS from './data/getSettings.json';
import ERRORS from './data/errors.json';

jest.mock('@salesforce/apex/InboxSettingsController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/InboxSettingsController.setAwayUntil', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/InboxSettingsController.setDelivery', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/label/c.Inbox_Settings_Away_Effect',
    () => ({ default: 'You receive no new leads until {0}. They reach you again from {1}.' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.Inbox_Settings_Away_Saved', () => ({ default: 'Away until {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Settings_Delivery_Saved', () => ({ default: 'Saved: {0}.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Inbox_Settings_Paused', () => ({ default: 'Paused in {0} of {1}.' }), {
    virtual: true
});
// The partner's Salesforce locale, unlike the test machine's (en-US): dates must follow it.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'nb-NO' }), { virtual: true });

type Field = HTMLElement & {
    value?: unknown;
    label?: string;
    min?: string;
    options?: Array<{ value: string; label: string }>;
    disabled?: boolean;
    errors?: unknown;
    friendlyMessage?: string;
};

const AVAILABLE = SETTINGS.available as Settings;
const AWAY = SETTINGS.away as Settings;
const NO_MEMBERSHIP = SETTINGS.noMembership as Settings;
const READ_ONLY = SETTINGS.readOnly as Settings;
const DAY = (iso: string) =>
    new Intl.DateTimeFormat('nb-NO', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(element: HTMLElement, selector: string): Field {
    return element.shadowRoot!.querySelector(selector) as Field;
}

function text(element: HTMLElement, selector: string): string | undefined {
    return one(element, selector)?.textContent?.trim() ?? undefined;
}

async function render(settings: Settings | null = AVAILABLE): Promise<HTMLElement> {
    if (settings) {
        jest.mocked(getSettings).mockResolvedValue(settings);
    }
    const element = createElement('c-inbox-settings', { is: InboxSettings });
    document.body.appendChild(element);
    await flush();
    return element;
}

function change(field: Field, value: string): void {
    field.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-inbox-settings', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the settings load', async () => {
        jest.mocked(getSettings).mockReturnValue(new Promise(() => undefined));
        const element = await render(null);

        expect(one(element, '.spinner')).not.toBeNull();
        expect(one(element, '.away')).toBeNull();
    });

    it("says today's effect of the away date in the partner's locale, and that a channel manager paused them", async () => {
        const element = await render(AWAY);

        expect(text(element, '.away-effect')).toBe(
            `You receive no new leads until ${DAY('2026-12-12')}. They reach you again from ${DAY('2026-12-13')}.`
        );
        // nb-NO writes "12. des. 2026": the partner's locale, not the machine's en-US.
        expect(DAY('2026-12-12')).toMatch(/^12\. des\.? 2026$/);
        expect(text(element, '.paused')).toBe('Paused in 1 of 2.');
        expect(one(element, '.away-date').value).toBe('2026-12-12');
        expect(one(element, '.away-date').min).toBe('2026-12-03');
        expect(one(element, '.away-clear')).not.toBeNull();
        expect(one(element, '.delivery').value).toBe('Daily');
        expect(text(element, '.delivery-help')).toBe('c.Inbox_Settings_Delivery_Daily_Help');
    });

    it('says the partner is available when no away date is set', async () => {
        const element = await render(AVAILABLE);

        expect(text(element, '.away-effect')).toBe('c.Inbox_Settings_Available');
        expect(one(element, '.away-clear')).toBeNull();
        expect(one(element, '.paused')).toBeNull();
        expect(one(element, '.delivery').options).toEqual(AVAILABLE.deliveryOptions);
        expect(one(element, '.delivery').value).toBe('Digest');
    });

    it('explains there is nothing to set when no group names the partner (empty)', async () => {
        const element = await render(NO_MEMBERSHIP);

        expect(text(element, '.no-membership')).toBe('c.Inbox_Settings_No_Membership');
        expect(one(element, '.away-date')).toBeNull();
        expect(one(element, '.away-save')).toBeNull();
        expect(one(element, '.delivery')).not.toBeNull();
    });

    it('shows the load error in the error panel', async () => {
        jest.mocked(getSettings).mockRejectedValue(ERRORS.load);
        const element = await render(null);

        const panel = one(element, '.load-error');
        expect(panel.friendlyMessage).toBe('c.Inbox_Settings_Error_Load');
        expect(panel.errors).toEqual(ERRORS.load);
        expect(one(element, '.away')).toBeNull();
    });

    it('shows the refusal of a user without access to the controller (permission)', async () => {
        jest.mocked(getSettings).mockRejectedValue(ERRORS.noPermission);
        const element = await render(null);

        expect(one(element, '.load-error').errors).toEqual(ERRORS.noPermission);
        expect(one(element, '.delivery')).toBeNull();
    });

    it('keeps the email preference read-only for a user who may not set it (permission)', async () => {
        const element = await render(READ_ONLY);

        expect(one(element, '.delivery').disabled).toBe(true);
        expect(one(element, '.delivery-save').disabled).toBe(true);
        expect(text(element, '.read-only')).toBe('c.Inbox_Settings_Delivery_Read_Only');
        one(element, '.delivery-save').click();
        await flush();
        expect(setDelivery).not.toHaveBeenCalled();
    });

    it('saves the away date, shows the new effect and tells the page', async () => {
        const element = await render(AVAILABLE);
        const changes: unknown[] = [];
        element.addEventListener('settingschange', (event) => changes.push((event as CustomEvent).detail));
        jest.mocked(setAwayUntil).mockResolvedValue({ ...AWAY, pausedMemberships: 0 });

        change(one(element, '.away-date'), '2026-12-12');
        one(element, '.away-save').click();
        await flush();

        expect(setAwayUntil).toHaveBeenCalledWith({ awayUntil: '2026-12-12' });
        expect(text(element, '.notice-message')).toBe(`Away until ${DAY('2026-12-12')}.`);
        expect(text(element, '.away-effect')).toContain(DAY('2026-12-12'));
        expect(changes).toEqual([{ awayUntil: '2026-12-12', delivery: 'Daily' }]);
    });

    it('clears the away date', async () => {
        const element = await render(AWAY);
        jest.mocked(setAwayUntil).mockResolvedValue(AVAILABLE);

        one(element, '.away-clear').click();
        await flush();

        expect(setAwayUntil).toHaveBeenCalledWith({ awayUntil: null });
        expect(text(element, '.notice-message')).toBe('c.Inbox_Settings_Away_Cleared');
        expect(text(element, '.away-effect')).toBe('c.Inbox_Settings_Available');
    });

    it('asks for a day, and refuses a day before today, without calling the server', async () => {
        const element = await render(AVAILABLE);

        one(element, '.away-save').click();
        await flush();
        expect(text(element, '.away-problem')).toBe('c.Inbox_Settings_Away_Required');

        change(one(element, '.away-date'), '2026-12-02');
        await flush();
        expect(text(element, '.away-problem')).toBe('c.Inbox_Settings_Error_Away_Past');
        one(element, '.away-save').click();
        await flush();
        expect(setAwayUntil).not.toHaveBeenCalled();
    });

    it("shows the server's refusal of the away date", async () => {
        const element = await render(AVAILABLE);
        jest.mocked(setAwayUntil).mockRejectedValue(ERRORS.awayPast);

        change(one(element, '.away-date'), '2026-12-05');
        one(element, '.away-save').click();
        await flush();

        expect(one(element, '.away-error').errors).toEqual(ERRORS.awayPast);
        expect(one(element, '.notice')).toBeNull();
    });

    it('saves the email preference and names it in the notice', async () => {
        const element = await render(AVAILABLE);
        jest.mocked(setDelivery).mockResolvedValue({ ...AVAILABLE, delivery: 'Off', deliveryStored: true });

        change(one(element, '.delivery'), 'Off');
        await flush();
        expect(text(element, '.delivery-help')).toBe('c.Inbox_Settings_Delivery_Off_Help');
        one(element, '.delivery-save').click();
        await flush();

        expect(setDelivery).toHaveBeenCalledWith({ delivery: 'Off' });
        expect(text(element, '.notice-message')).toBe('Saved: Off.');
        expect(one(element, '.delivery-save').disabled).toBe(true);
    });

    it('is accessible', async () => {
        const element = await render(AWAY);

        await expect(element).toBeAccessible();
    });
});
