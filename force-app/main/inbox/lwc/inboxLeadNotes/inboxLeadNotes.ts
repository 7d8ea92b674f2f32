import { LightningElement, api } from 'lwc';
import getLeadNotes from '@salesforce/apex/LeadsInboxController.getLeadNotes';
import addLeadNote from '@salesforce/apex/LeadsInboxController.addLeadNote';
import type { LeadNote } from '@salesforce/apex/LeadsInboxController.getLeadNotes';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import TITLE from '@salesforce/label/c.Inbox_Notes_Title';
import EMPTY from '@salesforce/label/c.Inbox_Notes_Empty';
import BODY from '@salesforce/label/c.Inbox_Note_Body';
import IS_QUESTION from '@salesforce/label/c.Inbox_Note_Is_Question';
import SAVE from '@salesforce/label/c.Inbox_Note_Save';
import QUESTION from '@salesforce/label/c.Inbox_Note_Question';
import YOU from '@salesforce/label/c.Inbox_Note_You';
import LOADING from '@salesforce/label/c.Inbox_Note_Loading';
import SAVED from '@salesforce/label/c.Inbox_Note_Saved';
import REQUIRED from '@salesforce/label/c.Inbox_Note_Error_Required';
import ERROR_LOAD from '@salesforce/label/c.Inbox_Note_Error_Load';
import ERROR_SAVE from '@salesforce/label/c.Inbox_Note_Error_Save';

/** Longest note (Lead_Note__c.Body__c). */
export const MAX_NOTE = 4000;

interface NoteView extends LeadNote {
    author: string;
    when: string;
    itemClass: string;
}

/**
 * Notes and questions on one lead between the partner and the channel team: the partner's own and the
 * channel team's, newest first, and a form to add one (optionally marked as a question).
 */
export default class InboxLeadNotes extends LightningElement {
    @api leadId?: string;

    labels = { TITLE, EMPTY, BODY, IS_QUESTION, SAVE, QUESTION, LOADING, SAVED, REQUIRED, ERROR_LOAD, ERROR_SAVE };
    maxNote = MAX_NOTE;

    notes: LeadNote[] = [];
    loaded = false;
    loading = false;
    loadError?: unknown;
    body = '';
    question = false;
    saving = false;
    saveError?: unknown;
    submitted = false;
    saved = false;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        if (!this.leadId) {
            return;
        }
        this.loading = true;
        this.loadError = undefined;
        try {
            this.notes = await getLeadNotes({ leadId: this.leadId });
        } catch (error) {
            this.loadError = error;
        } finally {
            this.loading = false;
            this.loaded = true;
        }
    }

    get views(): NoteView[] {
        const format = new Intl.DateTimeFormat(USER_LOCALE, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: USER_TIME_ZONE
        });
        return this.notes.map((note) => ({
            ...note,
            author: note.mine ? YOU : note.authorName,
            when: format.format(new Date(note.createdAt)),
            itemClass: `note slds-box slds-box_x-small slds-m-bottom_x-small${note.mine ? ' note-mine' : ''}`
        }));
    }

    get hasNotes(): boolean {
        return this.notes.length > 0;
    }

    get showEmpty(): boolean {
        return this.loaded && !this.loadError && !this.hasNotes;
    }

    get bodyMissing(): boolean {
        return this.submitted && !this.body.trim();
    }

    handleBodyChange(event: CustomEvent<{ value: string }>): void {
        this.body = event.detail.value ?? '';
        this.saved = false;
    }

    handleQuestionChange(event: CustomEvent<{ checked: boolean }>): void {
        this.question = Boolean(event.detail.checked);
    }

    async handleSave(): Promise<void> {
        this.submitted = true;
        this.saved = false;
        if (!this.body.trim() || !this.leadId || this.saving) {
            return;
        }
        this.saving = true;
        this.saveError = undefined;
        try {
            this.notes = await addLeadNote({ leadId: this.leadId, body: this.body, question: this.question });
            this.body = '';
            this.question = false;
            this.submitted = false;
            this.saved = true;
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }
}
