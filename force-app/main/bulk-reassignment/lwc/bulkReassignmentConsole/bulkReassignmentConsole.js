// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
// Past 400 lines: the job form, its dry-run preview, the polled job list and the cancel and revert dialogs share one state; its labels live in labels.ts.
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, CurrentPageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import getConsoleOptions from '@salesforce/apex/BulkReassignmentController.getConsoleOptions';
import createJob from '@salesforce/apex/BulkReassignmentController.createJob';
import getJob from '@salesforce/apex/BulkReassignmentController.getJob';
import listRecentJobs from '@salesforce/apex/BulkReassignmentController.listRecentJobs';
import requestCancel from '@salesforce/apex/BulkReassignmentController.requestCancel';
import requestRevert from '@salesforce/apex/BulkReassignmentController.requestRevert';
import runForReal from '@salesforce/apex/BulkReassignmentController.runForReal';
import { formatLabel } from 'c/ldsUtils';
import { splitList, targetsOf } from 'c/bulkJobCommon';
import { LABELS, PHASE_LABELS, STATUS_LABELS } from './labels';
/** How often a running job is re-read. The service writes progress every few seconds. */
export const POLL_MILLISECONDS = 3000;
const RECENT_JOBS = 10;
/**
 * The channel manager's bulk reassignment console: describe a job (which leads, where to, dry run or
 * not, notify or not), save it as a job record for the Partner Desk service, watch its progress, and
 * cancel, revert or run a dry run for real.
 */
export default class BulkReassignmentConsole extends NavigationMixin(LightningElement) {
    /** Prefills the source, e.g. from a partner user's "Deactivate" action. */
    @api
    sourceType;
    /** A User Id, username or queue DeveloperName matching sourceType. */
    @api
    source;
    labels = LABELS;
    options;
    optionsError;
    actionError;
    actionErrorTitle = '';
    form = {
        sourceType: 'User',
        source: '',
        targetType: 'Group',
        target: '',
        statuses: [],
        countries: '',
        minAgeDays: '',
        dryRun: true,
        notifyOwners: false
    };
    job;
    recentJobs = [];
    saving = false;
    pollTimer;
    @wire(CurrentPageReference)
    readPageState(pageRef) {
        const state = pageRef?.state ?? {};
        const sourceType = state.c__sourceType ?? this.sourceType;
        const source = state.c__source ?? this.source;
        if (sourceType && source) {
            this.form = { ...this.form, sourceType, source };
        }
    }
    @wire(getConsoleOptions)
    wiredOptions({ data, error }) {
        this.options = data;
        this.optionsError = error;
    }
    connectedCallback() {
        if (this.sourceType && this.source) {
            this.form = { ...this.form, sourceType: this.sourceType, source: this.source };
        }
        this.loadRecentJobs();
    }
    disconnectedCallback() {
        this.stopPolling();
    }
    get sourceTypeOptions() {
        return [
            { label: LABELS.sourceUser, value: 'User' },
            { label: LABELS.sourceQueue, value: 'Queue' },
            { label: LABELS.sourceDeactivated, value: 'Deactivated_User' }
        ];
    }
    get targetTypeOptions() {
        return [
            { label: LABELS.targetGroup, value: 'Group' },
            { label: LABELS.targetQueue, value: 'Queue' },
            { label: LABELS.targetUser, value: 'User' }
        ];
    }
    get sourceIsQueue() {
        return this.form.sourceType === 'Queue';
    }
    get sourceUserFilter() {
        return this.form.sourceType === 'Deactivated_User'
            ? { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: false }] }
            : { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    }
    get targetIsGroup() {
        return this.form.targetType === 'Group';
    }
    get targetIsQueue() {
        return this.form.targetType === 'Queue';
    }
    get targetIsUser() {
        return this.form.targetType === 'User';
    }
    /** Only active partner users can receive leads. */
    get targetUserFilter() {
        return {
            criteria: [
                { fieldPath: 'IsActive', operator: 'eq', value: true },
                { fieldPath: 'UserType', operator: 'eq', value: 'PowerPartner' }
            ]
        };
    }
    get userDisplayInfo() {
        return { additionalFields: ['Username'] };
    }
    get userMatchingInfo() {
        return { primaryField: { fieldPath: 'Name' }, additionalFields: [{ fieldPath: 'Username' }] };
    }
    get groupOptions() {
        return this.options?.groups ?? [];
    }
    get queueOptions() {
        return this.options?.queues ?? [];
    }
    get statusOptions() {
        return this.options?.leadStatuses ?? [];
    }
    get groupsCapNotice() {
        return this.options?.groupsCapNotice ?? '';
    }
    get hasNoGroups() {
        return this.options !== undefined && this.groupOptions.length === 0;
    }
    get startLabel() {
        return this.form.dryRun ? LABELS.startDryRun : LABELS.startJob;
    }
    get startVariant() {
        return this.form.dryRun ? 'brand' : 'destructive';
    }
    get hasJob() {
        return this.job !== undefined;
    }
    get jobTitle() {
        return this.job ? formatLabel(LABELS.selectedJob, this.job.name) : '';
    }
    get jobStatusLabel() {
        return this.job ? (STATUS_LABELS[this.job.status] ?? this.job.status) : '';
    }
    get jobPhaseLabel() {
        const phase = this.job?.phase;
        return phase ? formatLabel(LABELS.phase, PHASE_LABELS[phase] ?? phase) : '';
    }
    get jobProgressText() {
        return this.job ? formatLabel(LABELS.progress, this.job.processed ?? 0, this.job.total ?? 0) : '';
    }
    get jobCounts() {
        const job = this.job;
        if (!job) {
            return [];
        }
        const counts = [
            { key: 'total', label: LABELS.countTotal, value: job.total },
            { key: 'failed', label: LABELS.countFailed, value: job.failed },
            { key: 'changedSince', label: LABELS.countChangedSince, value: job.changedSince },
            { key: 'unassigned', label: LABELS.countUnassigned, value: job.unassigned },
            { key: 'reverted', label: LABELS.countReverted, value: job.reverted }
        ];
        return counts.filter((c) => typeof c.value === 'number');
    }
    get targetRows() {
        return targetsOf(this.job?.summary).map((t) => ({
            key: t.ownerId,
            name: t.name,
            type: t.type,
            planned: t.planned,
            moved: t.moved === undefined ? '' : String(t.moved),
            failed: t.failed === undefined ? '' : String(t.failed)
        }));
    }
    get hasTargetRows() {
        return this.targetRows.length > 0;
    }
    get hasRecentJobs() {
        return this.recentJobs.length > 0;
    }
    get recentJobRows() {
        return this.recentJobs.map((job) => ({
            ...job,
            statusLabel: STATUS_LABELS[job.status] ?? job.status,
            cssClass: job.id === this.job?.id ? 'slds-item slds-is-selected job-row' : 'slds-item job-row'
        }));
    }
    handleSourceType(event) {
        this.form = { ...this.form, sourceType: event.detail.value, source: '' };
    }
    handleSourceUser(event) {
        this.form = { ...this.form, source: event.detail.recordId ?? '' };
    }
    handleTargetType(event) {
        this.form = { ...this.form, targetType: event.detail.value, target: '' };
    }
    handleTargetUser(event) {
        this.form = { ...this.form, target: event.detail.recordId ?? '' };
    }
    handleField(event) {
        const field = event.target.dataset.field;
        const value = event.detail.checked ?? event.detail.value;
        this.form = { ...this.form, [field]: value };
    }
    async handleSubmit() {
        if (!this.validate()) {
            return;
        }
        this.saving = true;
        this.actionError = undefined;
        try {
            const minAge = this.form.minAgeDays === '' ? null : Number(this.form.minAgeDays);
            const job = await createJob({
                request: {
                    sourceType: this.form.sourceType,
                    source: this.form.source,
                    targetType: this.form.targetType,
                    target: this.form.target,
                    statuses: this.form.statuses,
                    countries: splitList(this.form.countries),
                    minAgeDays: minAge,
                    dryRun: this.form.dryRun,
                    notifyOwners: this.form.notifyOwners
                }
            });
            this.showJob(job);
            this.toast(formatLabel(LABELS.jobSaved, job.name), 'success');
            this.loadRecentJobs();
        }
        catch (error) {
            this.fail(LABELS.errorSave, error);
        }
        finally {
            this.saving = false;
        }
    }
    handleSelectJob(event) {
        const jobId = event.currentTarget.dataset.id;
        const job = this.recentJobs.find((j) => j.id === jobId);
        if (job) {
            this.showJob(job);
        }
    }
    async handleCancelJob() {
        await this.confirmAndRun(formatLabel(LABELS.cancelConfirm, this.job?.name), () => requestCancel({ jobId: this.job.id }));
    }
    async handleRevertJob() {
        await this.confirmAndRun(formatLabel(LABELS.revertConfirm, this.job?.name), () => requestRevert({ jobId: this.job.id }));
    }
    async handleRunForReal() {
        await this.confirmAndRun(formatLabel(LABELS.runForRealConfirm, this.job?.total ?? 0, this.job?.name), () => runForReal({ jobId: this.job.id }));
    }
    handleOpenFile(event) {
        const fileId = event.currentTarget.dataset.fileId;
        this[NavigationMixin.Navigate]({
            type: 'standard__namedPage',
            attributes: { pageName: 'filePreview' },
            state: { selectedRecordId: fileId }
        });
    }
    /** Shows the fields' own messages, then checks what the job cannot do without. */
    validate() {
        const inputs = [
            ...(this.template?.querySelectorAll('.validate') ?? [])
        ];
        const fieldsValid = inputs.reduce((valid, input) => input.reportValidity() !== false && valid, true);
        const minAge = this.form.minAgeDays;
        let problem;
        if (!this.form.source) {
            problem = LABELS.chooseSource;
        }
        else if (!this.form.target) {
            problem = LABELS.chooseTarget;
        }
        else if (minAge !== '' && !(Number.isInteger(Number(minAge)) && Number(minAge) >= 0)) {
            problem = LABELS.filterMinAgeError;
        }
        if (problem) {
            this.fail(LABELS.errorSave, problem);
        }
        return fieldsValid && problem === undefined;
    }
    async confirmAndRun(message, action) {
        const confirmed = await LightningConfirm.open({
            message,
            label: this.jobTitle,
            variant: 'header',
            theme: 'warning'
        });
        if (!confirmed) {
            return;
        }
        this.actionError = undefined;
        try {
            this.showJob(await action());
            this.loadRecentJobs();
        }
        catch (error) {
            this.fail(LABELS.errorAction, error);
        }
    }
    showJob(job) {
        this.job = job;
        this.stopPolling();
        if (job.isActive) {
            // Polling is the point: the service writes progress to the job record, nothing pushes it here.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.pollTimer = setTimeout(() => this.poll(), POLL_MILLISECONDS);
        }
    }
    async poll() {
        if (!this.job) {
            return;
        }
        try {
            const fresh = await getJob({ jobId: this.job.id });
            const finished = this.job.isActive && !fresh.isActive;
            this.showJob(fresh);
            if (finished) {
                this.loadRecentJobs();
            }
        }
        catch (error) {
            this.fail(LABELS.errorAction, error);
        }
    }
    stopPolling() {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }
    async loadRecentJobs() {
        try {
            this.recentJobs = await listRecentJobs({ maxRows: RECENT_JOBS });
        }
        catch (error) {
            this.fail(LABELS.errorLoad, error);
        }
    }
    fail(title, error) {
        this.actionErrorTitle = title;
        this.actionError = typeof error === 'string' ? { body: { message: error } } : error;
    }
    toast(message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title: LABELS.title, message, variant }));
    }
}
