import { createElement } from 'lwc';
import DistributionGroupEditor from 'c/distributionGroupEditor';
import getGroupEditorData from '@salesforce/apex/DistributionGroupEditorController.getGroupEditorData';
import saveMembers from '@salesforce/apex/DistributionGroupEditorController.saveMembers';
import getPreview from '@salesforce/apex/DistributionGroupEditorController.getPreview';
import getShareChart from '@salesforce/apex/DistributionGroupEditorController.getShareChart';
import type { GroupEditorData, PreviewRow, ShareRow } from 'c/distributionCommon';

import GROUP from './data/getGroupEditorData.json';
import PREVIEW from './data/getPreview.json';
import SHARES from './data/getShareChart.json';

jest.mock('@salesforce/apex/DistributionGroupEditorController.getGroupEditorData', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/DistributionGroupEditorController.saveMembers', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/DistributionGroupEditorController.getPreview', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/DistributionGroupEditorController.getShareChart', () => ({ default: jest.fn() }), {
    virtual: true
});
// Labels with placeholders get their real text, so the tests see how they are filled.
jest.mock(
    '@salesforce/label/c.Distribution_Share_Row',
    () => ({ default: '{0}: {1} leads, {2} of leads, {3} by weight' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Distribution_Error_Weight_Range',
    () => ({ default: 'Weight of {0} must be from 1 to 100.' }),
    { virtual: true }
);

const GROUP_DATA = GROUP as GroupEditorData;
const PREVIEW_ROWS = PREVIEW as PreviewRow[];
const SHARE_ROWS = SHARES as ShareRow[];
const GROUP_ID = 'a01000000000001AAA';
const NO_ACCESS = {
    body: {
        message:
            'You do not have access to distribution groups. Ask your admin for the Partner Desk Channel Manager permission set.'
    },
    ok: false,
    status: 500,
    statusText: 'Server Error'
};

type Input = HTMLElement & { value?: unknown; checked?: boolean; disabled?: boolean };

function render(): HTMLElement {
    const element = createElement('c-distribution-group-editor', { is: DistributionGroupEditor });
    Object.assign(element, { recordId: GROUP_ID });
    document.body.appendChild(element);
    return element;
}

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function all(root: ShadowRoot, selector: string): HTMLElement[] {
    return Array.from(root.querySelectorAll(selector));
}

function one(root: ShadowRoot, selector: string): Input {
    return root.querySelector(selector) as Input;
}

function change(field: HTMLElement, detail: Record<string, unknown>): void {
    field.dispatchEvent(new CustomEvent('change', { detail }));
}

async function renderWith(data: GroupEditorData = GROUP_DATA): Promise<HTMLElement> {
    jest.mocked(getGroupEditorData).mockResolvedValue(data);
    jest.mocked(getPreview).mockResolvedValue(PREVIEW_ROWS);
    jest.mocked(getShareChart).mockResolvedValue(SHARE_ROWS);
    const element = render();
    await flush();
    return element;
}

describe('c-distribution-group-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the group loads', async () => {
        jest.mocked(getGroupEditorData).mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();

        expect(element.shadowRoot!.querySelector('.load-spinner')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('table.members')).toBeNull();
        expect(getGroupEditorData).toHaveBeenCalledWith({ groupId: GROUP_ID });
    });

    it('lists the members with weights, capacities, loads and readiness', async () => {
        const element = await renderWith();
        const root = element.shadowRoot!;

        const rows = all(root, 'tr.member');
        expect(rows).toHaveLength(3);
        expect(one(root, 'tr.member .weight').value).toBe(3);
        expect(rows[0].querySelector('.resolved')!.textContent).toBe('Partner: Acme');
        expect(rows[0].querySelector('.load')!.textContent).toBe('12');
        expect(rows[0].querySelector('.ready')).not.toBeNull();
        expect(Array.from(rows[1].querySelectorAll('.warning')).map((w) => w.textContent)).toEqual([
            'at capacity (5 of 5 open leads)',
            'has never logged in'
        ]);
        expect(rows[2].querySelector('.problem')!.textContent).toBe('no queue named PD_Partner_Gone');
        expect(rows[2].querySelector('.resolved')).toBeNull();
        expect(rows[2].querySelector('.load')!.textContent).toBe('–');
    });

    it("shows each member's availability: paused, and away until a date", async () => {
        const element = await renderWith();
        const rows = all(element.shadowRoot!, 'tr.member');

        expect(rows.map((row) => (row.querySelector('.paused') as Input).checked)).toEqual([false, false, true]);
        expect(rows.map((row) => (row.querySelector('.away-until') as Input).value ?? null)).toEqual([
            null,
            '2026-12-24',
            null
        ]);
        expect((rows[1].querySelector('.away-until') as Input).disabled).toBe(false);
    });

    it('shows the next 20 assignments and the 30-day share against weight', async () => {
        const element = await renderWith();
        const root = element.shadowRoot!;

        const preview = all(root, '.preview-row').map((li) => li.textContent);
        expect(preview).toHaveLength(20);
        expect(preview.slice(0, 4)).toEqual(['Partner: Acme', 'Partner: Acme', 'Partner: Acme', 'Noor Haddad']);
        const shareRows = all(root, '.share-row');
        expect(shareRows).toHaveLength(2);
        expect(shareRows[0].querySelector('.actual-value')!.textContent).toBe('60%');
        expect(shareRows[0].querySelector('.weight-value')!.textContent).toBe('75%');
        expect((shareRows[0].querySelector('.bar_actual') as HTMLElement).style.width).toBe('60%');
        expect(shareRows[1].querySelector('.share-summary')!.textContent).toBe(
            'Noor Haddad: 20 leads, 40% of leads, 25% by weight'
        );
    });

    it('says so when the group has no members and nothing was routed', async () => {
        jest.mocked(getGroupEditorData).mockResolvedValue({ ...GROUP_DATA, members: [] });
        jest.mocked(getPreview).mockResolvedValue([
            { position: 1, ownerId: null, ownerName: null, reason: 'NO_ELIGIBLE_MEMBER' }
        ]);
        jest.mocked(getShareChart).mockResolvedValue([]);
        const element = render();
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('.empty')).not.toBeNull();
        expect(root.querySelector('table.members')).toBeNull();
        expect(root.querySelector('.share-empty')).not.toBeNull();
        expect(all(root, '.preview-row').map((li) => li.textContent)).toEqual(['c.Distribution_Preview_Nobody']);
    });

    it('shows an error panel when the group cannot load', async () => {
        jest.mocked(getGroupEditorData).mockRejectedValue({ body: { message: 'Boom' }, ok: false, status: 500 });
        const element = render();
        await flush();
        const root = element.shadowRoot!;

        const panel = root.querySelector('c-error-panel.load-error') as HTMLElement & { errors: unknown };
        expect(panel).not.toBeNull();
        expect(panel.errors).toEqual({ body: { message: 'Boom' }, ok: false, status: 500 });
        expect(root.querySelector('table.members')).toBeNull();
        expect(getPreview).not.toHaveBeenCalled();
    });

    it('passes the permission refusal to the error panel for users without access', async () => {
        jest.mocked(getGroupEditorData).mockRejectedValue(NO_ACCESS);
        const element = render();
        await flush();

        const panel = element.shadowRoot!.querySelector('c-error-panel.load-error') as HTMLElement & {
            errors: unknown;
        };
        expect(panel.errors).toEqual(NO_ACCESS);
        expect(element.shadowRoot!.querySelector('table.members')).toBeNull();
        expect(element.shadowRoot!.querySelector('lightning-button.save')).toBeNull();
    });

    it('is read-only when the user may not edit members', async () => {
        const element = await renderWith({ ...GROUP_DATA, canEdit: false });
        const root = element.shadowRoot!;

        expect(root.querySelector('.read-only')).not.toBeNull();
        expect(one(root, '.weight').disabled).toBe(true);
        expect(one(root, '.paused').disabled).toBe(true);
        expect(one(root, '.away-until').disabled).toBe(true);
        expect(one(root, 'lightning-button.save').disabled).toBe(true);
        expect(one(root, 'lightning-button.add-queue').disabled).toBe(true);
    });

    it('refuses a weight outside 1 to 100 before calling Apex', async () => {
        const element = await renderWith();
        const root = element.shadowRoot!;

        change(one(root, '.weight'), { value: '0' });
        await flush();
        one(root, 'lightning-button.save').click();
        await flush();

        expect(root.querySelector('.validation')!.textContent).toBe('Weight of PD_Partner_Acme must be from 1 to 100.');
        expect(saveMembers).not.toHaveBeenCalled();
    });

    it('saves edited, added and removed members and reloads preview and chart', async () => {
        const element = await renderWith();
        const root = element.shadowRoot!;
        jest.mocked(saveMembers).mockResolvedValue(GROUP_DATA);
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);

        change(one(root, '.weight'), { value: '4' });
        change(one(root, 'tr.member:nth-child(2) .active'), { checked: false });
        change(one(root, 'tr.member:nth-child(1) .paused'), { checked: true });
        change(one(root, 'tr.member:nth-child(2) .away-until'), { value: '' });
        (one(root, 'tr.member:nth-child(3) .remove') as HTMLElement).click();
        one(root, 'lightning-button.add-user').click();
        await flush();
        const added = all(root, 'tr.member')[2];
        expect(added.querySelector('.not-saved')).not.toBeNull();
        change(added.querySelector('.reference') as HTMLElement, { value: ' new.partner@fjord.example ' });
        one(root, 'lightning-button.save').click();
        await flush();

        expect(saveMembers).toHaveBeenCalledWith({
            groupId: GROUP_ID,
            members: [
                {
                    memberId: 'a02000000000001AAA',
                    memberType: 'Queue',
                    reference: 'PD_Partner_Acme',
                    weight: 4,
                    capacity: null,
                    active: true,
                    paused: true,
                    awayUntil: null
                },
                {
                    memberId: 'a02000000000002AAA',
                    memberType: 'User',
                    reference: 'noor@fjord.example',
                    weight: 1,
                    capacity: 5,
                    active: false,
                    paused: false,
                    awayUntil: null
                },
                {
                    memberId: null,
                    memberType: 'User',
                    reference: 'new.partner@fjord.example',
                    weight: 1,
                    capacity: null,
                    active: true,
                    paused: false,
                    awayUntil: null
                }
            ]
        });
        expect(toast).toHaveBeenCalledTimes(1);
        expect(getPreview).toHaveBeenCalledTimes(2);
        expect(getShareChart).toHaveBeenCalledTimes(2);
        expect(all(root, 'tr.member')).toHaveLength(3);
    });

    it('shows the save error and keeps the edits', async () => {
        const element = await renderWith();
        const root = element.shadowRoot!;
        jest.mocked(saveMembers).mockRejectedValue({
            body: { message: 'Group Nordic partners: member x needs a weight' }
        });

        change(one(root, '.capacity'), { value: '7' });
        one(root, 'lightning-button.save').click();
        await flush();

        expect(root.querySelector('c-error-panel.save-error')).not.toBeNull();
        expect(one(root, '.capacity').value).toBe(7);
    });

    it('shows preview and chart errors without hiding the members', async () => {
        jest.mocked(getGroupEditorData).mockResolvedValue(GROUP_DATA);
        jest.mocked(getPreview).mockRejectedValue({ body: { message: 'Group Nordic partners cannot route' } });
        jest.mocked(getShareChart).mockRejectedValue({ body: { message: 'No access' } });
        const element = render();
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('c-error-panel.preview-error')).not.toBeNull();
        expect(root.querySelector('c-error-panel.share-error')).not.toBeNull();
        expect(all(root, 'tr.member')).toHaveLength(3);
    });

    it('is accessible with data', async () => {
        const element = await renderWith();
        await expect(element).toBeAccessible();
    });
});
