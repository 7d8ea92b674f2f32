/**
 * Shared test double of lightning/navigation: records where a component navigated, so a test can
 * assert the page reference (the stock stub drops it).
 */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');
let lastNavigation;

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            lastNavigation = { pageReference, replace };
        }

        [GenerateUrl]() {
            return Promise.resolve('https://www.example.com');
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The last navigation, or undefined. */
export const getNavigateCalledWith = () => lastNavigation;

/** Forgets the last navigation; call it in afterEach. */
export const resetNavigation = () => {
    lastNavigation = undefined;
};
