// Past 400 lines: the job form, its dry-run preview, the polled job list and the cancel and revert dialogs share one state; its labels live in labels.ts.
import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin, CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
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
import type { ConsoleOptions, JobView, Option, SourceType, TargetType, WiredResult } from 'c/bulkJobCommon';
import { LABELS, PHASE_LABELS, STATUS_LABELS } from './labels';

/** lightning/confirm's static open(); @salesforce/lightning-types 0.8 declares the class without it. */
interface ConfirmModal {
    // eslint-disable-next-line no-restricted-globals
    open(config: { message: string; label: string; variant?: string; theme?: string }): Promise<boolean>;
}

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
    @api sourceType?: SourceType;
    /** A User Id, username or queue DeveloperName matching sourceType. */
    @api source?: string;

    labels = LABELS;
    options?: ConsoleOptions;
    optionsError: unknown;
    actionError: unknown;
    actionErrorTitle = '';

    form = {
        sourceType: 'User' as SourceType,
        source: '',
        targetType: 'Group' as TargetType,
        target: '',
        statuses: [] as string[],
        countries: '',
        minAgeDays: '',
        dryRun: true,
        notifyOwners: false
    };

    job?: JobView;
    recentJobs: JobView[] = [];
    saving = false;
    private pollTimer?: ReturnType<typeof setTimeout>;

    @wire(CurrentPageReference)
    readPageState(pageRef?: PageReference): void {
        const state = pageRef?.state ?? {};
        const sourceType = (state.c__sourceType as SourceType | undefined) ?? this.sourceType;
        const source = (state.c__source as string | undefined) ?? this.source;
        if (sourceType && source) {
            this.form = { ...this.form, sourceType, source };
        }
    }

    @wire(getConsoleOptions)
    wiredOptions({ data, error }: WiredResult<ConsoleOptions>): void {
        this.options = data;
        this.optionsError = error;
    }

    override connectedCallback(): void {
        if (this.sourceType && this.source) {
            this.form = { ...this.form, sourceType: this.sourceType, source: this.source };
        }
        this.loadRecentJobs();
    }

    override disconnectedCallback(): void {
        this.stopPolling();
    }

    get sourceTypeOptions(): Option[] {
        return [
            { label: LABELS.sourceUser, value: 'User' },
            { label: LABELS.sourceQueue, value: 'Queue' },
            { label: LABELS.sourceDeactivated, value: 'Deactivated_User' }
        ];
    }

    get targetTypeOptions(): Option[] {
        return [
            { label: LABELS.targetGroup, value: 'Group' },
            { label: LABELS.targetQueue, value: 'Queue' },
            { label: LABELS.targetUser, value: 'User' }
        ];
    }

    get sourceIsQueue(): boolean {
        return this.form.sourceType === 'Queue';
    }

    get sourceUserFilter(): object {
        return this.form.sourceType === 'Deactivated_User'
            ? { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: false }] }
            : { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] };
    }

    get targetIsGroup(): boolean {
        return this.form.targetType === 'Group';
    }

    get targetIsQueue(): boolean {
        return this.form.targetType === 'Queue';
    }

    get targetIsUser(): boolean {
        return this.form.targetType === 'User';
    }

    /** Only active partner users can receive leads. */
    get targetUserFilter(): object {
        return {
            criteria: [
                { fieldPath: 'IsActive', operator: 'eq', value: true },
                { fieldPath: 'UserType', operator: 'eq', value: 'PowerPartner' }
            ]
        };
    }

    get userDisplayInfo(): object {
        return { additionalFields: ['Username'] };
    }

    get userMatchingInfo(): object {
        return { primaryField: { fieldPath: 'Name' }, additionalFields: [{ fieldPath: 'Username' }] };
    }

    get groupOptions(): Option[] {
        return this.options?.groups ?? [];
    }

    get queueOptions(): Option[] {
        return this.options?.queues ?? [];
    }

    get statusOptions(): Option[] {
        return this.options?.leadStatuses ?? [];
    }

    get groupsCapNotice(): string {
        return this.options?.groupsCapNotice ?? '';
    }

    get hasNoGroups(): boolean {
        return this.options !== undefined && this.groupOptions.length === 0;
    }

    get startLabel(): string {
        return this.form.dryRun ? LABELS.startDryRun : LABELS.startJob;
    }

    get startVariant(): string {
        return this.form.dryRun ? 'brand' : 'destructive';
    }

    get hasJob(): boolean {
        return this.job !== undefined;
    }

    get jobTitle(): string {
        return this.job ? formatLabel(LABELS.selectedJob, this.job.name) : '';
    }

    get jobStatusLabel(): string {
        return this.job ? (STATUS_LABELS[this.job.status] ?? this.job.status) : '';
    }

    get jobPhaseLabel(): string {
        const phase = this.job?.phase;
        return phase ? formatLabel(LABELS.phase, PHASE_LABELS[phase] ?? phase) : '';
    }

    get jobProgressText(): string {
        return this.job ? formatLabel(LABELS.progress, this.job.processed ?? 0, this.job.total ?? 0) : '';
    }

    get jobCounts(): Array<{ key: string; label: string; value: number }> {
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
        return counts.filter((c): c is { key: string; label: string; value: number } => typeof c.value === 'number');
    }

    get targetRows(): Array<{
        key: string;
        name: string;
        type: string;
        planned: number;
        moved: string;
        failed: string;
    }> {
        return targetsOf(this.job?.summary).map((t) => ({
            key: t.ownerId,
            name: t.name,
            type: t.type,
            planned: t.planned,
            moved: t.moved === undefined ? '' : String(t.moved),
            failed: t.failed === undefined ? '' : String(t.failed)
        }));
    }

    get hasTargetRows(): boolean {
        return this.targetRows.length > 0;
    }

    get hasRecentJobs(): boolean {
        return this.recentJobs.length > 0;
    }

    get recentJobRows(): Array<JobView & { statusLabel: string; cssClass: string }> {
        return this.recentJobs.map((job) => ({
            ...job,
            statusLabel: STATUS_LABELS[job.status] ?? job.status,
            cssClass: job.id === this.job?.id ? 'slds-item slds-is-selected job-row' : 'slds-item job-row'
        }));
    }

    handleSourceType(event: CustomEvent<{ value: SourceType }>): void {
        this.form = { ...this.form, sourceType: event.detail.value, source: '' };
    }

    handleSourceUser(event: CustomEvent<{ recordId: string | null }>): void {
        this.form = { ...this.form, source: event.detail.recordId ?? '' };
    }

    handleTargetType(event: CustomEvent<{ value: TargetType }>): void {
        this.form = { ...this.form, targetType: event.detail.value, target: '' };
    }

    handleTargetUser(event: CustomEvent<{ recordId: string | null }>): void {
        this.form = { ...this.form, target: event.detail.recordId ?? '' };
    }

    handleField(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
        const field = (event.target as HTMLElement).dataset.field as keyof typeof this.form;
        const value = event.detail.checked ?? event.detail.value;
        this.form = { ...this.form, [field]: value };
    }

    async handleSubmit(): Promise<void> {
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
        } catch (error) {
            this.fail(LABELS.errorSave, error);
        } finally {
            this.saving = false;
        }
    }

    handleSelectJob(event: Event): void {
        const jobId = (event.currentTarget as HTMLElement).dataset.id;
        const job = this.recentJobs.find((j) => j.id === jobId);
        if (job) {
            this.showJob(job);
        }
    }

    async handleCancelJob(): Promise<void> {
        await this.confirmAndRun(formatLabel(LABELS.cancelConfirm, this.job?.name), () =>
            requestCancel({ jobId: this.job!.id })
        );
    }

    async handleRevertJob(): Promise<void> {
        await this.confirmAndRun(formatLabel(LABELS.revertConfirm, this.job?.name), () =>
            requestRevert({ jobId: this.job!.id })
        );
    }

    async handleRunForReal(): Promise<void> {
        await this.confirmAndRun(formatLabel(LABELS.runForRealConfirm, this.job?.total ?? 0, this.job?.name), () =>
            runForReal({ jobId: this.job!.id })
        );
    }

    handleOpenFile(event: Event): void {
        const fileId = (event.currentTarget as HTMLElement).dataset.fileId;
        this[NavigationMixin.Navigate]({
            type: 'standard__namedPage',
            attributes: { pageName: 'filePreview' },
            state: { selectedRecordId: fileId }
        });
    }

    /** Shows the fields' own messages, then checks what the job cannot do without. */
    private validate(): boolean {
        const inputs = [
            ...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>('.validate') ?? [])
        ];
        const fieldsValid = inputs.reduce((valid, input) => input.reportValidity() !== false && valid, true);
        const minAge = this.form.minAgeDays;
        let problem: string | undefined;
        if (!this.form.source) {
            problem = LABELS.chooseSource;
        } else if (!this.form.target) {
            problem = LABELS.chooseTarget;
        } else if (minAge !== '' && !(Number.isInteger(Number(minAge)) && Number(minAge) >= 0)) {
            problem = LABELS.filterMinAgeError;
        }
        if (problem) {
            this.fail(LABELS.errorSave, problem);
        }
        return fieldsValid && problem === undefined;
    }

    private async confirmAndRun(message: string, action: () => Promise<JobView>): Promise<void> {
        const confirmed = await (LightningConfirm as unknown as ConfirmModal).open({
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
        } catch (error) {
            this.fail(LABELS.errorAction, error);
        }
    }

    private showJob(job: JobView): void {
        this.job = job;
        this.stopPolling();
        if (job.isActive) {
            // Polling is the point: the service writes progress to the job record, nothing pushes it here.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.pollTimer = setTimeout(() => this.poll(), POLL_MILLISECONDS);
        }
    }

    private async poll(): Promise<void> {
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
        } catch (error) {
            this.fail(LABELS.errorAction, error);
        }
    }

    private stopPolling(): void {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    private async loadRecentJobs(): Promise<void> {
        try {
            this.recentJobs = await listRecentJobs({ maxRows: RECENT_JOBS });
        } catch (error) {
            this.fail(LABELS.errorLoad, error);
        }
    }

    private fail(title: string, error: unknown): void {
        this.actionErrorTitle = title;
        this.actionError = typeof error === 'string' ? { body: { message: error } } : error;
    }

    private toast(message: string, variant: 'success' | 'error'): void {
        this.dispatchEvent(new ShowToastEvent({ title: LABELS.title, message, variant }));
    }
}
