// Test-only typings for the wire adapter test utilities of @salesforce/sfdx-lwc-jest (plain JavaScript).
declare module '@salesforce/sfdx-lwc-jest' {
    /** A wire adapter whose value a test pushes to the component. */
    export interface TestWireAdapter {
        emit(value: unknown): void;
        error(body?: unknown, status?: number, statusText?: string): void;
        getLastConfig(): Record<string, unknown>;
    }
    export function createApexTestWireAdapter(fn: jest.Mock): TestWireAdapter & jest.Mock;
    export function createLdsTestWireAdapter(fn: jest.Mock): TestWireAdapter & jest.Mock;
    export function createTestWireAdapter(fn: jest.Mock): TestWireAdapter & jest.Mock;
}

/** What the shared jest mock of lightning/navigation (force-app/test/jest-mocks) adds for tests. */
declare module 'lightning/navigation' {
    export function getNavigateCalledWith(): { pageReference: PageReference; replace?: boolean } | undefined;
    export function resetNavigation(): void;
}
