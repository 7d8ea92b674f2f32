import { createElement } from 'lwc';
import LeadsInbox from 'c/leadsInbox';
import getInboxPage from '@salesforce/apex/LeadsInboxController.getInboxPage';
import getInboxOptions from '@salesforce/apex/LeadsInboxController.getInboxOptions';
import acceptLead from '@salesforce/apex/LeadsInboxController.acceptLead';
import returnLead from '@salesforce/apex/LeadsInboxController.returnLead';
import updateLeadStatus from '@salesforce/apex/LeadsInboxController.updateLeadStatus';
import getLeadDetail from '@salesforce/apex/LeadsInboxController.getLeadDetail';
import getLeadNotes from '@salesforce/apex/LeadsInboxController.getLeadNotes';
import getSettings from '@salesforce/apex/InboxSettingsController.getSettings';
import getMyRegistrations from '@salesforce/apex/RegisterDealController.getMyRegistrations';
import type { InboxPage } from '@salesforce/apex/LeadsInboxController.getInboxPage';
import type { LeadDetail } from '@salesforce/apex/LeadsInboxController.getLeadDetail';
import type { InboxSettings } from '@salesforce/apex/InboxSettingsController.getSettings';
import type { RegistrationRow } from '@salesforce/apex/RegisterDealController.registerDeal';

import PAGES from './data/getInboxPage.json';
import OPTIONS from './data/getInboxOptions.json';
import ACCEPT_ERRORS from './data/acceptLead.json';
import RETURN_ERRORS from './data/returnLead.json';
import STATUS_ERRORS from './data/updateLeadStatus.json';
import DETAILS from '../../inboxLeadDetail/__tests__/data/getLeadDetail.json';
import SETTINGS from '../../inboxSettings/__tests__/data/getSettings.json';
import REGISTRATIONS from '../../../../deals/lwc/registerDeal/__tests__/data/getMyRegistrations.json';

jest.mock(
    '@salesforce/apex/LeadsInboxController.getInboxOptions',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/LeadsInboxController.getInboxPage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.acceptLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.returnLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.updateLeadStatus', () => ({ default: jest.fn() }), { virtual: true });
// The embedded components' Apex: they load their own data once they are shown.
jest.mock('@salesforce/apex/LeadsInboxController.getLeadDetail', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.getLeadNotes', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.addLeadNote', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.convertLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.qualifyLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/InboxSettingsController.getSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/InboxSettingsController.setAwayUntil', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/InboxSettingsController.setDelivery', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RegisterDealController.getMyRegistrations', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/RegisterDealController.registerDeal', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RegisterDealController.checkDealConflicts', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Inbox_Details_Of', () => ({ default: 'Details of {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Showing', () => ({ default: 'Showing {0} of {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Empty_Search', () => ({ default: 'No leads match {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Accepted', () => ({ default: '{0} is yours now.' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Age_Hours', () => ({ default: '{0} h' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Sla_Due_At', () => ({ default: 'Due {0}' }), { virtual: true });
// The partner's Salesforce settings, unlike the test machine's (en-US, UTC): dates must follow these.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'nb-NO' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Asia/Tokyo' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Age_Days', () => ({ default: '{0} d' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Status_Updated', () => ({ default: '{0}: status set to {1}.' }), {
    virtual: true
});

interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
}

type Field = HTMLElement & {
    value?: unknown;
    label?: string;
    title?: string;
    options?: Array<{ value: string; label: string }>;
    disabled?: boolean;
    variant?: string;
    errors?: unknown;
};

const optionsWire = getInboxOptions as unknown as ApexWireAdapterMock;
const WAITING = PAGES.waiting as InboxPage;
const WAITING_NEXT = PAGES.waitingNextPage as InboxPage;
const OWNED = PAGES.owned as InboxPage;
const EMPTY = PAGES.empty as InboxPage;
const EMPTY_OWNED: InboxPage = { ...EMPTY, listName: 'owned' };

type PageParams = Parameters<typeof getInboxPage>[0];

/** Serves the fixture page of each list, as the server would. */
function servePages(waiting: InboxPage = WAITING, owned: InboxPage = OWNED): void {
    jest.mocked(getInboxPage).mockImplementation((params: PageParams) => {
        if (params.listName === 'owned') {
            return Promise.resolve(owned);
        }
        return Promise.resolve(params.offset > 0 ? WAITING_NEXT : waiting);
    });
}

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function one(element: HTMLElement, selector: string): Field {
    return root(element).querySelector(selector) as Field;
}

function all(element: HTMLElement, selector: string): Field[] {
    return Array.from(root(element).querySelectorAll(selector)) as Field[];
}

function text(element: HTMLElement, selector: string): string | undefined {
    return one(element, selector)?.textContent ?? undefined;
}

async function render(withOptions = true): Promise<HTMLElement> {
    const element = createElement('c-leads-inbox', { is: LeadsInbox });
    document.body.appendChild(element);
    if (withOptions) {
        optionsWire.emit(OPTIONS);
    }
    await flush();
    return element;
}

async function showOwned(element: HTMLElement): Promise<void> {
    one(element, '.tab-owned').click();
    await flush();
}

function change(field: Field, value: string): void {
    field.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function openReturn(element: HTMLElement, index = 0): Promise<void> {
    all(element, 'lightning-button.return')[index].click();
    await flush();
}

describe('c-leads-inbox', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows a spinner while the leads load', async () => {
        jest.mocked(getInboxPage).mockReturnValue(new Promise(() => undefined));
        const element = await render();

        expect(one(element, '.spinner')).not.toBeNull();
        expect(one(element, '.leads')).toBeNull();
        expect(one(element, '.empty')).toBeNull();
    });

    it('loads the first page of both lists, oldest first', async () => {
        servePages();
        const element = await render();

        expect(getInboxPage).toHaveBeenCalledTimes(2);
        expect(getInboxPage).toHaveBeenCalledWith({
            listName: 'waiting',
            searchTerm: null,
            sortBy: 'age',
            sortDirection: 'desc',
            pageSize: 25,
            offset: 0
        });
        expect(one(element, 'lightning-button.direction').label).toBe('c.Inbox_Sort_Oldest_First');
        expect(getInboxPage).toHaveBeenCalledWith(expect.objectContaining({ listName: 'owned', offset: 0 }));
    });

    it('lists the leads waiting in my queues with their age and SLA badge', async () => {
        servePages();
        const element = await render();

        expect(text(element, '.tab-waiting')).toBe('c.Inbox_Tab_Waiting (27)');
        expect(text(element, '.tab-owned')).toBe('c.Inbox_Tab_Owned (2)');
        expect(one(element, '.tab-waiting').getAttribute('aria-selected')).toBe('true');
        const leads = all(element, '.lead');
        expect(leads).toHaveLength(3);
        expect(leads[0].querySelector('.lead-name')!.textContent).toBe('Ada Lovelace');
        expect(leads[0].querySelector('.lead-company')!.textContent).toBe('Analytical Engines');
        expect(leads[0].querySelector('.lead-country')!.textContent).toBe('Norway');
        expect(leads[0].querySelector('.lead-source')!.textContent).toBe('Web');
        expect(leads[0].querySelector('.lead-queue')!.textContent).toBe('Partner: Acme');
        expect(leads[0].querySelector('.lead-age')!.textContent).toBe('3.5 h');
        expect(leads[2].querySelector('.lead-age')!.textContent).toBe('4 d');
        const badges = leads.map((lead) => lead.querySelector('.sla')!);
        expect(badges.map((b) => b.textContent)).toEqual([
            'c.Inbox_Sla_On_Time',
            'c.Inbox_Sla_Due_Soon',
            'c.Inbox_Sla_Overdue'
        ]);
        expect(badges[1].className).toContain('slds-theme_warning');
        expect(badges[2].className).toContain('slds-theme_error');
        expect(all(element, 'lightning-button.accept')).toHaveLength(3);
        expect(all(element, 'lightning-combobox.status')).toHaveLength(0);
        expect(text(element, '.showing')).toBe('Showing 3 of 27');
    });

    it("shows due times in the partner's own locale and time zone, not the browser's", async () => {
        servePages();
        const element = await render();

        // 2026-11-24T10:00Z is 19:00 in Tokyo; the browser here would say "Nov 24, 2026, 10:00 AM".
        const due = all(element, '.lead')[0].querySelector('.lead-due')!;
        expect(due.textContent).toBe('Due 24. nov. 2026, 19:00');
        expect(all(element, '.lead')[0].querySelector('.sla')!.getAttribute('title')).toBe(due.textContent);
    });

    it('shows my own leads with a status picker of the allowed statuses, and Accept only where it applies', async () => {
        servePages();
        const element = await render();
        await showOwned(element);

        expect(one(element, '.tab-owned').getAttribute('aria-selected')).toBe('true');
        expect(all(element, '.lead')).toHaveLength(2);
        expect(all(element, 'lightning-button.accept')).toHaveLength(1);
        const pickers = all(element, 'lightning-combobox.status');
        expect(pickers).toHaveLength(2);
        expect(pickers[0].value).toBe('Working - Contacted');
        expect(pickers[0].options!.map((o) => o.value)).toEqual(['Working - Contacted', 'Closed - Not Converted']);
        // A status the partner may not set is still shown as the current value.
        expect(pickers[1].options!.map((o) => o.value)).toEqual([
            'Open - Not Contacted',
            'Working - Contacted',
            'Closed - Not Converted'
        ]);
        expect(one(element, '.lead-queue')).toBeNull();
    });

    it('switches tabs with the arrow keys', async () => {
        servePages();
        const element = await render();
        one(element, '.tab-waiting').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
        await flush();

        expect(one(element, '.tab-owned').getAttribute('aria-selected')).toBe('true');
        expect(one(element, '.tab-owned').getAttribute('tabindex')).toBe('0');
        expect(one(element, '.tab-waiting').getAttribute('tabindex')).toBe('-1');
    });

    it('says what to expect when nothing waits and I own no leads', async () => {
        servePages(EMPTY, EMPTY_OWNED);
        const element = await render();

        expect(text(element, '.empty')).toBe('c.Inbox_Empty_Waiting');
        expect(one(element, '.leads')).toBeNull();
        await showOwned(element);
        expect(text(element, '.empty')).toBe('c.Inbox_Empty_Owned');
    });

    it('shows the error panel when a list cannot be loaded', async () => {
        const failure = { body: { message: 'Insufficient access' }, status: 500 };
        jest.mocked(getInboxPage).mockRejectedValue(failure);
        const element = await render();

        const panel = one(element, '.list-error');
        expect(panel).not.toBeNull();
        expect(panel.errors).toEqual(failure);
        expect(one(element, '.empty')).toBeNull();
        expect(text(element, '.tab-waiting')).toBe('c.Inbox_Tab_Waiting');
    });

    it('loads the next page and appends it', async () => {
        servePages();
        const element = await render();
        one(element, 'lightning-button.load-more').click();
        await flush();

        expect(getInboxPage).toHaveBeenLastCalledWith(expect.objectContaining({ listName: 'waiting', offset: 3 }));
        expect(all(element, '.lead')).toHaveLength(4);
        expect(text(element, '.showing')).toBe('Showing 4 of 27');
        expect(one(element, 'lightning-button.load-more')).toBeNull();
    });

    it('searches after typing pauses, once, and says when nothing matches', async () => {
        servePages();
        const element = await render();
        jest.useFakeTimers();
        jest.mocked(getInboxPage).mockClear();
        servePages(EMPTY, EMPTY_OWNED);
        const search = one(element, 'lightning-input.search');
        change(search, 'ac');
        change(search, 'acme ');
        jest.advanceTimersByTime(299);
        expect(getInboxPage).not.toHaveBeenCalled();
        jest.advanceTimersByTime(1);
        jest.useRealTimers();
        await flush();

        expect(getInboxPage).toHaveBeenCalledTimes(2);
        expect(getInboxPage).toHaveBeenCalledWith(
            expect.objectContaining({ listName: 'waiting', searchTerm: 'acme', offset: 0 })
        );
        expect(text(element, '.empty')).toBe('No leads match acme.');
    });

    it('sorts on the server by the chosen field and direction', async () => {
        servePages();
        const element = await render();
        change(one(element, 'lightning-combobox.sort'), 'company');
        await flush();

        expect(getInboxPage).toHaveBeenLastCalledWith(
            expect.objectContaining({ sortBy: 'company', sortDirection: 'asc' })
        );
        expect(one(element, 'lightning-button.direction').label).toBe('c.Inbox_Sort_Ascending');
        one(element, 'lightning-button.direction').click();
        await flush();
        expect(getInboxPage).toHaveBeenLastCalledWith(
            expect.objectContaining({ sortBy: 'company', sortDirection: 'desc' })
        );
        expect(one(element, 'lightning-button.direction').label).toBe('c.Inbox_Sort_Descending');
    });

    it('flips age between oldest and newest first', async () => {
        servePages();
        const element = await render();
        one(element, 'lightning-button.direction').click();
        await flush();

        expect(getInboxPage).toHaveBeenLastCalledWith(expect.objectContaining({ sortBy: 'age', sortDirection: 'asc' }));
        expect(one(element, 'lightning-button.direction').label).toBe('c.Inbox_Sort_Newest_First');
        change(one(element, 'lightning-combobox.sort'), 'age');
        await flush();
        expect(getInboxPage).toHaveBeenLastCalledWith(
            expect.objectContaining({ sortBy: 'age', sortDirection: 'desc' })
        );
    });

    it('accepts a lead, tells me it is mine and refreshes both lists', async () => {
        servePages();
        jest.mocked(acceptLead).mockResolvedValue(undefined);
        const element = await render();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        jest.mocked(getInboxPage).mockClear();

        all(element, 'lightning-button.accept')[1].click();
        await flush();

        expect(acceptLead).toHaveBeenCalledWith({ leadId: '00Q000000000002AAA' });
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            variant: 'success',
            message: 'Grace Hopper is yours now.'
        });
        expect(text(element, '.notice-message')).toBe('Grace Hopper is yours now.');
        expect(getInboxPage).toHaveBeenCalledWith(expect.objectContaining({ listName: 'waiting', offset: 0 }));
        expect(getInboxPage).toHaveBeenCalledWith(expect.objectContaining({ listName: 'owned', offset: 0 }));
    });

    it('tells me when another partner accepted the lead first and refreshes the list', async () => {
        servePages();
        jest.mocked(acceptLead).mockRejectedValue(ACCEPT_ERRORS.raceLost);
        const element = await render();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        jest.mocked(getInboxPage).mockClear();
        servePages({ ...WAITING, total: 26, rows: WAITING.rows.slice(1) });

        all(element, 'lightning-button.accept')[0].click();
        await flush();

        expect(toast.mock.calls[0][0].detail).toMatchObject({
            variant: 'error',
            message: ACCEPT_ERRORS.raceLost.body.message
        });
        expect(text(element, '.notice-title')).toBe('c.Inbox_Race_Lost_Title');
        expect(text(element, '.notice-message')).toBe(ACCEPT_ERRORS.raceLost.body.message);
        expect(getInboxPage).toHaveBeenCalledWith(expect.objectContaining({ listName: 'waiting', offset: 0 }));
        expect(all(element, '.lead')).toHaveLength(2);
        expect(text(element, '.tab-waiting')).toBe('c.Inbox_Tab_Waiting (26)');
        one(element, '.notice-close').click();
        await flush();
        expect(one(element, '.notice')).toBeNull();
    });

    it('refuses to return a lead without a reason and a comment', async () => {
        servePages();
        const element = await render();
        await openReturn(element);

        expect(one(element, '.return-dialog')).not.toBeNull();
        expect(one(element, 'lightning-combobox.return-reason').options).toHaveLength(5);
        one(element, 'lightning-button.return-submit').click();
        await flush();

        expect(returnLead).not.toHaveBeenCalled();
        expect(text(element, '.reason-error')).toBe('c.Inbox_Error_Reason_Required');
        expect(text(element, '.comment-error')).toBe('c.Inbox_Error_Comment_Required');

        change(one(element, 'lightning-combobox.return-reason'), 'Duplicate');
        change(one(element, 'lightning-textarea.return-comment'), '   ');
        one(element, 'lightning-button.return-submit').click();
        await flush();
        expect(returnLead).not.toHaveBeenCalled();
        expect(one(element, '.reason-error')).toBeNull();
        expect(one(element, '.comment-error')).not.toBeNull();

        change(one(element, 'lightning-textarea.return-comment'), 'x'.repeat(4001));
        one(element, 'lightning-button.return-submit').click();
        await flush();
        expect(returnLead).not.toHaveBeenCalled();
        expect(one(element, '.comment-too-long')).not.toBeNull();
    });

    it('returns a lead with its reason and comment, closes the dialog and refreshes', async () => {
        servePages();
        jest.mocked(returnLead).mockResolvedValue(undefined);
        const element = await render();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await openReturn(element, 2);

        expect(text(element, '.slds-modal__title')).toBe('c.Inbox_Return_Title');
        change(one(element, 'lightning-combobox.return-reason'), 'Not_Our_Territory');
        change(one(element, 'lightning-textarea.return-comment'), '  We only cover Scandinavia. ');
        jest.mocked(getInboxPage).mockClear();
        one(element, 'lightning-button.return-submit').click();
        await flush();

        expect(returnLead).toHaveBeenCalledWith({
            leadId: '00Q000000000003AAA',
            reason: 'Not_Our_Territory',
            comment: 'We only cover Scandinavia.'
        });
        expect(one(element, '.return-dialog')).toBeNull();
        expect(toast.mock.calls[0][0].detail).toMatchObject({ variant: 'success', title: 'c.Inbox_Returned_Title' });
        expect(getInboxPage).toHaveBeenCalledTimes(2);
    });

    it('keeps the dialog open with the reason when a return is refused', async () => {
        servePages();
        jest.mocked(returnLead).mockRejectedValue(RETURN_ERRORS.refused);
        const element = await render();
        await openReturn(element);
        change(one(element, 'lightning-combobox.return-reason'), 'Other');
        change(one(element, 'lightning-textarea.return-comment'), 'Wrong lead');
        one(element, 'lightning-button.return-submit').click();
        await flush();

        expect(one(element, '.return-dialog')).not.toBeNull();
        const panel = one(element, '.return-error');
        expect(panel.errors).toEqual(RETURN_ERRORS.refused);
    });

    it('explains why no reasons are offered when they cannot be loaded', async () => {
        servePages();
        const element = await render(false);
        optionsWire.error({ message: 'No access' });
        await flush();
        await openReturn(element);

        expect(one(element, '.options-error')).not.toBeNull();
        expect(one(element, 'lightning-combobox.return-reason').options).toEqual([]);
    });

    it('closes the return dialog on Cancel and on Escape', async () => {
        servePages();
        const element = await render();
        await openReturn(element);
        one(element, 'lightning-button.return-cancel').click();
        await flush();
        expect(one(element, '.return-dialog')).toBeNull();

        await openReturn(element);
        one(element, '.return-dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        await flush();
        expect(one(element, '.return-dialog')).toBeNull();
    });

    it('updates the status of my lead and reloads my list', async () => {
        servePages();
        jest.mocked(updateLeadStatus).mockResolvedValue(undefined);
        const element = await render();
        await showOwned(element);
        jest.mocked(getInboxPage).mockClear();

        change(all(element, 'lightning-combobox.status')[0], 'Closed - Not Converted');
        await flush();

        expect(updateLeadStatus).toHaveBeenCalledWith({
            leadId: '00Q000000000010AAA',
            status: 'Closed - Not Converted'
        });
        expect(text(element, '.notice-message')).toBe('Barbara Liskov: status set to Closed - Not Converted.');
        expect(getInboxPage).toHaveBeenCalledWith(expect.objectContaining({ listName: 'owned', offset: 0 }));
    });

    it('does nothing when the same status is chosen, and shows a refusal', async () => {
        servePages();
        jest.mocked(updateLeadStatus).mockRejectedValue(STATUS_ERRORS.refused);
        const element = await render();
        await showOwned(element);

        change(all(element, 'lightning-combobox.status')[0], 'Working - Contacted');
        await flush();
        expect(updateLeadStatus).not.toHaveBeenCalled();

        change(all(element, 'lightning-combobox.status')[1], 'Working - Contacted');
        await flush();
        expect(text(element, '.notice-message')).toBe(STATUS_ERRORS.refused.body.message);
    });

    // axe walks the whole tree; give it room on a busy machine.
    describe('embedded components', () => {
        beforeEach(() => {
            jest.mocked(getSettings).mockResolvedValue(SETTINGS.available as unknown as InboxSettings);
            jest.mocked(getMyRegistrations).mockResolvedValue(REGISTRATIONS as unknown as RegistrationRow[]);
            jest.mocked(getLeadDetail).mockResolvedValue(DETAILS.convert as LeadDetail);
            jest.mocked(getLeadNotes).mockResolvedValue([]);
        });

        it('opens my availability and email settings from the toolbar, and closes them again', async () => {
            servePages();
            const element = await render();
            expect(one(element, 'c-inbox-settings')).toBeNull();

            one(element, 'lightning-button.open-settings').click();
            await flush();
            expect(one(element, 'c-inbox-settings')).not.toBeNull();
            expect(getSettings).toHaveBeenCalledTimes(1);
            expect(one(element, 'lightning-button.open-settings').variant).toBe('brand');
            expect(one(element, 'c-register-deal')).toBeNull();

            one(element, 'lightning-button.open-settings').click();
            await flush();
            expect(one(element, 'c-inbox-settings')).toBeNull();
        });

        it('shows the deal registration form from the toolbar in place of the settings', async () => {
            servePages();
            const element = await render();
            one(element, 'lightning-button.open-settings').click();
            await flush();

            one(element, 'lightning-button.open-deal').click();
            await flush();
            expect(one(element, 'c-register-deal')).not.toBeNull();
            expect(getMyRegistrations).toHaveBeenCalledTimes(1);
            expect(one(element, 'c-inbox-settings')).toBeNull();
        });

        it('opens the details of the lead whose Details button was clicked', async () => {
            servePages();
            const element = await render();
            const details = all(element, 'lightning-button.details');
            expect(details).toHaveLength(WAITING.rows.length);
            expect(details[1].title).toBe(`Details of ${WAITING.rows[1].name}`);

            details[1].click();
            await flush();
            const detail = one(element, 'c-inbox-lead-detail') as Field & { leadId?: string };
            expect(detail.leadId).toBe(WAITING.rows[1].id);
            expect(getLeadDetail).toHaveBeenCalledWith({ leadId: WAITING.rows[1].id });
        });

        it('closes the details when the detail says close', async () => {
            servePages();
            const element = await render();
            all(element, 'lightning-button.details')[0].click();
            await flush();

            one(element, 'c-inbox-lead-detail').dispatchEvent(new CustomEvent('close'));
            await flush();
            expect(one(element, 'c-inbox-lead-detail')).toBeNull();
            expect(getInboxPage).toHaveBeenCalledTimes(2);
        });

        it('reloads both lists and says what happened after a conversion', async () => {
            servePages();
            const element = await render();
            await showOwned(element);
            all(element, 'lightning-button.details')[0].click();
            await flush();
            jest.mocked(getInboxPage).mockClear();

            one(element, 'c-inbox-lead-detail').dispatchEvent(
                new CustomEvent('changed', { detail: { leadId: OWNED.rows[0].id, message: 'Converted.' } })
            );
            await flush();
            expect(one(element, 'c-inbox-lead-detail')).toBeNull();
            expect(text(element, '.notice-title')).toBe('Converted.');
            const lists = jest.mocked(getInboxPage).mock.calls.map(([params]) => [params.listName, params.offset]);
            expect(lists).toEqual(
                expect.arrayContaining([
                    ['waiting', 0],
                    ['owned', 0]
                ])
            );
            expect(lists).toHaveLength(2);
        });
    });

    const A11Y_TIMEOUT = 30000;

    it(
        'is accessible with leads listed',
        async () => {
            servePages();
            const element = await render();
            await expect(element).toBeAccessible();
        },
        A11Y_TIMEOUT
    );

    it(
        'is accessible with the return dialog open',
        async () => {
            servePages();
            const element = await render();
            await openReturn(element);
            await expect(element).toBeAccessible();
        },
        A11Y_TIMEOUT
    );

    it(
        'is accessible when empty',
        async () => {
            servePages(EMPTY, EMPTY_OWNED);
            const element = await render();
            await expect(element).toBeAccessible();
        },
        A11Y_TIMEOUT
    );
});
