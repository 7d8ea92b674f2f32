import { createElement } from 'lwc';
import DealRegistrations from 'c/dealRegistrations';
import getRegistrationQueue from '@salesforce/apex/DealRegistrationsController.getRegistrationQueue';
import approveRegistration from '@salesforce/apex/DealRegistrationsController.approveRegistration';
import rejectRegistration from '@salesforce/apex/DealRegistrationsController.rejectRegistration';

import QUEUE from './data/getRegistrationQueue.json';

jest.mock('@salesforce/apex/DealRegistrationsController.getRegistrationQueue', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationsController.approveRegistration', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/DealRegistrationsController.rejectRegistration', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Deals_Match_By', () => ({ default: '{0}: {1} (owner {2}, same {3})' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Deals_Rejected_Toast', () => ({ default: '{0} is rejected.' }), { virtual: true });
jest.mock('@salesforce/label/c.Deals_Approved_Toast', () => ({ default: '{0} is approved until {1}.' }), {
    virtual: true
});

const queueMock = getRegistrationQueue as unknown as jest.Mock;
const approveMock = approveRegistration as unknown as jest.Mock;
const rejectMock = rejectRegistration as unknown as jest.Mock;
const EMPTY = { total: 0, protectionDays: 90, rows: [] };

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-deal-registrations', { is: DealRegistrations });
    document.body.appendChild(element);
    await flush();
    return element;
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector));
}

describe('c-deal-registrations', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows each registration with its partner and its conflicts by name', async () => {
        queueMock.mockResolvedValue(QUEUE);
        const element = await render();

        expect(all(element, '.registration')).toHaveLength(2);
        expect(all(element, '.partner').map((node) => node.textContent)).toEqual(['Acme One', 'Globex One']);
        expect(all(element, '.match').map((node) => node.textContent)).toEqual([
            'Account: Initech, Inc. (owner Sam Sales, same domain)'
        ]);
        expect(all(element, '.no-matches')).toHaveLength(1);
    });

    it('says so when nothing waits', async () => {
        queueMock.mockResolvedValue(EMPTY);
        const element = await render();

        expect(element.shadowRoot!.querySelector('.empty')).not.toBeNull();
        expect(all(element, '.registration')).toHaveLength(0);
    });

    it('approves a registration and reloads the queue', async () => {
        queueMock.mockResolvedValueOnce(QUEUE).mockResolvedValueOnce(EMPTY);
        approveMock.mockResolvedValue('2027-03-01T10:00:00.000Z');
        const element = await render();

        all(element, '.approve')[0]!.click();
        await flush();

        expect(approveMock).toHaveBeenCalledWith({ leadId: '00Q000000000001AAA' });
        expect(element.shadowRoot!.querySelector('.message')!.textContent).toMatch(/^Initech is approved until /);
        expect(element.shadowRoot!.querySelector('.empty')).not.toBeNull();
    });

    it('rejects with the reason typed for that registration', async () => {
        queueMock.mockResolvedValue(QUEUE);
        rejectMock.mockResolvedValue(undefined);
        const element = await render();
        const reason = all(element, '.reason')[1]!;
        reason.dispatchEvent(new CustomEvent('change', { detail: { value: 'Not a fit' } }));

        all(element, '.reject')[1]!.click();
        await flush();

        expect(rejectMock).toHaveBeenCalledWith({ leadId: '00Q000000000002AAA', reason: 'Not a fit' });
        expect(element.shadowRoot!.querySelector('.message')!.textContent).toBe('Hooli is rejected.');
    });

    it('shows the labelled refusal of a decision (reason missing, already decided)', async () => {
        queueMock.mockResolvedValue(QUEUE);
        rejectMock.mockRejectedValue({ body: { message: 'Enter a reason: the partner sees it.' } });
        const element = await render();

        all(element, '.reject')[0]!.click();
        await flush();

        expect(rejectMock).toHaveBeenCalledWith({ leadId: '00Q000000000001AAA', reason: '' });
        expect(element.shadowRoot!.querySelector('.action-error')).not.toBeNull();
    });

    it('shows an error when the user may not decide registrations', async () => {
        queueMock.mockRejectedValue({
            body: { message: 'You need the Partner Desk: Decide Deal Registrations permission' }
        });
        const element = await render();

        expect(element.shadowRoot!.querySelector('.error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.protection')).toBeNull();
    });

    it('is accessible', async () => {
        queueMock.mockResolvedValue(QUEUE);
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
