import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

const APEX_ERROR = { body: { message: 'The account owner has no role. Give Ada Lovelace a role, then try again.' } };

function render(props: { errors?: unknown; friendlyMessage?: string }) {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

describe('c-error-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the friendly message and hides the details until asked', async () => {
        const element = render({ errors: APEX_ERROR, friendlyMessage: 'Could not enable the partner.' });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('.headline')!.textContent).toBe('Could not enable the partner.');
        expect(root.querySelector('.details')).toBeNull();

        (root.querySelector('lightning-button.toggle') as HTMLElement).click();
        await Promise.resolve();
        const items = Array.from(root.querySelectorAll('.details li')).map((li) => li.textContent);
        expect(items).toEqual([APEX_ERROR.body.message]);
    });

    it('falls back to the generic headline and offers no details for an empty error', async () => {
        const element = render({ errors: undefined });
        await Promise.resolve();
        const root = element.shadowRoot!;
        expect(root.querySelector('.headline')!.textContent).toBe('c.Common_Error_Generic');
        expect(root.querySelector('lightning-button.toggle')).toBeNull();
    });

    it('is accessible', async () => {
        const element = render({ errors: APEX_ERROR });
        await Promise.resolve();
        await expect(element).toBeAccessible();
    });
});
