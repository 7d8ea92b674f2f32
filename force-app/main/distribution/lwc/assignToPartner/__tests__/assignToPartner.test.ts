import { createElement } from 'lwc';
import AssignToPartner from 'c/assignToPartner';
import getAssignOptions from '@salesforce/apex/LeadDistributionController.getAssignOptions';
import assignToPartner from '@salesforce/apex/LeadDistributionController.assignToPartner';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import type { AssignOptions, LeadOutcome } from 'c/distributionCommon';

import OPTIONS from './data/getAssignOptions.json';
import ASSIGNED from './data/assignToPartner.json';

jest.mock('@salesforce/apex/LeadDistributionController.getAssignOptions', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/LeadDistributionController.assignToPartner', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    'lightning/actions',
    () => ({
        CloseActionScreenEvent: class extends CustomEvent<null> {
            constructor() {
                super('close');
            }
        }
    }),
    { virtual: true }
);
jest.mock('lightning/uiRecordApi', () => ({ notifyRecordUpdateAvailable: jest.fn(() => Promise.resolve()) }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Distribution_Assign_Success', () => ({ default: 'Lead assigned to {0}.' }), {
    virtual: true
});

const ASSIGN_OPTIONS = OPTIONS as AssignOptions;
const OUTCOME = ASSIGNED as LeadOutcome;
const LEAD_ID = '00Q000000000001AAA';

type Field = HTMLElement & {
    value?: unknown;
    checked?: boolean;
    disabled?: boolean;
    options?: Array<{ value: string; label: string }>;
};

function render(): HTMLElement {
    const element = createElement('c-assign-to-partner', { is: AssignToPartner });
    document.body.appendChild(element);
    // Quick actions get their recordId after being connected.
    Object.assign(element, { recordId: LEAD_ID });
    return element;
}

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(root: ShadowRoot, selector: string): Field {
    return root.querySelector(selector) as Field;
}

function change(field: HTMLElement, detail: Record<string, unknown>): void {
    field.dispatchEvent(new CustomEvent('change', { detail }));
}

async function renderWithOptions(options: AssignOptions = ASSIGN_OPTIONS): Promise<HTMLElement> {
    jest.mocked(getAssignOptions).mockResolvedValue(options);
    const element = render();
    await flush();
    return element;
}

describe('c-assign-to-partner', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the options load', async () => {
        jest.mocked(getAssignOptions).mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();

        expect(element.shadowRoot!.querySelector('.load-spinner')).not.toBeNull();
        expect(getAssignOptions).toHaveBeenCalledWith({ leadId: LEAD_ID });
        expect(one(element.shadowRoot!, 'lightning-button.assign').disabled).toBe(true);
    });

    it('offers groups first, then queues and ready users, with not-ready users listed apart', async () => {
        const element = await renderWithOptions();
        const root = element.shadowRoot!;

        expect(one(root, '.target-type').value).toBe('Group');
        expect(one(root, '.target').options).toEqual(ASSIGN_OPTIONS.groups);
        expect(root.querySelector('.not-ready')).toBeNull();

        change(one(root, '.target-type'), { value: 'User' });
        await flush();
        expect(one(root, '.target').options).toEqual([
            { value: '005000000000001AAA', label: 'Noor Haddad (Fjord Systems)' }
        ]);
        const notReady = Array.from(root.querySelectorAll('.not-ready-user')).map((li) => li.textContent);
        expect(notReady).toEqual([
            'Eli Berg (Fjord Systems): user is inactive',
            'Sam Lund: has never logged in, at capacity (5 of 5 open leads)'
        ]);
    });

    it('says under a picker that its list stopped at its cap, and only for that list', async () => {
        const notice = 'Only the first 500 are listed; some may be missing.';
        const element = await renderWithOptions({ ...ASSIGN_OPTIONS, capNotices: { User: notice } });
        const root = element.shadowRoot!;

        expect(root.querySelector('.cap-notice')).toBeNull();
        change(one(root, '.target-type'), { value: 'User' });
        await flush();
        expect(root.querySelector('.cap-notice')!.textContent).toBe(notice);
    });

    it('says when there is nothing of a kind to choose', async () => {
        const element = await renderWithOptions({ ...ASSIGN_OPTIONS, groups: [], queues: [], readyUsers: [] });
        const root = element.shadowRoot!;

        expect(one(root, '.target-type').value).toBe('User');
        expect(root.querySelector('.none-available')).not.toBeNull();
        expect(root.querySelector('.target')).toBeNull();
        expect(one(root, 'lightning-button.assign').disabled).toBe(true);
    });

    it('shows an error panel when the options cannot load', async () => {
        jest.mocked(getAssignOptions).mockRejectedValue({
            body: { message: 'The lead was not found, or you cannot see it.' }
        });
        const element = render();
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('c-error-panel.load-error')).not.toBeNull();
        expect(root.querySelector('.target-type')).toBeNull();
    });

    it('passes a permission refusal to the error panel', async () => {
        const refusal = { body: { message: 'You do not have permission to distribute leads.' }, status: 500 };
        jest.mocked(getAssignOptions).mockRejectedValue(refusal);
        const element = render();
        await flush();

        const panel = element.shadowRoot!.querySelector('c-error-panel.load-error') as HTMLElement & {
            errors: unknown;
        };
        expect(panel.errors).toEqual(refusal);
    });

    it('assigns to the chosen queue with the notification flag, then refreshes the record and closes', async () => {
        const element = await renderWithOptions();
        const root = element.shadowRoot!;
        jest.mocked(assignToPartner).mockResolvedValue(OUTCOME);
        const toast = jest.fn();
        const close = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        element.addEventListener('close', close);

        change(one(root, '.target-type'), { value: 'Queue' });
        await flush();
        change(one(root, '.target'), { value: '00G000000000001AAA' });
        change(one(root, '.notify'), { checked: false });
        await flush();
        one(root, 'lightning-button.assign').click();
        await flush();

        expect(assignToPartner).toHaveBeenCalledWith({
            leadId: LEAD_ID,
            targetType: 'Queue',
            targetId: '00G000000000001AAA',
            notify: false
        });
        expect(toast).toHaveBeenCalledTimes(1);
        expect((toast.mock.calls[0][0] as CustomEvent<{ message: string }>).detail.message).toBe(
            'Lead assigned to Partner: Acme.'
        );
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: LEAD_ID }]);
        expect(close).toHaveBeenCalledTimes(1);
    });

    it('stays open and says so when no member of the group could take the lead', async () => {
        const element = await renderWithOptions();
        const root = element.shadowRoot!;
        jest.mocked(assignToPartner).mockResolvedValue({
            ...OUTCOME,
            ownerId: null,
            ownerName: null,
            outcome: 'No_Eligible_Member'
        });
        const close = jest.fn();
        element.addEventListener('close', close);

        change(one(root, '.target'), { value: 'a01000000000001AAA' });
        await flush();
        one(root, 'lightning-button.assign').click();
        await flush();

        expect(assignToPartner).toHaveBeenCalledWith({
            leadId: LEAD_ID,
            targetType: 'Group',
            targetId: 'a01000000000001AAA',
            notify: true
        });
        expect(root.querySelector('.result')!.textContent).toBe('c.Distribution_Assign_No_Eligible');
        expect(close).not.toHaveBeenCalled();
    });

    it('shows the refusal when assigning fails', async () => {
        const element = await renderWithOptions();
        const root = element.shadowRoot!;
        jest.mocked(assignToPartner).mockRejectedValue({
            body: { message: 'Eli Berg cannot receive leads: user is inactive.' }
        });

        change(one(root, '.target'), { value: 'a01000000000001AAA' });
        await flush();
        one(root, 'lightning-button.assign').click();
        await flush();

        expect(root.querySelector('c-error-panel.assign-error')).not.toBeNull();
    });

    it('closes on cancel', async () => {
        const element = await renderWithOptions();
        const close = jest.fn();
        element.addEventListener('close', close);

        one(element.shadowRoot!, 'lightning-button.cancel').click();

        expect(close).toHaveBeenCalledTimes(1);
    });

    it('is accessible with options', async () => {
        const element = await renderWithOptions();
        change(one(element.shadowRoot!, '.target-type'), { value: 'User' });
        await flush();
        await expect(element).toBeAccessible();
    });
});
