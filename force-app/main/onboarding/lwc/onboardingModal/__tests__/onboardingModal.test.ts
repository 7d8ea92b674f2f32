import { createElement } from 'lwc';
import OnboardingModal from 'c/onboardingModal';

function render(props: { heading?: string; busy?: boolean } = {}) {
    const element = createElement('c-onboarding-modal', { is: OnboardingModal });
    Object.assign(element, { heading: 'Enable Acme as a partner account', ...props });
    document.body.appendChild(element);
    return element;
}

function pressEscape(element: HTMLElement): void {
    element
        .shadowRoot!.querySelector('section')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
}

describe('c-onboarding-modal', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('is a labelled modal dialog that takes focus', async () => {
        const element = render();
        await Promise.resolve();
        const dialog = element.shadowRoot!.querySelector('section')!;
        expect(dialog.getAttribute('role')).toBe('dialog');
        expect(dialog.getAttribute('aria-modal')).toBe('true');
        const heading = element.shadowRoot!.querySelector('h1')!;
        expect(heading.textContent).toBe('Enable Acme as a partner account');
        expect(dialog.getAttribute('aria-labelledby')).toBe(heading.id);
        expect(element.shadowRoot!.activeElement).toBe(dialog);
    });

    it('asks to close on Escape and on the close button', async () => {
        const element = render();
        const onClose = jest.fn();
        element.addEventListener('close', onClose);
        await Promise.resolve();

        pressEscape(element);
        (element.shadowRoot!.querySelector('lightning-button-icon.close') as HTMLElement).click();
        expect(onClose).toHaveBeenCalledTimes(2);
    });

    it('stays open while busy', async () => {
        const element = render({ busy: true });
        const onClose = jest.fn();
        element.addEventListener('close', onClose);
        await Promise.resolve();

        pressEscape(element);
        (element.shadowRoot!.querySelector('lightning-button-icon.close') as HTMLElement).click();
        expect(onClose).not.toHaveBeenCalled();
    });

    it('is accessible', async () => {
        const element = render();
        await Promise.resolve();
        await expect(element).toBeAccessible();
    });
});
