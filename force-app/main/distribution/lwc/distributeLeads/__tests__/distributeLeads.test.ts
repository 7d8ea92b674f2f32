import { createElement } from 'lwc';
import DistributeLeads from 'c/distributeLeads';
import getActiveGroups from '@salesforce/apex/LeadDistributionController.getActiveGroups';
import getGroupsCapNotice from '@salesforce/apex/LeadDistributionController.getGroupsCapNotice';
import distributeLeads from '@salesforce/apex/LeadDistributionController.distributeLeads';
import type { DistributeSummary } from 'c/distributionCommon';

import GROUPS from './data/getActiveGroups.json';
import SUMMARY from './data/distributeLeads.json';

jest.mock(
    '@salesforce/apex/LeadDistributionController.getActiveGroups',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/LeadDistributionController.getGroupsCapNotice',
    () => ({ default: jest.requireActual('@salesforce/sfdx-lwc-jest').createApexTestWireAdapter(jest.fn()) }),
    { virtual: true }
);
jest.mock('@salesforce/apex/LeadDistributionController.distributeLeads', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.Distribution_Distribute_Selected', () => ({ default: '{0} leads selected.' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.Distribution_Distribute_Result',
    () => ({ default: '{0} assigned, {1} with no eligible member, {2} matching no group.' }),
    { virtual: true }
);

jest.mock(
    '@salesforce/label/c.Distribution_Distribute_Not_Accessible',
    () => ({ default: '{0} selected leads were left as they are: you cannot see or edit them.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Distribution_Distribute_Protected',
    () => ({ default: '{0} leads are protected deal registrations and were left alone.' }),
    { virtual: true }
);

interface ApexWireAdapterMock {
    emit(value: unknown): void;
    error(body?: unknown): void;
}

type Field = HTMLElement & { value?: unknown; options?: Array<{ value: string; label: string }>; disabled?: boolean };

const groupsWire = getActiveGroups as unknown as ApexWireAdapterMock;
const capNoticeWire = getGroupsCapNotice as unknown as ApexWireAdapterMock;
const LEAD_IDS = ['00Q000000000001AAA', '00Q000000000002AAA', '00Q000000000003AAA'];

function render(leadIds: string[] = LEAD_IDS): HTMLElement {
    const element = createElement('c-distribute-leads', { is: DistributeLeads });
    Object.assign(element, { leadIds });
    document.body.appendChild(element);
    return element;
}

/** Lets pending promises and re-renders settle. */
function flush(): Promise<void> {
    return Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function one(root: ShadowRoot, selector: string): Field {
    return root.querySelector(selector) as Field;
}

async function renderWithGroups(): Promise<HTMLElement> {
    const element = render();
    groupsWire.emit(GROUPS);
    await flush();
    return element;
}

describe('c-distribute-leads', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the groups arrive', async () => {
        const element = render();
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('.load-spinner')).not.toBeNull();
        expect(root.querySelector('.selected')!.textContent).toBe('3 leads selected.');
        expect(root.querySelector('.group')).toBeNull();
    });

    it('says under the group picker that its list stopped at its cap, and nothing when it is complete', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        capNoticeWire.emit(null);
        await flush();
        expect(root.querySelector('.cap-notice')).toBeNull();

        const notice = 'Only the first 1000 are listed; some may be missing.';
        capNoticeWire.emit(notice);
        await flush();
        expect(root.querySelector('.cap-notice')!.textContent).toBe(notice);
        expect(one(root, '.group').options).toHaveLength(GROUPS.length + 1);
    });

    it('says so when no lead was selected', async () => {
        const element = render([]);
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('.none-selected')).not.toBeNull();
        expect(root.querySelector('.load-spinner')).toBeNull();
        expect(root.querySelector('lightning-button.distribute')).toBeNull();
    });

    it('offers matching by criteria first, then each active group', async () => {
        const element = await renderWithGroups();
        const group = one(element.shadowRoot!, '.group');

        expect(group.value).toBe('');
        expect(group.options).toEqual([{ value: '', label: 'c.Distribution_Distribute_By_Criteria' }, ...GROUPS]);
    });

    it('says so when there is no active group', async () => {
        const element = render();
        groupsWire.emit([]);
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('.no-groups')).not.toBeNull();
        expect(root.querySelector('lightning-button.distribute')).toBeNull();
    });

    it('shows an error panel when the groups cannot load, e.g. without permission', async () => {
        const element = render();
        groupsWire.error({ message: 'You do not have access to distribution groups.' });
        await flush();
        const root = element.shadowRoot!;

        expect(root.querySelector('c-error-panel.groups-error')).not.toBeNull();
        expect(root.querySelector('.load-spinner')).toBeNull();
    });

    it('distributes through the chosen group with the notification flag and shows the counts', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        jest.mocked(distributeLeads).mockResolvedValue(SUMMARY as DistributeSummary);

        one(root, '.group').dispatchEvent(new CustomEvent('change', { detail: { value: 'a01000000000001AAA' } }));
        one(root, '.notify').dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await flush();
        one(root, 'lightning-button.distribute').click();
        await flush();

        expect(distributeLeads).toHaveBeenCalledWith({
            leadIds: LEAD_IDS,
            groupId: 'a01000000000001AAA',
            notify: false
        });
        expect(root.querySelector('.result')!.textContent).toBe(
            '2 assigned, 1 with no eligible member, 0 matching no group.'
        );
        expect(root.querySelector('.group')).toBeNull();
    });

    it('says how many selected leads were left alone because they cannot be seen or edited', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        jest.mocked(distributeLeads).mockResolvedValue({ ...SUMMARY, notAccessible: 2 } as DistributeSummary);
        one(root, 'lightning-button.distribute').click();
        await flush();

        expect(root.querySelector('.not-accessible')!.textContent).toBe(
            '2 selected leads were left as they are: you cannot see or edit them.'
        );
    });

    it('says how many selected leads were left alone because they are protected deal registrations', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        jest.mocked(distributeLeads).mockResolvedValue({ ...SUMMARY, protectedLeads: 3 } as DistributeSummary);
        one(root, 'lightning-button.distribute').click();
        await flush();

        expect(root.querySelector('.protected-leads')!.textContent).toBe(
            '3 leads are protected deal registrations and were left alone.'
        );
        expect(root.querySelector('.not-accessible')).toBeNull();
    });

    it('says nothing about access when every selected lead could be handled', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        jest.mocked(distributeLeads).mockResolvedValue(SUMMARY as DistributeSummary);
        one(root, 'lightning-button.distribute').click();
        await flush();

        expect(root.querySelector('.result')).not.toBeNull();
        expect(root.querySelector('.not-accessible')).toBeNull();
    });

    it('sends no group when each lead should use its matching group', async () => {
        const element = await renderWithGroups();
        jest.mocked(distributeLeads).mockResolvedValue(SUMMARY as DistributeSummary);

        one(element.shadowRoot!, 'lightning-button.distribute').click();
        await flush();

        expect(distributeLeads).toHaveBeenCalledWith({ leadIds: LEAD_IDS, groupId: null, notify: true });
    });

    it('shows the refusal when distributing fails and keeps the form', async () => {
        const element = await renderWithGroups();
        const root = element.shadowRoot!;
        jest.mocked(distributeLeads).mockRejectedValue({
            body: { message: 'Another distribution is using this group right now.' }
        });

        one(root, 'lightning-button.distribute').click();
        await flush();

        expect(root.querySelector('c-error-panel.distribute-error')).not.toBeNull();
        expect(root.querySelector('.group')).not.toBeNull();
    });

    it('fires done for the host page', async () => {
        const element = await renderWithGroups();
        const done = jest.fn();
        document.body.addEventListener('done', done);

        one(element.shadowRoot!, 'lightning-button.done').click();

        expect(done).toHaveBeenCalledTimes(1);
        document.body.removeEventListener('done', done);
    });

    it('is accessible with groups', async () => {
        const element = await renderWithGroups();
        await expect(element).toBeAccessible();
    });
});
