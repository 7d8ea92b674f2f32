// Past 400 lines: 40 lines import its labels; the rest is one editor (member rows, validation, the share preview) whose state every handler shares.
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getGroupEditorData from '@salesforce/apex/DistributionGroupEditorController.getGroupEditorData';
import saveMembers from '@salesforce/apex/DistributionGroupEditorController.saveMembers';
import getPreview from '@salesforce/apex/DistributionGroupEditorController.getPreview';
import getShareChart from '@salesforce/apex/DistributionGroupEditorController.getShareChart';
import { formatLabel } from 'c/ldsUtils';
import { percent } from 'c/distributionCommon';
import type {
    GroupEditorData,
    MemberInput,
    MemberType,
    PreviewRow,
    ResolvedMember,
    ShareRow
} from 'c/distributionCommon';

import TITLE from '@salesforce/label/c.Distribution_Editor_Title';
import LOADING from '@salesforce/label/c.Common_Loading';
import LOAD_ERROR from '@salesforce/label/c.Distribution_Editor_Load_Error';
import SAVE_ERROR from '@salesforce/label/c.Distribution_Editor_Save_Error';
import EMPTY from '@salesforce/label/c.Distribution_Editor_Empty';
import READ_ONLY from '@salesforce/label/c.Distribution_Editor_Read_Only';
import ADD_QUEUE from '@salesforce/label/c.Distribution_Editor_Add_Queue';
import ADD_USER from '@salesforce/label/c.Distribution_Editor_Add_User';
import SAVE from '@salesforce/label/c.Distribution_Editor_Save';
import SAVED from '@salesforce/label/c.Distribution_Editor_Saved';
import REMOVE from '@salesforce/label/c.Distribution_Editor_Remove';
import COL_MEMBER from '@salesforce/label/c.Distribution_Column_Member';
import COL_TYPE from '@salesforce/label/c.Distribution_Column_Type';
import COL_WEIGHT from '@salesforce/label/c.Distribution_Column_Weight';
import COL_CAPACITY from '@salesforce/label/c.Distribution_Column_Capacity';
import COL_LOAD from '@salesforce/label/c.Distribution_Column_Load';
import COL_ACTIVE from '@salesforce/label/c.Distribution_Column_Active';
import COL_READINESS from '@salesforce/label/c.Distribution_Column_Readiness';
import COL_PAUSED from '@salesforce/label/c.Distribution_Column_Paused';
import COL_AWAY_UNTIL from '@salesforce/label/c.Distribution_Column_Away_Until';
import QUEUE_PLACEHOLDER from '@salesforce/label/c.Distribution_Editor_Queue_Placeholder';
import USER_PLACEHOLDER from '@salesforce/label/c.Distribution_Editor_User_Placeholder';
import UNLIMITED from '@salesforce/label/c.Distribution_Editor_Unlimited';
import READY from '@salesforce/label/c.Distribution_Editor_Ready';
import NOT_SAVED from '@salesforce/label/c.Distribution_Editor_Not_Saved';
import WEIGHT_RANGE from '@salesforce/label/c.Distribution_Error_Weight_Range';
import CAPACITY_RANGE from '@salesforce/label/c.Distribution_Error_Capacity_Range';
import REFERENCE_REQUIRED from '@salesforce/label/c.Distribution_Error_Member_Reference';
import PREVIEW_TITLE from '@salesforce/label/c.Distribution_Preview_Title';
import PREVIEW_HELP from '@salesforce/label/c.Distribution_Preview_Help';
import PREVIEW_REFRESH from '@salesforce/label/c.Distribution_Preview_Refresh';
import PREVIEW_ERROR from '@salesforce/label/c.Distribution_Preview_Error';
import PREVIEW_NOBODY from '@salesforce/label/c.Distribution_Preview_Nobody';
import SHARE_TITLE from '@salesforce/label/c.Distribution_Share_Title';
import SHARE_HELP from '@salesforce/label/c.Distribution_Share_Help';
import SHARE_ERROR from '@salesforce/label/c.Distribution_Share_Error';
import SHARE_EMPTY from '@salesforce/label/c.Distribution_Share_Empty';
import SHARE_ACTUAL from '@salesforce/label/c.Distribution_Share_Actual';
import SHARE_WEIGHT from '@salesforce/label/c.Distribution_Share_Weight';
import SHARE_ROW from '@salesforce/label/c.Distribution_Share_Row';
import TYPE_QUEUE from '@salesforce/label/c.Distribution_Type_Queue';
import TYPE_USER from '@salesforce/label/c.Distribution_Type_User';

const TYPE_LABELS: Record<MemberType, string> = { Queue: TYPE_QUEUE, User: TYPE_USER };

/** One member row as the editor keeps it while the user edits. */
interface MemberRow {
    key: string;
    memberId: string | null;
    memberType: MemberType;
    reference: string;
    weight: number | null;
    capacity: number | null;
    active: boolean;
    paused: boolean;
    awayUntil: string | null;
    resolvedName: string | null;
    load: number | null;
    problems: string[];
    warnings: string[];
    /** Added or changed since the last load: readiness is only known after saving. */
    dirty: boolean;
}

interface MemberRowView extends MemberRow {
    typeLabel: string;
    placeholder: string;
    capacityText: string;
    loadText: string;
    isReady: boolean;
    referenceLabel: string;
    weightLabel: string;
    capacityLabel: string;
    activeLabel: string;
    pausedLabel: string;
    awayUntilLabel: string;
    removeLabel: string;
}

interface ShareRowView extends ShareRow {
    actualText: string;
    weightText: string;
    actualStyle: string;
    weightStyle: string;
    summary: string;
}

type EditableField = 'reference' | 'weight' | 'capacity' | 'active' | 'paused' | 'awayUntil';

let newRowSequence = 0;

function toRow(member: ResolvedMember): MemberRow {
    return {
        key: member.memberId ?? `new-${++newRowSequence}`,
        memberId: member.memberId ?? null,
        memberType: member.memberType,
        reference: member.reference ?? '',
        weight: member.weight ?? null,
        capacity: member.capacity ?? null,
        active: member.active,
        paused: member.paused === true,
        awayUntil: member.awayUntil ?? null,
        resolvedName: member.ownerId ? (member.ownerName ?? null) : null,
        load: member.ownerId ? (member.load ?? 0) : null,
        problems: member.problems ?? [],
        warnings: member.warnings ?? [],
        dirty: false
    };
}

function toNumber(value: unknown): number | null {
    if (value === '' || value === null || value === undefined) {
        return null;
    }
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Distribution group editor (record page of Distribution_Group__c): members with weights, capacities,
 * active toggles, availability (paused, away until a date) and readiness, the next 20 assignments as the Apex round-robin would make them, and
 * each member's share of the last 30 days' leads against its weight's share.
 */
export default class DistributionGroupEditor extends LightningElement {
    @api recordId?: string;

    labels = {
        TITLE,
        LOADING,
        LOAD_ERROR,
        SAVE_ERROR,
        EMPTY,
        READ_ONLY,
        ADD_QUEUE,
        ADD_USER,
        SAVE,
        COL_MEMBER,
        COL_TYPE,
        COL_WEIGHT,
        COL_CAPACITY,
        COL_LOAD,
        COL_ACTIVE,
        COL_PAUSED,
        COL_AWAY_UNTIL,
        COL_READINESS,
        NOT_SAVED,
        PREVIEW_TITLE,
        PREVIEW_HELP,
        PREVIEW_REFRESH,
        PREVIEW_ERROR,
        SHARE_TITLE,
        SHARE_HELP,
        SHARE_ERROR,
        SHARE_EMPTY,
        SHARE_ACTUAL,
        SHARE_WEIGHT
    };

    isLoading = true;
    isSaving = false;
    loadError?: unknown;
    saveError?: unknown;
    validationMessage?: string;
    canEdit = false;
    members: MemberRow[] = [];
    preview?: PreviewRow[];
    previewError?: unknown;
    previewLoading = false;
    shares?: ShareRow[];
    shareError?: unknown;

    override connectedCallback(): void {
        this.load();
    }

    async load(): Promise<void> {
        if (!this.recordId) {
            return;
        }
        this.isLoading = true;
        this.loadError = undefined;
        try {
            this.apply(await getGroupEditorData({ groupId: this.recordId }));
        } catch (error) {
            this.loadError = error;
        } finally {
            this.isLoading = false;
        }
        if (!this.loadError) {
            this.loadPreview();
            this.loadShares();
        }
    }

    apply(data: GroupEditorData): void {
        this.canEdit = data.canEdit;
        this.members = (data.members ?? []).map(toRow);
    }

    async loadPreview(): Promise<void> {
        this.previewLoading = true;
        this.previewError = undefined;
        try {
            this.preview = await getPreview({ groupId: this.recordId as string });
        } catch (error) {
            this.previewError = error;
            this.preview = undefined;
        } finally {
            this.previewLoading = false;
        }
    }

    async loadShares(): Promise<void> {
        this.shareError = undefined;
        try {
            this.shares = await getShareChart({ groupId: this.recordId as string });
        } catch (error) {
            this.shareError = error;
            this.shares = undefined;
        }
    }

    get showEditor(): boolean {
        return !this.isLoading && !this.loadError;
    }

    get hasMembers(): boolean {
        return this.members.length > 0;
    }

    get readOnly(): boolean {
        return !this.canEdit;
    }

    get saveDisabled(): boolean {
        return !this.canEdit || this.isSaving;
    }

    get memberRows(): MemberRowView[] {
        return this.members.map((row) => {
            const name = row.reference || row.resolvedName || '';
            return {
                ...row,
                typeLabel: TYPE_LABELS[row.memberType],
                placeholder: row.memberType === 'Queue' ? QUEUE_PLACEHOLDER : USER_PLACEHOLDER,
                capacityText: row.capacity === null ? UNLIMITED : String(row.capacity),
                loadText: row.load === null ? '–' : String(row.load),
                isReady: !row.dirty && row.problems.length === 0 && row.warnings.length === 0,
                referenceLabel: `${COL_MEMBER} ${name}`.trim(),
                weightLabel: `${COL_WEIGHT} ${name}`.trim(),
                capacityLabel: `${COL_CAPACITY} ${name}`.trim(),
                activeLabel: `${COL_ACTIVE} ${name}`.trim(),
                pausedLabel: `${COL_PAUSED} ${name}`.trim(),
                awayUntilLabel: `${COL_AWAY_UNTIL} ${name}`.trim(),
                removeLabel: `${REMOVE} ${name}`.trim()
            };
        });
    }

    get readyLabel(): string {
        return READY;
    }

    get hasPreview(): boolean {
        return Boolean(this.preview && this.preview.length > 0);
    }

    get previewRows(): Array<PreviewRow & { key: string; text: string }> {
        return (this.preview ?? []).map((row) => ({
            ...row,
            key: String(row.position),
            text: row.ownerId ? (row.ownerName ?? row.ownerId) : PREVIEW_NOBODY
        }));
    }

    get hasShares(): boolean {
        return Boolean(this.shares && this.shares.some((row) => row.leads > 0 || row.weightShare > 0));
    }

    get showSharesEmpty(): boolean {
        return Boolean(this.shares) && !this.hasShares;
    }

    get shareRows(): ShareRowView[] {
        return (this.shares ?? []).map((row) => {
            const actualText = percent(row.share);
            const weightText = percent(row.weightShare);
            return {
                ...row,
                actualText,
                weightText,
                actualStyle: `width: ${Math.round(row.share * 100)}%`,
                weightStyle: `width: ${Math.round(row.weightShare * 100)}%`,
                summary: formatLabel(SHARE_ROW, row.ownerName, row.leads, actualText, weightText)
            };
        });
    }

    handleAddQueue(): void {
        this.addRow('Queue');
    }

    handleAddUser(): void {
        this.addRow('User');
    }

    addRow(memberType: MemberType): void {
        this.members = [
            ...this.members,
            {
                key: `new-${++newRowSequence}`,
                memberId: null,
                memberType,
                reference: '',
                weight: 1,
                capacity: null,
                active: true,
                paused: false,
                awayUntil: null,
                resolvedName: null,
                load: null,
                problems: [],
                warnings: [],
                dirty: true
            }
        ];
    }

    handleRemove(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        this.members = this.members.filter((row) => row.key !== key);
    }

    handleFieldChange(event: CustomEvent<{ value?: unknown; checked?: boolean }>): void {
        const target = event.currentTarget as HTMLElement;
        const key = target.dataset.key;
        const field = target.dataset.field as EditableField;
        this.members = this.members.map((row) => {
            if (row.key !== key) {
                return row;
            }
            const changed: MemberRow = { ...row, dirty: true };
            if (field === 'reference') {
                changed.reference = String(event.detail.value ?? '').trim();
            } else if (field === 'weight') {
                changed.weight = toNumber(event.detail.value);
            } else if (field === 'capacity') {
                changed.capacity = toNumber(event.detail.value);
            } else if (field === 'active') {
                changed.active = Boolean(event.detail.checked);
            } else if (field === 'paused') {
                changed.paused = Boolean(event.detail.checked);
            } else if (field === 'awayUntil') {
                changed.awayUntil = event.detail.value ? String(event.detail.value) : null;
            }
            return changed;
        });
        this.validationMessage = undefined;
    }

    /** The same rules as DistributionController.saveMembers, checked before the round trip. */
    validate(): string | undefined {
        for (const row of this.members) {
            if (!row.reference) {
                return REFERENCE_REQUIRED;
            }
            if (row.weight === null || !Number.isInteger(row.weight) || row.weight < 1 || row.weight > 100) {
                return formatLabel(WEIGHT_RANGE, row.reference);
            }
            if (row.capacity !== null && (!Number.isInteger(row.capacity) || row.capacity < 0)) {
                return formatLabel(CAPACITY_RANGE, row.reference);
            }
        }
        return undefined;
    }

    async handleSave(): Promise<void> {
        this.saveError = undefined;
        this.validationMessage = this.validate();
        if (this.validationMessage) {
            return;
        }
        const members: MemberInput[] = this.members.map((row) => ({
            memberId: row.memberId,
            memberType: row.memberType,
            reference: row.reference,
            weight: row.weight,
            capacity: row.capacity,
            active: row.active,
            paused: row.paused,
            awayUntil: row.awayUntil
        }));
        this.isSaving = true;
        try {
            this.apply(await saveMembers({ groupId: this.recordId as string, members }));
            this.dispatchEvent(new ShowToastEvent({ title: SAVED, message: SAVED, variant: 'success' }));
            this.loadPreview();
            this.loadShares();
        } catch (error) {
            this.saveError = error;
        } finally {
            this.isSaving = false;
        }
    }

    handleRefreshPreview(): void {
        this.loadPreview();
    }
}
