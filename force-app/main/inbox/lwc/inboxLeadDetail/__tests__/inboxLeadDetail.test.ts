import { createElement } from 'lwc';
import InboxLeadDetail from 'c/inboxLeadDetail';
import getLeadDetail from '@salesforce/apex/LeadsInboxController.getLeadDetail';
import getLeadNotes from '@salesforce/apex/LeadsInboxController.getLeadNotes';
import convertLead from '@salesforce/apex/LeadsInboxController.convertLead';
import qualifyLead from '@salesforce/apex/LeadsInboxController.qualifyLead';
import type { LeadDetail } from '@salesforce/apex/LeadsInboxController.getLeadDetail';

import DETAILS from './data/getLeadDetail.json';
import ERRORS from './data/errors.json';

jest.mock('@salesforce/apex/LeadsInboxController.getLeadDetail', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.getLeadNotes', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.addLeadNote', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.convertLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/LeadsInboxController.qualifyLead', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Convert', () => ({ default: 'Convert' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Qualify', () => ({ default: 'Hand over as qualified' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Converted', () => ({ default: '{0} is converted.' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Qualified', () => ({ default: '{0} went to your channel manager.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Inbox_Detail_Qualified_On', () => ({ default: 'Handed over on {0}.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Inbox_Detail_Not_Given', () => ({ default: 'Not given' }), { virtual: true });
jest.mock('@salesforce/i18n/locale', () => ({ default: 'nb-NO' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'Asia/Tokyo' }), { virtual: true });

type Field = HTMLElement & { label?: string; disabled?: boolean; errors?: unknown; leadId?: string };

const CONVERT = DETAILS.convert as LeadDetail;
const QUALIFY = DETAILS.qualify as LeadDetail;
const HANDED_OVER = DETAILS.handedOver as LeadDetail;
const NOT_OWNED = DETAILS.notOwned as LeadDetail;

function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(element: HTMLElement, selector: string): Field {
    return element.shadowRoot!.querySelector(selector) as Field;
}

function text(element: HTMLElement, selector: string): string | undefined {
    return one(element, selector)?.textContent?.trim() ?? undefined;
}

async function render(leadId = CONVERT.id): Promise<HTMLElement> {
    const element = createElement('c-inbox-lead-detail', { is: InboxLeadDetail }) as HTMLElement & {
        leadId?: string;
    };
    element.leadId = leadId;
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-inbox-lead-detail', () => {
    beforeEach(() => {
        jest.mocked(getLeadNotes).mockResolvedValue([]);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the lead loads', async () => {
        jest.mocked(getLeadDetail).mockReturnValue(new Promise(() => undefined));
        const element = await render();
        expect(one(element, 'lightning-spinner')).not.toBeNull();
        expect(one(element, 'lightning-button.convert')).toBeNull();
    });

    it('shows the contact fields with mail and phone links, the description, the record link and the notes', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(CONVERT);
        const element = await render();
        expect(getLeadDetail).toHaveBeenCalledWith({ leadId: CONVERT.id });
        expect(text(element, '.detail-heading')).toBe(CONVERT.name);
        expect(text(element, 'dd.company')).toBe(CONVERT.company);
        expect(text(element, 'dd.title')).toBe(CONVERT.title);
        expect(one(element, 'dd.email a')!.getAttribute('href')).toBe(`mailto:${CONVERT.email}`);
        expect(one(element, 'dd.phone a')!.getAttribute('href')).toBe(`tel:${CONVERT.phone}`);
        expect(text(element, '.detail-description')).toBe(CONVERT.description);
        expect(one(element, 'a.record-link')!.getAttribute('href')).toBe('https://www.example.com');
        expect(one(element, 'c-inbox-lead-notes').leadId).toBe(CONVERT.id);
        expect(one(element, 'lightning-button.convert').label).toBe('Convert');
    });

    it('says "not given" for empty fields and offers the hand-over when the org does not let partners convert', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(QUALIFY);
        const element = await render();
        expect(text(element, 'dd.email')).toBe('Not given');
        expect(one(element, 'dd.email a')).toBeNull();
        expect(text(element, '.detail-description')).toBe('Not given');
        expect(one(element, 'lightning-button.convert').label).toBe('Hand over as qualified');
    });

    it('offers neither Convert nor hand-over on a lead I do not own, and says when it was handed over', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(NOT_OWNED);
        const element = await render(NOT_OWNED.id);
        expect(one(element, 'lightning-button.convert')).toBeNull();
        document.body.removeChild(element);

        jest.mocked(getLeadDetail).mockResolvedValue(HANDED_OVER);
        const handedOver = await render();
        expect(one(handedOver, 'lightning-button.convert')).toBeNull();
        expect(text(handedOver, '.qualified-state')).toContain('Handed over on');
        // 09:30 UTC is 18:30 in Tokyo.
        expect(text(handedOver, '.qualified-state')).toContain('18:30');
    });

    it('shows the error panel, and no notes, when the lead cannot be read', async () => {
        jest.mocked(getLeadDetail).mockRejectedValue(ERRORS.noAccess);
        const element = await render();
        expect(one(element, 'c-error-panel.load-error').errors).toEqual(ERRORS.noAccess);
        expect(one(element, 'c-inbox-lead-notes')).toBeNull();
        expect(one(element, 'lightning-spinner')).toBeNull();
    });

    it('converts the lead and tells the inbox', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(CONVERT);
        jest.mocked(convertLead).mockResolvedValue({ accountId: '001', contactId: '003', opportunityId: '006' });
        const element = await render();
        const changed = jest.fn();
        element.addEventListener('changed', changed);
        one(element, 'lightning-button.convert').click();
        await flush();
        expect(convertLead).toHaveBeenCalledWith({ leadId: CONVERT.id });
        expect(qualifyLead).not.toHaveBeenCalled();
        expect(changed).toHaveBeenCalledTimes(1);
        expect(changed.mock.calls[0][0].detail).toEqual({
            leadId: CONVERT.id,
            message: `${CONVERT.name} is converted.`
        });
    });

    it('hands the lead over as qualified when that is the setting', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(QUALIFY);
        jest.mocked(qualifyLead).mockResolvedValue(undefined);
        const element = await render();
        const changed = jest.fn();
        element.addEventListener('changed', changed);
        one(element, 'lightning-button.convert').click();
        await flush();
        expect(qualifyLead).toHaveBeenCalledWith({ leadId: QUALIFY.id });
        expect(convertLead).not.toHaveBeenCalled();
        expect(changed.mock.calls[0][0].detail.message).toBe(`${QUALIFY.name} went to your channel manager.`);
    });

    it('shows why a conversion was refused (no Convert Leads permission) and tells the inbox nothing', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(CONVERT);
        jest.mocked(convertLead).mockRejectedValue(ERRORS.convertRefused);
        const element = await render();
        const changed = jest.fn();
        element.addEventListener('changed', changed);
        one(element, 'lightning-button.convert').click();
        await flush();
        expect(one(element, 'c-error-panel.convert-error').errors).toEqual(ERRORS.convertRefused);
        expect(one(element, 'lightning-button.convert').disabled).toBe(false);
        expect(changed).not.toHaveBeenCalled();
    });

    it('asks to close on Close and on Escape', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(CONVERT);
        const element = await render();
        const close = jest.fn();
        element.addEventListener('close', close);
        one(element, 'lightning-button.detail-close').click();
        one(element, 'section.detail-dialog').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        expect(close).toHaveBeenCalledTimes(2);
    });

    it('is accessible with the lead shown', async () => {
        jest.mocked(getLeadDetail).mockResolvedValue(CONVERT);
        const element = await render();
        await expect(element).toBeAccessible();
    }, 30000);
});
