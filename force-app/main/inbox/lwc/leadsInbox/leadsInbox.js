// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
// Past 400 lines: two lists (mine, my queues) with paging, search and the accept and return dialogs share one state; its labels live in labels.ts.
// The embedded settings, deal form and lead detail are their own components: only which one is open lives here.
import { LightningElement, wire } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getInboxPage from '@salesforce/apex/LeadsInboxController.getInboxPage';
import getInboxOptions from '@salesforce/apex/LeadsInboxController.getInboxOptions';
import acceptLead from '@salesforce/apex/LeadsInboxController.acceptLead';
import returnLead from '@salesforce/apex/LeadsInboxController.returnLead';
import updateLeadStatus from '@salesforce/apex/LeadsInboxController.updateLeadStatus';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel, reduceErrors } from 'c/ldsUtils';
import { LABELS } from './labels';
/** Rows fetched per page ("Load more" fetches the next page). */
export const PAGE_SIZE = 25;
/** Milliseconds the search box waits for typing to pause. */
export const SEARCH_DELAY = 300;
/** The server pages with OFFSET, which SOQL caps at 2,000. */
export const MAX_ROWS = 2000;
/** Longest return comment (Lead.Return_Comment__c). */
export const MAX_COMMENT = 4000;
const SLA_LABELS = {
    on_time: LABELS.SLA_ON_TIME,
    due_soon: LABELS.SLA_DUE_SOON,
    overdue: LABELS.SLA_OVERDUE,
    accepted: LABELS.SLA_ACCEPTED,
    none: LABELS.SLA_NONE
};
const SLA_CLASSES = {
    on_time: 'sla slds-badge slds-theme_success',
    due_soon: 'sla slds-badge slds-theme_warning',
    overdue: 'sla slds-badge slds-theme_error',
    accepted: 'sla slds-badge slds-badge_lightest',
    none: 'sla slds-badge slds-badge_lightest'
};
function emptyList() {
    return { rows: [], total: 0, hasMore: false, loaded: false, loading: false };
}
/** Hours under two days as hours, then whole days. */
export function formatAge(hours) {
    if (hours < 48) {
        return formatLabel(LABELS.AGE_HOURS, Math.max(0, Math.round(hours * 10) / 10));
    }
    return formatLabel(LABELS.AGE_DAYS, Math.floor(hours / 24));
}
/**
 * The partner Leads inbox: leads waiting in the user's queues and the user's own open leads, with
 * search, sort and paging done on the server; accept (which may be lost to a faster partner), return
 * with a reason and a comment, and status updates of the user's own leads.
 */
export default class LeadsInbox extends LightningElement {
    labels = LABELS;
    activeList = 'waiting';
    lists = { waiting: emptyList(), owned: emptyList() };
    searchInput = '';
    searchTerm = '';
    sortBy = 'age';
    // Oldest first: the leads closest to their deadline come first.
    sortDirection = 'desc';
    notice;
    acceptingId;
    panel;
    detailLeadId;
    options;
    optionsError;
    returnTarget;
    returnReason = '';
    returnComment = '';
    returnSubmitted = false;
    returning = false;
    returnError;
    searchTimer;
    requestSeq = 0;
    latestRequest = { waiting: 0, owned: 0 };
    focusDialog = false;
    @wire(getInboxOptions)
    wiredOptions({ data, error }) {
        this.options = data;
        this.optionsError = error;
    }
    connectedCallback() {
        this.loadList('waiting', true);
        this.loadList('owned', true);
    }
    renderedCallback() {
        if (this.focusDialog) {
            this.focusDialog = false;
            this.template?.querySelector('.return-reason')?.focus();
        }
    }
    disconnectedCallback() {
        clearTimeout(this.searchTimer);
    }
    /** Loads the first page of a list (reset) or the next one. An answer to an older request is dropped. */
    async loadList(listName, reset) {
        const current = this.lists[listName];
        const offset = reset ? 0 : current.rows.length;
        const seq = ++this.requestSeq;
        this.latestRequest[listName] = seq;
        this.setList(listName, { ...current, loading: true, error: undefined });
        try {
            const page = await getInboxPage({
                listName,
                searchTerm: this.searchTerm || null,
                sortBy: this.sortBy,
                sortDirection: this.sortDirection,
                pageSize: PAGE_SIZE,
                offset
            });
            if (this.latestRequest[listName] !== seq) {
                return;
            }
            const rows = reset ? page.rows : [...this.lists[listName].rows, ...page.rows];
            this.setList(listName, { rows, total: page.total, hasMore: page.hasMore, loaded: true, loading: false });
        }
        catch (error) {
            if (this.latestRequest[listName] === seq) {
                this.setList(listName, { ...this.lists[listName], loading: false, loaded: true, error });
            }
        }
    }
    setList(listName, state) {
        this.lists = { ...this.lists, [listName]: state };
    }
    reloadAll() {
        this.loadList('waiting', true);
        this.loadList('owned', true);
    }
    // ----- view state -----
    get current() {
        return this.lists[this.activeList];
    }
    get isWaiting() {
        return this.activeList === 'waiting';
    }
    get currentTabLabel() {
        return this.isWaiting ? LABELS.TAB_WAITING : LABELS.TAB_OWNED;
    }
    get waitingTabLabel() {
        return this.tabLabel(LABELS.TAB_WAITING, this.lists.waiting);
    }
    get ownedTabLabel() {
        return this.tabLabel(LABELS.TAB_OWNED, this.lists.owned);
    }
    tabLabel(label, list) {
        return list.loaded && !list.error ? `${label} (${list.total})` : label;
    }
    get waitingTabClass() {
        return this.tabClass('waiting');
    }
    get ownedTabClass() {
        return this.tabClass('owned');
    }
    tabClass(listName) {
        return `slds-tabs_default__item${this.activeList === listName ? ' slds-is-active' : ''}`;
    }
    get waitingSelected() {
        return String(this.activeList === 'waiting');
    }
    get ownedSelected() {
        return String(this.activeList === 'owned');
    }
    get waitingTabIndex() {
        return this.activeList === 'waiting' ? 0 : -1;
    }
    get ownedTabIndex() {
        return this.activeList === 'owned' ? 0 : -1;
    }
    get sortOptions() {
        return [
            { value: 'age', label: LABELS.SORT_AGE },
            { value: 'name', label: LABELS.SORT_NAME },
            { value: 'company', label: LABELS.SORT_COMPANY },
            { value: 'country', label: LABELS.SORT_COUNTRY },
            { value: 'source', label: LABELS.SORT_SOURCE },
            { value: 'status', label: LABELS.SORT_STATUS }
        ];
    }
    get directionLabel() {
        if (this.sortBy === 'age') {
            return this.sortDirection === 'desc' ? LABELS.SORT_OLDEST_FIRST : LABELS.SORT_NEWEST_FIRST;
        }
        return this.sortDirection === 'asc' ? LABELS.SORT_ASCENDING : LABELS.SORT_DESCENDING;
    }
    get directionIcon() {
        return this.sortDirection === 'asc' ? 'utility:arrowup' : 'utility:arrowdown';
    }
    get showSpinner() {
        return this.current.loading;
    }
    get listError() {
        return this.current.error;
    }
    get rows() {
        const statuses = this.options?.statuses ?? [];
        return this.current.rows.map((row) => {
            const statusOptions = row.status && !statuses.some((s) => s.value === row.status)
                ? [{ value: row.status, label: row.status }, ...statuses]
                : statuses;
            return {
                ...row,
                key: row.id,
                ageText: formatAge(row.ageHours),
                slaLabel: SLA_LABELS[row.sla] ?? LABELS.SLA_NONE,
                slaClass: SLA_CLASSES[row.sla] ?? SLA_CLASSES.none,
                dueText: row.dueAt ? formatLabel(LABELS.SLA_DUE_AT, this.formatDateTime(row.dueAt)) : null,
                statusOptions,
                statusLabel: formatLabel(LABELS.STATUS_LABEL, row.name),
                acceptLabel: formatLabel(LABELS.ACCEPT_LEAD, row.name),
                returnLabel: formatLabel(LABELS.RETURN_LEAD, row.name),
                accepting: this.acceptingId === row.id,
                showAccept: row.canAccept,
                detailsLabel: formatLabel(LABELS.DETAILS_OF, row.name)
            };
        });
    }
    // In the partner's own locale and time zone (their Salesforce settings), not the browser's: a partner
    // travelling or on a shared machine still sees due times as their Salesforce profile says.
    // https://developer.salesforce.com/docs/platform/lwc/guide/create-i18n
    formatDateTime(iso) {
        return new Intl.DateTimeFormat(USER_LOCALE, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: USER_TIME_ZONE
        }).format(new Date(iso));
    }
    get hasRows() {
        return this.current.rows.length > 0;
    }
    get showEmpty() {
        return this.current.loaded && !this.current.loading && !this.current.error && !this.hasRows;
    }
    get emptyMessage() {
        if (this.searchTerm) {
            return formatLabel(LABELS.EMPTY_SEARCH, this.searchTerm);
        }
        return this.isWaiting ? LABELS.EMPTY_WAITING : LABELS.EMPTY_OWNED;
    }
    get showingText() {
        return formatLabel(LABELS.SHOWING, this.current.rows.length, this.current.total);
    }
    get showLoadMore() {
        return this.current.hasMore && this.current.rows.length < MAX_ROWS;
    }
    get showOffsetLimit() {
        return this.current.rows.length >= MAX_ROWS && this.current.total > this.current.rows.length;
    }
    get loadMoreDisabled() {
        return this.current.loading;
    }
    get noticeClass() {
        const theme = this.notice?.variant === 'error' ? 'slds-theme_error' : 'slds-theme_success';
        return `notice slds-notify slds-notify_alert slds-m-bottom_small ${theme}`;
    }
    // ----- list controls -----
    handleTabClick(event) {
        const listName = event.currentTarget.dataset.list;
        this.activeList = listName;
    }
    handleTabKeydown(event) {
        if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
            this.activeList = this.activeList === 'waiting' ? 'owned' : 'waiting';
            const tab = this.template?.querySelector(`[data-list="${this.activeList}"]`);
            tab?.focus();
        }
    }
    handleSearchInput(event) {
        this.searchInput = event.detail.value ?? '';
        clearTimeout(this.searchTimer);
        // Wait for typing to pause so one search runs, not one per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => {
            const term = this.searchInput.trim();
            if (term !== this.searchTerm) {
                this.searchTerm = term;
                this.reloadAll();
            }
        }, SEARCH_DELAY);
    }
    handleSortChange(event) {
        this.sortBy = event.detail.value;
        this.sortDirection = this.sortBy === 'age' ? 'desc' : 'asc';
        this.reloadAll();
    }
    handleDirectionToggle() {
        this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
        this.reloadAll();
    }
    handleRefresh() {
        this.notice = undefined;
        this.reloadAll();
    }
    handleLoadMore() {
        this.loadList(this.activeList, false);
    }
    handleDismissNotice() {
        this.notice = undefined;
    }
    // ----- accept -----
    async handleAccept(event) {
        const row = this.findRow(event.currentTarget.dataset.id);
        if (!row || this.acceptingId) {
            return;
        }
        this.acceptingId = row.id;
        this.notice = undefined;
        try {
            await acceptLead({ leadId: row.id });
            this.tell(LABELS.ACCEPTED_TITLE, formatLabel(LABELS.ACCEPTED, row.name), 'success');
        }
        catch (error) {
            // Lost to a faster partner, or the lead left the queue: say so and show the lists as they are now.
            this.tell(LABELS.RACE_LOST_TITLE, reduceErrors(error)[0] ?? LABELS.ERROR_ACCEPT, 'error');
        }
        finally {
            this.acceptingId = undefined;
            this.reloadAll();
        }
    }
    // ----- status -----
    async handleStatusChange(event) {
        const row = this.findRow(event.currentTarget.dataset.id);
        const status = event.detail.value;
        if (!row || !status || status === row.status) {
            return;
        }
        this.notice = undefined;
        try {
            await updateLeadStatus({ leadId: row.id, status });
            const label = this.options?.statuses.find((s) => s.value === status)?.label ?? status;
            this.tell(LABELS.STATUS_UPDATED_TITLE, formatLabel(LABELS.STATUS_UPDATED, row.name, label), 'success');
        }
        catch (error) {
            this.tell(LABELS.ERROR_STATUS, reduceErrors(error)[0] ?? LABELS.ERROR_STATUS, 'error');
        }
        this.loadList('owned', true);
    }
    // ----- return -----
    get returnOpen() {
        return Boolean(this.returnTarget);
    }
    get returnTitle() {
        return formatLabel(LABELS.RETURN_TITLE, this.returnTarget?.name ?? '');
    }
    get reasonOptions() {
        return this.options?.returnReasons ?? [];
    }
    get reasonMissing() {
        return this.returnSubmitted && !this.returnReason;
    }
    get commentMissing() {
        return this.returnSubmitted && this.returnComment.trim().length === 0;
    }
    get commentTooLong() {
        return this.returnComment.trim().length > MAX_COMMENT;
    }
    get commentTooLongText() {
        return formatLabel(LABELS.COMMENT_TOO_LONG, MAX_COMMENT);
    }
    get maxComment() {
        return MAX_COMMENT;
    }
    handleOpenReturn(event) {
        const row = this.findRow(event.currentTarget.dataset.id);
        if (!row) {
            return;
        }
        this.returnTarget = row;
        this.returnReason = '';
        this.returnComment = '';
        this.returnSubmitted = false;
        this.returnError = undefined;
        this.focusDialog = true;
    }
    handleReasonChange(event) {
        this.returnReason = event.detail.value ?? '';
    }
    handleCommentChange(event) {
        this.returnComment = event.detail.value ?? '';
    }
    handleCancelReturn() {
        this.returnTarget = undefined;
    }
    handleDialogKeydown(event) {
        if (event.key === 'Escape' && !this.returning) {
            this.returnTarget = undefined;
        }
    }
    async handleSubmitReturn() {
        this.returnSubmitted = true;
        this.template
            ?.querySelectorAll('.return-field')
            .forEach((field) => {
            field.reportValidity?.();
        });
        if (!this.returnTarget || this.reasonMissing || this.commentMissing || this.commentTooLong) {
            return;
        }
        const target = this.returnTarget;
        this.returning = true;
        this.returnError = undefined;
        try {
            await returnLead({ leadId: target.id, reason: this.returnReason, comment: this.returnComment.trim() });
            this.returnTarget = undefined;
            this.tell(LABELS.RETURNED_TITLE, formatLabel(LABELS.RETURNED, target.name), 'success');
            this.reloadAll();
        }
        catch (error) {
            this.returnError = error;
        }
        finally {
            this.returning = false;
        }
    }
    // ----- embedded components -----
    get settingsOpen() {
        return this.panel === 'settings';
    }
    get dealOpen() {
        return this.panel === 'deal';
    }
    get settingsVariant() {
        return this.settingsOpen ? 'brand' : 'neutral';
    }
    get dealVariant() {
        return this.dealOpen ? 'brand' : 'neutral';
    }
    /** A toolbar button opens its section, and closes it when it is already open. */
    handleTogglePanel(event) {
        const panel = event.currentTarget.dataset.panel;
        this.panel = this.panel === panel ? undefined : panel;
    }
    handleOpenDetail(event) {
        this.detailLeadId = this.findRow(event.currentTarget.dataset.id)?.id;
    }
    handleCloseDetail() {
        this.detailLeadId = undefined;
    }
    /** A conversion or a hand-over takes the lead out of my open leads: say so and reload both lists. */
    handleLeadChanged(event) {
        this.detailLeadId = undefined;
        this.tell(event.detail.message, '', 'success');
        this.reloadAll();
    }
    // ----- helpers -----
    findRow(id) {
        return this.current.rows.find((row) => row.id === id);
    }
    tell(title, message, variant) {
        this.notice = { title, message, variant };
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
