import { createElement } from 'lwc';
import PartnerQueues from 'c/partnerQueues';
import getPartnerQueues from '@salesforce/apex/PartnerQueuesController.getPartnerQueues';
import getPartnerQueuesCapNotice from '@salesforce/apex/PartnerQueuesController.getPartnerQueuesCapNotice';
import getAccountsWithoutQueue from '@salesforce/apex/PartnerQueuesController.getAccountsWithoutQueue';
import getAccountsCapNotice from '@salesforce/apex/PartnerQueuesController.getAccountsCapNotice';
import createPartnerQueue from '@salesforce/apex/PartnerQueuesController.createPartnerQueue';
import syncPartnerQueueMembers from '@salesforce/apex/PartnerQueuesController.syncPartnerQueueMembers';
import type { Option, QueueBacklog } from 'c/distributionCommon';

import QUEUES from './data/getPartnerQueues.json';
import ACCOUNTS from './data/getAccountsWithoutQueue.json';
import CREATED from './data/createPartnerQueue.json';

// The LWC jest transformer reads a custom permission once, when the component module loads:
// partnerQueues.noPermission.test.ts covers users without it.
jest.mock('@salesforce/customPermission/Partner_Desk_Manage_Partner_Queues', () => ({ default: true }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerQueuesController.getPartnerQueues', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerQueuesController.getAccountsWithoutQueue', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/PartnerQueuesController.getAccountsCapNotice',
    () => ({ default: jest.fn(() => Promise.resolve(null)) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/PartnerQueuesController.getPartnerQueuesCapNotice',
    () => ({ default: jest.fn(() => Promise.resolve(null)) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/PartnerQueuesController.createPartnerQueue', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/PartnerQueuesController.syncPartnerQueueMembers', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.Distribution_Queues_Synced',
    () => ({ default: 'Members in step: {0} added, {1} removed.' }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/label/c.Distribution_Queues_Created',
    () => ({ default: 'Queue {0} created with {1} members.' }),
    { virtual: true }
);

const QUEUE_ROWS = QUEUES as QueueBacklog[];
const ACCOUNT_OPTIONS = ACCOUNTS as Option[];

type Field = HTMLElement & {
    value?: unknown;
    options?: Option[];
    data?: Array<Record<string, unknown>>;
    disabled?: boolean;
};

function render(): HTMLElement {
    const element = createElement('c-partner-queues', { is: PartnerQueues });
    document.body.appendChild(element);
    return element;
}

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(root: ShadowRoot, selector: string): Field {
    return root.querySelector(selector) as Field;
}

async function renderWithData(
    queues: QueueBacklog[] = QUEUE_ROWS,
    accounts: Option[] = ACCOUNT_OPTIONS
): Promise<HTMLElement> {
    jest.mocked(getPartnerQueues).mockResolvedValue(queues);
    jest.mocked(getAccountsWithoutQueue).mockResolvedValue(accounts);
    const element = render();
    await flush();
    return element;
}

describe('c-partner-queues', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the queues load', async () => {
        jest.mocked(getPartnerQueues).mockReturnValue(new Promise(() => undefined));
        jest.mocked(getAccountsWithoutQueue).mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();

        expect(element.shadowRoot!.querySelector('.load-spinner')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.queues')).toBeNull();
    });

    it('lists each queue with members, waiting leads and the age of the oldest', async () => {
        const element = await renderWithData();
        const table = one(element.shadowRoot!, '.queues');

        expect(table.data).toHaveLength(2);
        expect(table.data![0]).toMatchObject({
            name: 'Partner: Acme',
            memberCount: 3,
            backlog: 14,
            oldestText: '76.5'
        });
        expect(table.data![1]).toMatchObject({ backlog: 0, oldestText: 'c.Distribution_Queues_Never' });
    });

    it('says above the list that it stopped at its cap, and nothing when it is complete', async () => {
        const complete = await renderWithData();
        expect(complete.shadowRoot!.querySelector('.cap-notice')).toBeNull();
        document.body.removeChild(complete);

        const notice = 'Only the first 1000 are listed; some may be missing.';
        jest.mocked(getPartnerQueuesCapNotice).mockResolvedValueOnce(notice);
        const capped = await renderWithData();
        const root = capped.shadowRoot!;

        expect(root.querySelector('.cap-notice')!.textContent).toBe(notice);
        expect(one(root, '.queues').data).toHaveLength(2);
    });

    it('says under the account picker that it stopped at its cap, and nothing when it is complete', async () => {
        const complete = await renderWithData();
        expect(complete.shadowRoot!.querySelector('.accounts-cap-notice')).toBeNull();
        document.body.removeChild(complete);

        const notice = 'Only the first 200 are listed; some may be missing.';
        jest.mocked(getAccountsCapNotice).mockResolvedValueOnce(notice);
        const capped = await renderWithData();
        const root = capped.shadowRoot!;

        expect(root.querySelector('.accounts-cap-notice')!.textContent!.trim()).toBe(notice);
        expect(one(root, '.account').options).toHaveLength(ACCOUNT_OPTIONS.length);
        expect(root.querySelector('.cap-notice')).toBeNull();
    });

    it('says so when there is no partner queue yet', async () => {
        const element = await renderWithData([]);
        const root = element.shadowRoot!;

        expect(root.querySelector('.empty')).not.toBeNull();
        expect(root.querySelector('.queues')).toBeNull();
    });

    it('shows an error panel when the queues cannot load', async () => {
        jest.mocked(getPartnerQueues).mockRejectedValue({
            body: { message: 'You do not have access to distribution groups.' }
        });
        jest.mocked(getAccountsWithoutQueue).mockResolvedValue(ACCOUNT_OPTIONS);
        const element = render();
        await flush();

        expect(element.shadowRoot!.querySelector('c-error-panel.load-error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.load-spinner')).toBeNull();
    });

    it('says so when every partner account has a queue', async () => {
        const element = await renderWithData(QUEUE_ROWS, []);

        expect(element.shadowRoot!.querySelector('.no-accounts')).not.toBeNull();
    });

    it('creates the queue of the chosen account, announces it and reloads', async () => {
        const element = await renderWithData();
        const root = element.shadowRoot!;
        jest.mocked(createPartnerQueue).mockResolvedValue(CREATED as QueueBacklog);
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);

        expect(one(root, 'lightning-button.create-button').disabled).toBe(true);
        one(root, '.account').dispatchEvent(new CustomEvent('change', { detail: { value: '001000000000003AAA' } }));
        await flush();
        one(root, 'lightning-button.create-button').click();
        await flush();

        expect(createPartnerQueue).toHaveBeenCalledWith({ accountId: '001000000000003AAA' });
        expect((toast.mock.calls[0][0] as CustomEvent<{ message: string }>).detail.message).toBe(
            'Queue Partner: Nordlys Partners created with 2 members.'
        );
        expect(getPartnerQueues).toHaveBeenCalledTimes(2);
    });

    it('shows the refusal when creating fails', async () => {
        const element = await renderWithData();
        const root = element.shadowRoot!;
        jest.mocked(createPartnerQueue).mockRejectedValue({
            body: { message: 'Nordlys Partners already has a partner queue.' }
        });

        one(root, '.account').dispatchEvent(new CustomEvent('change', { detail: { value: '001000000000003AAA' } }));
        await flush();
        one(root, 'lightning-button.create-button').click();
        await flush();

        expect(root.querySelector('c-error-panel.create-error')).not.toBeNull();
    });

    it('is accessible with data', async () => {
        const element = await renderWithData();
        await expect(element).toBeAccessible();
    });
});

type Table = HTMLElement & { columns?: Array<Record<string, unknown>> };

/** Renders the page and chooses Sync members on the first queue; returns the toast listener. */
async function syncFirstQueue(): Promise<{ element: HTMLElement; toast: jest.Mock }> {
    const element = createElement('c-partner-queues', { is: PartnerQueues });
    document.body.appendChild(element);
    await flush();
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element
        .shadowRoot!.querySelector('.queues')!
        .dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: 'sync' }, row: QUEUE_ROWS[0] } }));
    await flush();
    return { element, toast };
}

describe('c-partner-queues: sync members', () => {
    beforeEach(() => {
        jest.mocked(getPartnerQueues).mockResolvedValue(QUEUE_ROWS);
        jest.mocked(getAccountsWithoutQueue).mockResolvedValue(ACCOUNT_OPTIONS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers Sync members on each queue', async () => {
        const element = createElement('c-partner-queues', { is: PartnerQueues });
        document.body.appendChild(element);
        await flush();

        const columns = (element.shadowRoot!.querySelector('.queues') as Table).columns!;
        expect(columns[columns.length - 1]).toEqual({
            type: 'action',
            typeAttributes: { rowActions: [{ label: 'c.Distribution_Queues_Sync', name: 'sync' }] }
        });
    });

    it('syncs the chosen queue, says what changed and reloads the list', async () => {
        jest.mocked(syncPartnerQueueMembers).mockResolvedValue({ added: 2, removed: 1 });

        const { toast } = await syncFirstQueue();

        expect(syncPartnerQueueMembers).toHaveBeenCalledWith({ queueId: QUEUE_ROWS[0].queueId });
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            message: 'Members in step: 2 added, 1 removed.',
            variant: 'success'
        });
        expect(getPartnerQueues).toHaveBeenCalledTimes(2);
    });

    it('says why a sync failed and keeps the list', async () => {
        jest.mocked(syncPartnerQueueMembers).mockRejectedValue({
            body: { message: 'No permission to manage partner queues.' }
        });

        const { element, toast } = await syncFirstQueue();

        expect(toast.mock.calls[0][0].detail).toMatchObject({
            title: 'c.Distribution_Queues_Sync_Error',
            message: 'No permission to manage partner queues.',
            variant: 'error'
        });
        expect(element.shadowRoot!.querySelector('.queues')).not.toBeNull();
    });
});
