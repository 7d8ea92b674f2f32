import { createElement } from 'lwc';
import PartnerLeadStats from 'c/partnerLeadStats';
import getPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
import { refreshApex } from '@salesforce/apex';

import STATS from './data/getPartnerLeadStats.json';

jest.mock(
    '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Stats_Period', () => ({ default: 'Last {0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Stats_Hours', () => ({ default: '{0} h' }), { virtual: true });

interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}

const statsWire = getPartnerLeadStats as unknown as ApexWireAdapterMock;

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function render(): HTMLElement {
    const element = createElement('c-partner-lead-stats', { is: PartnerLeadStats });
    Object.assign(element, { recordId: '001000000000001AAA' });
    document.body.appendChild(element);
    return element;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => node.textContent ?? '');
}

describe('c-partner-lead-stats', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for the account of the page and shows a spinner until the figures arrive', async () => {
        const element = render();
        await flush();

        expect(statsWire.getLastConfig()).toEqual({ accountId: '001000000000001AAA' });
        expect(element.shadowRoot!.querySelector('.spinner')).not.toBeNull();
    });

    it('shows the figures of each period with returns by reason and the median time to accept', async () => {
        const element = render();
        statsWire.emit(STATS.partner);
        await flush();

        expect(texts(element, '.period-heading')).toEqual(['Last 30 days', 'Last 90 days']);
        expect(texts(element, '.received')).toEqual(['12', '40']);
        expect(texts(element, '.accepted')).toEqual(['9', '31']);
        expect(texts(element, '.returned')).toEqual(['2', '0']);
        expect(texts(element, '.recalled')).toEqual(['1', '3']);
        expect(texts(element, '.median')).toEqual(['3.5 h', 'c.Inbox_Stats_No_Accepts']);
        expect(texts(element, '.reason')).toEqual(['Not our territory: 1', 'Duplicate: 1']);
        expect(texts(element, '.no-returns')).toEqual(['c.Inbox_Stats_No_Returns']);
        expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
    });

    it('says so when the account has no partner users or queues', async () => {
        const element = render();
        statsWire.emit(STATS.notPartner);
        await flush();

        expect(texts(element, '.not-partner')).toEqual(['c.Inbox_Stats_Not_Partner']);
        expect(element.shadowRoot!.querySelector('.period')).toBeNull();
    });

    it('shows the error panel when the figures cannot be loaded', async () => {
        const element = render();
        statsWire.error({ message: 'No access' });
        await flush();

        expect(element.shadowRoot!.querySelector('.error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
    });

    it('refreshes the figures on request', async () => {
        const element = render();
        statsWire.emit(STATS.partner);
        await flush();
        (element.shadowRoot!.querySelector('.refresh') as HTMLElement).click();
        await flush();

        expect(refreshApex).toHaveBeenCalledTimes(1);
    });

    it('is accessible', async () => {
        const element = render();
        statsWire.emit(STATS.partner);
        await flush();

        await expect(element).toBeAccessible();
    });
});
