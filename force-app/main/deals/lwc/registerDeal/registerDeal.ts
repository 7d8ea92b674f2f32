import { LightningElement } from 'lwc';
import registerDeal from '@salesforce/apex/RegisterDealController.registerDeal';
import type { DealForm, RegistrationRow } from '@salesforce/apex/RegisterDealController.registerDeal';
import checkDealConflicts from '@salesforce/apex/RegisterDealController.checkDealConflicts';
import getMyRegistrations from '@salesforce/apex/RegisterDealController.getMyRegistrations';
import { formatLabel } from 'c/ldsUtils';

import TITLE from '@salesforce/label/c.Deals_Register_Title';
import FIELD_COMPANY from '@salesforce/label/c.Deals_Field_Company';
import FIELD_CONTACT from '@salesforce/label/c.Deals_Field_Contact';
import FIELD_EMAIL from '@salesforce/label/c.Deals_Field_Email';
import FIELD_COUNTRY from '@salesforce/label/c.Deals_Field_Country';
import FIELD_PRODUCT from '@salesforce/label/c.Deals_Field_Product';
import FIELD_VALUE from '@salesforce/label/c.Deals_Field_Value';
import FIELD_CLOSE_DATE from '@salesforce/label/c.Deals_Field_Close_Date';
import FIELD_NOTES from '@salesforce/label/c.Deals_Field_Notes';
import CHECK from '@salesforce/label/c.Deals_Check';
import SUBMIT from '@salesforce/label/c.Deals_Submit';
import NO_CONFLICT from '@salesforce/label/c.Deals_No_Conflict';
import POSSIBLE_CONFLICT from '@salesforce/label/c.Deals_Possible_Conflict';
import REGISTERED from '@salesforce/label/c.Deals_Registered';
import MY_REGISTRATIONS from '@salesforce/label/c.Deals_My_Registrations';
import NONE_YET from '@salesforce/label/c.Deals_None_Yet';
import STATUS_SUBMITTED from '@salesforce/label/c.Deals_Status_Submitted';
import STATUS_APPROVED from '@salesforce/label/c.Deals_Status_Approved';
import STATUS_REJECTED from '@salesforce/label/c.Deals_Status_Rejected';
import ERROR_REGISTER from '@salesforce/label/c.Deals_Error_Register';
import ERROR_LOAD from '@salesforce/label/c.Deals_Error_Load';
import LOADING from '@salesforce/label/c.Common_Loading';

type FieldName = keyof DealForm;

interface ChangeDetail {
    value?: string;
}

interface RegistrationView {
    id: string;
    company: string | null;
    contactName: string | null;
    statusText: string;
}

/**
 * The partner's "Register a deal" form (embedded in the Leads inbox): company, contact, email, country, product
 * interest, estimated value, close date and notes; a conflict check before saving that says only whether there may
 * be a conflict (the channel manager sees which); and the partner's own registrations with their status, the
 * protection date of approved ones and the reason of rejected ones.
 */
export default class RegisterDeal extends LightningElement {
    labels = {
        TITLE,
        FIELD_COMPANY,
        FIELD_CONTACT,
        FIELD_EMAIL,
        FIELD_COUNTRY,
        FIELD_PRODUCT,
        FIELD_VALUE,
        FIELD_CLOSE_DATE,
        FIELD_NOTES,
        CHECK,
        SUBMIT,
        NO_CONFLICT,
        POSSIBLE_CONFLICT,
        MY_REGISTRATIONS,
        NONE_YET,
        ERROR_REGISTER,
        ERROR_LOAD,
        LOADING
    };

    form: DealForm = {};
    conflict: boolean | null = null;
    saving = false;
    saveError?: unknown;
    loadError?: unknown;
    registeredMessage: string | null = null;
    registrations: RegistrationRow[] = [];
    loaded = false;

    override connectedCallback(): void {
        this.loadRegistrations();
    }

    get hasRegistrations(): boolean {
        return this.registrations.length > 0;
    }

    get isLoading(): boolean {
        return !this.loaded && !this.loadError;
    }

    get showNoneYet(): boolean {
        return this.loaded && !this.loadError && this.registrations.length === 0;
    }

    get conflictChecked(): boolean {
        return this.conflict !== null;
    }

    get conflictText(): string {
        return this.conflict ? POSSIBLE_CONFLICT : NO_CONFLICT;
    }

    get conflictClass(): string {
        return `conflict slds-m-top_small slds-text-${this.conflict ? 'color_error' : 'color_success'}`;
    }

    get registrationViews(): RegistrationView[] {
        return this.registrations.map((row) => ({
            id: row.id,
            company: row.company,
            contactName: row.contactName,
            statusText:
                row.status === 'Approved'
                    ? formatLabel(STATUS_APPROVED, formatDate(row.protectedUntil))
                    : row.status === 'Rejected'
                      ? formatLabel(STATUS_REJECTED, row.reason)
                      : STATUS_SUBMITTED
        }));
    }

    handleChange(event: Event): void {
        const input = event.target as HTMLInputElement;
        const field = input.dataset.field as FieldName;
        const raw = (event as CustomEvent<ChangeDetail>).detail?.value ?? input.value;
        const value = field === 'estimatedValue' ? (raw === '' || raw == null ? null : Number(raw)) : raw || null;
        const next: DealForm = { ...this.form };
        (next as Record<string, unknown>)[field] = value;
        this.form = next;
        this.conflict = null;
        this.registeredMessage = null;
    }

    async handleCheck(): Promise<void> {
        this.saveError = undefined;
        try {
            const check = await checkDealConflicts({ form: this.form });
            this.conflict = check.possibleConflict;
        } catch (error) {
            this.saveError = error;
        }
    }

    async handleSubmit(): Promise<void> {
        this.saving = true;
        this.saveError = undefined;
        try {
            const row = await registerDeal({ form: this.form });
            this.registeredMessage = formatLabel(REGISTERED, row.company);
            this.conflict = row.possibleConflict;
            this.form = {};
            this.template?.querySelectorAll<HTMLInputElement>('.field').forEach((input) => {
                input.value = '';
            });
            await this.loadRegistrations();
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }

    private async loadRegistrations(): Promise<void> {
        try {
            this.registrations = await getMyRegistrations();
            this.loadError = undefined;
        } catch (error) {
            this.loadError = error;
        } finally {
            this.loaded = true;
        }
    }
}

function formatDate(value: string | null): string {
    return value ? new Date(value).toLocaleDateString() : '';
}
