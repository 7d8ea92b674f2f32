import { createElement } from 'lwc';
import InboxLeadNotes from 'c/inboxLeadNotes';
import getLeadNotes from '@salesforce/apex/LeadsInboxController.getLeadNotes';
import addLeadNote from '@salesforce/apex/LeadsInboxController.addLeadNote';
import type { LeadNote } from '@salesforce/apex/LeadsInboxController.getLeadNotes';

import NOTES from './data/getLeadNotes.json';
import ERRORS from './data/errors.json';

jest.mock('@salesforce/apex/LeadsInboxController.getLeadNotes', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.addLeadNote', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Note_You', () => ({ default: 'You' }), { virtual: true });
// The partner's Salesforce settings, unlike the test machine's (en-US, UTC): note times must follow these.
jest.mock('@salesforce/i18n/locale', () => ({ default: 'nb-NO' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Asia/Tokyo' }), { virtual: true });

type Field = HTMLElement & { value?: unknown; checked?: boolean; disabled?: boolean; errors?: unknown };

const LEAD_ID = '00Q000000000010AAA';
const LIST = NOTES.notes as LeadNote[];

function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(element: HTMLElement, selector: string): Field {
    return element.shadowRoot!.querySelector(selector) as Field;
}

function all(element: HTMLElement, selector: string): Field[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)) as Field[];
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-inbox-lead-notes', { is: InboxLeadNotes }) as HTMLElement & { leadId?: string };
    element.leadId = LEAD_ID;
    document.body.appendChild(element);
    await flush();
    return element;
}

function type(element: HTMLElement, body: string): void {
    one(element, 'lightning-textarea.note-input').dispatchEvent(new CustomEvent('change', { detail: { value: body } }));
}

describe('c-inbox-lead-notes', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the notes load', async () => {
        jest.mocked(getLeadNotes).mockReturnValue(new Promise(() => undefined));
        const element = await render();
        expect(one(element, 'lightning-spinner')).not.toBeNull();
        expect(one(element, '.empty')).toBeNull();
    });

    it("lists the lead's notes with author, time in my locale and time zone, and the question badge", async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(LIST);
        const element = await render();
        expect(getLeadNotes).toHaveBeenCalledWith({ leadId: LEAD_ID });
        const items = all(element, 'li.note');
        expect(items).toHaveLength(2);
        expect(items[0].querySelector('.note-author')!.textContent).toBe('You');
        expect(items[0].classList).toContain('note-mine');
        expect(items[0].querySelector('.note-question')).toBeNull();
        expect(items[1].querySelector('.note-author')!.textContent).toBe('Chris Channel');
        expect(items[1].querySelector('.note-body')!.textContent).toBe(LIST[1].body);
        expect(items[1].querySelector('.note-question')).not.toBeNull();
        const expected = new Intl.DateTimeFormat('nb-NO', {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: 'Asia/Tokyo'
        }).format(new Date(LIST[1].createdAt));
        expect(items[1].querySelector('.note-when')!.textContent).toBe(expected);
        // 15:45 UTC is 00:45 the next day in Tokyo.
        expect(expected).toContain('00:45');
    });

    it('says so when the lead has no notes yet', async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(NOTES.empty as LeadNote[]);
        const element = await render();
        expect(one(element, '.empty')).not.toBeNull();
        expect(all(element, 'li.note')).toHaveLength(0);
    });

    it('shows the error panel when the notes cannot be read (no access to the lead)', async () => {
        jest.mocked(getLeadNotes).mockRejectedValue(ERRORS.noAccess);
        const element = await render();
        expect(one(element, 'c-error-panel.load-error').errors).toEqual(ERRORS.noAccess);
        expect(one(element, '.empty')).toBeNull();
    });

    it('refuses an empty note without asking the server', async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(NOTES.empty as LeadNote[]);
        const element = await render();
        type(element, '   ');
        one(element, 'lightning-button.note-save').click();
        await flush();
        expect(one(element, '.note-required')).not.toBeNull();
        expect(addLeadNote).not.toHaveBeenCalled();
    });

    it('adds a question, shows the list the server returns and clears the form', async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(NOTES.empty as LeadNote[]);
        jest.mocked(addLeadNote).mockResolvedValue(LIST);
        const element = await render();
        type(element, 'Is the discount still open?');
        one(element, 'lightning-input.note-question-input').dispatchEvent(
            new CustomEvent('change', { detail: { checked: true } })
        );
        one(element, 'lightning-button.note-save').click();
        await flush();
        expect(addLeadNote).toHaveBeenCalledWith({
            leadId: LEAD_ID,
            body: 'Is the discount still open?',
            question: true
        });
        expect(all(element, 'li.note')).toHaveLength(2);
        expect(one(element, 'lightning-textarea.note-input').value).toBe('');
        expect(one(element, 'lightning-input.note-question-input').checked).toBe(false);
        expect(one(element, '.note-saved')).not.toBeNull();
    });

    it('keeps what I wrote and shows the refusal when the note cannot be saved', async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(LIST);
        jest.mocked(addLeadNote).mockRejectedValue(ERRORS.tooLong);
        const element = await render();
        type(element, 'A long note');
        one(element, 'lightning-button.note-save').click();
        await flush();
        expect(one(element, 'c-error-panel.save-error').errors).toEqual(ERRORS.tooLong);
        expect(one(element, 'lightning-textarea.note-input').value).toBe('A long note');
        expect(one(element, '.note-saved')).toBeNull();
        expect(all(element, 'li.note')).toHaveLength(2);
    });

    it('is accessible with notes listed', async () => {
        jest.mocked(getLeadNotes).mockResolvedValue(LIST);
        const element = await render();
        await expect(element).toBeAccessible();
    }, 30000);
});
