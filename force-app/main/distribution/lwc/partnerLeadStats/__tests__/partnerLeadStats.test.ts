import { createElement } from 'lwc';
import PartnerLeadStats from 'c/partnerLeadStats';
import getPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats';
import getMyPartnerLeadStats from '@salesforce/apex/PartnerLeadStatsController.getMyPartnerLeadStats';
import { refreshApex } from '@salesforce/apex';

import STATS from './data/getPartnerLeadStats.json';

jest.mock(
    '@salesforce/apex/PartnerLeadStatsController.getPartnerLeadStats',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PartnerLeadStatsController.getMyPartnerLeadStats', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Stats_Period', () => ({ default: 'Last {0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Inbox_Stats_Hours', () => ({ default: '{0} h' }), { virtual: true });

interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}

interface NumberStub extends HTMLElement {
    value: number;
    formatStyle: string;
    currencyCode?: string;
    maximumFractionDigits?: string;
}

const statsWire = getPartnerLeadStats as unknown as ApexWireAdapterMock;
const myStats = getMyPartnerLeadStats as unknown as jest.Mock;

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function render(props: Record<string, unknown> = { recordId: '001000000000001AAA' }): HTMLElement {
    const element = createElement('c-partner-lead-stats', { is: PartnerLeadStats });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

function cardTitle(element: HTMLElement): string {
    return (element.shadowRoot!.querySelector('lightning-card') as HTMLElement & { title: string }).title;
}

function numbers(element: HTMLElement, selector: string): NumberStub[] {
    return Array.from(element.shadowRoot!.querySelectorAll<NumberStub>(selector));
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

    it('shows registrations, conversions, the rate as a percent and the pipeline in the account currency', async () => {
        const element = render();
        statsWire.emit(STATS.partner);
        await flush();

        expect(texts(element, '.registrations-approved').map((text) => text.trim())).toEqual(['3', '8']);
        expect(texts(element, '.registrations-rejected').map((text) => text.trim())).toEqual(['1', '2']);
        expect(texts(element, '.converted')).toEqual(['4', '11']);
        const rates = numbers(element, '.rate-value');
        expect(rates.map((rate) => rate.value)).toEqual([0.267, 0.229]);
        expect(rates.map((rate) => rate.formatStyle)).toEqual(['percent', 'percent']);
        expect(rates[0].maximumFractionDigits).toBe('1');
        const pipelines = numbers(element, '.pipeline-value');
        expect(pipelines.map((pipeline) => pipeline.value)).toEqual([48500, 132250.5]);
        expect(pipelines.map((pipeline) => pipeline.formatStyle)).toEqual(['currency', 'currency']);
        expect(pipelines.map((pipeline) => pipeline.currencyCode)).toEqual(['EUR', 'EUR']);
        expect(element.shadowRoot!.querySelector('.no-rate')).toBeNull();
        expect(cardTitle(element)).toBe('c.Inbox_Stats_Title');
    });

    it('leaves out registrations without the deals wing and formats the pipeline in the user currency', async () => {
        const element = render();
        statsWire.emit(STATS.noRegistrations);
        await flush();

        expect(element.shadowRoot!.querySelector('.registrations-approved')).toBeNull();
        expect(element.shadowRoot!.querySelector('.registrations-rejected')).toBeNull();
        expect(texts(element, '.converted')).toEqual(['4', '11']);
        expect(numbers(element, '.pipeline-value').map((pipeline) => pipeline.currencyCode)).toEqual([
            undefined,
            undefined
        ]);
    });

    it('says no leads came in instead of a rate when nothing came in', async () => {
        myStats.mockResolvedValue(STATS.mineEmpty);
        const element = render({ mine: true });
        await flush();

        expect(texts(element, '.no-rate')).toEqual(['c.Inbox_Stats_No_Rate', 'c.Inbox_Stats_No_Rate']);
        expect(element.shadowRoot!.querySelector('.rate-value')).toBeNull();
        expect(texts(element, '.converted')).toEqual(['0', '0']);
        expect(numbers(element, '.pipeline-value').map((pipeline) => pipeline.value)).toEqual([0, 0]);
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

    describe('in the partner site (mine)', () => {
        it("reads the partner's own figures without an account Id and gives the account wire none", async () => {
            myStats.mockResolvedValue(STATS.mine);
            const element = render({ mine: true });
            await flush();

            expect(myStats).toHaveBeenCalledTimes(1);
            expect(myStats).toHaveBeenCalledWith();
            expect(statsWire.getLastConfig()).toEqual({ accountId: undefined });
            expect(cardTitle(element)).toBe('c.Inbox_Stats_My_Title');
            expect(texts(element, '.received')).toEqual(['12', '40']);
            expect(texts(element, '.converted')).toEqual(['4', '11']);
            expect(numbers(element, '.rate-value').map((rate) => rate.value)).toEqual([0.267, 0.229]);
            expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
        });

        it('ignores what the account wire provides', async () => {
            myStats.mockResolvedValue(STATS.mine);
            const element = render({ mine: true, recordId: '001000000000001AAA' });
            await flush();
            statsWire.emit(STATS.notPartner);
            await flush();

            expect(element.shadowRoot!.querySelector('.not-partner')).toBeNull();
            expect(texts(element, '.received')).toEqual(['12', '40']);
        });

        it('says so for a user of no partner account', async () => {
            myStats.mockResolvedValue(STATS.noAccount);
            const element = render({ mine: true });
            await flush();

            expect(texts(element, '.not-partner')).toEqual(['c.Inbox_Stats_Not_Partner']);
            expect(element.shadowRoot!.querySelector('.period')).toBeNull();
        });

        it('shows the error panel when the figures cannot be loaded', async () => {
            myStats.mockRejectedValue({ body: { message: 'The request timed out.' } });
            const element = render({ mine: true });
            await flush();

            expect(element.shadowRoot!.querySelector('.error')).not.toBeNull();
            expect(element.shadowRoot!.querySelector('.period')).toBeNull();
            expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
        });

        it('shows the error panel to a partner without access to the figures', async () => {
            myStats.mockRejectedValue({
                body: { message: "You do not have access to the Apex class named 'PartnerLeadStatsController'." }
            });
            const element = render({ mine: true });
            await flush();

            const panel = element.shadowRoot!.querySelector('.error') as HTMLElement & { friendlyMessage: string };
            expect(panel).not.toBeNull();
            expect(panel.friendlyMessage).toBe('c.Inbox_Stats_Error');
            expect(element.shadowRoot!.querySelector('.period')).toBeNull();
        });

        it('reads the figures again on refresh', async () => {
            myStats.mockResolvedValueOnce(STATS.mineEmpty).mockResolvedValueOnce(STATS.mine);
            const element = render({ mine: true });
            await flush();
            expect(texts(element, '.converted')).toEqual(['0', '0']);

            (element.shadowRoot!.querySelector('.refresh') as HTMLElement).click();
            await flush();

            expect(myStats).toHaveBeenCalledTimes(2);
            expect(refreshApex).not.toHaveBeenCalled();
            expect(texts(element, '.converted')).toEqual(['4', '11']);
        });

        it('is accessible', async () => {
            myStats.mockResolvedValue(STATS.mine);
            const element = render({ mine: true });
            await flush();

            await expect(element).toBeAccessible();
        });
    });

    it('is accessible', async () => {
        const element = render();
        statsWire.emit(STATS.partner);
        await flush();

        await expect(element).toBeAccessible();
    });
});
