import { createElement } from 'lwc';
import RoutingHealth from 'c/routingHealth';
import getChecks from '@salesforce/apex/RoutingHealthController.getChecks';
import type { HealthCheck } from '@salesforce/apex/RoutingHealthController.getChecks';

import CHECKS from './data/getChecks.json';

jest.mock('@salesforce/apex/RoutingHealthController.getChecks', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.Health_Fix', () => ({ default: 'What to do: {0}' }), { virtual: true });

function flush(): Promise<void> {
    return Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-routing-health', { is: RoutingHealth });
    document.body.appendChild(element);
    await flush();
    return element;
}

function texts(element: HTMLElement, selector: string): string[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)).map((node) => (node.textContent ?? '').trim());
}

describe('c-routing-health', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the checks run', async () => {
        jest.mocked(getChecks).mockReturnValue(new Promise(() => undefined));
        const element = await render();

        expect(element.shadowRoot!.querySelector('.spinner')).not.toBeNull();
    });

    it('lists problems first, then what could not be checked, then what passed, each problem with what to do', async () => {
        jest.mocked(getChecks).mockResolvedValue(CHECKS.mixed as HealthCheck[]);
        const element = await render();

        expect(texts(element, '.check-title')).toEqual([
            'Lead assignment rules: c.Health_Needs_Fix',
            'Recall job: c.Health_Needs_Fix',
            'Partner site: c.Health_Not_Checked',
            'Group members: c.Health_Ok'
        ]);
        expect(texts(element, '.check-fix')).toEqual([
            'What to do: Setup > Lead Assignment Rules: deactivate it.',
            'What to do: Schedule it.'
        ]);
        expect(texts(element, '.check-problem .check-detail')[0]).toBe('Active Lead assignment rule: Web leads.');
        expect(element.shadowRoot!.querySelector('.all-ok')).toBeNull();
        expect(element.shadowRoot!.querySelector('.spinner')).toBeNull();
    });

    it('says so when every check passed', async () => {
        jest.mocked(getChecks).mockResolvedValue(CHECKS.healthy as HealthCheck[]);
        const element = await render();

        expect(texts(element, '.all-ok')).toEqual(['c.Health_All_Ok']);
        expect(element.shadowRoot!.querySelector('.check-fix')).toBeNull();
    });

    it('shows the refusal of a user without the channel manager permission set', async () => {
        jest.mocked(getChecks).mockRejectedValue({
            body: { message: 'You do not have access to distribution groups.' }
        });
        const element = await render();

        expect(element.shadowRoot!.querySelector('.error')).not.toBeNull();
        expect(element.shadowRoot!.querySelector('.checks')).toBeNull();
    });

    it('runs the checks again on request', async () => {
        jest.mocked(getChecks).mockResolvedValue(CHECKS.mixed as HealthCheck[]);
        const element = await render();
        jest.mocked(getChecks).mockResolvedValue(CHECKS.healthy as HealthCheck[]);

        (element.shadowRoot!.querySelector('.refresh') as HTMLElement).click();
        await flush();

        expect(getChecks).toHaveBeenCalledTimes(2);
        expect(texts(element, '.all-ok')).toEqual(['c.Health_All_Ok']);
    });

    it('is accessible', async () => {
        jest.mocked(getChecks).mockResolvedValue(CHECKS.mixed as HealthCheck[]);
        const element = await render();

        await expect(element).toBeAccessible();
    });
});
