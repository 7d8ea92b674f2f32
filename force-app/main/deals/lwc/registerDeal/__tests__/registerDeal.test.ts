import { createElement } from 'lwc';
import RegisterDeal from 'c/registerDeal';
import registerDeal from '@salesforce/apex/RegisterDealController.registerDeal';
import checkDealConflicts from '@salesforce/apex/RegisterDealController.checkDealConflicts';
import getMyRegistrations from '@salesforce/apex/RegisterDealController.getMyRegistrations';

import REGISTRATIONS from './data/getMyRegistrations.json';

jest.mock('@salesforce/apex/RegisterDealController.registerDeal', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RegisterDealController.checkDealConflicts', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/RegisterDealController.getMyRegistrations', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Deals_Status_Approved', () => ({ default: 'Approved until {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Deals_Status_Rejected', () => ({ default: 'Rejected: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Deals_Registered', () => ({ default: '{0} is registered.' }), { virtual: true });

const registerMock = registerDeal as unknown as jest.Mock;
const checkMock = checkDealConflicts as unknown as jest.Mock;
const listMock = getMyRegistrations as unknown as jest.Mock;

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-register-deal', { is: RegisterDeal });
    document.body.appendChild(element);
    await flush();
    return element;
}

function type(element: HTMLElement, field: string, value: string): void {
    const input = element.shadowRoot!.querySelector(`[data-field="${field}"]`) as HTMLElement & { value: string };
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function click(element: HTMLElement, selector: string): void {
    (element.shadowRoot!.querySelector(selector) as HTMLElement).click();
}

describe('c-register-deal', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it("lists the partner's registrations with status, protection date and rejection reason", async () => {
        listMock.mockResolvedValue(REGISTRATIONS);
        const element = await render();

        const statuses = Array.from(element.shadowRoot!.querySelectorAll('.registration .status')).map(
            (node) => node.textContent
        );
        expect(statuses).toHaveLength(3);
        expect(statuses[0]).toMatch(/^Approved until /);
        expect(statuses[1]).toBe('Rejected: Direct sales already works this account.');
        expect(statuses[2]).toBe('c.Deals_Status_Submitted');
    });

    it('says so when the partner has no registration yet', async () => {
        listMock.mockResolvedValue([]);
        const element = await render();

        expect(element.shadowRoot!.querySelector('.none-yet')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.registrations')).toBeNull();
    });

    it('shows only "possible conflict" from the check, with the form as typed', async () => {
        listMock.mockResolvedValue([]);
        checkMock.mockResolvedValue({ possibleConflict: true });
        const element = await render();
        type(element, 'company', 'Initech');
        type(element, 'email', 'bob@initech.example');
        type(element, 'estimatedValue', '1200');

        click(element, '.check');
        await flush();

        expect(checkMock).toHaveBeenCalledWith({
            form: { company: 'Initech', email: 'bob@initech.example', estimatedValue: 1200 }
        });
        expect(element.shadowRoot!.querySelector('.conflict')!.textContent).toBe('c.Deals_Possible_Conflict');
    });

    it('registers, confirms and reloads the list', async () => {
        listMock.mockResolvedValueOnce([]).mockResolvedValueOnce([REGISTRATIONS[2]]);
        registerMock.mockResolvedValue({ ...REGISTRATIONS[2], possibleConflict: false });
        const element = await render();
        type(element, 'company', 'Hooli');

        click(element, '.submit');
        await flush();

        expect(registerMock).toHaveBeenCalledWith({ form: { company: 'Hooli' } });
        expect(element.shadowRoot!.querySelector('.registered')!.textContent).toBe('Hooli is registered.');
        expect(element.shadowRoot!.querySelector('.conflict')!.textContent).toBe('c.Deals_No_Conflict');
        expect(element.shadowRoot!.querySelectorAll('.registration')).toHaveLength(1);
    });

    it('shows the labelled refusal when the server refuses the form', async () => {
        listMock.mockResolvedValue([]);
        registerMock.mockRejectedValue({ body: { message: 'Enter the company the deal is with.' } });
        const element = await render();

        click(element, '.submit');
        await flush();

        const panel = element.shadowRoot!.querySelector('.save-error') as HTMLElement & { errors: unknown };
        expect(panel).not.toBeNull();
        expect(panel.errors).toEqual({ body: { message: 'Enter the company the deal is with.' } });
    });

    it('shows an error when the list cannot load (no permission)', async () => {
        listMock.mockRejectedValue({ body: { message: 'Insufficient access' } });
        const element = await render();

        expect(element.shadowRoot!.querySelector('.load-error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.none-yet')).toBeNull();
    });

    it('is accessible', async () => {
        listMock.mockResolvedValue(REGISTRATIONS);
        const element = await render();
        await expect(element).toBeAccessible();
    });
});
