/// <reference lib="dom" />
/**
 * One gallery page: the component of the state named in the URL, set up as the state says. Synthetic
 * shadow comes first because lightning-base-components needs it outside the org.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import components from 'gallery:components';
import { currentState, platformLog } from '../shims/runtime';

declare global {
    interface Window {
        /** Read by the renderer: what the component asked of the platform. */
        galleryPlatformLog: string[];
    }
}

function text(id: string, value: string): void {
    const node = document.getElementById(id);
    if (node) {
        node.textContent = value;
    }
}

function mount(): void {
    const state = currentState;
    document.title = `${state.tag} · ${state.state}`;
    document.documentElement.lang = state.language;
    text('gallery-component', state.tag);
    text('gallery-state', state.state);
    text('gallery-description', state.description);

    document.addEventListener('lightning__showtoast', (event) => {
        const detail = (event as CustomEvent<{ title?: string; message: string; variant?: string }>).detail;
        const toast = document.createElement('p');
        toast.className = `gallery-toast gallery-toast_${detail.variant ?? 'info'}`;
        toast.textContent = [detail.title, detail.message].filter(Boolean).join(': ');
        document.getElementById('gallery-toasts')?.appendChild(toast);
    });

    const element = createElement(state.tag, { is: components[state.component] });
    Object.assign(element, state.props);
    document.getElementById('gallery-stage')?.appendChild(element);
    window.galleryPlatformLog = platformLog;
}

mount();
