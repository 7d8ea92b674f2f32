import { createElement } from 'lwc';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import LightningConfirm from 'lightning/confirm';
import BulkReassignmentConsole, { POLL_MILLISECONDS } from 'c/bulkReassignmentConsole';
import getConsoleOptions from '@salesforce/apex/BulkReassignmentController.getConsoleOptions';
import createJob from '@salesforce/apex/BulkReassignmentController.createJob';
import getJob from '@salesforce/apex/BulkReassignmentController.getJob';
import listRecentJobs from '@salesforce/apex/BulkReassignmentController.listRecentJobs';
import requestCancel from '@salesforce/apex/BulkReassignmentController.requestCancel';
import requestRevert from '@salesforce/apex/BulkReassignmentController.requestRevert';
import runForReal from '@salesforce/apex/BulkReassignmentController.runForReal';

const OPTIONS = require('./data/getConsoleOptions.json');
const CREATED = require('./data/createJob.json');
const RUNNING = require('./data/getJobRunning.json');
const COMPLETED = require('./data/getJobCompleted.json');
const DRY_RUN_DONE = require('./data/getJobDryRunCompleted.json');
const RECENT = require('./data/listRecentJobs.json');

jest.mock(
    '@salesforce/apex/BulkReassignmentController.getConsoleOptions',
    () => {
        const { createApexTestWireAdapter: create } = require('@salesforce/sfdx-lwc-jest');
        return { default: create(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/BulkReassignmentController.createJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/BulkReassignmentController.getJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/BulkReassignmentController.listRecentJobs', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/BulkReassignmentController.requestCancel', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/BulkReassignmentController.requestRevert', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/BulkReassignmentController.runForReal', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));

/** The event name ShowToastEvent uses (the jest stub does not export it). */
const TOAST_EVENT = 'lightning__showtoast';

type Wire = ReturnType<typeof createApexTestWireAdapter>;
const optionsWire = getConsoleOptions as unknown as Wire;
const mocked = <T>(fn: T) => fn as unknown as jest.Mock;
// eslint-disable-next-line no-restricted-globals
const confirmOpen = (LightningConfirm as unknown as { open: jest.Mock }).open;

function render(props: { sourceType?: 'User' | 'Queue' | 'Deactivated_User'; source?: string } = {}) {
    const element = createElement('c-bulk-reassignment-console', { is: BulkReassignmentConsole });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** Lets pending promises and re-renders settle. */
async function flush(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop
        await Promise.resolve();
    }
}

function $(element: HTMLElement, selector: string): HTMLElement & Record<string, unknown> {
    return element.shadowRoot!.querySelector(selector) as HTMLElement & Record<string, unknown>;
}

function change(target: HTMLElement, detail: object): void {
    target.dispatchEvent(new CustomEvent('change', { detail }));
}

async function fillQueueToGroup(element: HTMLElement): Promise<void> {
    change($(element, 'lightning-radio-group.source-type'), { value: 'Queue' });
    await flush();
    change($(element, 'lightning-combobox.source-queue'), { value: 'Unassigned_EMEA' });
    change($(element, 'lightning-combobox.target-group'), { value: 'EMEA partners' });
    change($(element, 'lightning-input.countries'), { value: 'Norway, Greece ;' });
    await flush();
}

describe('c-bulk-reassignment-console', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        mocked(listRecentJobs).mockResolvedValue([]);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('offers the groups, queues and statuses from Apex and says what to expect with no jobs', async () => {
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();

        expect(($(element, 'lightning-combobox.target-group').options as unknown[]).length).toBe(2);
        expect(($(element, 'lightning-dual-listbox.statuses').options as unknown[]).length).toBe(2);
        expect($(element, 'lightning-input.dry-run').checked).toBe(true);
        expect($(element, 'lightning-button.submit').label).toBe('c.BulkConsole_Start_Dry_Run');
        expect($(element, '.no-jobs').textContent).toBe('c.BulkConsole_No_Jobs');
        expect($(element, 'lightning-record-picker.source-user')).not.toBeNull();
    });

    it('says how to go on when no distribution group is active', async () => {
        const element = render();
        optionsWire.emit({ ...OPTIONS, groups: [] });
        await flush();
        expect($(element, '.no-groups').textContent).toBe('c.BulkConsole_No_Groups');
    });

    it('says under the group picker that its list stopped at its cap, and nothing when it is complete', async () => {
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        expect(element.shadowRoot!.querySelector('.groups-cap-notice')).toBeNull();

        const notice = 'Only the first 1000 are listed; some may be missing.';
        optionsWire.emit({ ...OPTIONS, groupsCapNotice: notice });
        await flush();
        expect($(element, '.groups-cap-notice').textContent).toBe(notice);
    });

    it('shows an error panel when the options cannot be loaded', async () => {
        const element = render();
        optionsWire.error({ message: 'No access to Distribution_Group__c' });
        await flush();
        const panel = $(element, 'c-error-panel');
        expect(panel.friendlyMessage).toBe('c.BulkConsole_Error_Load');
    });

    it('refuses to start without a source and calls no Apex', async () => {
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        $(element, 'lightning-button.submit').click();
        await flush();

        expect(createJob).not.toHaveBeenCalled();
        const panel = $(element, 'c-error-panel.action-error');
        expect(panel.errors).toEqual({ body: { message: 'c.BulkConsole_Choose_Source' } });
    });

    it('refuses a minimum age that is not a whole number of days', async () => {
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        await fillQueueToGroup(element);
        change($(element, 'lightning-input.min-age'), { value: '-2' });
        await flush();
        $(element, 'lightning-button.submit').click();
        await flush();

        expect(createJob).not.toHaveBeenCalled();
        expect($(element, 'c-error-panel.action-error').errors).toEqual({
            body: { message: 'c.BulkConsole_Filter_Min_Age_Error' }
        });
    });

    it('saves a dry run by default, shows the queued job and polls it until it finishes', async () => {
        mocked(createJob).mockResolvedValue(CREATED);
        mocked(getJob).mockResolvedValueOnce(RUNNING).mockResolvedValueOnce(COMPLETED);
        const element = render();
        const toasts = jest.fn();
        element.addEventListener(TOAST_EVENT, toasts);
        optionsWire.emit(OPTIONS);
        await flush();
        await fillQueueToGroup(element);

        $(element, 'lightning-button.submit').click();
        await flush();

        expect(createJob).toHaveBeenCalledWith({
            request: {
                sourceType: 'Queue',
                source: 'Unassigned_EMEA',
                targetType: 'Group',
                target: 'EMEA partners',
                statuses: [],
                countries: ['Norway', 'Greece'],
                minAgeDays: null,
                dryRun: true,
                notifyOwners: false
            }
        });
        expect(toasts).toHaveBeenCalledTimes(1);
        expect(toasts.mock.calls[0][0].detail).toMatchObject({
            variant: 'success',
            message: 'c.BulkConsole_Job_Saved'
        });
        expect($(element, '.job-title').textContent).toBe('c.BulkConsole_Selected_Job');
        expect($(element, 'lightning-badge.job-status').label).toBe('c.BulkConsole_Status_Queued');
        expect($(element, 'lightning-button.cancel')).not.toBeNull();

        jest.advanceTimersByTime(POLL_MILLISECONDS);
        await flush();
        expect(getJob).toHaveBeenCalledWith({ jobId: CREATED.id });
        expect($(element, 'lightning-progress-bar').value).toBe(25);
        expect($(element, 'lightning-badge.job-status').label).toBe('c.BulkConsole_Status_Running');

        jest.advanceTimersByTime(POLL_MILLISECONDS);
        await flush();
        expect($(element, 'lightning-badge.job-status').label).toBe('c.BulkConsole_Status_Completed');
        const targetRows = element.shadowRoot!.querySelectorAll('table.targets tbody tr');
        expect(targetRows).toHaveLength(2);
        expect(targetRows[0].querySelector('th')!.textContent).toBe('Ana Partner');
        expect($(element, 'lightning-button.failures-file')).not.toBeNull();
        expect($(element, 'lightning-button.revert')).not.toBeNull();

        jest.advanceTimersByTime(POLL_MILLISECONDS * 3);
        await flush();
        expect(getJob).toHaveBeenCalledTimes(2);
    });

    it('sends a real run with notifications and the filters when the user switches dry run off', async () => {
        mocked(createJob).mockResolvedValue({ ...CREATED, dryRun: false });
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        await fillQueueToGroup(element);
        change($(element, 'lightning-input.dry-run'), { checked: false });
        change($(element, 'lightning-input.notify'), { checked: true });
        change($(element, 'lightning-dual-listbox.statuses'), { value: ['Open - Not Contacted'] });
        change($(element, 'lightning-input.min-age'), { value: '30' });
        await flush();
        expect($(element, 'lightning-button.submit').label).toBe('c.BulkConsole_Start_Job');

        $(element, 'lightning-button.submit').click();
        await flush();

        expect(mocked(createJob).mock.calls[0][0].request).toMatchObject({
            dryRun: false,
            notifyOwners: true,
            statuses: ['Open - Not Contacted'],
            minAgeDays: 30
        });
    });

    it("shows Salesforce's refusal when the job cannot be saved", async () => {
        mocked(createJob).mockRejectedValue({ body: { message: 'The distribution group Dormant is inactive.' } });
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        await fillQueueToGroup(element);

        $(element, 'lightning-button.submit').click();
        await flush();

        const panel = $(element, 'c-error-panel.action-error');
        expect(panel.friendlyMessage).toBe('c.BulkConsole_Error_Save');
        expect(panel.errors).toEqual({ body: { message: 'The distribution group Dormant is inactive.' } });
        expect($(element, 'section.job')).toBeNull();
    });

    it('prefills the source from a deactivated partner user', async () => {
        mocked(createJob).mockResolvedValue(CREATED);
        const element = render({ sourceType: 'Deactivated_User', source: '0055g00000GoneAAA' });
        optionsWire.emit(OPTIONS);
        await flush();

        expect($(element, 'lightning-radio-group.source-type').value).toBe('Deactivated_User');
        expect($(element, 'lightning-record-picker.source-user').value).toBe('0055g00000GoneAAA');
        expect($(element, 'lightning-record-picker.source-user').filter).toEqual({
            criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: false }]
        });
    });

    it('lists recent jobs, opens one, and runs a completed dry run for real after confirmation', async () => {
        mocked(listRecentJobs).mockResolvedValue(RECENT);
        mocked(runForReal).mockResolvedValue({
            ...CREATED,
            id: 'a015g00000Job0003',
            name: 'BRJ-000044',
            dryRun: false
        });
        confirmOpen.mockResolvedValue(true);
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();

        (element.shadowRoot!.querySelector('button.select-job') as HTMLElement).click();
        await flush();
        expect($(element, 'lightning-button.run-for-real')).not.toBeNull();
        expect($(element, 'lightning-button.plan-file')).not.toBeNull();
        expect(RECENT[0].id).toBe(DRY_RUN_DONE.id);

        $(element, 'lightning-button.run-for-real').click();
        await flush();
        expect(confirmOpen).toHaveBeenCalledTimes(1);
        expect(runForReal).toHaveBeenCalledWith({ jobId: RECENT[0].id });
        expect($(element, 'lightning-badge.job-status').label).toBe('c.BulkConsole_Status_Queued');
    });

    it('reverts only when the user confirms', async () => {
        mocked(listRecentJobs).mockResolvedValue([COMPLETED]);
        mocked(requestRevert).mockResolvedValue({
            ...COMPLETED,
            status: 'Revert_Requested',
            isActive: true,
            canRevert: false
        });
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        (element.shadowRoot!.querySelector('button.select-job') as HTMLElement).click();
        await flush();

        confirmOpen.mockResolvedValueOnce(false);
        $(element, 'lightning-button.revert').click();
        await flush();
        expect(requestRevert).not.toHaveBeenCalled();

        confirmOpen.mockResolvedValueOnce(true);
        $(element, 'lightning-button.revert').click();
        await flush();
        expect(requestRevert).toHaveBeenCalledWith({ jobId: COMPLETED.id });
        expect($(element, 'lightning-badge.job-status').label).toBe('c.BulkConsole_Status_Revert_Requested');
    });

    it('cancels a running job and warns when the service has gone quiet', async () => {
        mocked(listRecentJobs).mockResolvedValue([{ ...RUNNING, isStale: true }]);
        mocked(requestCancel).mockRejectedValue({
            body: { message: 'Job BRJ-000042 is Completed and can no longer be cancelled.' }
        });
        confirmOpen.mockResolvedValue(true);
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        (element.shadowRoot!.querySelector('button.select-job') as HTMLElement).click();
        await flush();
        expect($(element, '.stale').textContent).toBe('c.BulkConsole_Stale');

        $(element, 'lightning-button.cancel').click();
        await flush();
        expect(requestCancel).toHaveBeenCalledWith({ jobId: RUNNING.id });
        expect($(element, 'c-error-panel.action-error').friendlyMessage).toBe('c.BulkConsole_Error_Action');
    });

    it('is accessible', async () => {
        mocked(listRecentJobs).mockResolvedValue([COMPLETED]);
        const element = render();
        optionsWire.emit(OPTIONS);
        await flush();
        (element.shadowRoot!.querySelector('button.select-job') as HTMLElement).click();
        await flush();
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });
});
