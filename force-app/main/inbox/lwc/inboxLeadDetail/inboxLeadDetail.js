// Generated from the .ts beside this file by `npm run build:lwc`. Edit the .ts, not this file.
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import getLeadDetail from '@salesforce/apex/LeadsInboxController.getLeadDetail';
import convertLead from '@salesforce/apex/LeadsInboxController.convertLead';
import qualifyLead from '@salesforce/apex/LeadsInboxController.qualifyLead';
import USER_LOCALE from '@salesforce/i18n/locale';
import USER_TIME_ZONE from '@salesforce/i18n/timeZone';
import { formatLabel } from 'c/ldsUtils';
import EMAIL from '@salesforce/label/c.Inbox_Detail_Email';
import PHONE from '@salesforce/label/c.Inbox_Detail_Phone';
import JOB_TITLE from '@salesforce/label/c.Inbox_Detail_Job_Title';
import DESCRIPTION from '@salesforce/label/c.Inbox_Detail_Description';
import NOT_GIVEN from '@salesforce/label/c.Inbox_Detail_Not_Given';
import OPEN_RECORD from '@salesforce/label/c.Inbox_Detail_Open_Record';
import CLOSE from '@salesforce/label/c.Inbox_Detail_Close';
import LOADING from '@salesforce/label/c.Inbox_Detail_Loading';
import CONVERTED_STATE from '@salesforce/label/c.Inbox_Detail_Converted';
import QUALIFIED_ON from '@salesforce/label/c.Inbox_Detail_Qualified_On';
import CONVERT from '@salesforce/label/c.Inbox_Convert';
import QUALIFY from '@salesforce/label/c.Inbox_Qualify';
import CONVERTED from '@salesforce/label/c.Inbox_Converted';
import QUALIFIED from '@salesforce/label/c.Inbox_Qualified';
import ERROR_LOAD from '@salesforce/label/c.Inbox_Detail_Error_Load';
import ERROR_CONVERT from '@salesforce/label/c.Inbox_Convert_Error';
import COLUMN_COMPANY from '@salesforce/label/c.Inbox_Column_Company';
/**
 * One lead of the partner's inbox in a dialog: contact fields and description, a link to the lead's
 * record page in the site, Convert (or hand over as qualified, as the org's setting says), and the notes
 * and questions with the channel team (c-inbox-lead-notes). Fires `close`, and `changed` (detail:
 * LeadChange) after a conversion or a hand-over so the inbox reloads its lists.
 */
export default class InboxLeadDetail extends NavigationMixin(LightningElement) {
    @api
    leadId;
    labels = {
        EMAIL,
        PHONE,
        JOB_TITLE,
        DESCRIPTION,
        OPEN_RECORD,
        CLOSE,
        LOADING,
        CONVERTED_STATE,
        ERROR_LOAD,
        ERROR_CONVERT,
        COLUMN_COMPANY
    };
    detail;
    loadError;
    recordUrl;
    converting = false;
    convertError;
    connectedCallback() {
        this.load();
    }
    renderedCallback() {
        if (this.detail && !this.focused) {
            this.focused = true;
            this.template?.querySelector('.detail-heading')?.focus();
        }
    }
    focused = false;
    async load() {
        if (!this.leadId) {
            return;
        }
        this.loadError = undefined;
        try {
            this.detail = await getLeadDetail({ leadId: this.leadId });
            // standard__recordPage is one of the page references Experience Builder sites (LWR and Aura)
            // resolve: https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type
            this.recordUrl = await this[NavigationMixin.GenerateUrl]({
                type: 'standard__recordPage',
                attributes: { recordId: this.leadId, objectApiName: 'Lead', actionName: 'view' }
            });
        }
        catch (error) {
            this.loadError = error;
        }
    }
    get loading() {
        return !this.detail && !this.loadError;
    }
    get heading() {
        return this.detail?.name ?? '';
    }
    get facts() {
        const d = this.detail;
        if (!d) {
            return [];
        }
        return [
            { key: 'company', label: COLUMN_COMPANY, value: d.company || NOT_GIVEN },
            { key: 'title', label: JOB_TITLE, value: d.title || NOT_GIVEN },
            {
                key: 'email',
                label: EMAIL,
                value: d.email || NOT_GIVEN,
                href: d.email ? `mailto:${d.email}` : undefined
            },
            { key: 'phone', label: PHONE, value: d.phone || NOT_GIVEN, href: d.phone ? `tel:${d.phone}` : undefined }
        ];
    }
    get description() {
        return this.detail?.description || NOT_GIVEN;
    }
    get convertLabel() {
        return this.detail?.conversionMode === 'convert' ? CONVERT : QUALIFY;
    }
    get showConvert() {
        return Boolean(this.detail?.canConvert);
    }
    get qualifiedText() {
        const at = this.detail?.qualifiedAt;
        if (!at) {
            return null;
        }
        const when = new Intl.DateTimeFormat(USER_LOCALE, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: USER_TIME_ZONE
        }).format(new Date(at));
        return formatLabel(QUALIFIED_ON, when);
    }
    async handleConvert() {
        const d = this.detail;
        if (!d || this.converting) {
            return;
        }
        this.converting = true;
        this.convertError = undefined;
        try {
            let message;
            if (d.conversionMode === 'convert') {
                await convertLead({ leadId: d.id });
                message = formatLabel(CONVERTED, d.name);
            }
            else {
                await qualifyLead({ leadId: d.id });
                message = formatLabel(QUALIFIED, d.name);
            }
            const change = { leadId: d.id, message };
            this.dispatchEvent(new CustomEvent('changed', { detail: change }));
        }
        catch (error) {
            this.convertError = error;
        }
        finally {
            this.converting = false;
        }
    }
    handleClose() {
        this.dispatchEvent(new CustomEvent('close'));
    }
    handleKeydown(event) {
        if (event.key === 'Escape') {
            this.handleClose();
        }
    }
}
