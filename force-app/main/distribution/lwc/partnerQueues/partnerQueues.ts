import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import canManageQueues from '@salesforce/customPermission/Partner_Desk_Manage_Partner_Queues';
import getPartnerQueues from '@salesforce/apex/PartnerQueuesController.getPartnerQueues';
import getPartnerQueuesCapNotice from '@salesforce/apex/PartnerQueuesController.getPartnerQueuesCapNotice';
import getAccountsWithoutQueue from '@salesforce/apex/PartnerQueuesController.getAccountsWithoutQueue';
import getAccountsCapNotice from '@salesforce/apex/PartnerQueuesController.getAccountsCapNotice';
import createPartnerQueue from '@salesforce/apex/PartnerQueuesController.createPartnerQueue';
import syncPartnerQueueMembers from '@salesforce/apex/PartnerQueuesController.syncPartnerQueueMembers';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import type { Option, QueueBacklog } from 'c/distributionCommon';

import TITLE from '@salesforce/label/c.Distribution_Queues_Title';
import LOADING from '@salesforce/label/c.Common_Loading';
import EMPTY from '@salesforce/label/c.Distribution_Queues_Empty';
import LOAD_ERROR from '@salesforce/label/c.Distribution_Queues_Load_Error';
import CREATE_TITLE from '@salesforce/label/c.Distribution_Queues_Create_Title';
import ACCOUNT from '@salesforce/label/c.Distribution_Queues_Account';
import NO_ACCOUNTS from '@salesforce/label/c.Distribution_Queues_No_Accounts';
import CREATE from '@salesforce/label/c.Distribution_Queues_Create';
import CREATED from '@salesforce/label/c.Distribution_Queues_Created';
import CREATE_ERROR from '@salesforce/label/c.Distribution_Queues_Create_Error';
import NO_PERMISSION from '@salesforce/label/c.Distribution_Queues_No_Permission';
import REFRESH from '@salesforce/label/c.Distribution_Queues_Refresh';
import NEVER from '@salesforce/label/c.Distribution_Queues_Never';
import PLACEHOLDER from '@salesforce/label/c.Distribution_Assign_Choose_Placeholder';
import COL_QUEUE from '@salesforce/label/c.Distribution_Column_Queue';
import COL_MEMBERS from '@salesforce/label/c.Distribution_Column_Members';
import COL_BACKLOG from '@salesforce/label/c.Distribution_Column_Backlog';
import COL_OLDEST from '@salesforce/label/c.Distribution_Column_Oldest';
import SYNC from '@salesforce/label/c.Distribution_Queues_Sync';
import SYNCED from '@salesforce/label/c.Distribution_Queues_Synced';
import SYNC_ERROR from '@salesforce/label/c.Distribution_Queues_Sync_Error';

interface QueueRow extends QueueBacklog {
    oldestText: string;
}

const COLUMNS = [
    { label: COL_QUEUE, fieldName: 'name', type: 'text' },
    { label: COL_MEMBERS, fieldName: 'memberCount', type: 'number', initialWidth: 120 },
    { label: COL_BACKLOG, fieldName: 'backlog', type: 'number', initialWidth: 150 },
    {
        label: COL_OLDEST,
        fieldName: 'oldestText',
        type: 'text',
        initialWidth: 180,
        cellAttributes: { alignment: 'right' }
    }
];

/** The row action that brings a queue's members in step with its account's active partner users. */
const SYNC_COLUMN = { type: 'action', typeAttributes: { rowActions: [{ label: SYNC, name: 'sync' }] } };

/**
 * Partner queues (one lead queue per partner account) with their backlog: open leads waiting and how
 * long the oldest has waited. Users with the custom permission Partner_Desk_Manage_Partner_Queues can
 * create the queue of a partner account that has none, and sync a queue's members.
 */
export default class PartnerQueues extends LightningElement {
    labels = {
        TITLE,
        LOADING,
        EMPTY,
        LOAD_ERROR,
        CREATE_TITLE,
        ACCOUNT,
        NO_ACCOUNTS,
        CREATE,
        CREATE_ERROR,
        NO_PERMISSION,
        REFRESH,
        PLACEHOLDER
    };
    columns = canManageQueues === true ? [...COLUMNS, SYNC_COLUMN] : COLUMNS;

    queues?: QueueBacklog[];
    /** Said above the list when it stops at its cap, rather than leaving some out silently. */
    capNotice?: string | null;
    accounts?: Option[];
    /** Said under the account picker when it stops at its cap. */
    accountsCapNotice?: string | null;
    isLoading = false;
    loadError?: unknown;
    accountId?: string;
    isCreating = false;
    createError?: unknown;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        this.isLoading = true;
        this.loadError = undefined;
        try {
            const [queues, capNotice, accounts, accountsCapNotice] = await Promise.all([
                getPartnerQueues(),
                getPartnerQueuesCapNotice(),
                this.canCreate ? getAccountsWithoutQueue() : Promise.resolve(undefined),
                this.canCreate ? getAccountsCapNotice() : Promise.resolve(null)
            ]);
            this.queues = queues;
            this.capNotice = capNotice;
            this.accounts = accounts;
            this.accountsCapNotice = accountsCapNotice;
        } catch (error) {
            this.loadError = error;
        } finally {
            this.isLoading = false;
        }
    }

    get canCreate(): boolean {
        return canManageQueues === true;
    }

    get rows(): QueueRow[] {
        return (this.queues ?? []).map((queue) => ({
            ...queue,
            oldestText:
                queue.oldestAgeHours === null || queue.oldestAgeHours === undefined
                    ? NEVER
                    : String(queue.oldestAgeHours)
        }));
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get showEmpty(): boolean {
        return Boolean(this.queues) && !this.hasRows;
    }

    get showCreate(): boolean {
        return this.canCreate && Boolean(this.accounts);
    }

    get hasAccounts(): boolean {
        return Boolean(this.accounts && this.accounts.length > 0);
    }

    get createDisabled(): boolean {
        return !this.accountId || this.isCreating;
    }

    handleRefresh(): void {
        this.load();
    }

    async handleRowAction(event: CustomEvent<{ action: { name: string }; row: QueueRow }>): Promise<void> {
        if (event.detail.action.name !== 'sync') {
            return;
        }
        try {
            const result = await syncPartnerQueueMembers({ queueId: event.detail.row.queueId });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: event.detail.row.name,
                    message: formatLabel(SYNCED, result.added, result.removed),
                    variant: 'success'
                })
            );
            await this.load();
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({ title: SYNC_ERROR, message: reduceErrors(error).join(', '), variant: 'error' })
            );
        }
    }

    handleAccountChange(event: CustomEvent<{ value: string }>): void {
        this.accountId = event.detail.value;
    }

    async handleCreate(): Promise<void> {
        if (!this.accountId) {
            return;
        }
        this.isCreating = true;
        this.createError = undefined;
        try {
            const queue = await createPartnerQueue({ accountId: this.accountId });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: CREATE_TITLE,
                    message: formatLabel(CREATED, queue.name, queue.memberCount),
                    variant: 'success'
                })
            );
            this.accountId = undefined;
            await this.load();
        } catch (error) {
            this.createError = error;
        } finally {
            this.isCreating = false;
        }
    }
}
