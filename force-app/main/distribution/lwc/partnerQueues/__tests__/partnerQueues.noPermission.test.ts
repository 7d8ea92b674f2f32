import { createElement } from 'lwc';
import PartnerQueues from 'c/partnerQueues';
import getPartnerQueues from '@salesforce/apex/PartnerQueuesController.getPartnerQueues';
import getAccountsWithoutQueue from '@salesforce/apex/PartnerQueuesController.getAccountsWithoutQueue';
import getAccountsCapNotice from '@salesforce/apex/PartnerQueuesController.getAccountsCapNotice';
import type { QueueBacklog } from 'c/distributionCommon';

import QUEUES from './data/getPartnerQueues.json';

// Without the custom permission Partner_Desk_Manage_Partner_Queues (read once, when the component loads).
jest.mock('@salesforce/customPermission/Partner_Desk_Manage_Partner_Queues', () => ({ default: undefined }), {
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

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

describe('c-partner-queues without the permission to create queues', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('lists the queues but offers no creation', async () => {
        jest.mocked(getPartnerQueues).mockResolvedValue(QUEUES as QueueBacklog[]);
        const element = createElement('c-partner-queues', { is: PartnerQueues });
        document.body.appendChild(element);
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('.queues')).not.toBeNull();
        expect(root.querySelector('.no-permission')).not.toBeNull();
        expect(root.querySelector('.account')).toBeNull();
        expect(getAccountsWithoutQueue).not.toHaveBeenCalled();
        expect(getAccountsCapNotice).not.toHaveBeenCalled();
    });

    it('offers no Sync members without the permission', async () => {
        jest.mocked(getPartnerQueues).mockResolvedValue(QUEUES as QueueBacklog[]);
        const element = createElement('c-partner-queues', { is: PartnerQueues });
        document.body.appendChild(element);
        await flush();

        const table = element.shadowRoot!.querySelector('.queues') as HTMLElement & {
            columns: Array<{ type: string }>;
        };
        expect(table.columns.some((column) => column.type === 'action')).toBe(false);
    });

    it('is accessible without the permission', async () => {
        jest.mocked(getPartnerQueues).mockResolvedValue(QUEUES as QueueBacklog[]);
        const element = createElement('c-partner-queues', { is: PartnerQueues });
        document.body.appendChild(element);
        await flush();
        await expect(element).toBeAccessible();
    });
});
