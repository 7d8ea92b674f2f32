import { createElement } from 'lwc';
import RoutingDoctor from 'c/routingDoctor';
import getDiagnosis from '@salesforce/apex/RoutingDoctorController.getDiagnosis';
import routeNow from '@salesforce/apex/RoutingDoctorController.routeNow';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

import DIAGNOSIS from './data/getDiagnosis.json';

jest.mock(
    '@salesforce/apex/RoutingDoctorController.getDiagnosis',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/RoutingDoctorController.routeNow', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/uiRecordApi', () => ({ notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve()) }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Doctor_Owner_Now', () => ({ default: 'Owner now: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Doctor_Would_Go_To', () => ({ default: 'Would go to: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Doctor_Fallback', () => ({ default: 'Fallback: {0}' }), { virtual: true });

interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}

const LEAD_ID = '00Q000000000001AAA';
const diagnosisWire = getDiagnosis as unknown as ApexWireAdapterMock;

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function render(): HTMLElement {
    const element = createElement('c-routing-doctor', { is: RoutingDoctor });
    Object.assign(element, { recordId: LEAD_ID });
    document.body.appendChild(element);
    return element;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => (node.textContent ?? '').trim());
}

/** Renders the routed lead's diagnosis, clicks Route it now and returns the toast listener. */
async function clickRouteNow(): Promise<jest.Mock> {
    const element = render();
    diagnosisWire.emit(DIAGNOSIS.routed);
    await flush();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    (element.shadowRoot!.querySelector('.route-now') as HTMLElement).click();
    await flush();
    return toast;
}

describe('c-routing-doctor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for the lead of the page and shows a spinner until the diagnosis arrives', async () => {
        const element = render();
        await flush();

        expect(diagnosisWire.getLastConfig()).toEqual({ leadId: LEAD_ID });
        expect(element.shadowRoot!.querySelector('.spinner')).not.toBeNull();
    });

    it('shows the history newest first, the groups, each member with why not, and who would get it now', async () => {
        const element = render();
        diagnosisWire.emit(DIAGNOSIS.routed);
        await flush();

        expect(texts(element, '.owner')).toEqual(['Owner now: PD Test Beta']);
        expect(texts(element, '.entry-text')).toEqual([
            'Bulk · Assigned · Nordic · PD Test Beta · BRJ-0042 · Chris Channel',
            'Automatic · Fallback · Nordic · Channel Managers'
        ]);
        expect(texts(element, '.entry-explanation')[1]).toContain('fallback owner Channel Managers');
        expect(texts(element, '.group')).toEqual([
            'Nordic: c.Doctor_Routes_Here',
            'Southern Europe: c.Doctor_Does_Not_Match'
        ]);
        expect(texts(element, '.member.ineligible .member-verdict')).toEqual([
            'PD Test Alpha: paused',
            'Ada Partner: away until 24/12/2026'
        ]);
        expect(texts(element, '.member.eligible .member-verdict')).toEqual(['PD Test Beta: c.Doctor_Eligible']);
        expect(texts(element, '.member-warnings')).toEqual([
            '(not a member of a live partner site: cannot sign in to see the lead)'
        ]);
        expect(texts(element, '.would-go-to')).toEqual(['Would go to: PD Test Beta']);
        expect(texts(element, '.fallback')).toEqual(['Fallback: Channel_Managers']);
        expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
    });

    it('says when the lead was never routed and no group matches, and that nobody would get it', async () => {
        const element = render();
        diagnosisWire.emit(DIAGNOSIS.unrouted);
        await flush();

        expect(texts(element, '.no-history')).toEqual(['c.Doctor_No_History']);
        expect(texts(element, '.no-group')).toEqual(['c.Doctor_No_Group']);
        expect(texts(element, '.would-go-to')).toEqual(['c.Doctor_Nobody']);
        expect(element.shadowRoot!.querySelector('.members')).toBeNull();
        expect(element.shadowRoot!.querySelector('.fallback')).toBeNull();
    });

    it('offers no Route it now to a user who may not hand leads out', async () => {
        const element = render();
        diagnosisWire.emit(DIAGNOSIS.unrouted);
        await flush();

        expect(element.shadowRoot!.querySelector('.route-now')).toBeNull();
    });

    it('shows the error panel when the diagnosis cannot be loaded (no access, or the lead is gone)', async () => {
        const element = render();
        diagnosisWire.error({ message: 'You do not have access to distribution groups.' });
        await flush();

        expect(element.shadowRoot!.querySelector('.error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
        expect(element.shadowRoot!.querySelector('.route-now')).toBeNull();
    });

    it('routes the lead now, says so, and refreshes the record and the diagnosis', async () => {
        jest.mocked(routeNow).mockResolvedValue({ assigned: 1, noEligible: 0, notMatched: 0, outcomes: [] } as never);
        const toast = await clickRouteNow();

        expect(routeNow).toHaveBeenCalledWith({ leadId: LEAD_ID });
        expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'c.Doctor_Routed', variant: 'success' });
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: LEAD_ID }]);
        expect(refreshApex).toHaveBeenCalledTimes(1);
    });

    it('shows why routing now failed', async () => {
        jest.mocked(routeNow).mockRejectedValue({ body: { message: 'No active distribution group.' } });
        const toast = await clickRouteNow();

        expect(toast.mock.calls[0][0].detail).toMatchObject({
            variant: 'error',
            message: 'No active distribution group.'
        });
        expect(refreshApex).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = render();
        diagnosisWire.emit(DIAGNOSIS.routed);
        await flush();

        await expect(element).toBeAccessible();
    });
});
